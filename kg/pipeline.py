"""The Python API: paths in, a ``KnowledgeGraph`` out.

    >>> import kg
    >>> graph = kg.build(["examples/jinan-shizhong-2025.txt"])   # doctest: +SKIP
    >>> graph.write("output/jinan-shizhong-2025")                # doctest: +SKIP

Every build runs the same stages on one document at a time: read → extract →
resolve (the document's own names) → identify (which real thing each is, across a
corpus) → its graph's quads. ``kg.corpus`` streams those quads into an on-disk
store; ``build`` here keeps them in memory.
"""
from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from .extract import Extractor
from .graph import Source, document_nquads
from .identity import identify
from .iri import document_id
from .knowledge import KnowledgeGraph
from .lexicon import Lexicon
from .model import Document, Extraction
from .read import find_sources, read_document
from .resolve import resolve
from .store import Facts, GraphStore

log = logging.getLogger(__name__)

# (phase, done, total): the CLI turns these into progress lines
Progress = Callable[[str, int, int], None]
PHASES = ("reading", "extraction", "resolution", "store", "turtle", "page")


@dataclass
class Phases:
    """Where a build spends its time, reported as it goes."""

    progress: Optional[Progress] = None
    times: dict[str, float] = field(default_factory=dict)

    @contextlib.contextmanager
    def timed(self, phase: str):
        self.tick(phase, 0, 0)  # a phase starts: progress shows it even before it counts anything
        start = time.perf_counter()
        try:
            yield
        finally:
            self.times[phase] = self.times.get(phase, 0.0) + time.perf_counter() - start

    def tick(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def line(self) -> str:
        """``reading 0.1 s, extraction 2.0 s, …`` in pipeline order (``turtle`` is writing graph.ttl)."""
        order = [p for p in PHASES if p in self.times] + sorted(set(self.times) - set(PHASES))
        return ", ".join(f"{p} {self.times[p]:.1f} s" for p in order)


@dataclass(frozen=True)
class Input:
    """A document read from a file, with the path users see (relative to the folder named)."""

    doc: Document
    source: str


class Pipeline:
    """read → extract → resolve → identify → quads, with lexicons loaded once."""

    def __init__(self, lexicon_files: Iterable[str | Path] = (), *, terms: Optional[dict[str, str]] = None) -> None:
        self.lexicon = Lexicon.load(lexicon_files)
        if terms:
            self.lexicon.user_terms.update(terms)
        self.extractor = Extractor(self.lexicon)

    def extract(self, doc: Document) -> Extraction:
        return self.extractor.extract(doc)

    def warm(self) -> None:
        """Load everything the rules load lazily (jieba, lexicon tables), e.g. before
        forking workers that should share it."""
        from .read import read_text
        self.extract(read_text("济南市市中区人民政府推进中山公园改造，新增就业1万人。", "warm"))

    def read(self, paths: Iterable[str | Path], phases: Optional[Phases] = None) -> tuple[list[Input], list[str]]:
        """Read every file first, so a bad one stops the build before any work is done.

        Returns the inputs and the paths of files whose content is already among them
        (the same report twice is read once). Raises ``InputError`` for a missing,
        empty, binary or undecodable file.
        """
        phases = phases or Phases()
        sources = _sources(paths)
        out: list[Input] = []
        seen: dict[str, str] = {}
        duplicates = []
        with phases.timed("reading"):
            for i, (path, rel) in enumerate(sources.items(), 1):
                doc = read_document(path)
                if doc.sha256 in seen:
                    log.warning("%s: same content as %s, read once", rel, seen[doc.sha256])
                    duplicates.append(rel)
                else:
                    seen[doc.sha256] = rel
                    out.append(Input(doc, rel))
                phases.tick("reading", i, len(sources))
        return out, duplicates

    def graph(self, item: Input, phases: Optional[Phases] = None) -> tuple[str, "Facts"]:
        """One document's graph as N-Quads, and its facts for the corpus graph (see ``kg.graph``)."""
        phases = phases or Phases()
        with phases.timed("extraction"):
            ex = self.extract(item.doc)
        with phases.timed("resolution"):
            resolved = resolve([ex], self.lexicon)
            ids = identify(ex, resolved, self.lexicon, document_id(item.doc.sha256))
            return document_nquads(ex, resolved, ids, Source(item.source, item.doc.sha256))

    def build(self, paths: Iterable[str | Path], *, progress: Optional[Progress] = None,
              title: str = "") -> KnowledgeGraph:
        """Build one graph, in memory, from files and folders of ``.txt`` files.

        Raises ``InputError`` for a missing, empty, binary or undecodable file;
        nothing is built then, so a batch never silently drops a document.
        """
        phases = Phases(progress)
        inputs, _ = self.read(paths, phases)
        store = GraphStore.in_memory()
        facts = Facts()
        for i, item in enumerate(inputs, 1):
            text, found = self.graph(item, phases)
            facts.merge(found)
            with phases.timed("store"):
                store.load_nquads(text.encode("utf-8"))
            phases.tick("extraction", i, len(inputs))
        with phases.timed("store"):
            store.write_facts(facts)
        name = title or (inputs[0].doc.name if len(inputs) == 1 else f"{len(inputs)} documents")
        return KnowledgeGraph(store, title=name, phases=phases)


def build(paths: Iterable[str | Path], *, lexicon: Iterable[str | Path] = (),
          progress: Optional[Progress] = None, title: str = "") -> KnowledgeGraph:
    """Build a knowledge graph from ``.txt`` files or folders of them (in memory; see
    ``kg.Corpus`` for a corpus on disk that documents can be added to)."""
    return Pipeline(lexicon).build(paths, progress=progress, title=title)


def _sources(paths: Iterable[str | Path]) -> dict[Path, str]:
    """Each file with its path relative to the folder named (or its bare name)."""
    out: dict[Path, str] = {}
    for raw in paths:
        p = Path(raw)
        for f in find_sources([p]):
            out[f] = f.relative_to(p).as_posix() if p.is_dir() else f.name
    return out

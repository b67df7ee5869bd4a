"""A corpus: a folder holding the graph of many reports, built once, then added to and removed from.

    CORPUS/
      corpus.json     what the folder holds: the current store, the title, the user lexicon
      store-000002/   the pyoxigraph store: a named graph per document plus the corpus graph
      store           a link to the current store, for tools that open it by path
                      (``oxigraph serve-read-only --location CORPUS/store``)
      graph.ttl       the union of all graphs, as Turtle
      graph.html      the interactive page

Every change (``build``, ``add``, ``remove``) is made on a copy of the store (a
RocksDB checkpoint: hard links, so instant at any size), then the new store,
graph.ttl, graph.html and last corpus.json, which names the store, are renamed
into place in one short step during which Ctrl-C waits. An interrupted or failed
change leaves the corpus as it was; a lock keeps two changes from racing.
"""
from __future__ import annotations

import contextlib
import gc
import json
import logging
import os
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import __version__
from .errors import GraphFileError, KgError
from .files import Staged, writable_folder
from .export import write
from .formats import GraphFormat
from .knowledge import HTML_NAME, TURTLE_NAME, KnowledgeGraph
from .store import DocumentInfo, Facts, GraphStore

log = logging.getLogger(__name__)

MANIFEST = "corpus.json"
STORE_LINK = "store"
_KIND = "kg corpus"
_VERSION = 1
_LOCK = ".kg-lock"
_BATCH_BYTES = 64 << 20  # N-Quads gathered before one bulk write to the store
# A corpus of more quads (about 600 reports) gets no graph.ttl or graph.html from every
# change unless asked (kg build --turtle --page): writing them would take longer than
# adding a report, and kg export and kg view write them when wanted.
OUTPUTS_UP_TO = 1_000_000


class CorpusError(KgError):
    """A corpus folder cannot be used: not a corpus, busy, or no such document in it."""


@dataclass
class Change:
    """What a build, add or remove did, for the summary a user reads."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a user should know (an output not written)
    phases: Optional[object] = None  # pipeline.Phases
    summary: Optional[object] = None  # analyse.Summary of the corpus after the change

    def line(self) -> str:
        parts = [f"{what} {len(items)}" for what, items in (
            ("added", self.added), ("replaced", self.replaced), ("unchanged", self.unchanged),
            ("duplicates skipped", self.duplicates), ("removed", self.removed)) if items]
        return ", ".join(parts) or "nothing changed"


class Corpus:
    """A corpus folder (see the module's docstring)."""

    def __init__(self, folder: Path, manifest: dict) -> None:
        self.folder = folder
        self.manifest = manifest

    @staticmethod
    def is_corpus(folder: str | Path) -> bool:
        return (Path(folder) / MANIFEST).is_file()

    @classmethod
    def open(cls, folder: str | Path) -> "Corpus":
        """Raises ``CorpusError`` for a folder that holds no corpus (or a broken one)."""
        folder = Path(folder)
        path = folder / MANIFEST
        if not path.is_file():
            raise CorpusError(f"{folder}: not a corpus folder (no {MANIFEST}; make one with kg build)")
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise CorpusError(f"{path}: cannot read ({err})") from err
        if not isinstance(manifest, dict) or manifest.get("kind") != _KIND:
            raise CorpusError(f"{path}: not a kg corpus manifest")
        if manifest.get("version", 0) > _VERSION:
            raise CorpusError(f"{path}: written by a newer kg (format {manifest.get('version')}); upgrade kg")
        store = folder / str(manifest.get("store", ""))
        if not manifest.get("store") or not store.is_dir():
            raise CorpusError(f"{folder}: the store {manifest.get('store')!r} named by {MANIFEST} is missing")
        return cls(folder, manifest)

    @property
    def store_path(self) -> Path:
        return self.folder / self.manifest["store"]

    @property
    def terms(self) -> dict[str, str]:
        """The user lexicon the corpus was built with; documents added later are read with it too."""
        return {t: c for t, c in self.manifest.get("lexicon", [])}

    def knowledge_graph(self) -> KnowledgeGraph:
        from .analyse import Summary
        store = GraphStore.open(self.store_path, read_only=True)
        counts = self.manifest.get("counts")
        if counts:  # kept at every change: counting a large store takes seconds
            store._count = counts["triples"]
            counts = Summary(**counts)
        return KnowledgeGraph(store, title=_title(self.manifest.get("title", ""), store), counts=counts)

    def documents(self) -> list[DocumentInfo]:
        return self.knowledge_graph().documents()

    def write_page(self) -> Path:
        """Rewrite graph.html from the store (``kg view``), under the corpus's lock."""
        from .files import write_atomic
        with _locked(self.folder):
            self._reload()
            page = self.folder / HTML_NAME
            write_atomic(page, self.knowledge_graph().render())
        return page

    # -- changes -----------------------------------------------------------

    @classmethod
    def build(cls, folder: str | Path, paths: Iterable[str | Path], *, lexicon: Iterable[str | Path] = (),
              title: str = "", progress=None, pipeline=None, workers: Optional[int] = None,
              turtle: Optional[bool] = None, page: Optional[bool] = None) -> tuple["Corpus", Change]:
        """Build a corpus in ``folder`` from files and folders of ``.txt`` files, replacing
        any corpus there; documents are read by ``workers`` processes (default: all cores).
        ``turtle`` and ``page`` say whether every change writes graph.ttl and graph.html
        (None: up to OUTPUTS_UP_TO quads).
        Raises ``InputError`` for a bad file, ``GraphFileError`` for a folder kg cannot write
        in: the folder is then as it was."""
        from .pipeline import Phases, Pipeline

        folder = writable_folder(Path(folder))
        phases = Phases(progress)
        pipeline = pipeline or Pipeline(lexicon)
        with _locked(folder):
            inputs, duplicates = pipeline.read(paths, phases)
            change = Change(added=[i.source for i in inputs], duplicates=duplicates, phases=phases)
            manifest = {"kind": _KIND, "version": _VERSION, "kg": __version__, "title": title,
                        "lexicon": sorted(pipeline.lexicon.user_terms.items()), "turtle": turtle,
                        "page": page}

            def edit(store: GraphStore) -> None:
                facts = _add(store, pipeline, inputs, phases, workers)
                with phases.timed("store"):
                    store.write_facts(facts)  # every document is new: their facts add up

            _commit(folder, None, manifest, edit, change)
        return cls.open(folder), change

    def add(self, paths: Iterable[str | Path], *, progress=None, pipeline=None,
            workers: Optional[int] = None) -> Change:
        """Add reports: a file the corpus holds (same content) is skipped, a changed one
        (same path, new content) replaces its document, a new one is added."""
        from .pipeline import Phases, Pipeline

        phases = Phases(progress)
        with _locked(self.folder):
            self._reload()
            pipeline = pipeline or Pipeline(terms=self.terms)
            if self.manifest.get("kg") != __version__:
                log.warning("%s was built by kg %s: reports added now are read by kg %s's rules; "
                            "rebuild to read all alike", self.folder, self.manifest.get("kg"), __version__)
            held = self.documents()
            by_sha = {d.sha256: d for d in held}
            by_path = {d.path: d for d in held}
            inputs, duplicates = pipeline.read(paths, phases)
            change = Change(duplicates=duplicates, phases=phases)
            new, stale = [], []
            for item in inputs:
                old = by_sha.get(item.doc.sha256)
                if old is not None:
                    change.unchanged.append(item.source)
                    continue
                new.append(item)
                if item.source in by_path:
                    stale.append(by_path[item.source])
                    change.replaced.append(item.source)
                else:
                    change.added.append(item.source)
            if not new:
                return change

            def edit(store: GraphStore) -> None:
                with phases.timed("store"):
                    touched = set().union(*(store.remove_document(d.iri) for d in stale))
                touched |= set(_add(store, pipeline, new, phases, workers).canon)
                with phases.timed("store"):
                    store.refresh(touched)

            _commit(self.folder, self.store_path, dict(self.manifest), edit, change)
            self._reload()
        return change

    def remove(self, which: Iterable[str], *, progress=None) -> Change:
        """Remove documents (by id, IRI, source path or file name) and every thing only they named."""
        from .pipeline import Phases

        phases = Phases(progress)
        with _locked(self.folder):
            self._reload()
            held = self.documents()
            gone = []
            for text in which:
                doc = find_document(text, held)
                if doc not in gone:
                    gone.append(doc)
            change = Change(removed=[d.path for d in gone], phases=phases)

            def edit(store: GraphStore) -> None:
                with phases.timed("store"):
                    touched = set().union(*(store.remove_document(d.iri) for d in gone))
                    store.refresh(touched)
                    store.store.optimize()

            _commit(self.folder, self.store_path, dict(self.manifest), edit, change)
            self._reload()
        return change

    def _reload(self) -> None:
        fresh = Corpus.open(self.folder)
        self.manifest = fresh.manifest


def _add(store: GraphStore, pipeline, inputs, phases, workers: Optional[int]) -> Facts:
    """Extract the inputs (in ``workers`` processes) and stream their graphs into ``store``
    in bulk; returns their facts for the corpus graph, added up. Extraction and resolution
    times are those of the workers, added up."""
    from .workers import extract

    facts = Facts()
    batch: list[bytes] = []
    size = 0
    for i, done in enumerate(extract(pipeline, inputs, workers), 1):
        for phase, seconds in done.times.items():
            phases.times[phase] = phases.times.get(phase, 0.0) + seconds
        facts.merge(done.facts)
        batch.append(done.nquads)
        size += len(done.nquads)
        if size >= _BATCH_BYTES or i == len(inputs):
            with phases.timed("store"):
                store.load_nquads(b"".join(batch))
            batch, size = [], 0
        phases.tick("extraction", i, len(inputs))
    return facts


def _commit(folder: Path, base: Optional[Path], manifest: dict, edit: Callable[[GraphStore], None],
            change: Change) -> None:
    """Apply ``edit`` to a copy of the store at ``base`` (a new store when None), write the
    outputs beside it, and make all of them the corpus at once."""
    phases = change.phases
    current = Corpus.open(folder).manifest if Corpus.is_corpus(folder) else {}
    _tidy(folder, keep=current.get("store", ""))  # what an earlier crash may have left
    number = max(int(manifest.get("serial", 0)), int(current.get("serial", 0))) + 1
    name = f"store-{number:06d}"
    tmp = folder / f".{name}-{uuid.uuid4().hex[:8]}.tmp"
    with Staged() as staged:
        staged.folder(tmp, folder / name)
        try:
            if base is not None:
                old = GraphStore.open(base, read_only=True)
                old.store.backup(str(tmp))
                del old
            store = GraphStore.open(tmp, read_only=False)
            edit(store)
            with phases.timed("store"):
                store.store.flush()
            graph = KnowledgeGraph(store, title=_title(manifest.get("title", ""), store))
            small = len(store) <= OUTPUTS_UP_TO
            turtle, page = manifest.get("turtle"), manifest.get("page")
            if turtle if turtle is not None else small:
                with phases.timed("turtle"):
                    staged.write_with(folder / TURTLE_NAME, lambda fh: write(graph, GraphFormat.TURTLE, fh))
            else:
                staged.remove(folder / TURTLE_NAME)  # never a graph.ttl of an older state beside the store
                change.notes.append(f"{TURTLE_NAME} is not written for a corpus of {len(store):,} quads; "
                                    f"kg export {folder} --format turtle -o FILE writes it")
            if page if page is not None else small:
                with phases.timed("page"):
                    staged.write(folder / HTML_NAME, graph.render())
            else:
                staged.remove(folder / HTML_NAME)
                change.notes.append(f"{HTML_NAME} is not written for a corpus of {len(store):,} quads; "
                                    f"kg view {folder} writes its overview, kg view {folder} --region NAME "
                                    "a page of one region")
            with phases.timed("store"):
                from .analyse import summary
                change.summary = summary(store, top=0)  # counts only: what the summary line says
        except OSError as err:
            raise GraphFileError(f"{folder}: cannot write the corpus ({err.strerror or err})") from err
        finally:
            graph = store = None  # noqa: F841 -- the store's files close when it is collected
            gc.collect()
        manifest.update(store=name, serial=number)
        if change.summary is not None:
            s = change.summary
            manifest["counts"] = {"documents": s.documents, "triples": s.triples, "categories": s.categories,
                                  "relations": s.relations}
        link = folder / STORE_LINK
        if link.is_dir() and not link.is_symlink():
            # a copy made by a tool that follows links: the manifest names the real store
            link.rename(folder / f".store-000000-{uuid.uuid4().hex[:8]}.tmp")
        staged.link(link, name)
        staged.write(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
        staged.commit()
    _tidy(folder, keep=name)


def _tidy(folder: Path, keep: str) -> None:
    """Remove stores no manifest names any more (the one just replaced, or left by a crash)."""
    for p in folder.iterdir():
        if p.is_dir() and p.name != keep and re.fullmatch(r"\.?store-\d{6}(-[0-9a-f]{8}\.tmp)?", p.name):
            shutil.rmtree(p, ignore_errors=True)


@contextlib.contextmanager
def _locked(folder: Path):
    """One change at a time: a second kg build/add/remove on the folder fails at once."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        yield
        return
    fd = os.open(folder / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            raise CorpusError(f"{folder}: another kg command is changing this corpus; try again when it ends") \
                from err
        yield
    finally:
        os.close(fd)


def find_document(text: str, held: list[DocumentInfo]) -> DocumentInfo:
    """The one document ``text`` names: its id (or the first 6+ characters of its SHA-256),
    its IRI, its path in the corpus, or its file name with or without the extension."""
    hits = [d for d in held if text in (d.iri, d.id, d.path, Path(d.path).name, Path(d.path).stem)
            or (len(text) >= 6 and d.sha256.startswith(text.lower()))]
    if not hits:
        raise CorpusError(f"no document {text!r} in the corpus (kg documents CORPUS lists them)")
    if len(hits) > 1:
        raise CorpusError(f"{text!r} names {len(hits)} documents ({', '.join(d.path for d in hits[:4])}); "
                          "give its id (kg documents CORPUS)")
    return hits[0]


def _title(title: str, store: GraphStore) -> str:
    if title:
        return title
    count = store.document_count()
    return store.documents()[0].label if count == 1 else f"{count} documents"

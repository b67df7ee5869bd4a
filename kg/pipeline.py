"""The Python API: paths in, a ``KnowledgeGraph`` out.

    >>> import kg
    >>> graph = kg.build(["examples/jinan-shizhong-2025.txt"])   # doctest: +SKIP
    >>> graph.write("output/jinan-shizhong-2025")                # doctest: +SKIP
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Iterable, Optional

from .extract import Extractor
from .graph import GraphBuilder
from .knowledge import KnowledgeGraph
from .lexicon import Lexicon
from .model import Document, Extraction
from .read import find_sources, read_document
from .resolve import resolve

log = logging.getLogger(__name__)

Progress = Callable[[Document], None]


class Pipeline:
    """read → segment → extract → resolve → graph, with lexicons loaded once."""

    def __init__(self, lexicon_files: Iterable[str | Path] = ()) -> None:
        self.lexicon = Lexicon.load(lexicon_files)
        self.extractor = Extractor(self.lexicon)

    def extract(self, doc: Document) -> Extraction:
        return self.extractor.extract(doc)

    def build(self, paths: Iterable[str | Path], *, progress: Optional[Progress] = None,
              title: str = "") -> KnowledgeGraph:
        """Build one graph from files and folders of ``.txt`` files.

        Raises ``InputError`` for a missing, empty, binary or undecodable file;
        nothing is built then, so a batch never silently drops a document.
        """
        sources = _sources(paths)
        docs = [read_document(p) for p in sources]
        extractions = []
        for doc in docs:
            extractions.append(self.extract(doc))
            if progress:
                progress(doc)
        resolved = resolve(extractions, self.lexicon)
        rel = {str(p): r for p, r in sources.items()}
        graph = GraphBuilder(resolved, rel).build(extractions)
        name = title or (docs[0].name if len(docs) == 1 else f"{len(docs)} documents")
        return KnowledgeGraph(graph, title=name)


def build(paths: Iterable[str | Path], *, lexicon: Iterable[str | Path] = (),
          progress: Optional[Progress] = None, title: str = "") -> KnowledgeGraph:
    """Build a knowledge graph from ``.txt`` files or folders of them."""
    return Pipeline(lexicon).build(paths, progress=progress, title=title)


def _sources(paths: Iterable[str | Path]) -> dict[Path, str]:
    """Each file with its path relative to the folder named (or its bare name)."""
    out: dict[Path, str] = {}
    for raw in paths:
        p = Path(raw)
        for f in find_sources([p]):
            out[f] = f.relative_to(p).as_posix() if p.is_dir() else f.name
    return out

"""``KnowledgeGraph``: a built graph with the things users do with it.

It wraps an rdflib ``Graph`` and is what ``kg.build`` returns and
``KnowledgeGraph.load`` reads back from a Turtle file, so the CLI commands
that take a GRAPH work the same on fresh and saved graphs.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import GraphFileError
from .formats import GraphFormat

TURTLE_NAME = "graph.ttl"
HTML_NAME = "graph.html"


@dataclass
class KnowledgeGraph:
    graph: Graph
    title: str = ""

    @classmethod
    def load(cls, path: str | Path) -> "KnowledgeGraph":
        """Read a graph file (Turtle, N-Triples or JSON-LD by extension), or a folder holding graph.ttl.

        Raises ``GraphFileError`` naming the file and, for syntax errors, the problem.
        """
        p = Path(path)
        if p.is_dir():
            p = p / TURTLE_NAME
        if not p.is_file():
            raise GraphFileError(f"{p}: no such graph file")
        fmt = GraphFormat.from_extension(p.suffix)
        g = Graph()
        try:
            g.parse(p, format=fmt.rdflib_name)
        except Exception as err:  # rdflib raises many parser-specific types
            detail = " ".join(str(err).split())[:300]
            raise GraphFileError(f"{p}: not a valid {fmt.value} file ({detail})") from err
        from .graph import new_graph
        bound = new_graph()
        bound += g
        title = p.parent.name if p.name == TURTLE_NAME else p.stem
        return cls(bound, title=title)

    def __len__(self) -> int:
        return len(self.graph)

    def serialize(self, fmt: GraphFormat = GraphFormat.TURTLE) -> str:
        from .export import serialize
        return serialize(self, fmt)

    def write(self, out_dir: str | Path) -> tuple[Path, Path]:
        """Write ``graph.ttl`` and ``graph.html`` into ``out_dir``, each atomically."""
        from .render import render_html
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        ttl, html = out / TURTLE_NAME, out / HTML_NAME
        write_atomic(ttl, self.serialize(GraphFormat.TURTLE))
        write_atomic(html, render_html(self))
        return ttl, html

    def query(self, sparql: str):
        from .query import run_query
        return run_query(self.graph, sparql)

    def summary(self):
        from .analyse import summary
        return summary(self.graph)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a failure leaves the old file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

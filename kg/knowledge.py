"""``KnowledgeGraph``: a built graph with the things users do with it.

It wraps a ``GraphStore`` (pyoxigraph: a graph per document plus the corpus
graph) and is what ``kg.build`` returns, what ``KnowledgeGraph.load`` reads back
from a graph file or opens from a corpus folder, so the CLI commands that take a
GRAPH work the same on all three. ``.graph`` gives the union as an
``rdflib.Graph``, made on demand, for code that expects rdflib.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

from .errors import GraphFileError
from .files import Staged, write_atomic
from .formats import GraphFormat
from .store import GraphStore

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.query import Result

    from .pipeline import Phases

TURTLE_NAME = "graph.ttl"
HTML_NAME = "graph.html"

__all__ = ["KnowledgeGraph", "TURTLE_NAME", "HTML_NAME", "write_atomic"]


class KnowledgeGraph:
    def __init__(self, store: GraphStore, title: str = "", phases: Optional["Phases"] = None,
                 counts=None) -> None:
        self.store = store
        self.title = title
        self.phases = phases  # how long each stage of the build took, when this graph was built
        self._counts = counts  # a Summary without central things, when known (a corpus keeps it)
        self._graph: Optional["Graph"] = None
        self._networkx = None
        self._summary = None
        self._things = None
        self._degrees = None

    @classmethod
    def load(cls, path: str | Path) -> "KnowledgeGraph":
        """Open a corpus folder, or read a graph file (Turtle, N-Triples, TriG, N-Quads or
        JSON-LD by extension), or a folder holding graph.ttl.

        Raises ``GraphFileError`` naming the file and, for syntax errors, the line.
        """
        p = Path(path)
        if p.is_dir():
            from .corpus import Corpus
            if Corpus.is_corpus(p):
                return Corpus.open(p).knowledge_graph()
            p = p / TURTLE_NAME
        if not p.is_file():
            raise GraphFileError(f"{p}: no such graph file")
        fmt = GraphFormat.from_extension(p.suffix)
        store = GraphStore.from_file(p, fmt.oxigraph)
        return cls(store, title=p.parent.name if p.name == TURTLE_NAME else p.stem)

    @property
    def graph(self) -> "Graph":
        """The union of every graph as an ``rdflib.Graph`` (built on first use)."""
        if self._graph is None:
            self._graph = self.store.to_rdflib()
        return self._graph

    @property
    def dataset(self):
        """Every graph as an ``rdflib.Dataset``: a named graph per document and the corpus graph."""
        from rdflib import Dataset, URIRef

        from .rdf import to_rdflib
        ds = Dataset()
        for q in self.store.quads():
            g = q.graph_name
            ctx = ds.default_context if not hasattr(g, "value") else ds.graph(URIRef(g.value))
            ctx.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return ds

    def __len__(self) -> int:
        return len(self.store.triples())

    def serialize(self, fmt: GraphFormat = GraphFormat.TURTLE, document: Optional[str] = None) -> str:
        """The graph (or one document's, given its IRI) in ``fmt``."""
        from .export import serialize
        return serialize(self, fmt, document=document)

    def documents(self):
        return self.store.documents()

    def render(self, focus=None) -> str:
        """The interactive page (``kg.render``): the whole graph, an overview of a large one,
        or a ``kg.views.Focus``."""
        from .render import render_html
        return render_html(self, focus)

    def write(self, out_dir: str | Path) -> tuple[Path, Path]:
        """Write ``graph.ttl`` and ``graph.html`` into ``out_dir``; both appear together or not at all."""
        from .files import writable_folder
        out = writable_folder(Path(out_dir))
        ttl, html = out / TURTLE_NAME, out / HTML_NAME
        with Staged() as staged:
            staged.write(ttl, self.serialize(GraphFormat.TURTLE))
            staged.write(html, self.render())
            staged.commit()
        return ttl, html

    def query(self, sparql: str, *, allow_network: bool = False) -> "Result":
        """SPARQL 1.1 over the union of every graph; rows as ``rdflib`` terms.
        Raises ``QueryError`` for a bad query, and for SERVICE unless ``allow_network``."""
        from .query import run_query
        return run_query(self.store.store, sparql, allow_network=allow_network)

    @property
    def things(self) -> dict[str, tuple[str, str]]:
        """IRI -> (category, label) of every thing (``kg.analyse.things``), read once."""
        if self._things is None:
            from .analyse import things
            self._things = things(self.store)
        return self._things

    @property
    def degrees(self):
        """How many other things each thing is related to (``kg.analyse.degrees``), read once."""
        if self._degrees is None:
            from .analyse import degrees
            self._degrees = degrees(self.store)
        return self._degrees

    @property
    def networkx(self):
        """The things and their relations as a ``networkx.MultiDiGraph`` (``kg.analyse``), made once."""
        if self._networkx is None:
            from .analyse import network
            self._networkx = network(self.store, table=self.things)
        return self._networkx

    def counts(self):
        """Counts per class and relation, documents and triples (``Summary`` without its
        central things): what a page's header says, kept by a corpus at every change."""
        if self._counts is None:
            from .analyse import summary
            self._counts = summary(self.store, top=0)
        return self._counts

    def summary(self):
        """Counts per class and relation and the most central things (``kg.analyse.Summary``)."""
        if self._summary is None:
            from .analyse import summary
            self._summary = summary(self.store, table=self.things, deg=self.degrees)
        return self._summary

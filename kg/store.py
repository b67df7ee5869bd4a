"""The store: a corpus's graphs in pyoxigraph, in memory or on disk.

Each document is a named graph (``res:doc/<content hash>``, see ``kg.graph``) that
holds only what that document says: its sentences, mentions, relation evidence,
indicators and actions. What a corpus knows about each thing from all its
documents lives in one more graph, ``res:corpus``, derived from the documents'
graphs by ``refresh``:

- the thing's class (from its IRI, which ``kg.identity`` made for one category);
- ``rdfs:label`` and ``skos:prefLabel``: the name its mentions use most (a
  division's full name), ``skos:altLabel``: every other name;
- ``kg:divisionCode`` for a division, ``kg:positionTitle`` for a person;
- one triple per relation its documents state between things.

So the union of all graphs (what queries see) holds each fact once, and adding or
removing a document changes its own graph plus the corpus facts of the things it
names, which ``refresh`` recomputes from the graphs that remain: a corpus built
at once and one built a document at a time hold the same quads.
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pyoxigraph as ox

from . import iri
from .errors import GraphFileError
from .rdf import (ALT_LABEL, PREF_LABEL, RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE, RDFS_LABEL, T,
                  new_graph, node, plain, to_rdflib, zh)
from .resolve import name_key
from .vocab import KG

log = logging.getLogger(__name__)

CORPUS = ox.NamedNode(iri.CORPUS_GRAPH)
_DIVISION_ENDS = ("省", "市", "区", "县", "州", "盟", "旗")
_AREAS = (iri.DIVISION_PREFIX, iri.entity_iri("AdministrativeArea", "", "", "").rsplit("/", 1)[0] + "/")
_BATCH = 400  # nodes per VALUES block when a few things are refreshed
_PREFIXES = {"kg": str(KG._NS), "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
_QUERY_PREFIXES = {**_PREFIXES, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                   "skos": "http://www.w3.org/2004/02/skos/core#"}


@dataclass
class Facts:
    """What the corpus graph says of things, before it is written: per thing, the name
    each mention gives it (counted), all its names, titles and relations. Documents'
    facts add up (``merge``), so a build sums what its workers send; ``kg add`` and
    ``kg remove`` read them back from the documents' graphs (``GraphStore.refresh``)."""

    canon: dict[str, Counter] = field(default_factory=dict)  # thing -> its name as each mention gives it
    names: dict[str, set[str]] = field(default_factory=dict)
    titles: dict[str, set[str]] = field(default_factory=dict)
    edges: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # thing -> (predicate, object)

    def merge(self, other: "Facts") -> None:
        for n, counts in other.canon.items():
            self.canon.setdefault(n, Counter()).update(counts)
        for mine, theirs in ((self.names, other.names), (self.titles, other.titles), (self.edges, other.edges)):
            for n, items in theirs.items():
                mine.setdefault(n, set()).update(items)

    def quads(self) -> Iterator[ox.Quad]:
        for n in sorted(self.canon):
            yield from _thing(n, self.canon[n], self.names.get(n, set()), self.titles.get(n, set()),
                              self.edges.get(n, set()))

    @classmethod
    def of_mentions(cls, mentions: Iterable[tuple[str, str, str, set[str], set[str]]],
                    edges: Iterable[tuple[str, str, str]]) -> "Facts":
        """From (mention, thing, text, aliases, titles) and (subject, predicate, object) of
        one document, the way the store reads them (a mention counts once per thing)."""
        out = cls()
        for _, n, text, aliases, titles in mentions:
            name = _canonical(text, aliases) if iri.category_of(n) == "AdministrativeArea" else text
            out.canon.setdefault(n, Counter())[name] += 1
            out.names.setdefault(n, set()).update(aliases | {text})
            if titles:
                out.titles.setdefault(n, set()).update(titles)
        for s, p, o in edges:
            if iri.category_of(o) is not None:  # links to a document's indicators stay in its graph
                out.edges.setdefault(s, set()).add((p, o))
        return out


@dataclass(frozen=True)
class DocumentInfo:
    """A document a store holds (``kg documents CORPUS`` lists them)."""

    iri: str
    label: str
    path: str
    sha256: str

    @property
    def id(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


class GraphStore:
    """A pyoxigraph ``Store`` with kg's layout: a graph per document and the corpus graph."""

    def __init__(self, store: ox.Store, location: Optional[Path] = None) -> None:
        self.store = store
        self.location = location
        # counting a RocksDB store walks all of it (2 s at 14 M quads): counted once until a write
        self._count: Optional[int] = None
        self._documents: Optional[list[DocumentInfo]] = None

    def _changed(self) -> None:
        self._count = self._documents = None

    @classmethod
    def in_memory(cls) -> "GraphStore":
        return cls(ox.Store())

    @classmethod
    def open(cls, path: Path, *, read_only: bool = True) -> "GraphStore":
        """Open a store folder; raises ``GraphFileError`` when it cannot be opened."""
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as err:
            raise GraphFileError(f"{path}: cannot open the corpus store ({_one_line(err)})") from err
        return cls(store, path)

    @classmethod
    def from_file(cls, path: Path, fmt: ox.RdfFormat) -> "GraphStore":
        """Read a graph file (Turtle, N-Triples, TriG, N-Quads, JSON-LD) into memory.
        Raises ``GraphFileError`` naming the file and, for syntax errors, the line."""
        out = cls.in_memory()
        try:
            out.store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as err:
            raise GraphFileError(f"{path}: not a valid {_format_name(fmt)} file ({_one_line(err)})") from err
        except OSError as err:
            raise GraphFileError(f"{path}: cannot read ({_one_line(err)})") from err
        return out

    def __len__(self) -> int:
        if self._count is None:
            self._count = len(self.store)
        return self._count

    # -- documents ---------------------------------------------------------

    def load_nquads(self, data: bytes) -> None:
        """Add documents' graphs serialised as N-Quads (what ``kg.workers`` sends)."""
        if data:
            self._changed()
            self.store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)

    def remove_document(self, doc_iri: str) -> set[str]:
        """Drop a document's graph; returns the things whose corpus facts it touched."""
        nodes = self.nodes_of(doc_iri)
        self._changed()
        self.store.remove_graph(node(doc_iri))
        return nodes

    def nodes_of(self, doc_iri: str) -> set[str]:
        """The things a document's graph names or relates (their corpus facts depend on it)."""
        g = node(doc_iri)
        out = {q.object.value for q in self.store.quads_for_pattern(None, T.mentionOf, None, g)}
        return {n for n in out if iri.category_of(n)}

    def document_count(self) -> int:
        return sum(1 for _ in self.store.quads_for_pattern(None, RDF_TYPE, T.Document, None))

    def documents(self) -> list[DocumentInfo]:
        if self._documents is not None:
            return list(self._documents)
        out = []
        for q in self.store.quads_for_pattern(None, RDF_TYPE, T.Document, None):
            d, g = q.subject, q.graph_name
            out.append(DocumentInfo(d.value, self._literal(d, RDFS_LABEL, g), self._literal(d, T.sourcePath, g),
                                    self._literal(d, T.sha256, g)))
        self._documents = sorted(out, key=lambda x: (x.path, x.iri))
        return list(self._documents)

    def _literal(self, s, p, g) -> str:
        return next((q.object.value for q in self.store.quads_for_pattern(s, p, None, g)), "")

    # -- the corpus graph --------------------------------------------------

    def refresh(self, nodes: Optional[set[str]] = None) -> None:
        """Recompute the corpus facts of ``nodes`` (all things when None) from the documents' graphs."""
        self._changed()
        if nodes is None:
            self.store.clear_graph(CORPUS)
            batches: list[Optional[list[str]]] = [None]
        else:
            old = [q for n in sorted(nodes) for q in self.store.quads_for_pattern(node(n), None, None, CORPUS)]
            for q in old:
                self.store.remove(q)
            ordered = sorted(nodes)
            batches = [ordered[i:i + _BATCH] for i in range(0, len(ordered), _BATCH)]
        for batch in batches:
            if batch != []:
                self.write_facts(self._facts(batch))

    def write_facts(self, facts: Facts) -> None:
        """Add the corpus graph's quads for ``facts`` (whose things have none yet)."""
        quads = list(facts.quads())
        if quads:
            self._changed()
            self.store.extend(quads)

    def _facts(self, nodes: Optional[list[str]]) -> Facts:
        """The facts of ``nodes`` (all things when None), read from every document's graph.
        The store counts names by thing; only a division's mentions are read one by one,
        since its label is the full name a mention implies (济南 -> 济南市)."""
        values = "" if nodes is None else "VALUES ?node { " + " ".join(f"<{n}>" for n in nodes) + " }"
        out = Facts()
        for row in self._select(f"""SELECT ?node ?text (COUNT(DISTINCT ?m) AS ?k) WHERE {{ {values}
                GRAPH ?g {{ ?m kg:mentionOf ?node ; kg:text ?text }} }} GROUP BY ?node ?text"""):
            n = row["node"].value
            if iri.category_of(n) not in (None, "AdministrativeArea"):
                out.canon.setdefault(n, Counter())[row["text"].value] += int(row["k"].value)
                out.names.setdefault(n, set()).add(row["text"].value)
        areas: dict[str, dict[tuple[str, str], set[str]]] = {}  # division -> (mention, text) -> aliases
        for row in self._select(f"""SELECT ?node ?m ?text ?alias WHERE {{ {values}
                GRAPH ?g {{ ?m kg:mentionOf ?node ; kg:text ?text . OPTIONAL {{ ?m kg:alias ?alias }} }}
                FILTER(STRSTARTS(STR(?node), "{_AREAS[0]}") || STRSTARTS(STR(?node), "{_AREAS[1]}")) }}"""):
            per = areas.setdefault(row["node"].value, {}).setdefault((row["m"].value, row["text"].value), set())
            if row["alias"] is not None:
                per.add(row["alias"].value)
        for n, mentions in areas.items():
            counts = out.canon.setdefault(n, Counter())
            for (_, text), aka in mentions.items():
                counts[_canonical(text, aka)] += 1
                out.names.setdefault(n, set()).update(aka | {text})
        # the rarer pattern first: the store joins in the order written
        for row in self._select(f"""SELECT DISTINCT ?node ?alias WHERE {{ {values}
                GRAPH ?g {{ ?m kg:alias ?alias . ?m kg:mentionOf ?node }} }}"""):
            if row["node"].value in out.names:
                out.names[row["node"].value].add(row["alias"].value)
        for row in self._select(f"""SELECT DISTINCT ?node ?title WHERE {{ {values}
                GRAPH ?g {{ ?m kg:positionTitle ?title . ?m kg:mentionOf ?node }} }}"""):
            if row["node"].value in out.canon:
                out.titles.setdefault(row["node"].value, set()).add(row["title"].value)
        subject = values.replace("?node", "?s")
        for row in self._select(f"""SELECT DISTINCT ?s ?p ?o WHERE {{ {subject}
                GRAPH ?g {{ ?rm rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} }}"""):
            o = row["o"].value
            if iri.category_of(o) is not None:
                out.edges.setdefault(row["s"].value, set()).add((row["p"].value, o))
        return out

    def _select(self, sparql: str):
        return self.store.query(sparql, prefixes=_PREFIXES)

    def select(self, sparql: str):
        """Rows of a SELECT over the union of all graphs, kg's prefixes declared (for kg's own
        queries; users' queries go through ``kg.query.run_query``)."""
        return self.store.query(sparql, prefixes=_QUERY_PREFIXES, use_default_graph_as_union=True)

    def triple_count(self) -> int:
        """Triples in the union: kg writes each fact in one graph only, so this is the
        number of quads."""
        return len(self)

    # -- reading -----------------------------------------------------------

    def quads(self, graph: Optional[str] = None) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(None, None, None, node(graph) if graph else None)

    def triples(self) -> set[ox.Triple]:
        """The union of every graph, each triple once."""
        return {ox.Triple(q.subject, q.predicate, q.object) for q in self.store}

    def document_quads(self, doc_iri: str) -> list[ox.Quad]:
        """One document's graph, with the corpus facts about the things it names and the
        relations it states (so an export of one document stands on its own)."""
        own = list(self.store.quads_for_pattern(None, None, None, node(doc_iri)))
        parts: dict[str, dict[str, str]] = {}
        for q in own:
            if q.predicate in (RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT):
                parts.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
        stated = {(x.get(RDF_SUBJECT.value), x.get(RDF_PREDICATE.value), x.get(RDF_OBJECT.value))
                  for x in parts.values()}
        facts = []
        for n in sorted(self.nodes_of(doc_iri)):
            for q in self.store.quads_for_pattern(node(n), None, None, CORPUS):
                o = q.object.value if isinstance(q.object, ox.NamedNode) else ""
                if iri.category_of(o) is None or (n, q.predicate.value, o) in stated:
                    facts.append(q)
        return own + facts

    def to_rdflib(self):
        """The union as an ``rdflib.Graph`` (made on demand: rdflib holds it in memory)."""
        g = new_graph()
        g.addN((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object), g) for t in self.triples())
        return g


def _thing(n: str, canon: Counter, names: set[str], titles: set[str],
           edges: set[tuple[str, str]]) -> Iterator[ox.Quad]:
    """A thing's quads in the corpus graph: class, label, other names, code, titles, relations."""
    category = iri.category_of(n)
    code = iri.division_code(n)
    label = max(canon, key=lambda x: (canon[x], len(x), x))
    s = node(n)
    yield ox.Quad(s, RDF_TYPE, getattr(T, category), CORPUS)
    yield ox.Quad(s, RDFS_LABEL, zh(label), CORPUS)
    yield ox.Quad(s, PREF_LABEL, zh(label), CORPUS)
    key = name_key(label)
    for alt in sorted(a for a in names if name_key(a) != key):
        yield ox.Quad(s, ALT_LABEL, zh(alt), CORPUS)
    if code:
        yield ox.Quad(s, T.divisionCode, plain(code), CORPUS)
    for t in sorted(titles):
        yield ox.Quad(s, T.positionTitle, plain(t), CORPUS)
    for p, o in sorted(edges):
        yield ox.Quad(s, node(p), node(o), CORPUS)


def _canonical(text: str, aliases: set[str]) -> str:
    """A division is called by the full name a mention implies (济南 -> 济南市), else as written."""
    full = [a for a in aliases if a != text and a.endswith(_DIVISION_ENDS)]
    return max(full, key=lambda a: (len(a), a)) if full else text


def _format_name(fmt: ox.RdfFormat) -> str:
    return {ox.RdfFormat.TURTLE: "turtle", ox.RdfFormat.N_TRIPLES: "N-Triples", ox.RdfFormat.N_QUADS: "N-Quads",
            ox.RdfFormat.TRIG: "TriG", ox.RdfFormat.JSON_LD: "JSON-LD"}.get(fmt, str(fmt))


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:300]

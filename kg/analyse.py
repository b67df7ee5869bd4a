"""The analyse stage: the things of a graph and their relations as a networkx graph,
counts and centrality, all read from the store with SPARQL.

Only things (the 15 categories) become nodes; evidence (documents, sentences,
mentions) becomes node attributes, so layouts and centrality see the network
of places, organisations and targets rather than of sentences. Nothing here
copies a whole corpus into Python: ``summary`` and ``degrees`` are aggregates the
store computes, and ``network`` reads the things it is asked for.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

import networkx as nx
import pyoxigraph as ox

from .rdf import PREF_LABEL, RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE, RDFS_LABEL, node
from .vocab import CATEGORIES, KG, RELATIONS

if TYPE_CHECKING:
    from .store import GraphStore

_CLASS_TO_CATEGORY = {str(getattr(KG, c)): c for c in CATEGORIES}
_PREDICATES = {str(getattr(KG, p)): p for p in RELATIONS if p != "actsOn"}
_RELATION_VALUES = "VALUES ?p { " + " ".join(f"<{p}>" for p in sorted(_PREDICATES)) + " }"
_CLASS_VALUES = "VALUES ?c { " + " ".join(f"<{c}>" for c in sorted(_CLASS_TO_CATEGORY)) + " }"
_LOCATED_IN = str(KG.locatedIn)
_MENTION_OF, _IN_SENTENCE, _IN_DOCUMENT = node(str(KG.mentionOf)), node(str(KG.inSentence)), node(str(KG.inDocument))
_TEXT, _START, _INFERRED = node(str(KG.text)), node(str(KG.startOffset)), node(str(KG.inferred))
_LOCATED = node(str(KG.locatedIn))
_TYPE, _PREF_LABEL, _RDFS_LABEL = RDF_TYPE, PREF_LABEL, RDFS_LABEL
# kg's mention IRIs: <document>/m<start>-<end> (an indicator's: /i…)
_MENTION = re.compile(r"^(.*)/[mi](\d+)-\d+$")
MAX_EVIDENCE = 5  # sentences kept per node for tooltips and panels
_EXACT = 600  # nodes up to which the layout pushes every pair apart
_SAMPLE = 300  # nodes each node is pushed away from, per iteration, above that
_BATCH = 500  # things per VALUES block


@dataclass
class Summary:
    documents: int
    triples: int
    categories: dict[str, int]
    relations: dict[str, int]
    central: list[tuple[str, str, float]] = field(default_factory=list)  # (label, category, score)

    def line(self) -> str:
        cats = ", ".join(f"{CATEGORIES[c]} {n}" for c, n in self.categories.items()
                         if c != "Indicator" and n)
        return (f"{self.documents} documents; entities: {sum(v for k, v in self.categories.items() if k != 'Indicator')}"
                f" ({cats}); targets: {self.categories.get('Indicator', 0)}; "
                f"relations: {sum(self.relations.values())}; triples: {self.triples}")


def things(store: "GraphStore") -> dict[str, tuple[str, str]]:
    """IRI -> (category, label) of every thing: its skos:prefLabel, else its rdfs:label
    (indicators), else the end of its IRI; a node of two classes or labels gets the same
    one every time."""
    out: dict[str, tuple[str, str]] = {}
    for row in store.select(f"""SELECT ?n ?c ?label WHERE {{ {_CLASS_VALUES} ?n a ?c .
            OPTIONAL {{ ?n skos:prefLabel ?pl }} OPTIONAL {{ ?n rdfs:label ?rl }}
            BIND(COALESCE(?pl, ?rl) AS ?label) }}"""):
        n = row["n"]
        if not isinstance(n, ox.NamedNode):
            continue
        label = row["label"].value if row["label"] is not None else n.value.rsplit("/", 1)[-1]
        item = (_CLASS_TO_CATEGORY[row["c"].value], label)
        if n.value not in out or item < out[n.value]:
            out[n.value] = item
    return out


def things_of(store: "GraphStore", nodes: Iterable[str]) -> dict[str, tuple[str, str]]:
    """``things(store)`` for some nodes only (those that are things), by index lookups."""
    out: dict[str, tuple[str, str]] = {}
    st = store.store
    for n in nodes:
        iri = node(n)
        cats = sorted(_CLASS_TO_CATEGORY[q.object.value] for q in st.quads_for_pattern(iri, _TYPE, None, None)
                      if q.object.value in _CLASS_TO_CATEGORY)
        if not cats:
            continue
        labels = sorted(q.object.value for q in st.quads_for_pattern(iri, _PREF_LABEL, None, None)) \
            or sorted(q.object.value for q in st.quads_for_pattern(iri, _RDFS_LABEL, None, None)) \
            or [n.rsplit("/", 1)[-1]]
        out[n] = (cats[0], labels[0])
    return out


def degrees_of(store: "GraphStore", nodes: Iterable[str]) -> Counter:
    """``degrees(store)`` for some nodes only."""
    out: Counter = Counter()
    for values in _blocks("n", nodes):
        for row in store.select(f"""SELECT ?n (COUNT(DISTINCT ?m) AS ?d) WHERE {{ {values}
                {{ ?n ?p ?m {_RELATION_VALUES} }} UNION {{ ?m ?p ?n {_RELATION_VALUES} }}
                FILTER(?m != ?n) }} GROUP BY ?n"""):
            out[row["n"].value] = int(row["d"].value)
    return out


def degrees(store: "GraphStore") -> Counter:
    """How many other things each thing is related to (its degree in the undirected graph)."""
    out: Counter = Counter()
    for row in store.select(f"""SELECT ?n (COUNT(DISTINCT ?m) AS ?d) WHERE {{
            {{ ?n ?p ?m {_RELATION_VALUES} }} UNION {{ ?m ?p ?n {_RELATION_VALUES} }}
            FILTER(?m != ?n) }} GROUP BY ?n"""):
        out[row["n"].value] = int(row["d"].value)
    return out


def relations(store: "GraphStore", nodes: Optional[Iterable[str]] = None) -> list[tuple[str, str, str, bool]]:
    """(subject, predicate name, object, inferred) for the relations among ``nodes`` (all when None).
    A locatedIn no sentence states is inferred (a place in the report's region).

    Read with the store's indexes rather than SPARQL: a page asks for the relations of
    a few thousand things, which is a few lookups each."""
    keep = set(nodes) if nodes is not None else None
    found: set[tuple[str, str, str]] = set()
    for p, name in _PREDICATES.items():
        pred = node(p)
        subjects = [None] if keep is None else [node(n) for n in sorted(keep)]
        for s in subjects:
            for q in store.store.quads_for_pattern(s, pred, None, None):
                o = q.object.value
                if keep is None or o in keep:
                    found.add((q.subject.value, name, o))
    out = []
    for s, p, o in sorted(found):
        out.append((s, p, o, p == "locatedIn" and not _stated(store, s, o)))
    return out


def _stated(store: "GraphStore", s: str, o: str) -> bool:
    """True when a sentence states that ``s`` lies in ``o`` (evidence not marked inferred)."""
    for q in store.store.quads_for_pattern(None, RDF_SUBJECT, node(s), None):
        rm, g = q.subject, q.graph_name
        if ox.Quad(rm, RDF_PREDICATE, _LOCATED, g) in store.store \
                and ox.Quad(rm, RDF_OBJECT, node(o), g) in store.store \
                and not any(True for _ in store.store.quads_for_pattern(rm, _INFERRED, None, g)):
            return True
    return False


def network(store: "GraphStore", nodes: Optional[Iterable[str]] = None,
            table: Optional[dict[str, tuple[str, str]]] = None) -> nx.MultiDiGraph:
    """Things as nodes (category, label, names, evidence, documents; value and unit for
    indicators) and their relations as labelled edges: all of them, or ``nodes`` only.
    ``table`` is ``things(store)`` when the caller has it."""
    if table is None:
        table = things(store) if nodes is None else things_of(store, nodes)
    keep = sorted(table) if nodes is None else sorted(n for n in set(nodes) if n in table)
    G = nx.MultiDiGraph()
    for n in keep:
        cat, label = table[n]
        G.add_node(n, category=cat, label=label, names=[], evidence=[], documents=[])
    _names(store, G)
    _evidence(store, G)
    _indicators(store, G)
    for s, p, o, inferred in relations(store, G.nodes if nodes is not None else None):
        if s in G and o in G:
            G.add_edge(s, o, key=p, predicate=p, label=RELATIONS[p], inferred=inferred)
    return G


def _blocks(var: str, nodes: Optional[Iterable[str]]) -> list[str]:
    """``VALUES ?var { … }`` clauses of at most _BATCH IRIs each; one empty clause for all."""
    if nodes is None:
        return [""]
    ordered = sorted(nodes)
    return [f"VALUES ?{var} {{ " + " ".join(f"<{n}>" for n in ordered[i:i + _BATCH]) + " }"
            for i in range(0, len(ordered), _BATCH)]


def _names(store: "GraphStore", G: nx.MultiDiGraph) -> None:
    for values in _blocks("n", G.nodes):
        for row in store.select(f"SELECT DISTINCT ?n ?alt WHERE {{ {values} ?n skos:altLabel ?alt }}"):
            G.nodes[row["n"].value]["names"].append(row["alt"].value)
    for n in G.nodes:
        G.nodes[n]["names"].sort()


def _evidence(store: "GraphStore", G: nx.MultiDiGraph) -> None:
    """Each node's sentences (text, document label) in document order, the first few kept.

    A node named a thousand times needs only its first sentences: its mentions are
    ordered by the document and offset their IRIs carry (kg writes <document>/m<start>-<end>),
    and only the first ones' sentences are read."""
    labels = {r["d"].value: r["l"].value for r in store.select(
        "SELECT ?d ?l WHERE { ?d a kg:Document ; rdfs:label ?l }")}
    for n in G.nodes:
        order = []
        for q in store.store.quads_for_pattern(None, _MENTION_OF, node(n), None):
            m = q.subject
            own = _MENTION.match(m.value)
            doc, start = (own.group(1), int(own.group(2))) if own else _where(store, m)
            order.append((labels.get(doc, ""), start, m.value))
        order.sort()
        evidence: list[tuple[str, str]] = []
        seen: set[str] = set()
        for label, _, m in order:
            if len(evidence) >= MAX_EVIDENCE:
                break
            for q in store.store.quads_for_pattern(node(m), _IN_SENTENCE, None, None):
                sentence = q.object.value
                if sentence in seen:
                    continue
                seen.add(sentence)
                text = next((t.object.value for t in store.store.quads_for_pattern(q.object, _TEXT, None, None)), "")
                if text and (text, label) not in evidence:
                    evidence.append((text, label))
        G.nodes[n]["evidence"] = evidence
        G.nodes[n]["documents"] = sorted({label for label, _, _ in order})


def _where(store: "GraphStore", mention) -> tuple[str, int]:
    """The document and offset of a mention a graph written elsewhere holds."""
    doc = next((q.object.value for q in store.store.quads_for_pattern(mention, _IN_DOCUMENT, None, None)), "")
    start = next((int(q.object.value) for q in store.store.quads_for_pattern(mention, _START, None, None)
                  if q.object.value.lstrip("-").isdigit()), 0)
    return doc, start


def _indicators(store: "GraphStore", G: nx.MultiDiGraph) -> None:
    props = {node(str(getattr(KG, p))): p for p in ("value", "unit", "minValue", "maxValue", "qualifier", "year")}
    for n, d in G.nodes(data=True):
        if d["category"] == "Indicator":
            for pred, name in props.items():
                for q in store.store.quads_for_pattern(node(n), pred, None, None):
                    d[name] = q.object.value


def spring_layout(G: nx.Graph, *, size: float = 4000.0, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions, vectorised with numpy, for pages too big to
    lay out in the browser. Deterministic: the same graph gives the same positions.

    Beyond ``_EXACT`` nodes each node is pushed away from a random sample of the others
    (drawn anew each iteration, scaled up to all of them) rather than from every one,
    so an iteration costs n × sample, not n²: 7,500 nodes take seconds, not a minute.
    """
    import numpy as np

    nodes = sorted(G.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array(sorted({(index[u], index[v]) for u, v in G.edges() if u != v}) or [(0, 0)])
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / np.sqrt(n)
    iterations = 60 if n <= _EXACT else 45
    step = 0.1
    for _ in range(iterations):
        if n <= _EXACT:
            others, scale = pos, 1.0
        else:
            others, scale = pos[rng.choice(n, _SAMPLE, replace=False)], n / _SAMPLE
        disp = np.zeros_like(pos)
        block = max(1, 2_000_000 // len(others))  # rows at a time, so memory stays near 100 MB
        for a in range(0, n, block):
            delta = pos[a:a + block, None, :] - others[None, :, :]
            dist2 = np.maximum((delta ** 2).sum(-1), 1e-6)
            disp[a:a + block] = (delta * (k * k / dist2)[:, :, None]).sum(1) * scale
        d = pos[edges[:, 0]] - pos[edges[:, 1]]
        length = np.sqrt((d ** 2).sum(1)).clip(1e-3)
        pull = d * (length / k)[:, None]
        np.add.at(disp, edges[:, 0], -pull)
        np.add.at(disp, edges[:, 1], pull)
        norm = np.sqrt((disp ** 2).sum(1)).clip(1e-9)
        pos += disp / norm[:, None] * np.minimum(norm, step)[:, None]
        step -= 0.1 / (iterations + 1)
    pos -= pos.mean(0)
    pos *= size / max(float(np.abs(pos).max()), 1e-9) / 2
    return {v: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for v, i in index.items()}


def summary(store: "GraphStore", top: int = 10, table: Optional[dict] = None,
            deg: Optional[Counter] = None) -> Summary:
    """Counts per class and relation, documents and triples, and the ``top`` things by
    degree centrality (their share of all other things they are related to).
    ``table`` and ``deg`` are ``things(store)`` and ``degrees(store)`` when the caller has them."""
    cats: Counter = Counter()
    for row in store.select(f"SELECT ?c (COUNT(DISTINCT ?n) AS ?k) WHERE {{ {_CLASS_VALUES} ?n a ?c }} GROUP BY ?c"):
        cat = _CLASS_TO_CATEGORY.get(row["c"].value)
        if cat:
            cats[cat] += int(row["k"].value)
    rels: Counter = Counter()
    for row in store.select(f"SELECT ?p (COUNT(*) AS ?k) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE "
                            f"{{ ?s ?p ?o {_RELATION_VALUES} }} }} GROUP BY ?p"):
        rels[_PREDICATES[row["p"].value]] += int(row["k"].value)
    docs = next(iter(store.select("SELECT (COUNT(DISTINCT ?d) AS ?k) WHERE { ?d a kg:Document }")))["k"]
    central = []
    n = sum(cats.values())
    if n > 1 and top > 0:
        table = table if table is not None else things(store)
        deg = deg if deg is not None else degrees(store)
        scored = [(d / (n - 1), table[t]) for t, d in deg.items() if t in table]
        scored.sort(key=lambda x: (-x[0], x[1][1]))
        central = [(label, cat, round(score, 4)) for score, (cat, label) in scored
                   if cat != "Indicator"][:top]
    return Summary(documents=int(docs.value), triples=store.triple_count(),
                   categories={c: cats.get(c, 0) for c in CATEGORIES},
                   relations={p: rels[p] for p in RELATIONS if rels.get(p)}, central=central)

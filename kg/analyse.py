"""The analyse stage: the RDF graph as a networkx graph, counts and centrality.

Only things (the 15 categories) become nodes; evidence (documents, sentences,
mentions) becomes node attributes, so layouts and centrality see the network
of places, organisations and targets rather than of sentences.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .vocab import CATEGORIES, KG, RELATIONS

_CLASS_TO_CATEGORY = {getattr(KG, c): c for c in CATEGORIES}
_PREDICATES = {getattr(KG, p): p for p in RELATIONS if p != "actsOn"}
MAX_EVIDENCE = 5  # sentences kept per node for tooltips and panels
_EXACT = 2000  # nodes up to which the layout pushes every pair apart
_SAMPLE = 500  # nodes each node is pushed away from, per iteration, above that


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


def label_of(g: Graph, node: URIRef) -> str:
    for p in (SKOS.prefLabel, RDFS.label):
        for o in g.objects(node, p):
            return str(o)
    return str(node).rsplit("/", 1)[-1]


def to_networkx(g: Graph) -> nx.MultiDiGraph:
    """Things as nodes (category, label, names, evidence), relations as labelled edges."""
    G = nx.MultiDiGraph()
    evidence = _evidence(g)
    for node, cls in sorted(g.subject_objects(RDF.type)):
        cat = _CLASS_TO_CATEGORY.get(cls)
        if cat is None:
            continue
        attrs = {
            "category": cat,
            "label": label_of(g, node),
            "names": sorted({str(o) for o in g.objects(node, SKOS.altLabel)}),
            "evidence": evidence.get(node, [])[:MAX_EVIDENCE],
            "documents": sorted({d for _, d in evidence.get(node, [])}),
        }
        if cat == "Indicator":
            for p in ("value", "unit", "minValue", "maxValue", "qualifier", "year"):
                for o in g.objects(node, getattr(KG, p)):
                    attrs[p] = str(o)
        G.add_node(str(node), **attrs)
    stated = set()
    for rm in g.subjects(RDF.type, KG.RelationMention):
        if g.value(rm, KG.inferred) is None:
            stated.add((g.value(rm, RDF.subject), g.value(rm, RDF.predicate), g.value(rm, RDF.object)))
    for s, p, o in sorted(g.triples((None, None, None))):
        name = _PREDICATES.get(p)
        if name and G.has_node(str(s)) and G.has_node(str(o)):
            # inferred: no sentence states it (a place in the report's region)
            G.add_edge(str(s), str(o), key=name, predicate=name, label=RELATIONS[name],
                       inferred=name == "locatedIn" and (s, p, o) not in stated)
    return G


def _evidence(g: Graph) -> dict[URIRef, list[tuple[str, str]]]:
    """node -> [(sentence text, document label)] in document order."""
    out: dict[URIRef, list[tuple[int, str, str]]] = {}
    doc_labels = {d: label_of(g, d) for d in g.subjects(RDF.type, KG.Document)}
    for m, node in g.subject_objects(KG.mentionOf):
        sent = g.value(m, KG.inSentence)
        doc = g.value(m, KG.inDocument)
        text = g.value(sent, KG.text) if sent is not None else None
        if text is None:
            continue
        start = g.value(sent, KG.startOffset)
        key = (int(start) if isinstance(start, Literal) else 0)
        out.setdefault(node, []).append((key, str(text), doc_labels.get(doc, "")))
    result = {}
    for node, items in out.items():
        seen, ordered = set(), []
        for _, text, doc in sorted(items, key=lambda x: (x[2], x[0])):
            if (text, doc) not in seen:
                seen.add((text, doc))
                ordered.append((text, doc))
        result[node] = ordered
    return result


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
    iterations = 60 if n <= 3000 else 40
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


def summary(g: Graph, top: int = 10, G: Optional[nx.MultiDiGraph] = None) -> Summary:
    """Counts and the most central things; ``G`` is ``to_networkx(g)`` when the caller has it."""
    G = G if G is not None else to_networkx(g)
    cats = Counter(d["category"] for _, d in G.nodes(data=True))
    rels = Counter(d["predicate"] for *_, d in G.edges(data=True))
    simple = nx.Graph(G.to_undirected())
    central = []
    if simple.number_of_nodes() > 1:
        scores = nx.degree_centrality(simple)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], G.nodes[kv[0]]["label"]))
        central = [(G.nodes[n]["label"], G.nodes[n]["category"], round(s, 4))
                   for n, s in ranked[:top] if G.nodes[n]["category"] != "Indicator" or s > 0]
    return Summary(
        documents=len(set(g.subjects(RDF.type, KG.Document))),
        triples=len(g),
        categories={c: cats.get(c, 0) for c in CATEGORIES},
        relations={p: rels[p] for p in RELATIONS if rels.get(p)},
        central=central,
    )

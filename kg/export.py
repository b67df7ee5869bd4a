"""Export a graph as Turtle, N-Triples, TriG, N-Quads, JSON-LD, GraphML (for Gephi) or CSV.

TriG and N-Quads keep each document's named graph and the corpus graph; the other
formats write their union. Every format is written in a fixed order so that the
same graph always gives the same bytes.
"""
from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, BinaryIO, Optional

import networkx as nx
import pyoxigraph as ox

from . import turtle
from .formats import GraphFormat

if TYPE_CHECKING:
    from .knowledge import KnowledgeGraph

# Above this many quads, RDF exports stream from the store in its own order (the same for
# the same graph, but not sorted by subject): sorting in Python costs about 20 µs a quad and
# holds the whole graph in memory, streaming a tenth of that and nothing.
STREAM_ABOVE = 100_000
_STREAM_PREFIXES = {p: ns for p, ns in turtle.PREFIXES.items() if p != "prov"}

CSV_COLUMNS = ["iri", "category", "label", "other_names", "value", "unit", "minValue",
               "maxValue", "qualifier", "year", "documents", "evidence"]


def write(kg: "KnowledgeGraph", fmt: GraphFormat, out: BinaryIO, document: Optional[str] = None) -> None:
    """Write ``kg`` (or one document) as ``fmt`` to a binary stream; a graph of more than
    ``STREAM_ABOVE`` quads is streamed in RDF formats rather than sorted in memory."""
    if document is None and fmt.is_rdf and len(kg.store) > STREAM_ABOVE:
        if fmt.keeps_graphs:
            kg.store.store.dump(out, format=fmt.oxigraph, prefixes=_STREAM_PREFIXES)
        else:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in kg.store.quads())
            ox.serialize(triples, out, format=fmt.oxigraph,
                         prefixes=_STREAM_PREFIXES if fmt is GraphFormat.TURTLE else None)
        return
    out.write(serialize(kg, fmt, document).encode("utf-8"))


def serialize(kg: "KnowledgeGraph", fmt: GraphFormat, document: Optional[str] = None) -> str:
    """``kg`` (or, given its IRI, one document with the corpus facts about what it names) as ``fmt``."""
    if document is not None:
        from .knowledge import KnowledgeGraph
        from .store import GraphStore
        one = GraphStore.in_memory()
        one.store.extend(kg.store.document_quads(document))
        kg = KnowledgeGraph(one, title=kg.title)
    if fmt is GraphFormat.TRIG:
        return turtle.trig(kg.store.quads())
    if fmt is GraphFormat.NQUADS:
        return turtle.nquads(kg.store.quads())
    triples = kg.store.triples()
    if fmt is GraphFormat.TURTLE:
        return turtle.turtle(triples)
    if fmt is GraphFormat.NTRIPLES:
        return turtle.ntriples(triples)
    g = kg.graph
    if fmt is GraphFormat.JSONLD:
        data = json.loads(g.serialize(format="json-ld"))
        nodes = data if isinstance(data, list) else data.get("@graph", [data])
        for node in nodes:
            for key, values in node.items():
                if isinstance(values, list):
                    values.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        nodes.sort(key=lambda n: n.get("@id", ""))
        return json.dumps(nodes, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if fmt is GraphFormat.GRAPHML:
        return _graphml(kg.networkx)
    if fmt is GraphFormat.CSV:
        return _csv(kg.networkx)
    raise ValueError(fmt)


def _flat(attrs: dict) -> dict:
    out = {}
    for k, v in attrs.items():
        if k == "evidence":
            v = " | ".join(f"{doc}: {text}" for text, doc in v)
        elif isinstance(v, list):
            v = "; ".join(map(str, v))
        out[k] = v
    return out


def _graphml(G: nx.MultiDiGraph) -> str:
    flat = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        flat.add_node(n, **_flat(d))
    for u, v, k, d in G.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **d)
    buf = io.BytesIO()
    nx.write_graphml(flat, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def _csv(G: nx.MultiDiGraph) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for n, d in sorted(G.nodes(data=True), key=lambda x: (x[1]["category"], x[1]["label"], x[0])):
        flat = _flat(d)
        w.writerow([n, d["category"], d["label"], flat.get("names", "")]
                   + [d.get(c, "") for c in CSV_COLUMNS[4:10]]
                   + [flat.get("documents", ""), flat.get("evidence", "")])
    return buf.getvalue()

"""Fast, deterministic Turtle, TriG, N-Triples and N-Quads writers.

kg's graphs have no blank nodes, so plain writers suffice: subjects, predicates
and objects in sorted order, one subject block each, known namespaces as
prefixes. The output parses back to the same graph (tested), and the same graph
always gives the same bytes, whichever order the store returned it in.
"""
from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox

PREFIXES = {
    "kg": "https://w3id.org/kgcn/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_TYPE = PREFIXES["rdf"] + "type"
_STRING = PREFIXES["xsd"] + "string"
# A conservative subset of Turtle's PN_LOCAL: letters, digits, _ and - inside.
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def _term(t, used: set[str]) -> str:
    if isinstance(t, ox.NamedNode):
        s = t.value
        for p, ns in PREFIXES.items():
            if s.startswith(ns) and _LOCAL.match(s[len(ns):]):
                used.add(p)
                return f"{p}:{s[len(ns):]}"
        return f"<{s}>"
    if isinstance(t, ox.Literal):
        if t.language or t.datatype.value == _STRING:
            return str(t)
        return f"{str(ox.Literal(t.value))}^^{_term(t.datatype, used)}"
    raise ValueError(f"kg graphs have no blank nodes or quoted triples: {t!r}")


def _blocks(triples: Iterable[ox.Triple], used: set[str], indent: str = "") -> list[str]:
    by_subject: dict = {}
    for t in triples:
        by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, set()).add(t.object)
    blocks = []
    for s in sorted(by_subject):
        preds = by_subject[s]
        lines = []
        for p in sorted(preds, key=lambda p: (p != _TYPE, p)):
            verb = "a" if p == _TYPE else _term(ox.NamedNode(p), used)
            objs = sorted(_term(o, used) for o in preds[p])
            lines.append(f"{indent}    {verb} " + f" ,\n{indent}        ".join(objs))
        blocks.append(indent + _term(ox.NamedNode(s), used) + "\n" + " ;\n".join(lines) + " .\n")
    return blocks


def _head(used: set[str]) -> str:
    return "".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in sorted(used))


def turtle(triples: Iterable[ox.Triple]) -> str:
    used: set[str] = set()
    blocks = _blocks(triples, used)
    return _head(used) + "\n" + "\n".join(blocks)


def trig(quads: Iterable[ox.Quad]) -> str:
    """Each named graph as a block (sorted by graph name); the default graph first."""
    graphs: dict[str, list[ox.Triple]] = {}
    for q in quads:
        g = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        graphs.setdefault(g, []).append(ox.Triple(q.subject, q.predicate, q.object))
    used: set[str] = set()
    parts = []
    for g in sorted(graphs):
        blocks = _blocks(graphs[g], used, "    " if g else "")
        if g:
            parts.append(f"<{g}> {{\n" + "\n".join(blocks) + "}\n")
        else:
            parts.append("\n".join(blocks))
    return _head(used) + "\n" + "\n".join(parts)


def ntriples(triples: Iterable[ox.Triple]) -> str:
    lines = {f"{t.subject} {t.predicate} {t.object} ." for t in triples}
    return "".join(line + "\n" for line in sorted(lines))


def nquads(quads: Iterable[ox.Quad]) -> str:
    lines = set()
    for q in quads:
        g = "" if isinstance(q.graph_name, ox.DefaultGraph) else f" {q.graph_name}"
        lines.add(f"{q.subject} {q.predicate} {q.object}{g} .")
    return "".join(line + "\n" for line in sorted(lines))

"""What a page shows: all of a small graph, an overview of a large one, or a focus.

A page stays quick to write and to open at any corpus size because it never draws
more than ``LIMIT`` things:

- a graph of up to ``LIMIT`` things is drawn whole;
- a larger one is drawn as an overview: its most connected divisions, industries and
  other things, with every other thing's name in the search box;
- a focus draws what one region's reports name (``--region 济南市`` or a code), what one
  document names (``--document``), one category and its neighbours (``--category
  Hospital``), or the things of one name and their neighbours (``--node 中山公园``),
  keeping the most connected of them when there are more than ``LIMIT``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .analyse import degrees, degrees_of, things, things_of
from .rdf import RDF_NS, node
from .errors import KgError
from .vocab import CATEGORIES, KG, RELATIONS

if TYPE_CHECKING:
    from .store import GraphStore

LIMIT = 1500  # things drawn at most on one page
SEARCH_LIMIT = 100_000  # names of things not drawn that the search box still finds
FOCUS_KINDS = ("region", "document", "category", "node")
_RDF_TYPE = RDF_NS + "type"
_RELATION_VALUES = "VALUES ?p { " + " ".join(f"kg:{p}" for p in RELATIONS if p != "actsOn") + " }"


class ViewError(KgError):
    """A focus names nothing in the graph, or names more than one thing where one is needed."""


@dataclass(frozen=True)
class Focus:
    kind: str  # one of FOCUS_KINDS
    value: str

    def slug(self) -> str:
        """For the page's file name: graph-region-370100.html."""
        return f"{self.kind}-" + (re.sub(r"[^\w-]+", "_", self.value).strip("_") or "x")


@dataclass
class Selection:
    nodes: set[str]
    focal: set[str] = field(default_factory=set)  # the things the focus names
    total: int = 0  # things in the graph
    described: str = ""  # what the page shows, for its header
    search: list[tuple[str, str, str]] = field(default_factory=list)  # (iri, label, category) not drawn
    table: dict = field(default_factory=dict)  # (category, label) of at least the things drawn


def select(store: "GraphStore", focus: Optional[Focus] = None, limit: int = LIMIT,
           table: Optional[dict] = None, deg=None) -> Selection:
    """The things a page draws; raises ``ViewError`` for a focus that names nothing.
    ``table`` and ``deg`` are ``things(store)`` and ``degrees(store)`` when the caller has
    them; a focus reads only what it draws, so a page of one region of a large corpus
    costs what the region holds."""
    if focus is None:
        table = table if table is not None else things(store)
        deg = deg if deg is not None else degrees(store)
        if len(table) <= limit:
            return Selection(set(table), total=len(table))
        chosen = _overview(table, deg, limit)
        out = Selection(chosen, total=len(table),
                        described=f"overview: the {len(chosen)} most connected of {len(table)} things; "
                                  "the search box finds the rest")
        rest = [n for n in table if n not in out.nodes and table[n][0] != "Indicator"]
        rest.sort(key=lambda n: (-deg.get(n, 0), table[n][1], n))
        out.search = [(n, table[n][1], table[n][0]) for n in rest[:SEARCH_LIMIT]]
        return out
    look = _Lookup(store, table)
    focal, nodes, what = _FOCUS[focus.kind](store, look, focus.value)
    out = Selection(nodes, focal=focal, described=what, table=look.table)
    if len(nodes) > limit:
        deg = deg if deg is not None else degrees_of(store, nodes)
        keep = sorted(nodes - focal, key=lambda n: (-deg.get(n, 0), n))[:max(0, limit - len(focal))]
        out.nodes = focal | set(keep)
        out.described += f"; the {len(out.nodes)} most connected of {len(nodes)}"
    out.total = len(out.nodes)
    return out


class _Lookup:
    """Category and label of things, from a full table when there is one, else asked for."""

    def __init__(self, store: "GraphStore", table: Optional[dict]) -> None:
        self.store, self.table = store, table if table is not None else {}
        self.full = table is not None

    def things(self, nodes) -> set[str]:
        """The nodes that are things (of one of the categories)."""
        nodes = set(nodes)
        if not self.full:
            self.table.update(things_of(self.store, nodes - set(self.table)))
        return {n for n in nodes if n in self.table}

    def label(self, n: str) -> str:
        if n not in self.table and not self.full:
            self.table.update(things_of(self.store, [n]))
        return self.table[n][1] if n in self.table else n.rsplit("/", 1)[-1]


def _overview(table: dict[str, tuple[str, str]], deg, limit: int) -> set[str]:
    """The most connected things, with a quarter of the page each kept for divisions and
    industries (what a corpus is about), indicators left to focused pages."""
    ranked = sorted((n for n in table if table[n][0] != "Indicator"), key=lambda n: (-deg.get(n, 0), n))
    chosen: set[str] = set()
    for cat in ("AdministrativeArea", "Industry"):
        chosen |= set([n for n in ranked if table[n][0] == cat][:limit // 4])
    for n in ranked:
        if len(chosen) >= limit:
            break
        chosen.add(n)
    return chosen


def _neighbours(store: "GraphStore", nodes: set[str]) -> set[str]:
    from .analyse import _blocks
    out: set[str] = set()
    for values in _blocks("n", nodes):
        for row in store.select(f"SELECT DISTINCT ?m WHERE {{ {values} {_RELATION_VALUES} "
                                "{ ?n ?p ?m } UNION { ?m ?p ?n } }"):
            out.add(row["m"].value)
    return out


def _named(store: "GraphStore", look: _Lookup, name: str) -> set[str]:
    rows = store.select("SELECT DISTINCT ?n WHERE { VALUES ?l { NAME NAME@zh } "
                        "?n skos:prefLabel|skos:altLabel|rdfs:label ?l }".replace("NAME", _literal(name)))
    return look.things(r["n"].value for r in rows)


def _region(store: "GraphStore", look: _Lookup, value: str):
    divisions = {r["d"].value: r["code"].value for r in store.select(
        "SELECT ?d ?code WHERE { ?d kg:divisionCode ?code }")}
    if re.fullmatch(r"\d{6}", value):
        hits = {d for d, c in divisions.items() if c == value}
    else:
        hits = {d for d in _named(store, look, value) if d in divisions}
    if not hits:
        raise ViewError(f"no region {value!r} in the graph (a division's name or its six-digit code)")
    if len({divisions[d] for d in hits}) > 1:
        by_code = {c: d for d, c in divisions.items()}

        def place(d: str) -> str:
            up = [by_code.get(divisions[d][:4] + "00"), by_code.get(divisions[d][:2] + "0000")]
            return "".join(look.label(u) for u in up[::-1] if u and u != d) + look.label(d)
        names = ", ".join(f"{divisions[d]} ({place(d)})" for d in sorted(hits, key=divisions.get))
        raise ViewError(f"{value!r} names {len(hits)} divisions: {names}; give the code")
    code = divisions[next(iter(hits))]
    width = 2 if code.endswith("0000") else 4 if code.endswith("00") else 6
    inside = {d for d, c in divisions.items() if c[:width] == code[:width]}
    docs = {r["doc"].value for r in store.select(
        "SELECT DISTINCT ?doc WHERE { ?doc kg:about ?d . " + _values("d", inside) + " }")}
    named: set[str] = set()
    for doc in sorted(docs):
        named |= {r["n"].value for r in store.select(
            f"SELECT DISTINCT ?n WHERE {{ GRAPH <{doc}> {{ ?m kg:mentionOf ?n }} }}")}
    nodes = look.things(named | _neighbours(store, hits) | hits)
    what = f"{look.label(next(iter(hits)))} ({code}): what its {len(docs)} reports name, and what is related to it"
    return hits, nodes, what


def _document(store: "GraphStore", look: _Lookup, value: str):
    from .corpus import find_document
    doc = find_document(value, store.documents())
    nodes = look.things(r["n"].value for r in store.select(
        f"SELECT DISTINCT ?n WHERE {{ GRAPH <{doc.iri}> {{ ?m kg:mentionOf ?n }} }}"))
    return set(), nodes, f"what {doc.path} names"


def _category(store: "GraphStore", look: _Lookup, value: str):
    names = {c.lower(): c for c in CATEGORIES} | {zh: c for c, zh in CATEGORIES.items()}
    cat = names.get(value.lower())
    if cat is None:
        raise ViewError(f"no category {value!r}; use one of {', '.join(CATEGORIES)}")
    focal = look.things(q.subject.value for q in store.store.quads_for_pattern(
        None, node(_RDF_TYPE), node(str(getattr(KG, cat))), None))
    nodes = look.things(focal | _neighbours(store, focal))
    return focal, nodes, f"{CATEGORIES[cat]} ({cat}) and what they are related to"


def _node(store: "GraphStore", look: _Lookup, value: str):
    focal = _named(store, look, value)
    if not focal:
        raise ViewError(f"nothing named {value!r} in the graph")
    nodes = look.things(focal | _neighbours(store, focal))
    return focal, nodes, f"{value} and what it is related to"


_FOCUS = {"region": _region, "document": _document, "category": _category, "node": _node}


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"<{i}>" for i in sorted(iris)) + " }"


def _literal(text: str) -> str:
    import pyoxigraph as ox
    return str(ox.Literal(text))


__all__ = ["Focus", "Selection", "select", "ViewError", "LIMIT", "FOCUS_KINDS"]

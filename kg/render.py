"""The render stage: a pyvis ``Network`` of the graph, written as one offline HTML file.

pyvis holds the nodes, edges and options; the page is kg's own template with
vis-network (shipped inside pyvis) inlined, because pyvis's templates load
scripts from CDNs and, when a title mentions ``href``, render titles as raw
HTML. Input text reaches the page only as JSON escaped for a ``<script>``
block and is shown with ``textContent``.
"""
from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import networkx as nx
import pyvis
from pyvis.network import Network

from .analyse import spring_layout
from .vocab import CATEGORIES

if TYPE_CHECKING:
    from .knowledge import KnowledgeGraph
    from .views import Focus

COLOURS = {
    "AdministrativeArea": "#4e79a7", "Person": "#f28e2b", "Organization": "#e15759",
    "Event": "#76b7b2", "Industry": "#59a14f", "Park": "#edc948", "Area": "#b07aa1",
    "Village": "#ff9da7", "Road": "#9c755f", "Facility": "#bab0ac", "Hospital": "#d37295",
    "School": "#a0cbe8", "NaturalFeature": "#8cd17d", "Initiative": "#86bcb6", "Indicator": "#f1ce63",
}
_VIS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
OPTIONS = {
    "physics": {"enabled": True, "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 90},
                "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
    "layout": {"improvedLayout": True},
    "nodes": {"scaling": {"min": 8, "max": 40}},
    "edges": {"smooth": False},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": False},
}
LARGE = 600  # nodes; above this the page lays the graph out once, quickly, and hides leaves


def options_for(n_nodes: int) -> dict:
    """Physics that settles quickly: vis's improved layout is quadratic, so big graphs skip it."""
    opts = json.loads(json.dumps(OPTIONS))
    # one vis group per category, so vis's own palette never overrides kg's colours
    opts["groups"] = {c: {"color": {"background": col, "border": col}} for c, col in COLOURS.items()}
    opts["groups"]["useDefaultGroups"] = False
    if n_nodes > LARGE:
        # positions come from analyse.spring_layout; the browser only draws
        opts["layout"]["improvedLayout"] = False
        opts["physics"] = {"enabled": False}
        opts["interaction"]["hideEdgesOnDrag"] = True
    return opts


def to_network(G: nx.MultiDiGraph) -> Network:
    """A pyvis network: colour by category, size by degree, text left for the page to escape."""
    net = Network(directed=True, cdn_resources="in_line")
    degree = dict(G.degree())
    n = G.number_of_nodes()
    positions = spring_layout(nx.Graph(G), size=80 * n ** 0.5) if n > LARGE else {}
    for n, d in G.nodes(data=True):
        extra = {"x": positions[n][0], "y": positions[n][1]} if n in positions else {}
        net.add_node(n, label=d["label"], group=d["category"], color=COLOURS[d["category"]],
                     value=1 + degree.get(n, 0), **extra)
    for u, v, d in G.edges(data=True):
        net.add_edge(u, v, label=d["label"], predicate=d["predicate"], inferred=d.get("inferred", False))
    net.set_options(json.dumps(options_for(G.number_of_nodes())))
    return net


def page_data(G: nx.MultiDiGraph, net: Network, title: str, counts: str) -> dict:
    nodes = []
    for n in net.nodes:
        d = G.nodes[n["id"]]
        detail = ""
        if d["category"] == "Indicator":
            value = _number(d.get("value")) or "—".join(
                _number(d.get(k)) for k in ("minValue", "maxValue") if d.get(k))
            detail = f"{value} {d.get('unit', '')} {d.get('qualifier', '')} {d.get('year', '')}".strip()
        nodes.append({"id": n["id"], "label": d["label"], "category": d["category"],
                      "categoryName": CATEGORIES[d["category"]], "names": d["names"],
                      "evidence": [list(e) for e in d["evidence"]], "color": COLOURS[d["category"]],
                      "value": n.get("value", 1), "degree": G.degree(n["id"]), "detail": detail,
                      "documents": d["documents"], **({"x": n["x"], "y": n["y"]} if "x" in n else {})})
    edges = [{"from": e["from"], "to": e["to"], "label": e["label"], "predicate": e["predicate"],
              "inferred": e.get("inferred", False)} for e in net.edges]
    present = {n["category"] for n in nodes}
    legend = [{"category": c, "name": name, "color": COLOURS[c],
               "count": sum(1 for n in nodes if n["category"] == c)}
              for c, name in CATEGORIES.items() if c in present]
    documents = sorted({doc for n in nodes for doc in n["documents"]})
    # On a large graph start with the leaves hidden; the header's box shows them again.
    min_degree = 2 if len(nodes) > LARGE else 0
    return {"title": title, "counts": counts, "nodes": nodes, "edges": edges, "legend": legend,
            "documents": documents, "minDegree": min_degree,
            "options": options_for(len(nodes))}


def _number(text: str | None) -> str:
    """20000.0 -> 20000, 7.50 -> 7.5: numbers as people write them."""
    if not text:
        return ""
    return format(Decimal(text).normalize(), "f")


def script_json(data: dict) -> str:
    """JSON that cannot end its ``<script>`` block or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def render_html(kg: "KnowledgeGraph", focus: Optional["Focus"] = None) -> str:
    """The page: the whole graph when it is small, else an overview (``kg.views``), or a focus."""
    from .analyse import network
    from .views import select

    if focus is None:
        chosen = select(kg.store, table=kg.things, deg=kg.degrees)
        whole = len(chosen.nodes) == chosen.total
        G = kg.networkx if whole else network(kg.store, chosen.nodes, table=kg.things)
    else:  # a focus reads only what it draws
        chosen = select(kg.store, focus)
        G = network(kg.store, chosen.nodes, table=chosen.table)
    net = to_network(G)
    template = resources.files("kg").joinpath("assets").joinpath("graph.html").read_text(encoding="utf-8")
    counts = kg.counts().line() + (f" · {chosen.described}" if chosen.described else "")
    data = page_data(G, net, kg.title or "kg", counts)
    data["search"] = [list(x) for x in chosen.search]
    page = template.replace("@@TITLE@@", "kg")
    page = page.replace("@@VIS_CSS@@", (_VIS / "vis-network.css").read_text(encoding="utf-8"))
    page = page.replace("@@VIS_JS@@", (_VIS / "vis-network.min.js").read_text(encoding="utf-8"))
    # Input text goes in last, so no marker inside it is ever replaced.
    return page.replace("@@DATA@@", script_json(data))

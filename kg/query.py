"""SPARQL over a graph, and the saved queries shipped in ``kg/queries``.

A saved query is a ``NAME.rq`` file whose first comment line describes it.
Parameters are written ``$name`` and given as ``--param name=value``;
values are inserted as SPARQL string literals, so they cannot change the query.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result

from .errors import QueryError

PREFIXES = """PREFIX kg: <https://w3id.org/kgcn/ontology#>
PREFIX res: <https://w3id.org/kgcn/resource/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    text: str

    @property
    def parameters(self) -> list[str]:
        return sorted(set(re.findall(r"\$([A-Za-z_]\w*)", self.text)))


def saved_queries() -> dict[str, SavedQuery]:
    out = {}
    for f in sorted(resources.files("kg").joinpath("queries").iterdir(), key=lambda f: f.name):
        if f.name.endswith(".rq"):
            text = f.read_text(encoding="utf-8")
            first = text.splitlines()[0] if text else ""
            out[f.name[:-3]] = SavedQuery(f.name[:-3], first.lstrip("# ").strip(), text)
    return out


def fill(query: SavedQuery, params: dict[str, str]) -> str:
    missing = [p for p in query.parameters if p not in params]
    if missing:
        raise QueryError(f"saved query '{query.name}' needs --param {missing[0]}=VALUE")
    return re.sub(r"\$([A-Za-z_]\w*)", lambda m: Literal(params[m.group(1)]).n3(), query.text)


def run_query(g: Graph, sparql: str) -> Result:
    """Run SPARQL 1.1 with kg's prefixes predeclared; raises ``QueryError`` on syntax errors."""
    text = sparql if re.search(r"(?im)^\s*PREFIX\s+kg:", sparql) else PREFIXES + sparql
    try:
        return g.query(text)
    except Exception as err:  # pyparsing and rdflib raise several types
        raise QueryError(f"SPARQL error: {err}") from err


def _cell(v) -> str:
    if v is None:
        return ""
    return str(v)


def format_result(result: Result, fmt: str) -> str:
    if result.type == "ASK":
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.serialize(format="turtle").decode("utf-8")
    names = [str(v) for v in result.vars]
    rows = [[_cell(r[v]) for v in result.vars] for r in result]
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue()
    return _table(names, [[_short(c) for c in r] for r in rows])


def _short(text: str) -> str:
    if text.startswith("https://w3id.org/kgcn/resource/"):
        return "res:" + text[len("https://w3id.org/kgcn/resource/"):]
    if text.startswith("https://w3id.org/kgcn/ontology#"):
        return "kg:" + text[len("https://w3id.org/kgcn/ontology#"):]
    return text


def _width(s: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def _table(names: list[str], rows: list[list[str]]) -> str:
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    widths = [min(w, 60) for w in widths]

    def line(cells):
        out = []
        for c, w in zip(cells, widths):
            c = c if _width(c) <= w else c[: w // 2 - 1] + "…"
            out.append(c + " " * (w - _width(c)))
        return "  ".join(out).rstrip()

    body = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    return "\n".join(body) + f"\n({len(rows)} rows)\n"


__all__ = ["saved_queries", "run_query", "format_result", "fill", "SavedQuery", "URIRef"]

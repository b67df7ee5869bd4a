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

import pyoxigraph as ox
from rdflib import Literal, URIRef, Variable
from rdflib.query import Result

from .errors import QueryError
from .rdf import new_graph, to_rdflib

PREFIXES = {
    "kg": "https://w3id.org/kgcn/ontology#",
    "res": "https://w3id.org/kgcn/resource/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
}
# SPARQL's lexical tokens, just enough to find keywords outside IRIs, strings and comments.
_TOKENS = re.compile(r'''
    (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<string>"{3}(?:[^"\\]|\\.|"(?!""))*"{3}|'{3}(?:[^'\\]|\\.|'(?!''))*'{3}
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<comment>\#[^\n]*)
  | (?P<var>[?$]\w+)
  | (?P<word>[A-Za-z_][\w-]*)
  | (?P<other>.)
''', re.X | re.S)
_UPDATES = {"LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


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


def keywords(sparql: str) -> list[str]:
    """The keywords of a query, upper case, leaving out IRIs, strings, comments,
    variables and prefixed names (so ``?service`` or ``ex:load`` is no keyword)."""
    out, prev = [], ""
    tokens = list(_TOKENS.finditer(sparql))
    for i, m in enumerate(tokens):
        if m.lastgroup == "word":
            nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
            if prev != ":" and nxt != ":":
                out.append(m.group().upper())
        if m.lastgroup != "comment" and not m.group().isspace():
            prev = m.group()
    return out


def check_offline(sparql: str, *, allow_network: bool = False) -> None:
    """Refuse what would reach the network or change the graph, before anything runs.

    SPARQL's ``SERVICE`` sends a query to another endpoint: kg runs it only with
    ``allow_network``. Updates (``LOAD`` fetches a URL; ``INSERT``, ``DROP``…) are
    never run: queries only read.
    """
    words = keywords(sparql)
    update = next((w for w in words if w in _UPDATES), None)
    if update is not None:
        raise QueryError(f"{update} is a SPARQL update: kg query only reads"
                         + (" (and LOAD would fetch a URL)" if update == "LOAD" else ""))
    if "SERVICE" in words and not allow_network:
        target = re.search(r"(?i)\bSERVICE\s+(?:SILENT\s+)?(<[^>\s]*>|\S+)", sparql)
        where = f" to {target.group(1)}" if target else ""
        raise QueryError(f"SERVICE would send part of the query{where}: kg query stays offline "
                         "unless you pass --allow-network")


def run_query(store: ox.Store, sparql: str, *, allow_network: bool = False) -> Result:
    """Run a SPARQL 1.1 query over every graph of ``store`` (their union is the default
    graph), with kg's prefixes predeclared. Every row is read here, so an error raised
    while rows are read is a ``QueryError`` too."""
    check_offline(sparql, allow_network=allow_network)
    try:
        answer = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
        elif isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            result = Result("SELECT")
            result.vars = [Variable(n) for n in names]
            result.bindings = [{Variable(n): to_rdflib(row[n]) for n in names if row[n] is not None}
                               for row in answer]
        else:
            g = new_graph()
            for t in answer:
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            result = Result("CONSTRUCT")
            result.graph = g
    except Exception as err:  # pyoxigraph raises SyntaxError, OSError, ValueError… while parsing or reading rows
        raise QueryError(f"SPARQL error: {' '.join(str(err).split())[:300]}") from err
    return result


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

"""Score a graph against a hand annotation, by the rules of the annotation guide.

The gold format is a JSON object with ``entities`` (text, type or types,
aliases, optional), ``targets`` (text, value or [min, max], unit, keyword,
optional) and ``relations`` (head, type or types, tail, optional). Matching:

- a node matches a gold entity when one of its labels (rdfs:label,
  skos:prefLabel, skos:altLabel, schema:name), normalised (NFKC, lower case,
  no white space or quote marks), equals the gold text or an alias; typed
  scores also need one of the gold types;
- an Indicator matches a gold target with the same number (magnitude words of
  the unit folded in: 3.07 万亿元 = 3.07e12 元), the same unit and the keyword
  in one of its literals;
- relations are a sample: only their recall is scored;
- evidence is the share of matched nodes from which a literal longer than the
  name and holding it (the source sentence) is reachable within two links.

Classes and properties match by local name, so graphs in other vocabularies
can be scored too.
"""
from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from rdflib import RDF, RDFS, Graph, Literal

from .errors import KgError
from .resolve import name_key
from .vocab import CATEGORIES

_LABELS = {"label", "prefLabel", "altLabel", "name", "hiddenLabel"}
_VALUES = {"value", "quantity", "amount", "numericValue", "targetValue"}
_MINS = {"minValue", "lowerBound"}
_MAXS = {"maxValue", "upperBound"}
_UNITS = {"unit", "unitText", "unitLabel"}
_MAGNITUDES = (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3))


class GoldError(KgError):
    """A gold annotation file is missing or malformed."""


def norm(text: str) -> str:
    """The guide's comparison form; the same one kg resolves names with."""
    return name_key(str(text))


def local(term) -> str:
    return re.split(r"[#/:]", str(term).rstrip("#/"))[-1]


def _types(x) -> set[str]:
    return set(x) if isinstance(x, list) else {x}


def _prf(tp: int, fp: int, found: int, total: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = found / total if total else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass
class Evaluation:
    entities: dict[str, Any] = field(default_factory=dict)
    per_category: dict[str, dict[str, float]] = field(default_factory=dict)
    targets: dict[str, Any] = field(default_factory=dict)
    relations: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"entities": self.entities, "per_category": self.per_category,
                "targets": self.targets, "relations": self.relations, "evidence": self.evidence}

    def table(self) -> str:
        e, t, r, v = self.entities, self.targets, self.relations, self.evidence
        lines = [f"{'':20}{'P':>7}{'R':>7}{'F1':>7}",
                 f"{'entities typed':20}{e['typed']['p']:7.3f}{e['typed']['r']:7.3f}{e['typed']['f1']:7.3f}",
                 f"{'entities':20}{e['untyped']['p']:7.3f}{e['untyped']['r']:7.3f}{e['untyped']['f1']:7.3f}"]
        for c, s in self.per_category.items():
            lines.append(f"  {c:18}{s['p']:7.3f}{s['r']:7.3f}{s['f1']:7.3f}   gold {s['gold']}, system {s['system']}")
        lines.append(f"{'targets':20}{t['p']:7.3f}{t['r']:7.3f}{t['f1']:7.3f}")
        lines.append(f"{'relations':20}{'':7}{r['recall_typed']:7.3f}{'':7}   (recall only; untyped {r['recall_untyped']:.3f})")
        lines.append(f"{'evidence':20}{v['share']:7.3f}   {v['with_sentence']}/{v['entities']} matched nodes reach a sentence")
        for name, items in (("missed entities", e["missed"]), ("spurious entities", e["spurious"]),
                            ("wrong type", [f"{a} {b}→{c}" for a, b, c in e["wrong_type"]]),
                            ("missed targets", t["missed"]), ("spurious targets", t["spurious"]),
                            ("missed relations", r["missed"])):
            if items:
                lines.append(f"{name} ({len(items)}): " + "、".join(map(str, items)))
        return "\n".join(lines) + "\n"


def load_gold(path: str | Path) -> dict:
    p = Path(path)
    try:
        gold = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"{p}: cannot read gold file ({err})") from err
    except json.JSONDecodeError as err:
        raise GoldError(f"{p}, line {err.lineno}: not valid JSON ({err.msg})") from err
    if not isinstance(gold, dict) or not isinstance(gold.get("entities", []), list):
        raise GoldError(f"{p}: expected an object with an 'entities' list")
    for i, e in enumerate(gold.get("entities", [])):
        if "text" not in e or "type" not in e:
            raise GoldError(f"{p}: entity {i} needs 'text' and 'type'")
    return gold


def _category(cls, g: Graph, cache: dict) -> Optional[str]:
    if cls not in cache:
        seen, queue, found = {cls}, deque([cls]), None
        while queue:
            c = queue.popleft()
            if local(c) in CATEGORIES:
                found = local(c)
                break
            for parent in g.objects(c, RDFS.subClassOf):
                if parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
        cache[cls] = found
    return cache[cls]


def evaluate(graph: Graph, gold: dict) -> Evaluation:
    cache: dict = {}
    nodes: dict = {}
    for s, cls in graph.subject_objects(RDF.type):
        cat = _category(cls, graph, cache)
        if cat:
            nodes.setdefault(s, {"cats": set(), "labels": set(), "raw": []})["cats"].add(cat)
    for s, n in nodes.items():
        for p, o in graph.predicate_objects(s):
            if isinstance(o, Literal) and local(p) in _LABELS:
                n["labels"].add(norm(o))
                n["raw"].append(str(o))
        n["raw"].sort()
    things = {s: n for s, n in nodes.items() if "Indicator" not in n["cats"]}
    indicators = {s: n for s, n in nodes.items() if "Indicator" in n["cats"]}
    out = Evaluation()
    matched = _entities(things, gold.get("entities", []), out)
    _targets(graph, indicators, gold.get("targets", []), out)
    _relations(graph, matched, gold, out)
    _evidence(graph, matched, gold.get("entities", []), out)
    return out


def _entities(things: dict, gold_entities: list, out: Evaluation) -> dict:
    golds = [{"names": {norm(e["text"])} | {norm(a) for a in e.get("aliases", [])},
              "types": _types(e["type"]), "optional": bool(e.get("optional")), "text": e["text"]}
             for e in gold_entities]
    index: dict[str, list[int]] = {}
    for i, ge in enumerate(golds):
        for n in ge["names"]:
            index.setdefault(n, []).append(i)
    tp_u = fp_u = tp_t = fp_t = 0
    found_u: set[int] = set()
    found_t: set[int] = set()
    matched: dict = {}
    spurious, wrong = [], []
    cat_tp: dict[str, int] = {}
    cat_sys: dict[str, int] = {}
    for node, n in sorted(things.items(), key=lambda kv: str(kv[0])):
        hits = sorted({i for lab in n["labels"] for i in index.get(lab, [])})
        matched[node] = hits
        label = n["raw"][0] if n["raw"] else str(node)
        required = [i for i in hits if not golds[i]["optional"]]
        for c in n["cats"]:
            if hits and not required:
                continue
            cat_sys[c] = cat_sys.get(c, 0) + 1
        if not hits:
            fp_u += 1
            fp_t += 1
            spurious.append(label)
            continue
        typed = [i for i in hits if n["cats"] & golds[i]["types"]]
        found_u.update(hits)
        found_t.update(typed)
        if not required:
            continue
        tp_u += 1
        if any(not golds[i]["optional"] for i in typed):
            tp_t += 1
            for c in n["cats"] & set().union(*(golds[i]["types"] for i in typed)):
                cat_tp[c] = cat_tp.get(c, 0) + 1
        else:
            fp_t += 1
            wrong.append((label, "/".join(sorted(n["cats"])), "/".join(sorted(golds[required[0]]["types"]))))
    req = [i for i, ge in enumerate(golds) if not ge["optional"]]
    out.entities = {
        "system": len(things), "gold": len(req),
        "typed": _prf(tp_t, fp_t, sum(i in found_t for i in req), len(req)),
        "untyped": _prf(tp_u, fp_u, sum(i in found_u for i in req), len(req)),
        "missed": [golds[i]["text"] for i in req if i not in found_u],
        "spurious": sorted(spurious), "wrong_type": wrong,
        "duplicates": sorted({golds[i]["text"] for i in req
                              if sum(i in h for h in matched.values()) > 1}),
    }
    for c in CATEGORIES:
        gold_c = [i for i in req if c in golds[i]["types"]]
        if not gold_c and not cat_sys.get(c):
            continue
        found = sum(i in found_t for i in gold_c)
        tp = cat_tp.get(c, 0)
        scores = _prf(tp, cat_sys.get(c, 0) - tp, found, len(gold_c))
        out.per_category[c] = {**scores, "gold": len(gold_c), "system": cat_sys.get(c, 0)}
    return {node: hits for node, hits in matched.items() if hits}


def _number(lit) -> Optional[float]:
    try:
        return float(str(lit))
    except ValueError:
        return None


def _fold(values, unit: str):
    unit = norm(unit)
    for word, factor in _MAGNITUDES:
        if unit.startswith(word) and len(unit) > len(word):
            return {v * factor for v in values}, unit[len(word):]
    return set(values), unit


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _targets(graph: Graph, indicators: dict, gold_targets: list, out: Evaluation) -> None:
    infos = []
    for node, n in sorted(indicators.items(), key=lambda kv: str(kv[0])):
        nums, units, texts = set(), set(), list(n["raw"])
        for p, o in graph.predicate_objects(node):
            if not isinstance(o, Literal):
                continue
            name = local(p)
            if name in _VALUES | _MINS | _MAXS and _number(o) is not None:
                nums.add(_number(o))
            elif name in _UNITS:
                units.add(str(o))
            else:
                texts.append(str(o))
        forms = [_fold(nums, u) for u in units] or [(nums, "")]
        infos.append({"forms": forms, "text": norm(" ".join(texts)), "label": n["raw"][0] if n["raw"] else str(node)})
    used: set[int] = set()
    optional_hits: set[int] = set()
    found, missed = 0, []
    for gt in sorted(gold_targets, key=lambda x: bool(x.get("optional"))):
        values = gt["value"] if isinstance(gt["value"], list) else [gt["value"]]
        gvals, gunit = _fold([float(v) for v in values], gt["unit"])
        hit = next((k for k, info in enumerate(infos) if k not in used and k not in optional_hits
                    and norm(gt["keyword"]) in info["text"]
                    and any(u == gunit and any(_close(a, b) for a in gvals for b in vals)
                            for vals, u in info["forms"])), None)
        if gt.get("optional"):
            if hit is not None:
                optional_hits.add(hit)
        elif hit is None:
            missed.append(gt["text"])
        else:
            found += 1
            used.add(hit)
    total = sum(1 for gt in gold_targets if not gt.get("optional"))
    system = len(infos) - len(optional_hits)
    spurious = [info["label"] for k, info in enumerate(infos) if k not in used and k not in optional_hits]
    out.targets = {**_prf(len(used), system - len(used), found, total), "system": system, "gold": total,
                   "missed": missed, "spurious": spurious}


def _relations(graph: Graph, matched: dict, gold: dict, out: Evaluation) -> None:
    names: dict[str, set] = {}
    for ge_i, ge in enumerate(gold.get("entities", [])):
        for n in {norm(ge["text"])} | {norm(a) for a in ge.get("aliases", [])}:
            names.setdefault(n, set()).add(ge_i)

    def nodes_for(text: str):
        idx = names.get(norm(text), set())
        return [node for node, hits in matched.items() if idx & set(hits)]

    rels = [r for r in gold.get("relations", []) if not r.get("optional")]
    typed = untyped = 0
    missed = []
    for r in rels:
        types = _types(r["type"])
        u = t = False
        for h in nodes_for(r["head"]):
            for tl in nodes_for(r["tail"]):
                for p in graph.predicates(h, tl):
                    u = True
                    t = t or local(p) in types
                if any(True for _ in graph.predicates(tl, h)):
                    u = True
        typed += t
        untyped += u
        if not t:
            missed.append(f"{r['head']} -{'/'.join(sorted(types))}-> {r['tail']}")
    out.relations = {"gold": len(rels), "recall_typed": typed / len(rels) if rels else 0.0,
                     "recall_untyped": untyped / len(rels) if rels else 0.0, "missed": missed}


def _evidence(graph: Graph, matched: dict, gold_entities: list, out: Evaluation) -> None:
    ok = 0
    for node, hits in matched.items():
        names = set()
        for i in hits:
            names |= {norm(gold_entities[i]["text"])} | {norm(a) for a in gold_entities[i].get("aliases", [])}
        frontier = [node] + list(graph.subjects(None, node))
        reached = False
        for hop in range(2):
            nxt = []
            for x in frontier:
                for _, o in graph.predicate_objects(x):
                    if isinstance(o, Literal):
                        t = norm(o)
                        if len(t) > 6 and any(n in t and len(t) > len(n) + 3 for n in names):
                            reached = True
                    elif hop == 0:
                        nxt.append(o)
            if reached:
                break
            frontier = nxt
        ok += reached
    out.evidence = {"entities": len(matched), "with_sentence": ok,
                    "share": ok / len(matched) if matched else 0.0}

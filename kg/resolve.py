"""The resolve stage: mentions of one real thing become one ``Entity``.

Names are linked when they share a written form or an alias: 省妇幼保健院新院区
and 省妇幼保健院, 华润 and 华润片区, 济南 and 济南市. One entity gets one
category (the most trusted rule's) and one label; every other name becomes a
``skos:altLabel``.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .extract.base import PRIORITY
from .lexicon import Lexicon
from .model import Entity, Extraction, Mention

_QUOTES = "\"'“”‘’「」『』《》〈〉"
_LOCAL = re.compile(r"^([省市区县])(?=[\u4e00-\u9fff])")
_LEVEL = {"省": "province", "市": "city", "区": "county", "县": "county"}
_BODIES = ("Hospital", "School", "Facility", "Organization")


@dataclass
class Resolved:
    entities: list[Entity]
    of: dict[Mention, Entity] = field(default_factory=dict)
    names: dict[Mention, set[str]] = field(default_factory=dict)  # every name a mention gives its thing


def name_key(text: str) -> str:
    """The form names are compared in: NFKC, no spaces or quote marks, lower case."""
    t = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in t if not c.isspace() and c not in _QUOTES)


def resolve(extractions: list[Extraction], lexicon: Lexicon) -> Resolved:
    """Merge the mentions of one thing. kg resolves one document at a time; ``kg.identity``
    then decides which of those things are the same across documents."""
    mentions: list[Mention] = []
    names: dict[Mention, set[str]] = {}
    for ex in extractions:
        context = _context(ex, lexicon)
        for m in ex.mentions:
            mentions.append(m)
            names[m] = _names(m, ex, context, lexicon)
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, m in enumerate(mentions):
        for n in sorted(names[m]):
            k = name_key(n)
            if k in owner:
                a, b = find(owner[k]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                owner[k] = i
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(find(i), []).append(m)

    out = Resolved(entities=[], names=names)
    for members in groups.values():
        entity = _entity(members, names)
        out.entities.append(entity)
        for m in members:
            out.of[m] = entity
    out.entities.sort(key=lambda e: e.key)
    return out


def _entity(members: list[Mention], names: dict[Mention, set[str]]) -> Entity:
    votes: Counter = Counter()
    for m in members:
        votes[m.category] += 10 * PRIORITY.get(m.rule, 1) + 1
    category = max(votes, key=lambda c: (votes[c], c))
    typed = [m for m in members if m.category == category]
    canon = Counter()
    for m in typed:
        canon[_canonical(m, names[m])] += 1
    label = max(canon, key=lambda n: (canon[n], len(n), n))
    alts = set().union(*(names[m] for m in members)) - {label}
    alts = {a for a in alts if name_key(a) != name_key(label)}
    return Entity(key=f"{category}|{label}", category=category, label=label,
                  alt_labels=alts, mentions=sorted(members, key=_order))


def _order(m: Mention):
    return (m.sentence.doc.path, m.start, m.end)


def _canonical(m: Mention, names: set[str]) -> str:
    """A division's full name (济南 -> 济南市); otherwise the name as written."""
    if m.category == "AdministrativeArea":
        full = [n for n in names if n != m.text and n.endswith(("省", "市", "区", "县", "州", "盟", "旗"))]
        if full:
            return max(full, key=len)
    return m.text


def _context(ex: Extraction, lexicon: Lexicon) -> dict[str, str]:
    """The province and city the document is about, for names like 省职业病医院."""
    out: dict[str, str] = {}
    d = ex.divisions.get(ex.subject or "")
    while d is not None:
        out.setdefault(d.level, d.name)
        d = lexicon.by_code(d.parent) if d.parent else None
    return out


def _names(m: Mention, ex: Extraction, context: dict[str, str], lexicon: Lexicon) -> set[str]:
    names = {m.text, *m.aliases}
    if m.category == "AdministrativeArea":
        d = ex.divisions.get(m.text)
        if d is not None:
            names.add(d.name)
    else:
        for n in list(names):
            k = lexicon.leading_division(n)
            if k and m.category in _BODIES and lexicon.leading_division(n[k:]):
                names.add(n[k:])  # 呼伦贝尔市海拉尔区人民政府 is 海拉尔区人民政府
            p = _LOCAL.match(n)
            if p and m.category in _BODIES:
                # 省职业病医院 in a Shandong report is 山东省职业病医院
                region = context.get(_LEVEL[p.group(1)])
                if region and region.endswith(p.group(1)):
                    names.add(region + n[1:])
    return names

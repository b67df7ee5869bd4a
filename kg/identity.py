"""The identity stage: which real thing each entity of one document is, across a corpus.

A document's entities (``kg.resolve``) become nodes whose IRI depends only on what
identifies the thing, so the same thing read from two reports is one node and two
things that share a name are two, whichever reports a corpus holds and in which order
they were added (see ``docs/identity.md``):

- a division with a GB/T 2260 code is that code: 市中区 in a report on 济南 is 370103,
  in a report on 枣庄 370402;
- industries and initiatives are shared concepts: one 新能源汽车 that many regions develop;
- national things are one node wherever they are named: ministries, national fairs and
  strategic regions (``regions.tsv``), registered companies, names that begin with 国家
  or 中国, countries;
- every other place, body, person or event is scoped by a division that holds it: the
  one its name begins with (济南市|中山公园, or 市|人民医院 in a report on 济南), else
  the most specific one a sentence places it in (位于市中区的…), else the document's
  own region. A name is read without its division, so 济南市人民医院 in one report and
  市人民医院 in another report on 济南 are one node;
- a place in a document whose region is unknown, and a division name that stays
  ambiguous there, belong to that document alone.

Indicators belong to their document (``kg.iri.indicator_iri``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from . import iri
from .extract.base import FIRM_ENDS
from .lexicon import Division, Lexicon
from .model import Entity, Extraction, Mention
from .resolve import Resolved, name_key

SHARED = ("Industry", "Initiative")
BODIES = ("Hospital", "School", "Facility", "Organization")
# Bodies and events whose names say they are national (国家发改委, 中国国际进口博览会, 中共中央);
# not places: 中华路 and 国家农业科技园区 are in many cities.
_NATIONAL_HEADS = ("国家", "中国", "中央", "中共中央", "全国", "国务院")
# Registered firms are one firm wherever a report names them (factories and co-ops are local).
_FIRMS = tuple(e for e in FIRM_ENDS if e not in ("厂", "合作社"))
_TOWNS = ("镇", "乡", "街道", "街道办事处", "苏木", "办事处")
# 省职业病医院 in a Shandong report, 区人民医院 in a district's: the level's own body
_LOCAL = re.compile(r"^([省市区县])(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class Identity:
    """What makes a node one real thing: its IRI is a function of these fields only."""

    category: str
    scope: str  # a GB/T 2260 code; "" for shared and national things; "doc:<id>" for one document's
    key: str  # the compared form of its name within the scope
    display: str  # its name with the scope spelled out, for the IRI's readable part
    code: str = ""  # a division's own code

    @property
    def iri(self) -> str:
        if self.code:
            return iri.division_iri(self.code)
        return iri.entity_iri(self.category, self.scope, self.key, self.display)


def identify(ex: Extraction, resolved: Resolved, lexicon: Lexicon, doc_id: str) -> dict[str, Identity]:
    """Entity key -> Identity for every entity of one document."""
    return _Identifier(ex, resolved, lexicon, doc_id).run()


class _Identifier:
    def __init__(self, ex: Extraction, resolved: Resolved, lexicon: Lexicon, doc_id: str) -> None:
        self.ex, self.res, self.lex = ex, resolved, lexicon
        self.region: Optional[Division] = ex.divisions.get(ex.subject or "")
        self.own = f"doc:{doc_id}"
        self.doc_scope = self.region.code if self.region else self.own
        self.chain = self._chain(self.region)
        self.by_key = {e.key: e for e in resolved.entities}
        self.contained: dict[str, set[str]] = {}  # entity key -> keys of those it is said to lie in
        for r in ex.relations:
            if r.inferred or not isinstance(r.tail, Mention):
                continue
            head, tail = resolved.of.get(r.head), resolved.of.get(r.tail)
            if head is None or tail is None or head is tail:
                continue
            if r.predicate == "locatedIn" or r.predicate == "holdsPosition" \
                    or (r.predicate == "partOf" and tail.category == "AdministrativeArea"):
                self.contained.setdefault(head.key, set()).add(tail.key)
        self.scopes: dict[str, Optional[str]] = {}
        self.codes = {e.key: self._code(e) for e in resolved.entities}

    def run(self) -> dict[str, Identity]:
        return {e.key: self._identity(e) for e in self.res.entities}

    def _identity(self, e: Entity) -> Identity:
        code = self.codes[e.key]
        if code:
            return Identity(e.category, "", code, e.label, code=code)
        if e.category in SHARED or self._national(e):
            return Identity(e.category, "", name_key(e.label), e.label)
        if e.category == "AdministrativeArea" and not e.label.endswith(_TOWNS) and self.lex.division(e.label):
            # a division name the document leaves ambiguous (市中区 in a report on 山东):
            # never the same node as another document's
            return Identity(e.category, self.own, name_key(e.label), e.label)
        scope = self._scope(e, set()) or self.doc_scope
        prefix, rest = self._prefix(e)
        name = rest if prefix is not None else e.label
        division = self.lex.by_code(scope) if scope[:1].isdigit() else None
        display = division.name + name if division else name
        return Identity(e.category, scope, name_key(name), display)

    def _national(self, e: Entity) -> bool:
        label = e.label
        if e.category in ("Organization", "Event") and label.startswith(_NATIONAL_HEADS):
            return True
        if e.category == "Organization" and (label in self.lex.companies or label.endswith(_FIRMS)
                                             or any(m.rule == "company" for m in e.mentions)):
            return True
        kind = self.lex.regions.get(label)
        if kind is not None:
            # 国家发改委 is national, but 发改委 or 卫健委 alone is the region's own
            return not (kind == "Organization" and label.endswith("委"))
        # countries and their cities (俄罗斯, 赤塔市): not China's divisions
        return e.category == "AdministrativeArea" and not label.endswith(_TOWNS) \
            and not self.lex.division(label) and any(m.rule in ("division", "foreign") for m in e.mentions)

    def _code(self, e: Entity) -> str:
        if e.category != "AdministrativeArea":
            return ""
        codes = Counter(self.ex.divisions[m.text].code for m in e.mentions if m.text in self.ex.divisions)
        if not codes and e.label in self.ex.divisions:
            codes[self.ex.divisions[e.label].code] += 1
        return max(codes, key=lambda c: (codes[c], -int(c))) if codes else ""

    def _scope(self, e: Entity, seen: set[str]) -> Optional[str]:
        """The division that holds ``e``: the one its name begins with (济南市人民医院 is the
        city's, wherever it stands), else the most specific one the text puts it in, else
        the document's region. The name comes first because it is the same in every
        report; what a sentence says of a place varies from report to report."""
        if e.key in self.scopes:
            return self.scopes[e.key]
        if e.key in seen:
            return None
        seen.add(e.key)
        prefix, _ = self._prefix(e)
        if prefix is not None:
            scope = prefix.code
        else:
            said: set[str] = set()
            for key in sorted(self.contained.get(e.key, ())):
                tail = self.by_key[key]
                code = self.codes.get(key) or (self._scope(tail, seen) if tail.category not in SHARED else None)
                if code and code[:1].isdigit():
                    said.add(code)
            scope = (_deepest(said) or _common(said, self.lex) or self.doc_scope) if said else self.doc_scope
        self.scopes[e.key] = scope
        return scope

    def _prefix(self, e: Entity) -> tuple[Optional[Division], str]:
        """The division ``e``'s name begins with, and the rest of the name:
        济南市|人民医院, 市中区|人民医院, 济南|中山公园; 市|人民医院 in a report on 济南."""
        name, found = e.label, None
        while True:
            k = self.lex.leading_division(name)
            if not k or k >= len(name):
                break
            d = self._division_named(name[:k], found)
            if d is None:
                break
            found, name = d, name[k:]
        if found is None and e.category in BODIES and (m := _LOCAL.match(name)) and len(name) > 1:
            d = self._local(m.group(1))
            if d is not None:
                found, name = d, name[1:]
        return found, name

    def _division_named(self, text: str, outer: Optional[Division]) -> Optional[Division]:
        """The division ``text`` (at the start of a name) means in this document, if it is sure."""
        d = self.ex.divisions.get(text)
        if d is None:
            opts = self.lex.divisions.get(text) or []
            if not opts:
                # a short name (济南) counts only for the document's own places: 中山|公园
                # in a report on 济南 is no park of 中山市
                opts = [x for x in self.lex.division_short.get(text, []) if x.code in self.chain]
            for near in (opts, [x for x in opts if outer and _under(x.code, outer.code)],
                         [x for x in opts if self.region and x.code[:2] == self.region.code[:2]],
                         [x for x in opts if self.region and x.code[:4] == self.region.code[:4]]):
                if len(near) == 1:
                    d = near[0]
                    break
        if d is not None and outer is not None and not _under(d.code, outer.code):
            return None
        return d

    def _local(self, level: str) -> Optional[Division]:
        """The division 省/市/区/县 means in this document: its region or the one above."""
        r = self.region
        if r is None:
            return None
        if level == "省":
            return self.lex.by_code(r.code[:2] + "0000")
        if r.level == "county" and r.name.endswith(level):
            return r  # 市人民医院 in a report on 福鼎市 is 福鼎's own
        if level == "市" and r.level != "province":
            city = self.lex.by_code(r.code[:4] + "00") if r.level == "county" else r
            return city if city is not None and city.name.endswith("市") else None
        return None

    @staticmethod
    def _chain(region: Optional[Division]) -> set[str]:
        if region is None:
            return set()
        return {region.code, region.code[:4] + "00", region.code[:2] + "0000"}


def _under(code: str, parent: str) -> bool:
    """True when division ``code`` lies in division ``parent`` (GB/T 2260 prefixes)."""
    if code == parent or not parent[:1].isdigit() or not code[:1].isdigit():
        return False
    if parent.endswith("0000"):
        return code[:2] == parent[:2]
    if parent.endswith("00"):
        return code[:4] == parent[:4]
    return False


def _deepest(codes: set[str]) -> Optional[str]:
    """The one code every other lies above, if the codes form one line (济南市 ⊃ 市中区)."""
    for c in sorted(codes):
        if all(o == c or _under(c, o) for o in codes):
            return c
    return None


def _common(codes: set[str], lex: Lexicon) -> Optional[str]:
    """The smallest division that holds all of ``codes`` (a road through two districts)."""
    for width in (4, 2):
        heads = {c[:width] for c in codes}
        if len(heads) == 1:
            code = heads.pop().ljust(6, "0")
            if lex.by_code(code) is not None:
                return code
    return None

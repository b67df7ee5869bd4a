"""Relations between mentions of one document, and planned actions.

All rules are local to a sentence, so every relation has a sentence to show
as its evidence.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..lexicon import Division, Lexicon, short_name
from ..model import Action, Indicator, Mention, Relation, Sentence
from .base import FIRM_ENDS

PLACES = {"Park", "Area", "Village", "Road", "Facility", "Hospital", "School", "NaturalFeature"}
CONTAINERS = {"AdministrativeArea", "Area"}
_ALONG = ("沿线", "沿岸", "两侧", "两岸", "沿路", "一线")
_CLAUSE = re.compile(r"[，。；！？,;!?]")
_SITUATED = re.compile(r"(?:位于|地处|坐落(?:在|于)|地处于|座落于)")
_SITUATED_BEFORE = re.compile(r"(?:位于|地处|坐落(?:在|于)|地处于)[^，。；]*$")
_OF = re.compile(r"^(?:区域|地区|一带|境内)?的$")
# A sentence that reports rather than plans: 建成了, 已完成, 过去五年, 去年.
_PAST = re.compile(r"(?<!为)了(?!解)|已经?(?:建成|完成|竣工|开工|投用|投产)|过去[一二三四五六七八九十几]?年|去年|上年|一年来|五年来|累计")
_SCOPE_END = re.compile(r"[；。！？;!?]")
# What a title may be a post in: 云舍村支部书记, 市一医院院长, 高新区管委会主任.
_POSTS_IN = {"Organization", "AdministrativeArea", "School", "Village", "Hospital", "Park"}
_HOSTS = re.compile("(?:办好|举办|承办|主办|办成|筹办|召开|举行|高质量办|高水平办|成功办|精心办)")
_HELD = re.compile("(?:隆重|盛大|正式|成功)?(?:举行|召开|开幕|举办|启幕|落幕|闭幕)(的)?")
_GOVERNMENT_TITLE = re.compile("[省市区县州镇乡]长$")
_OWNED = {"Facility", "Park", "Organization", "Hospital", "School"}
_REPORTER_TITLES = {"记者", "通讯员", "见习记者", "特约记者", "首席记者", "编辑", "责任编辑", "实习生"}


_LISTED = re.compile(r"(?:产业|行业|等|、|和|及)")


# Between a body and a title: a field (经济学) or a department (成果转化处).
_UNIT_BETWEEN = re.compile(r"[\u4e00-\u9fff]{0,4}|[\u4e00-\u9fff]{2,8}[处部科室司厅所院办组]")
_BRACKETED = re.compile(r"[（(][^（）()]{1,12}[）)]")


# Sites a sentence about a new town or a zone places in it.
_SITES = {"Facility", "Hospital", "School", "Park"}


class RelationRules:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def find(self, sent: Sentence, mentions: list[Mention], titles: dict[Mention, str],
             subject: Optional[Mention], divisions: dict[str, Division]) -> Iterator[Relation]:
        ms = sorted(mentions, key=lambda m: (m.start, -m.end))
        yield from self._prefixes(sent, ms, divisions)
        yield from self._in_subject(sent, ms)
        yield from self._situated(sent, ms)
        yield from self._divisions(sent, ms, divisions)
        yield from self._along(sent, ms)
        yield from self._develops(sent, ms, subject)
        yield from self._held_in(sent, ms)
        yield from self._positions(sent, ms, titles, subject)
        yield from self._opened_by_area(sent, ms)

    def _opened_by_area(self, sent, ms) -> Iterator[Relation]:
        """岐江新城锚定…，推动华侨城欢乐海岸开园运营: a sentence that opens with a new town or
        a zone goes on about the sites in it."""
        opener = _opener(sent, ms)
        if opener is None:
            return
        for m in ms:
            if m.start >= opener.end and m.category in _SITES and m.text != opener.text:
                yield Relation(m, "locatedIn", opener, sent)

    def _prefixes(self, sent, ms, divisions) -> Iterator[Relation]:
        """港口区山新村, 老城商埠片区中山公园: a place right before another contains it."""
        for a in ms:
            for b in ms:
                if a is b or a.category not in CONTAINERS or b.category not in PLACES | {"AdministrativeArea"}:
                    continue
                touching = a.end == b.start
                nested_prefix = a.start == b.start and a.end < b.end and a.category == "AdministrativeArea"
                if not (touching or nested_prefix) or b.category in ("Organization", "Event"):
                    continue
                if nested_prefix and b.category == "AdministrativeArea":
                    continue
                pred = "partOf" if a.category == b.category == "AdministrativeArea" else "locatedIn"
                if pred == "partOf" and not _may_contain(divisions.get(a.text), divisions.get(b.text)):
                    continue
                yield Relation(b, pred, a, sent)

    def _situated(self, sent, ms) -> Iterator[Relation]:
        """位于皖南的芜湖, 芜湖位于皖南, 地处皖中、大别山区域的六安."""
        text = sent.text
        places = [m for m in ms if m.category in PLACES | {"AdministrativeArea"}]
        for a in places:
            a_s, a_e = a.start - sent.start, a.end - sent.start
            for b in places:
                if a is b:
                    continue
                b_s, b_e = b.start - sent.start, b.end - sent.start
                if b_s >= a_e and _OF.match(text[a_e:b_s]):
                    # 位于A(、A2)的B: the verb may stand before an earlier item of a list
                    head = text[max(0, a_s - 12):a_s]
                    if _SITUATED_BEFORE.search(head):
                        yield Relation(b, "locatedIn", a, sent)
                elif a_s >= b_e and _SITUATED.fullmatch(text[b_e:a_s]):
                    yield Relation(b, "locatedIn", a, sent)

    def _in_subject(self, sent, ms) -> Iterator[Relation]:
        """市中区推动建设省妇幼保健院新院区: what a division's clause builds lies in it."""
        openers = [m for m in ms if m.category in ("Area", "Park") and _opens_clause(sent, m)]
        for m in ms:
            if m.category not in PLACES - {"Road", "NaturalFeature"} or m in openers:
                continue  # 青原区做活井大商圈，庐陵新区做强…: a zone opening a clause is its subject
            region = _subject_before(ms, m.start)
            zone = next((o for o in reversed(openers) if o.end <= m.start), None)
            if zone is not None and (region is None or zone.start > region.start):
                region = zone  # 庐陵新区做强城南片区: what the zone's clause builds lies in the zone
            # the division is the clause's subject (市中区推动…), not the object of a verb
            # before it (推进姚家街道老旧小区改造，完成洪家楼片区更新)
            if region is not None and _same_clause(sent, region, m) and not self._object(sent, region):
                yield Relation(m, "locatedIn", region, sent)

    def _object(self, sent, m) -> bool:
        """True when a verb of the lexicon stands right before ``m`` (推进|姚家街道)."""
        before = sent.text[max(0, m.start - sent.start - 4): m.start - sent.start]
        return bool(self.lex.verbs_ending(before))

    def _divisions(self, sent, ms, divisions) -> Iterator[Relation]:
        """Two divisions in one sentence, one above the other in the code table."""
        areas = [m for m in _standalone(ms) if m.category == "AdministrativeArea"]
        for a in areas:
            for b in areas:
                da, db = divisions.get(a.text), divisions.get(b.text)
                if da and db and da.code != db.code and db.parent and _ancestor(da, db, self.lex):
                    if a.end != b.start:  # adjacent pairs come from _prefixes
                        yield Relation(b, "partOf", a, sent)

    def _along(self, sent, ms) -> Iterator[Relation]:
        text = sent.text
        for road in (m for m in ms if m.category == "Road"):
            rel_end = road.end - sent.start
            after = text[rel_end: rel_end + 3].lstrip("”’\"")
            if not after.startswith(_ALONG):
                continue
            stop = _SCOPE_END.search(text, rel_end)
            limit = sent.start + (stop.start() if stop else len(text))
            for m in ms:
                if m.category in PLACES - {"Road"} and road.end < m.start < limit:
                    yield Relation(m, "along", road, sent)

    def _develops(self, sent, ms, subject) -> Iterator[Relation]:
        text = sent.text
        verbs = self.lex.verbs("develop")
        for ind in (m for m in ms if m.category == "Industry"):
            rel = ind.start - sent.start
            clause_start = _clause_start(text, rel)
            end = _CLAUSE.search(text, ind.end - sent.start)
            clause = text[clause_start:end.start() if end else len(text)]
            named = _subject_before(ms, ind.start)
            park = None if named else self._park_before(sent, ms, ind, verbs)
            if park is not None:
                yield Relation(park, "develops", ind, sent)  # ...and the plan's region does too
            # 火炬开发区聚焦创新发展，做大做强生物医药…: a park or area that opens the
            # sentence develops what it lists
            stated = named or _opener(sent, ms)
            # 安徽淮南承接智能终端行业: a region named with its industries develops them;
            # so does the document's subject where a develop verb says so (发展新能源汽车)
            # or the sector is listed as one of its industries (涵盖新能源、新材料等产业):
            # the extract stage keeps only sectors named in such contexts.
            if stated is None and not (any(v in clause for v in verbs) or ind.rule in ("enumeration", "suffix")
                                       or _LISTED.match(text, ind.end - sent.start)):
                continue
            region = stated or subject
            if region is not None:
                yield Relation(region, "develops", ind, sent)

    def _park_before(self, sent, ms, ind, verbs) -> Optional[Mention]:
        """推动岱山经开区发展新材料产业; 推动普陀经开区更新提升，做优生命健康等产业: the park a
        plan moves develops the sectors its clause, or the next one opening with a develop
        verb, names."""
        text = sent.text
        rel = ind.start - sent.start
        start = _clause_start(text, rel)
        opens = any(text.startswith(v, start) for v in (*verbs, "做优", "做强", "做大"))
        if opens and start > 0:
            start = _clause_start(text, start - 1)
        parks = [m for m in _standalone(ms) if m.category == "Park" and start <= m.start - sent.start
                 and m.end <= ind.start]
        return parks[-1] if parks else None

    def _held_in(self, sent, ms) -> Iterator[Relation]:
        """推介会在武汉举行, 在济南召开的…大会: where an event takes place."""
        text = sent.text
        places = [m for m in ms if m.category in PLACES | {"AdministrativeArea"}]
        for ev in (m for m in ms if m.category == "Event"):
            for pl in places:
                a, b = pl.start - sent.start, pl.end - sent.start
                if text[a - 1:a] != "在":
                    continue
                held = _HELD.match(text, b)
                e = ev.end - sent.start
                if held and (a - 6 <= e <= a  # X在武汉举行
                             or held.group(1) and ev.start - sent.start == held.end()):  # 在武汉举行的X
                    yield Relation(ev, "locatedIn", pl, sent)

    def _positions(self, sent, ms, titles, subject) -> Iterator[Relation]:
        for p in ms:
            title = titles.get(p)
            if p.category != "Person" or not title:
                continue
            title_start = p.start - len(title) - (1 if sent.text[p.start - sent.start - 1: p.start - sent.start] == " " else 0)
            # 厦门大学经济学副教授, 中国科协科学技术传播中心成果转化处副主任, 协会（IASP）主席:
            # a field, a department or an abbreviation may stand between
            org = next((m for m in ms if m.category in _POSTS_IN and 0 <= title_start - m.end <= 12
                        and _UNIT_BETWEEN.fullmatch(_BRACKETED.sub("", sent.text[m.end - sent.start:title_start - sent.start]))),
                       None)
            if org is not None:
                yield from self._earlier_posts(sent, ms, p, org.start - sent.start)
            else:
                # 武汉市委常委、政法委书记曹裕江, 娲石集团党委书记、董事长魏华山: the body
                # of an earlier post in the chain; a 市长 is of the city itself
                seg = sent.text[:title_start - sent.start]
                cut = seg.rfind("、")
                if cut >= 0 and len(seg) - cut <= 7 and not re.search(r"[，。；：,;:]", seg[cut:]):
                    chain = list(self._earlier_posts(sent, ms, p, cut + 1))
                    yield from chain
                    if chain and not _GOVERNMENT_TITLE.search(title):
                        org = chain[0].tail
            # 河北日报记者霍艳恩 works for the paper; a reporter is not an official of the region
            target = org if title in _REPORTER_TITLES else org or subject
            if target is not None:
                yield Relation(p, "holdsPosition", target, sent, title=title)

    def document_level(self, mentions: list[Mention], divisions: dict[str, Division],
                       subject: Optional[Mention]) -> Iterator[Relation]:
        """Relations that need the whole document: names that hold a division
        (长沙软件园 in 长沙) and towns of the county a report is about."""
        areas: dict[str, Mention] = {}
        for m in mentions:
            if m.category == "AdministrativeArea":
                areas.setdefault(m.text, m)
                d = divisions.get(m.text)
                if d is not None:
                    areas.setdefault(d.name, m)
        # 雄安中关村科技园 lies in 雄安新区: the stem of a named area or park locates
        # places whose names begin with it
        for m in mentions:
            if m.category in ("Area", "Park"):
                hit = self.lex.suffix_of(m.text)
                stem = m.text[:-len(hit[0])] if hit and hit[2] == "name" else ""
                if len(stem) >= 2 and stem not in areas:
                    areas.setdefault(stem, m)
        names = sorted(areas, key=len, reverse=True)
        owners = sorted({m.text: m for m in mentions if m.category == "Organization"}.values(),
                        key=lambda m: (-len(m.text), m.text))
        seen: set[tuple[str, str]] = set()
        # 长三角合成生物产业创新园, 嘉州食品饮料产业园: a park named for an industry the
        # document names develops it (the longest such industry)
        industries: dict[str, Mention] = {}
        for m in mentions:
            if m.category == "Industry":
                industries.setdefault(m.text, m)
        longest_first = sorted(industries, key=len, reverse=True)
        for m in mentions:
            if m.category == "Park":
                ind = next((n for n in longest_first if len(n) >= 2 and n in m.text and n != m.text), None)
                if ind is not None and (m.text, ind) not in seen:
                    seen.add((m.text, ind))
                    yield Relation(m, "develops", industries[ind], m.sentence)
        for m in mentions:
            if m.category in PLACES | {"Event", "Organization"}:
                holders = [areas[n] for n in names if len(n) >= 2 and n in m.text and areas[n].text != m.text]
                # the most specific area or park, and the most specific division
                for kind in (("Area", "Park"), ("AdministrativeArea",)):
                    region = next((h for h in holders if h.category in kind), None)
                    if region is not None and (m.text, region.text) not in seen:
                        seen.add((m.text, region.text))
                        yield Relation(m, "locatedIn", region, m.sentence)
            if m.category in _OWNED:
                # 中芯国际12英寸线, 特斯拉上海工厂, 莱克电气绿能科技（苏州）有限公司: named after
                # the company (or body) they belong to
                owner = next((o for o in owners if m.text.startswith(o.text) and len(m.text) > len(o.text) + 1
                              and o.text != m.text), None)
                if owner is not None and (m.text, owner.text) not in seen:
                    seen.add((m.text, owner.text))
                    yield Relation(m, "partOf", owner, m.sentence)
            if (m.category == "AdministrativeArea" and m.text not in divisions and subject is not None
                  and m.text != subject.text and m.text.endswith(("镇", "乡", "街道", "街道办事处", "苏木"))):
                if (m.text, subject.text) not in seen:
                    seen.add((m.text, subject.text))
                    yield Relation(m, "partOf", subject, m.sentence)

    def division_tree(self, mentions: list[Mention], relations: list[Relation],
                      divisions: dict[str, Division]) -> Iterator[Relation]:
        """长沙 and 湖南省 in one document: the code table says one is part of the other
        (marked inferred when no sentence puts them together)."""
        done = {(r.head.text, r.tail.text) for r in relations if r.predicate == "partOf"}
        first: dict[str, Mention] = {}
        for m in mentions:
            if m.category == "AdministrativeArea" and m.text in divisions:
                first.setdefault(m.text, m)
        for a in first.values():
            for b in first.values():
                da, db = divisions[a.text], divisions[b.text]
                if da.code != db.code and _ancestor(da, db, self.lex) and (b.text, a.text) not in done:
                    done.add((b.text, a.text))
                    yield Relation(b, "partOf", a, b.sentence, inferred=True)

    def in_document_subject(self, mentions: list[Mention], relations: list[Relation],
                            divisions: dict[str, Division], subject: Optional[Mention]) -> Iterator[Relation]:
        """A place a region's report names, with no other place given for it,
        lies in that region (marked inferred: the sentence does not say so)."""
        if subject is None or subject.text not in divisions:
            return
        placed = {r.head.text for r in relations if r.predicate in ("locatedIn", "along", "partOf")}
        done: set[str] = set()
        for m in mentions:
            if (m.category in PLACES or self._local_body(m) or self._hosted(m)) and m.text not in placed \
                    and m.text not in done and not self._names_elsewhere(m.text, divisions[subject.text]):
                done.add(m.text)
                yield Relation(m, "locatedIn", subject, m.sentence, inferred=True)

    def _hosted(self, m: Mention) -> bool:
        """办好陶博会, 举办第七届世界川菜大会: an event the report's place hosts is held there."""
        if m.category != "Event":
            return False
        text, rel = m.sentence.text, m.start - m.sentence.start
        clause = text[_clause_start(text, rel):rel]
        return bool(_HOSTS.search(clause))

    def _local_body(self, m: Mention) -> bool:
        """Companies and the region's own bodies (县发改局) are where the report is;
        national bodies (国家发改委, 国务院) and national companies are not."""
        if m.category != "Organization" or m.text in self.lex.regions or m.text in self.lex.companies:
            return False
        if m.text.startswith(("国家", "中国", "中央", "全国", "国务院")):
            return False
        # firms a report lists (公牛、方太等品牌) are of its place unless it says otherwise
        return m.text.endswith(FIRM_ENDS) or m.text[0] in "县区市镇乡" or m.rule == "enumeration"

    def _names_elsewhere(self, name: str, subject: Division) -> bool:
        """厦门大学 in a report on 福鼎市: the name itself places it in another division."""
        ancestors = {subject.code, subject.parent, subject.code[:2] + "0000"}
        for k in (4, 3, 2):
            for i in range(0, len(name) - k + 1):
                for d in self.lex.division(name[i:i + k]):
                    full = name[i:i + k] == d.name
                    if (full or d.level != "county") and d.code not in ancestors and d.parent != subject.code:
                        return True
        return False

    def position_targets(self, relations: list[Relation], mentions: list[Mention],
                         divisions: dict[str, Division]) -> list[Relation]:
        """区长 of 汉南区 works for 汉南区人民政府, 书记 for its 区委, when the text names them."""
        orgs = {m.text: m for m in mentions if m.category == "Organization"}
        out = []
        for r in relations:
            if r.predicate == "holdsPosition" and isinstance(r.tail, Mention) \
                    and r.tail.category == "AdministrativeArea":
                org = self._body_of(r.tail.text, r.title, orgs, divisions)
                if org is not None:
                    r = Relation(r.head, r.predicate, org, r.sentence, title=r.title, inferred=r.inferred)
            out.append(r)
        return out

    def _body_of(self, region: str, title: str, orgs: dict[str, Mention],
                 divisions: dict[str, Division]) -> Optional[Mention]:
        d = divisions.get(region)
        full = d.name if d else region
        names = {region, full, short_name(full)}
        level = full[-1:]
        if "书记" in title or "常委" in title:
            bodies = [n + "委" for n in names] + [level + "委"]
        else:
            bodies = [n + g for n in names for g in ("人民政府", "政府")] + [level + "人民政府", level + "政府"]
        return next((orgs[b] for b in bodies if b in orgs), None)

    def _earlier_posts(self, sent: Sentence, ms: list[Mention], person: Mention, end: int):
        """湖南省委常委、长沙市委书记吴桂英: each body with its title before the name
        (``end`` is where the post nearest the name begins)."""
        text = sent.text
        while end > 0 and text[end - 1] == "、":
            title = next((t for t in sorted(self.lex.titles, key=len, reverse=True)
                          if text[:end - 1].endswith(t)), None)
            if title is None:
                return
            title_start = end - 1 - len(title)
            body = next((x for x in ms if x.end - sent.start == title_start
                         and x.category in _POSTS_IN), None)
            if body is None:
                return
            yield Relation(person, "holdsPosition", body, sent, title=title)
            end = body.start - sent.start

    def indicators(self, sent: Sentence, ms: list[Mention], found: list[Indicator],
                   subject: Optional[Mention]) -> Iterator[Relation]:
        for ind in found:
            region = _subject_before(ms, ind.start) or subject
            if region is not None:
                yield Relation(region, "hasIndicator", ind, sent, year=ind.year)

    def actions(self, sent: Sentence, ms: list[Mention], year: Optional[int],
                doc_year: Optional[int] = None) -> Iterator[Action]:
        text = sent.text
        past = bool(_PAST.search(text)) or bool(year and doc_year and year < doc_year)
        status = "done" if past else "planned"
        pattern = self.lex.verb_pattern("action")
        for m in ms:
            if m.category not in PLACES:
                continue
            rel_s, rel_e = m.start - sent.start, m.end - sent.start
            clause_end = _CLAUSE.search(text, rel_e)
            after = pattern.search(text, rel_e, clause_end.start() if clause_end else len(text))
            verb = after.group() if after and after.start() - rel_e <= 6 else None
            if verb is None:
                clause_start = _clause_start(text, rel_s)
                before = list(pattern.finditer(text, clause_start, rel_s))
                verb = before[-1].group() if before else None
            if verb:
                yield Action(verb, m, year, sent, status)


def _subject_before(ms: list[Mention], pos: int) -> Optional[Mention]:
    """The last division named on its own before ``pos``: the clause's subject.

    A division inside a longer name (济南 in 济南宾馆) is not a subject.
    """
    areas = [m for m in _standalone(ms) if m.category == "AdministrativeArea" and m.end <= pos]
    return areas[-1] if areas else None


def _opener(sent: Sentence, ms: list[Mention]) -> Optional[Mention]:
    """The park or area a sentence opens with (火炬开发区聚焦…, 岐江新城锚定…): what it is about."""
    return next((m for m in ms if m.start == sent.start and m.category in ("Area", "Park")), None)


def _standalone(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if not any(o is not m and o.start <= m.start and m.end <= o.end
                                     and (o.end - o.start) > (m.end - m.start) for o in ms)]


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` begins (after the last ，；。 before it)."""
    start = 0
    for b in _CLAUSE.finditer(text, 0, pos):
        start = b.end()
    return start


def _opens_clause(sent: Sentence, m: Mention) -> bool:
    """True when ``m`` stands first in its sentence or right after a comma."""
    return m.start == sent.start or sent.doc.text[m.start - 1] in "，,；;："


def _same_clause(sent: Sentence, a: Mention, b: Mention) -> bool:
    """No sentence-internal full stop (；) between the two mentions."""
    between = sent.text[a.end - sent.start: b.start - sent.start]
    return not re.search(r"[；;]", between)


def _may_contain(a: Optional[Division], b: Optional[Division]) -> bool:
    return a is None or b is None or b.parent == a.code or b.parent[:2] == a.code[:2]


def _ancestor(a: Division, b: Division, lex: Lexicon) -> bool:
    """True when ``a`` is above ``b`` in the division table."""
    return b.parent == a.code or (a.level == "province" and b.code[:2] == a.code[:2] and b.code != a.code)

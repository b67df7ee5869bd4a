"""The extract stage: a ``Document`` in, an ``Extraction`` (mentions, indicators, relations) out."""
from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Optional

from ..lexicon import Division, Lexicon, short_name
from ..model import Document, Extraction, Mention, Sentence
from ..segment import Segmenter, split_sentences
from .base import FIRM_ENDS, Cand, NameWalker
from .enumerations import Enumerations
from .names import SentenceRules
from .persons import PersonRules
from .relations import RelationRules
from .targets import TargetRules

log = logging.getLogger(__name__)

# Sites named after the division they are in (广州新机场, 义乌机场): the division is named too.
_PLACED = {"Facility", "Park", "Hospital", "School"}  # not roads: 南京东路 is in 上海
_CLAUSE_SPLIT = re.compile(r"[，。；！？：,;!?:]")
_INDUSTRY_AFTER = ("产业", "核心产业", "规模", "增加值", "营收", "营业收入", "产值", "行业", "领域", "企业", "集群", "赛道", "经济", "制造", "装备", "方向", "体系", "技术", "高质量发展", "发展", "等")
_YEAR = re.compile(r"(20[0-9]{2})年")
_LEVEL_RANK = {"county": 0, "city": 1, "province": 2}
# Titles held in companies and associations, not in a government (市长) or party (书记).
_BODY_TITLES = {"董事长", "副董事长", "总经理", "副总经理", "董事经理", "总裁", "副总裁", "执行总裁",
                "创始人", "首席执行官", "会长", "执行会长", "副会长", "理事长", "行长", "总编辑",
                "首席经济学家", "合伙人"}
_TITLE_RANKS = ("副", "常务", "执行", "高级", "首席", "名誉", "荣誉", "轮值", "联席")
# A county's short name used this often is the document's own place.
_REPEATED = 3
# Names shorter than this are found again elsewhere only if they are people.
_KNOWN_MIN = 3


class Extractor:
    """Runs every rule over a document. Create one per pipeline; it holds jieba."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.segmenter = Segmenter(lexicon)
        walker = NameWalker(lexicon, self.segmenter.tag)
        self.names = SentenceRules(lexicon, walker)
        self.enumerations = Enumerations(lexicon, walker)
        self.persons = PersonRules(lexicon, lambda w: bool(self.segmenter.tag(w)))
        self.targets = TargetRules(lexicon)
        self.relations = RelationRules(lexicon)

    def extract(self, doc: Document) -> Extraction:
        sentences = split_sentences(doc)
        out = Extraction(doc=doc, sentences=sentences)
        report = is_report(doc.text)
        found = [(s, self._candidates(s, report)) for s in sentences if not is_boilerplate(s.text)]
        known = _known_names(found)
        pattern = _alternation(known)
        # 福鼎 after 福鼎市 in the same document: a county's short name is trusted once
        # its full name is there (short county names are ambiguous words on their own)
        shorts = self._named_shorts(found)
        short_pattern = _alternation(shorts)
        people: dict[str, list[str]] = {}  # first character -> known person names
        for n in sorted(n for n, c in known.items() if c == "Person"):
            people.setdefault(n[0], []).append(n)
        per_sentence: list[tuple[Sentence, list[Mention], list[tuple[int, int]]]] = []
        for sent, cands in found:
            text = sent.text
            if pattern:
                cands = cands + [Cand(m.start(), m.end(), known[m.group()], "known")
                                 for m in pattern.finditer(sent.text)]
            # 吴锦代表市委: a name that starts with a person's is the person and what they do
            cands = [c for c in cands if c.category in ("Person", "Facility")
                     or not any(text.startswith(n, c.start) and c.end - c.start > len(n)
                                for n in people.get(text[c.start:c.start + 1], ()))]
            if short_pattern:
                cands = cands + [Cand(m.start(), m.end(), "AdministrativeArea", "division",
                                      aliases={shorts[m.group()]}) for m in short_pattern.finditer(text)
                                 if not (m.start() and is_han_char(text[m.start() - 1]) and
                                         not self.lex.boundary(text[max(0, m.start() - 2):m.start()]))]
            chosen = [c for c in resolve_overlaps(cands, sent.text, self._names_sites) if self._industry_in_context(sent.text, c)]
            chosen = self._shared_heads(sent.text, chosen)
            mentions = []
            for c in chosen:
                m = Mention(sent.text[c.start:c.end], c.category, sent, sent.start + c.start,
                            sent.start + c.end, tuple(sorted(c.aliases)), c.rule)
                mentions.append(m)
                if c.title:
                    out.titles[m] = c.title
            quoted = [(c.start, c.end) for c in cands if c.rule == "quote"]
            per_sentence.append((sent, mentions, quoted))
            out.mentions.extend(mentions)
        stray = self._stray_counties(out.mentions)
        if stray:
            out.mentions = [m for m in out.mentions if m.text not in stray]
            per_sentence = [(s, [m for m in ms if m.text not in stray], q) for s, ms, q in per_sentence]
        out.divisions = self._divisions(out.mentions)
        out.subject = _subject(out.mentions, out.divisions, self._named_after(out.mentions, out.divisions))
        subject = next((m for m in out.mentions if m.text == out.subject), None)
        doc_year = document_year(doc.text)
        for sent, mentions, quoted in per_sentence:
            year = sentence_year(sent.text) or doc_year
            inds = list(self.targets.find(sent, quoted, year))
            out.indicators.extend(inds)
            out.relations.extend(self.relations.find(sent, mentions, out.titles, subject, out.divisions))
            out.relations.extend(self.relations.indicators(sent, mentions, inds, subject))
            out.actions.extend(self.relations.actions(sent, mentions, year, doc_year))
        out.relations.extend(self.relations.document_level(out.mentions, out.divisions, subject))
        out.relations.extend(self.relations.division_tree(out.mentions, out.relations, out.divisions))
        out.relations.extend(self.relations.in_document_subject(out.mentions, out.relations,
                                                                out.divisions, subject))
        out.relations = self.relations.position_targets(out.relations, out.mentions, out.divisions)
        log.info("%s: %d mentions, %d indicators, %d relations", doc.name, len(out.mentions),
                 len(out.indicators), len(out.relations))
        return out

    def _candidates(self, sent: Sentence, report: bool = False) -> list[Cand]:
        text = sent.text
        toks = self.segmenter.tokens(text)
        cands = list(self.names.quoted(text, report)) + list(self.names.titled(text)) + list(self.names.lines(text))
        cands += self.names.strategies(text)
        cands += self.names.editions(text, toks)
        cands += self.names.routes(text, toks)
        cands += self.names.media(text, toks)
        cands += self.names.campaigns(text)
        cands += self.names.economies(text)
        cands += self.names.capacity_owners(text, toks)
        cands += self.names.own_zones(text, toks)
        cands += self.names.works(text, toks)
        people = list(self.persons.find(text))
        places = list(self.names.gazetteer(text, toks)) + list(self.names.foreign_cities(text))
        spans = {(c.start, c.end) for c in places}
        places += [c for c in self.names.divisions_in(text, toks) if (c.start, c.end) not in spans]
        companies = [c.end for c in places if c.rule == "company"]  # 华润|大冲旧村
        divisions = companies + [c.end for c in places if c.rule == "division" and (
            text[c.start:c.end] in self.lex.divisions or self.lex.regions.get(text[c.start:c.end]) == "AdministrativeArea")]
        cands += people + places + list(self._party_committees(text, people, places))
        suffixed = list(self.names.suffix_names(text, toks, [c.end for c in people], divisions))
        cands += suffixed
        cands += self._titled_bodies(text, toks, people, places + suffixed)
        cands += self.enumerations.find(text, toks, cands)
        return cands

    def _named_shorts(self, found: list[tuple[Sentence, list[Cand]]]) -> dict[str, str]:
        shorts: dict[str, str] = {}
        for sent, cands in found:
            for c in cands:
                name = sent.text[c.start:c.end]
                if c.rule == "division" and name in self.lex.divisions:
                    short = short_name(name)
                    if len(short) >= 2 and short != name and short not in self.lex.division_short \
                            and short not in self.lex.generic and not self.lex.boundary(short):
                        shorts.setdefault(short, name)
        return shorts

    def _names_sites(self, name: str) -> bool:
        """A city or county names the sites in it (义乌机场); a province's name on a site
        (山东水泥厂) says less about where it is."""
        opts = self.lex.division(name)
        return bool(opts) and all(d.level != "province" for d in opts) and name not in self.lex.common_shorts

    def _named_after(self, mentions: list[Mention], divisions: dict[str, Division]) -> Counter:
        """How many other names each division named in the document opens (十堰经开区,
        十堰市人民医院): a report names its own place's parks and bodies after it."""
        codes = {d.code: n for n, d in divisions.items()}
        out: Counter = Counter()
        for m in mentions:
            if m.category == "AdministrativeArea":
                continue
            pos, last = 0, ""
            while (k := self.lex.leading_division(m.text[pos:])) and pos + k < len(m.text):
                last, pos = m.text[pos:pos + k], pos + k  # 呼伦贝尔市|海拉尔区|人民政府: the innermost
            hit = next((codes[d.code] for d in self.lex.division(last) if d.code in codes), None) if last else None
            if hit is not None:
                out[hit] += 1
        return out

    def _stray_counties(self, mentions: list[Mention]) -> set[str]:
        """河西 in a report on 甘肃's 华亭市: a county's short name is also a common word,
        so it counts only in a document that names the county's city or province,
        another county of its city, or that uses it again and again."""
        counts = Counter(m.text for m in mentions if m.category == "AdministrativeArea")
        sure: set[str] = set()
        for name in counts:
            opts = self.lex.division(name)
            if name in self.lex.divisions or any(d.level != "county" for d in opts):
                sure |= {d.code for d in opts}
        shorts = {name: self.lex.division(name) for name in counts
                  if name not in self.lex.divisions and self.lex.division(name)}
        # cities and counties named for sure: a county's short name far from all of them
        # (龙城 of Liaoning in a report on 常州, which calls itself 龙城) is no mention of it
        local = {c[:2] for c in sure if not c.endswith("0000")}
        stray = set()
        for name, opts in shorts.items():
            repeated = counts[name] >= _REPEATED and name not in self.lex.unlisted_shorts \
                and name not in self.lex.common_shorts \
                and not (local and all(d.code[:2] not in local for d in opts))
            if any(d.level != "county" for d in opts) or repeated:
                continue
            # 林口建堂、海林海浪河: two counties of one city vouch for each other
            cities = {d.code[:4] for d in opts}
            peers = any(o.code[:4] in cities for other, ds in shorts.items() if other != name for o in ds)
            # a short name that is also a word (铜鼓, 常熟) needs its city or a sibling, not
            # just its province
            province_ok = name not in self.lex.common_shorts
            if not peers and not any(c[:4] == d.code[:4] or (province_ok and c == d.code[:2] + "0000")
                                     for d in opts for c in sure):
                stray.add(name)
        return stray

    def _shared_heads(self, text: str, chosen: list[Cand]) -> list[Cand]:
        """新能源与智能网联汽车: two industries that share the second one's head word
        (新能源汽车 is an industry) are one industry named with both."""
        out: list[Cand] = []
        for c in chosen:
            prev = out[-1] if out else None
            if prev is not None and prev.category == c.category == "Industry" \
                    and text[prev.end:c.start] in ("和", "与", "及"):
                first, core = text[prev.start:prev.end], text[c.start:c.end].removesuffix("产业")
                # ...but not 光伏和新型储能: a head with only a quality before it (新型) is a
                # sector of its own, whatever the first one makes with it (光伏储能)
                if any(first + core[-k:] in self.lex.industries and not self.lex.only_modifiers(core[:-k])
                       for k in range(2, len(core))):
                    end = c.start + len(core)
                    out[-1] = Cand(prev.start, end, "Industry", c.rule,
                                   aliases={text[prev.start:c.end]} - {text[prev.start:end]})
                    continue
            out.append(c)
        return out

    def _industry_in_context(self, text: str, c: Cand) -> bool:
        """A sector word is an Industry node where the text develops or lists it
        (发展新能源汽车, 新材料等产业, 人工智能产业) — not in 新能源汽车产量增长1.3倍."""
        if c.category != "Industry" or c.rule != "industry":
            return True
        clause = _CLAUSE_SPLIT.split(text[:c.start])[-1]
        after = text[c.end:c.end + 4]
        # 海洋经济加快发展, 现代服务业不断壮大, 以人工智能赋能: the sector opens a clause on its growth
        grows = not clause.strip() or clause.endswith("以")
        rest = _CLAUSE_SPLIT.split(text[c.end:])[0][:6]
        return (bool(self.lex.verb_pattern("develop", "action").search(clause)) or after.startswith(_INDUSTRY_AFTER)
                or (grows and bool(self.lex.verb_pattern("develop").search(rest)))
                or text[c.start - 1:c.start] in ("、", "和", "与", "及") or after[:1] in ("、", "和", "等"))

    def _titled_bodies(self, text: str, toks, people: list[Cand], found: list[Cand]) -> list[Cand]:
        """深圳中原董事经理郑叔伦: the words before a company's or an association's title
        name the body the person works for."""
        out = []
        for p in people:
            if p.title not in _BODY_TITLES:
                continue
            end = p.start - len(p.title)
            while text[:end].endswith(_TITLE_RANKS):  # 研究会|常务|副会长
                end -= next(len(w) for w in _TITLE_RANKS if text[:end].endswith(w))
            if any(c.end == end and c.category in ("Organization", "AdministrativeArea") for c in found):
                continue  # 启迪控股股份有限公司|总裁, 深圳市|副市长: named already
            start = self.names.walker.run_back(toks, end)
            name = text[start:end]
            if 2 <= len(name) <= 12 and name not in self.lex.generic and name not in self.lex.divisions \
                    and name not in self.lex.division_short and name not in self.lex.class_nouns \
                    and not self.lex.suffix_of(name) and not any(c.start == start and c.end == end for c in found):
                out.append(Cand(start, end, "Organization", "titled"))
        return out

    def _party_committees(self, text: str, people: list[Cand], places: list[Cand]):
        """长沙市委书记吴桂英: the committee is 长沙市委, the title 书记."""
        for p in people:
            title_start = p.start - len(p.title)
            if len(p.title) > 2 and p.title[1] == "委" and p.title[0] in "省市区县州":
                # 长沙|市委书记, or 福鼎市|委书记 where the division's own 市 starts the title
                region = next((c for c in places if c.category == "AdministrativeArea"
                               and (c.end == title_start
                                    or (c.end == title_start + 1 and text[c.end - 1] == p.title[0]))), None)
                if region is not None:
                    p.title = p.title[2:]
                    yield Cand(region.start, title_start + 2, "Organization", "suffix")

    def _divisions(self, mentions: list[Mention]) -> dict[str, Division]:
        """Pick the division each name means, using the others named in the document."""
        names = {m.text for m in mentions if m.category == "AdministrativeArea"}
        options = {n: self.lex.division(n) for n in names}
        for m in mentions:  # 海拉尔 found as the short name of 海拉尔区 is that division
            if m.category == "AdministrativeArea" and not options.get(m.text):
                options[m.text] = next((self.lex.division(a) for a in sorted(m.aliases) if self.lex.division(a)), [])
        sure = {d.code for opts in options.values() if len(opts) == 1 for d in opts}
        chosen: dict[str, Division] = {}
        for name, opts in sorted(options.items()):
            if len(opts) == 1:
                chosen[name] = opts[0]
                continue
            if name not in self.lex.divisions:
                # 广安 is 广安市, not its 广安区: a short name shared by a city and a district
                # in it is the city's (the district is written in full)
                above = [d for d in opts if all(o is d or _code_under(o.code, d.code) for o in opts)]
                if len(above) == 1:
                    chosen[name] = above[0]
                    continue
            for fits in ([d for d in opts if d.name in names],  # 河北 beside 河北省
                         [d for d in opts if d.parent in sure],
                         [d for d in opts if d.parent[:2] + "0000" in sure]):
                if len(fits) == 1:
                    chosen[name] = fits[0]
                    break
        return chosen


# Lines a web page adds around an article: editors, sources, share and app banners.
_BOILERPLATE = re.compile(
    r"^(?:[（(]?(?:责任编辑|编辑|审核|校对|来源|原标题|作者|稿件来源|图片来源|监制|制作)[:：])"
    r"|扫码|二维码|下载.{0,6}(?:APP|App|客户端)|点击(?:进入|查看|阅读)|关注(?:我们|公众号|微信)"
    r"|版权(?:声明|所有)|未经授权|转载请|分享到|打开.{0,4}APP|阅读原文|广告|点赞|在看")


# What news writes and a government report does not: reporters, speech, sources.
_NEWSY = re.compile(r"记者|通讯员|编辑|原标题|来源[:：]|表示|介绍说|指出|认为|告诉|据.{1,8}报道|新闻")


def is_report(text: str) -> bool:
    """True for the text of a report or plan: no mark of journalism at all."""
    return _NEWSY.search(text) is None


def is_boilerplate(text: str) -> bool:
    """True for a line of page furniture, which holds no facts about a region."""
    return len(text) <= 80 and bool(_BOILERPLATE.search(text))


def resolve_overlaps(cands: list[Cand], text: str = "", names_sites=lambda name: False) -> list[Cand]:
    """Keep the longest, then most trusted, of overlapping candidates.

    A division inside a longer name (济南 in 济南宾馆, 宁德 in 宁德时代新能源科技股份有限公司)
    is part of that name, not a mention of its own; only a government body or a
    meeting names its division too.
    """
    # an outlet read from 对…记者说 is certain where a longer guess runs over it (界面新闻|大湾区)
    order = sorted(cands, key=lambda c: (c.rule != "media", -(c.end - c.start), -c.priority(), c.start))
    kept: list[Cand] = []
    for c in order:
        clash = [k for k in kept if c.start < k.end and k.start < c.end]
        for k in clash:
            if (k.start, k.end) == (c.start, c.end):
                k.aliases |= c.aliases  # 陡沟片区 keeps the 陡沟 its enumeration gave it
        if not clash:
            kept.append(c)
        elif c.category in ("AdministrativeArea", "Area") and c.rule == "division" and len(clash) == 1 \
                and (clash[0].category in ("Event", "Organization", "Initiative")
                     or (clash[0].category in _PLACED and clash[0].start == c.start
                         and clash[0].end - c.end >= 2 and names_sites(text[c.start:c.end]))) \
                and clash[0].rule != "company" \
                and not text[clash[0].start:clash[0].end].endswith(FIRM_ENDS) \
                and clash[0].start <= c.start and c.end <= clash[0].end:
            # 汉南区 in 汉南区第九届人民代表大会, 京津冀 in 京津冀协同发展: the region is named too
            if clash[0].category in _PLACED:
                c.rule = "embedded"  # 广州|新机场: a place named after it, not a mention to count
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _known_names(found: list[tuple[Sentence, list[Cand]]]) -> dict[str, str]:
    """Names found by a strong rule, to be found again where no rule fires (孟庆顺说)."""
    votes: dict[str, Counter] = {}
    for sent, cands in found:
        for c in cands:
            name = sent.text[c.start:c.end]
            if c.rule in ("person",) or (c.rule in ("suffix", "quote", "enumeration", "village")
                                          and len(name) >= _KNOWN_MIN):
                votes.setdefault(name, Counter())[c.category] += 1
    return {n: v.most_common(1)[0][0] for n, v in votes.items()}


def _alternation(names: dict[str, str]) -> Optional[re.Pattern]:
    if not names:
        return None
    return re.compile("|".join(map(re.escape, sorted(names, key=lambda n: (-len(n), n)))))


_FIRST_PERSON = re.compile("(?:我|本)([省市区县州旗])(?![场长委民])")


def _own_kind(counts: Counter, divisions: dict[str, Division], text: str) -> Counter:
    """我市, 本县: a report speaks of its own place by its kind; keep the places of that
    kind, and of them those in the province it names, not the cities it compares itself
    with (北京、深圳). Without such words, or without such places, all stay."""
    own = Counter(m.group(1) for m in _FIRST_PERSON.finditer(text))
    if not own:
        return counts
    kind = own.most_common(1)[0][0]
    mine = Counter({n: k for n, k in counts.items() if n in divisions and divisions[n].name.endswith(kind)})
    provinces = {divisions[n].code[:2] for n in counts if n in divisions and divisions[n].level == "province"}
    near = Counter({n: k for n, k in mine.items() if divisions[n].code[:2] in provinces
                    and divisions[n].level != "province"})
    return near or mine or counts


def _subject(mentions: list[Mention], divisions: dict[str, Division],
             named_after: Counter = Counter()) -> Optional[str]:
    """The division a document is about: the most named, the lowest level on ties.

    A division listed among its peers (推进武汉、深圳、上海等…) counts half; one that
    opens the names of other things (十堰经开区) counts once more for each."""
    counts: Counter = Counter()
    for m in mentions:
        if m.category == "AdministrativeArea" and m.rule != "embedded":
            text = m.sentence.doc.text
            peer = "、" in (text[m.start - 1:m.start] + text[m.end:m.end + 1])
            counts[m.text] += 0.5 if peer else 1
    # a place named inside one other name only (丹江口|某工厂) is not what the document is about
    counts.update({n: k for n, k in named_after.items() if n in counts or k >= 2})
    counts = _own_kind(counts, divisions, mentions[0].sentence.doc.text if mentions else "")
    if any(n in divisions for n in counts):
        counts = Counter({n: k for n, k in counts.items() if n in divisions})  # not 蒙古国 or 乌兰巴托
    if not counts:
        return None
    first = {}
    for m in mentions:
        first.setdefault(m.text, m.start)
    # 华亭市 and 华亭 are one place: each name counts the mentions of all its names
    by_code = Counter()
    for n, k in counts.items():
        if n in divisions:
            by_code[divisions[n].code] += k
    counts = Counter({n: by_code[divisions[n].code] if n in divisions else k for n, k in counts.items()})

    # A province's report names its cities more often than itself (湖南: 长沙, 株洲,
    # 湘潭, 益阳…): each other division named inside one counts for it too.
    codes = {divisions[n].code for n in counts if n in divisions}

    def inside(d) -> int:
        """How many separate places named in the document lie in ``d`` (海拉尔区 under
        呼伦贝尔市 under 内蒙古 is one line of places, not two)."""
        if d is None or d.level not in ("province", "city"):
            return 0
        width = 2 if d.level == "province" else 4
        held = {c for c in codes if c[:width] == d.code[:width] and c != d.code}
        return sum(1 for c in held if not any(o != c and _code_under(o, c) for o in held))

    def rank(name: str):
        d = divisions.get(name)
        held = inside(d)  # one district under a city is the district's own report
        # on a tie, the lower level, then the place named first (a report opens with its own)
        return (counts[name] + (held if held >= 2 else 0), -_LEVEL_RANK.get(d.level, 0) if d else -3,
                -first[name], len(name))

    best = max(counts, key=rank)
    top = divisions.get(best)
    if top is not None and top.level == "county" and not any(m.text == top.name for m in mentions):
        # 泰山 (Mount Tai, and 泰安's 泰山区) named often in a report on 泰安: a county's own
        # report names it in full somewhere; its bare short name beside its city is the
        # city's landmark or brand (泰山茶, 泰山文化)
        city = next((n for n in counts if n in divisions and divisions[n].code == top.code[:4] + "00"), None)
        if city is not None:
            return city
    return _province_of_peers(best, counts, divisions, codes, mentions)


def _province_of_peers(best: str, counts: Counter, divisions: dict[str, Division], codes: set[str],
                       mentions: list[Mention]) -> str:
    """郑州 named most, but with 洛阳, 新乡 and 周口 beside it: a report on the province."""
    top = divisions.get(best)
    if top is not None and top.level == "city":
        peers = {c for c in codes if c[:2] == top.code[:2] and c.endswith("00") and not c.endswith("0000")
                 and c != top.code}
        province = next((n for n in counts if n in divisions and divisions[n].code == top.code[:2] + "0000"), None)
        # ...and listed among them (郑州、洛阳): a city's own report seldom lists itself with its peers
        listed = any(m.text == best and "、" in m.sentence.doc.text[m.start - 1:m.end + 1] for m in mentions)
        if province is not None and (len(peers) >= 3 or (len(peers) >= 2 and listed)):
            return province
    return best


def _code_under(code: str, parent: str) -> bool:
    """True when division ``code`` lies in division ``parent`` (GB/T 2260 prefixes)."""
    if parent.endswith("0000"):
        return code[:2] == parent[:2] and code != parent
    if parent.endswith("00"):
        return code[:4] == parent[:4] and code != parent
    return False


def is_han_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def document_year(text: str) -> Optional[int]:
    years = Counter(int(y) for y in _YEAR.findall(text))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def sentence_year(text: str) -> Optional[int]:
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None

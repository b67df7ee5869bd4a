"""Enumerations: A、B和C等支柱产业 types A, B and C; 白马山、七贤、陡沟片区 shares 片区."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from ..lexicon import Lexicon
from ..segment import Token
from .base import SEPARATORS, Cand, is_han, is_punct, is_quantity

_ETC = {"等", "等等"}
_SUCH_AS = {"如", "包括", "例如", "比如", "像", "诸如"}
_MAX_ITEM = 15
_EXTENSION = re.compile("[东西南北]?(?:延伸|延长)(?:段|线|工程)?$")
_COUNT = re.compile("^[0-9一二三四五六七八九十两几]+[个大项类]$")
_SHAREABLE = {"Park", "Area", "Village", "Road", "Facility", "Hospital", "School", "NaturalFeature"}
_WEAK = {"short_suffix", "known", "division", "industry", "company"}
# Nouns a class noun may qualify (产业|项目, 企业|资金): then the list is of those.
# Kind words that make a list's items industries (A、B、C产业).
_INDUSTRY_KINDS = {"产业", "行业"}
_PROJECTS = re.compile("等[0-9一二三四五六七八九十百余多个批家]*(?:重点|重大|产业|续建|新建|工业|制造业)?项目")
_HOW_GROWN = {"发展", "化", "化发展", "经营", "扩张"}  # 规模|发展: at scale, not the scale of
_QUALIFIED = {"项目", "资金", "基金", "政策", "人才", "工作", "平台", "资源", "规模", "投资"}


class Enumerations:
    def __init__(self, lexicon: Lexicon, walker) -> None:
        self.lex = lexicon
        self.walker = walker
        self._item_ends: dict[tuple[str, bool], bool] = {}  # (word, first item) -> it ends an item

    def find(self, text: str, toks: list[Token], found: list[Cand]) -> Iterator[Cand]:
        for items, tail in self._groups(toks):
            yield from self._typed(text, items, tail, toks, found)
            yield from self._project_firms(text, items, tail, toks)

    def _project_firms(self, text, items, tail, toks) -> Iterator[Cand]:
        """加快航新、速威、豪然等重点项目建设: projects named by their firm alone, a trade
        name jieba does not know."""
        if tail >= len(toks) or not _PROJECTS.match(text, toks[tail].start):
            return
        for a, b in items:
            word = toks[a].word
            if not (2 <= len(word) <= 4 and is_han(word) and toks[a].tag in ("", "nz", "nrt")
                    and not self.lex.boundary(word) and word not in self.lex.generic
                    and word not in self.lex.modifiers and not self.lex.industry_like(word)
                    and not self.lex.division(word)):
                continue
            name = text[toks[a].start:toks[b - 1].end]
            if self.lex.suffix_of(name):
                continue  # 显鸿科技集成电路产业园: a place of its own
            if b - a == 1 and not toks[a].tag:
                yield Cand(toks[a].start, toks[a].end, "Organization", "enumeration")
            elif b - a == 2 and toks[a + 1].tag.startswith("n") and is_han(toks[a + 1].word) \
                    and not self.lex.suffix_of(toks[a + 1].word) and not toks[a + 1].word.endswith(("工程", "项目")):
                # 天马轴承, 海希新能源, 中创新航动力电池: the firm and its trade or product
                yield Cand(toks[a].start, toks[b - 1].end, "Organization", "enumeration", aliases={word})

    def _groups(self, toks: list[Token]):
        """Yield (items, index of the token after the last item) per enumeration."""
        i, n = 0, len(toks)
        while i < n:
            items: list[tuple[int, int]] = []
            j = i
            while j < n:
                k = j
                while k < n and (not self._ends_item(toks[k], first=not items) or self._completes_sector(toks, j, k)
                                 or self._opens_name(toks, j, k) or self._closes_name(toks, j, k)):
                    k += 1
                if k == j:
                    break
                items.append((j, k))
                if k < n and toks[k].word in SEPARATORS:
                    j = k + 1
                    continue
                break
            if len(items) >= 2 or (items and j < n and self._next_word(toks, items[-1][1]) in _ETC):
                yield items, items[-1][1]
                i = items[-1][1] + 1
            else:
                i = (items[0][1] if items else i) + 1

    def _completes_sector(self, toks: list[Token], j: int, k: int) -> bool:
        """现代|服务/v, 先进|制造/v: a head word jieba reads as a verb ends a sector's name."""
        return k > j and toks[k].word in self.lex.industry_heads \
            and not any(self.walker.tag(t.word).startswith("v") for t in toks[j:k]) \
            and self.lex.industry_like("".join(t.word for t in toks[j:k + 1]))

    def _opens_name(self, toks: list[Token], j: int, k: int) -> bool:
        """越/d|东路北延, 领/v|益智造: a single character jieba reads as a verb or adverb, right
        after a comma or a listed verb and before more of the word, opens a name."""
        t = toks[k]
        return k == j and len(t.word) == 1 and is_han(t.word) and not self.lex.boundary(t.word) \
            and k + 1 < len(toks) and is_han(toks[k + 1].word) and not self.walker.boundary(toks[k + 1].word) \
            and (k == 0 or is_punct(toks[k - 1]) or self.lex.boundary(toks[k - 1].word) == "soft")

    def _closes_name(self, toks: list[Token], j: int, k: int) -> bool:
        """领益智|造/v|等企业: a single character jieba reads as a verb, right before 等 or
        a list's comma, ends the name rather than starting a clause."""
        t = toks[k]
        return k > j and len(t.word) == 1 and self.walker.tag(t.word) == "v" and not self.lex.boundary(t.word) \
            and k + 1 < len(toks) and toks[k + 1].word in _ETC | {"、"}

    def _next_word(self, toks: list[Token], k: int) -> str:
        return toks[k].word if k < len(toks) else ""

    def _ends_item(self, t: Token, first: bool) -> bool:
        """Items after a 、 are cut by the lexicon's words only: jieba's tags
        misread names (坪山高新/d南) more often than they find a verb there."""
        key = (t.word, first)
        hit = self._item_ends.get(key)
        if hit is None:
            hit = self._item_ends[key] = self._ends_item_word(t, first)
        return hit

    def _ends_item_word(self, t: Token, first: bool) -> bool:
        boundary = self.walker.boundary(t.word) if first else self.lex.boundary(t.word)
        return (is_punct(t) or t.word in SEPARATORS or t.word in _ETC
                or bool(boundary) or is_quantity(t.word) or (first and len(t.word) == 1 and self.walker.tag(t.word) == "q"))  # 6个|镇、街道

    def _typed(self, text, items, tail, toks, found) -> Iterator[Cand]:
        spans = [(toks[a].start, toks[b - 1].end) for a, b in items]
        # The last item runs on into the verb after it (上新街开街运营) unless a
        # name found at its start says where it ends.
        s, e = spans[-1]
        ends = [c.end for c in found if c.start == s and c.end < e and c.rule not in _WEAK - {"short_suffix"}]
        if ends:
            spans[-1] = (s, max(ends))
        # 东部生命健康、北部电力装备: a direction locates the item, it is not its name
        spans = [(s + 2, e) if re.match("[东西南北中]部", text[s:e]) and e - s > 4 else (s, e) for s, e in spans]
        # 13号线东延伸: the work on a line, whose name is the line's
        spans = [(s, s + m.start()) if (m := _EXTENSION.search(text[s:e])) and m.start() >= 2 else (s, e)
                 for s, e in spans]
        spans = [(s, e) for s, e in spans if self._item_ok(text[s:e])
                 and not (text[s] in "万亿千百" and text[s - 1:s].isdigit())]  # 52|万吨尿素
        if not spans:
            return
        # 加快突破|集成电路、工业母机: the verb before a known first item is not part of it
        s0, e0 = spans[0]
        known = [c.start for c in found if c.end == e0 and c.start > s0 and c.rule in ("industry", "company")]
        if known and all(self.walker.tag(t.word) in ("v", "vn", "vd", "d", "ad") or self.lex.boundary(t.word) == "soft"
                         for t in toks if s0 <= t.start < min(known)):
            s0 = min(known)
            spans[0] = (s0, e0)
        # 做强|大数据 (jieba: 做|强大|数据): a listed verb glued to a first sector
        k = next((k for k in (4, 3, 2) if self.lex.boundary(text[s0:s0 + k]) == "soft"
                  and e0 - s0 - k >= 2 and self.lex.industry_like(text[s0 + k:e0])), 0)
        if k:
            s0 += k
            spans[0] = (s0, e0)
        # 安徽新一代信息技术、汽车及零部件…: the region before the list is not part of its first item
        k = self.lex.leading_division(text[s0:e0 - 2])
        if k and (self.lex.industry_like(text[s0 + k:e0]) or text[e0:e0 + 2] in _INDUSTRY_KINDS):  # not 宝安燕罗、龙岗宝龙等园区
            yield Cand(s0, s0 + k, "AdministrativeArea", "division")
            spans[0] = (s0 + k, e0)
        category, shared = self._tail_category(toks, tail) or self._head_category(toks, items[0][0]), ""
        if category and category.endswith("?"):
            # 等领域, 等赛道: industries only if the list itself names a known one
            names = [text[s:e] for s, e in spans]
            known = 2 * sum(n in self.lex.industries or n.endswith("产业") for n in names) >= len(names)
            category = category[:-1] if known else None
        elif category == "Industry" and self._tail_noun(toks, tail).endswith(("服务业", "服务")) \
                and not any(self.lex.industry_like(text[a:b]) for a, b in spans):
            category = None  # 法律、会计、人力资源等专业服务业: services, none of them a listed industry
        category_from_tail = category is not None
        if category in ("Park", "Area", "Facility") and self._sectors([text[a:b] for a, b in spans]):
            category = "Industry"  # 股权投资、金融科技等集聚区: the sectors the carriers serve
        elif category_from_tail:
            # 华润、领秀城等片区: a class noun that also ends names lends it as an alias
            noun = self._tail_noun(toks, tail)
            if noun in self.lex.suffixes and self.lex.suffixes[noun][1] == "name":
                shared = noun
        if category is None:
            s, e = spans[-1]
            hit = self.lex.suffix_of(text[s:e])
            firsts = [text[a:b] for a, b in spans[:-1]]
            if hit and hit[0] in _INDUSTRY_KINDS and (self._sectors(firsts) or all(
                    n in self.lex.industry_heads for n in firsts)):  # 食品及农产品加工产业
                # 培育低空装备、应急救援装备、建筑机器人产业: the kind word at the end makes
                # every item an industry, each taken whole
                category, shared, category_from_tail = "Industry", hit[0], True
                hit = None
            elif hit is None and len(spans) >= 3 and self._sectors(names := [text[a:b] for a, b in spans]) \
                    and (sum(n in self.lex.industries for n in names) >= 2 or all(map(self.lex.industry_like, names))):
                # 量子信息、空天技术、低空经济、聚变能源等先发优势: the sectors vouch for the
                # rest, if these are short nouns too (not 流量经济规范有序创新, 内生项目)
                category = "Industry"
                spans = [(a, b) for a, b in spans if self.lex.industry_like(text[a:b]) or (
                    b - a <= 6 and text[b - 2:b] not in self.lex.generic
                    and not any(self.lex.boundary(t.word) or self.walker.boundary(t.word) == "hard"
                                for t in toks if a <= t.start and t.end <= b))]
        if category is None:
            if hit is None or len(spans) < 2 or hit[2] in ("weak", "brand") \
                    or any(c.category == "Person" and c.end == e for c in found):
                return  # 和谐社区和完整社区: a weak kind word types nothing by itself; 董事长魏华山 is a person
            shared, category = (hit[0] if hit[2] == "name" else ""), hit[1]
            # 珠肇高铁、深惠城际、…、狮子洋通道、南沙港五期: in a mixed list the kind most
            # items name for themselves types the rest, not the last item's alone
            own = Counter(o[1] for o in (self.lex.suffix_of(text[a:b]) for a, b in spans) if o and o[2] == "name")
            if own and own.most_common(1)[0][1] >= 2 and own.most_common(1)[0][0] != category:
                shared, category = "", own.most_common(1)[0][0]
            if category not in _SHAREABLE:
                return  # 县政协委员和列席会议: bodies and events do not share a kind word
            if not any(self._bare(text[s:e]) for s, e in spans[:-1]):
                shared = ""  # 省职业病医院、中医大二附院: nothing shares the last suffix
        if category == "Industry" and category_from_tail:
            # 机器人及智能装备制造产业, 现代纺织与服装: one industry with what goes with it;
            # each part, and the whole with its kind word, is also a name of it
            k = len(spans) - 1
            while k >= 1:  # 半导体及光电、新能源汽车及关键零部件: each pair is one
                (s0, e0), (s1, e1) = spans[k - 1], spans[k]
                first = text[s0:e0]
                if text[e0:s1] in ("及", "与") and (self.lex.industry_like(first) or first in self.lex.industry_heads):
                    kind_word = next((w for w in _INDUSTRY_KINDS if text.endswith(w, s1, e1) and e1 - s1 > len(w)), "")
                    end = e1 - len(kind_word)
                    yield Cand(s0, end, category, "enumeration",
                               aliases={first, text[s1:end], text[s0:e1]} - {text[s0:end]})
                    del spans[k - 1:k + 1]
                    k -= 2
                else:
                    k -= 1
        for s, e in spans:
            name = text[s:e]
            aliases: set[str] = set()
            kind = category
            if shared and name.endswith(shared) and len(name) - len(shared) >= 2:
                aliases.add(name[: -len(shared)])
            elif shared and not name.endswith(shared):
                own = self.lex.suffix_of(name)
                if own and own[2] == "name":
                    continue  # a name with a suffix of its own keeps its own kind
                if not shared.endswith("大"):  # 南理工、南师大: abbreviations of schools share nothing
                    aliases.add(name + shared)
            elif not category_from_tail and not shared and (own := self.lex.suffix_of(name)) \
                    and own[1] != category and own[2] in ("name", "short"):
                kind = own[1]  # 海韵路、凤凰湖、蓬莱湾: the last item's one-character kind types only the bare
            if self._covered(s, e, found, override=bool(shared) or category_from_tail):
                for c in found:
                    if (c.start, c.end) == (s, e) and c.category == kind:
                        c.aliases |= aliases
                continue
            if kind == "Area" and (name in self.lex.divisions or name in self.lex.division_short):
                continue  # 蕉城、福安、福鼎等沿海区域: divisions stay divisions
            if kind == "Organization" and name in self.lex.industries:
                continue  # 华海共同药业、合成生物等主体: a sector among the firms is no firm
            yield Cand(s, e, kind, "enumeration", aliases=aliases)

    def _head_category(self, toks: list[Token], first: int) -> str | None:
        """一些品牌，如公牛、方太、雅戈尔等: the class noun before 如/包括 types the list."""
        k = first - 1
        if k < 1 or toks[k].word not in _SUCH_AS:
            return None
        k -= 1
        if toks[k].word in ("，", "：", ",", ":"):
            k -= 1
        for j in (k - 1, k):
            noun = "".join(t.word for t in toks[max(j, 0):k + 1])
            if noun in self.lex.class_nouns and not self.lex.class_nouns[noun].endswith("?"):
                return self.lex.class_nouns[noun]
        return None

    def _tail_category(self, toks: list[Token], k: int) -> str | None:
        noun = self._tail_noun(toks, k)
        if not noun:
            return None
        return self.lex.class_nouns.get(noun) or self.lex.suffixes[noun][0]

    def _tail_noun(self, toks: list[Token], k: int) -> str:
        """The class noun after 等 (and modifiers): 等在建载体 -> 载体; also after a count
        alone: A、B、C三大渔港经济区, A、B4个产业."""
        if k >= len(toks):
            return ""
        if toks[k].word in _ETC:
            k += 1
        elif not (is_quantity(toks[k].word) or toks[k].word.isdigit() or _COUNT.match(toks[k].word)):
            return ""
        # 等20个先进制造业园区: counts and modifiers come before the class noun,
        # which is the last noun of the phrase
        while k < len(toks) and (toks[k].word in self.lex.modifiers or is_quantity(toks[k].word) or toks[k].word in "“”"
                                 or toks[k].word.isdigit() or self.walker.tag(toks[k].word) in ("m", "q")):
            k += 1
        best = ""
        for i in range(k, min(len(toks), k + 4)):
            if is_punct(toks[i]):
                break
            for j in range(k, i + 1):
                word = "".join(t.word for t in toks[j: i + 1])
                own = self.lex.suffix_of(word)
                if own and own[1] == "Industry" and word in self.lex.industries:
                    word = own[0]  # 等现代服务业, 等战略性新兴产业: a class of industry jieba keeps whole
                elif own and len(word) > len(own[0]) and self.lex.only_modifiers(word[:-len(own[0])]):
                    word = own[0]  # 等特色产业: a class noun jieba keeps with its quality
                if word in self.lex.class_nouns or (word in self.lex.suffixes and self.lex.suffixes[word][1] == "name"):
                    best = word
                    if i + 1 < len(toks) and toks[i + 1].word in _QUALIFIED \
                            and not (i + 2 < len(toks) and toks[i + 2].word in _HOW_GROWN):
                        best = ""  # 京东方、惠科等重大产业项目: projects, not industries (but 产业|规模发展)
                    break
            if self.walker.boundary(toks[i].word):
                break  # a class noun jieba tags as a verb (展会/v) still counts
        return best

    def _sectors(self, names: list[str]) -> bool:
        """True when most of ``names`` are industries by the lexicon."""
        return bool(names) and 2 * sum(map(self.lex.industry_like, names)) > len(names)

    def _bare(self, name: str) -> bool:
        own = self.lex.suffix_of(name)
        return own is None or own[2] != "name"

    def _item_ok(self, name: str) -> bool:
        own = self.lex.suffix_of(name)
        rest = name[: -len(own[0])] if own and len(own[0]) < len(name) else ""
        if rest and (self.lex.only_modifiers(rest) or rest in self.lex.generic) and not self.lex.industry_like(name):
            return False  # 生态公园、高水平研究型大学: kinds, not names (先进制造, 现代服务 are sectors)
        if any(name.endswith(g) and self.lex.only_modifiers(name[:-len(g)]) for g in ("项目", "工程", "企业", "产业")):
            return False  # 重大项目及南环线: a described class, not a name
        return (2 <= len(name) <= _MAX_ITEM and is_han(name) and name not in self.lex.generic
                and (name not in self.lex.suffixes or name in self.lex.industries)  # 镇、街道: bare kinds; 钢铁 a sector
                and name not in self.lex.class_nouns and name not in self.lex.modifiers
                and not any(name[-k:] in self.lex.titles for k in range(2, min(len(name), 6) + 1)))  # 市委常委、政法委书记

    def _covered(self, s: int, e: int, found: list[Cand], override: bool) -> bool:
        """Leave spans that stronger rules already cut differently (朱家庄尹家堂).

        With ``override`` (a class noun or a shared name suffix types the list)
        the enumeration retypes what a one-character suffix guessed (白马山).
        """
        for c in found:
            if c.rule in _WEAK and not (c.start == s and c.end == e):
                continue
            if c.start == s and c.end == e:
                return not (override and c.rule in _WEAK)
            if s <= c.start and c.end <= e or c.start <= s and e <= c.end:
                return True
        return False


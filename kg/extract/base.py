"""What the entity rules share: candidate spans and the left-boundary walk.

Chinese reports write names without spaces or capitals, so a rule that finds
a name's last characters (a suffix such as 产业园, or an enumeration's end)
must decide where the name starts. ``NameWalker`` does that one way for all
rules: it walks left over jieba words until a function word, punctuation or a
quantity, then drops introducing verbs (推进, 依托) unless the rest would be a
bare kind word (联盟 in 成立济南商埠文化发展促进联盟).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Iterable

from ..lexicon import Lexicon
from ..segment import PREPOSITIONS, Token

MAX_NAME = 24  # characters; longer spans are sentences, not names
# Last words of the names of firms (华为技术有限公司, 海尔集团, 宁德时代…股份, 合作社).
FIRM_ENDS = ("公司", "集团", "事务所", "银行", "股份", "控股", "厂", "合作社")
# Words that introduce a name or join two: a name never runs back over them.
INTRODUCERS = set("与和及由同向为的在对是从把被将于给") | {"以及", "来自", "包括", "其中"}

# Rules in order of trust: when two candidates cover the same span, the more
# trusted one types it.
PRIORITY = {"user": 9, "division": 8, "foreign": 8, "person": 8, "quote": 7, "media": 7, "suffix": 6, "village": 6,
            "road": 6, "enumeration": 5, "industry": 4, "company": 4, "short_suffix": 3, "known": 2}

# Kinds of unit (kg/data/units.tsv) that measure what a plant makes: 12万吨, 20GW.
CAPACITY_KINDS = {"mass", "power", "energy", "volume"}
# Words that join the items of a list (A、B和C).
SEPARATORS = {"、", "和", "及", "与", "以及", "或"}
_FRAGMENT = "-"  # tag of the part of a word left of a suffix inside it
_HAN = re.compile(r"[\u3400-\u9fff]")
_QUANTITY = re.compile(
    r"^(?:[.,，]?[0-9０-９][0-9０-９.,，%]*.*|[一二三四五六七八九十百千万两几数多]+[个批项家座所条大处种类次名位期轮张片号]"
    r"|第[一二三四五六七八九十0-9]+[个家批座名位]|首[个家批座]|[上下]半年|[今明去]年)$")
_SESSION = re.compile(r"^第?[一二三四五六七八九十百0-9]+[届次]$")
# Industries and most kinds are words of common nouns; a name needs material
# that is not only these dictionary tags when it rests on a one-character suffix.
COMMON_TAGS = {"n", "vn", "v", "a", "ad", "an", "d", "ng", "vg", "zg", "l", "i", "f", "s", "t", "b", "m", "q"}
_HYPHENS = {"-", "－", "‐"}
_LEVELS = {"省", "市", "县", "区", "镇", "乡"}  # 县|人民政府: the level names the body
HARD_TAGS = {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "rr", "rz", "d", "e", "y", "o"}
SOFT_TAGS = {"v", "vd", "vi"}
_PROPER_TAGS = {"ns", "nr", "nrt", "nz", "nt", "j", "eng"}
_NAME_OPENERS = {"国家", "中国", "全国", "世界", "国际"}
LEADING_JUNK_TAGS = {"d", "p", "c", "u", "uj", "ul", "r", "y", "e", "o", "zg"}


@dataclass
class Cand:
    """A candidate name in one sentence (offsets into the sentence text)."""

    start: int
    end: int
    category: str
    rule: str
    aliases: set[str] = field(default_factory=set)
    title: str = ""  # for persons found after a title

    def priority(self) -> int:
        return PRIORITY.get(self.rule, 1)


def is_han(text: str) -> bool:
    return bool(_HAN.search(text))


def is_punct(tok: Token) -> bool:
    """Punctuation ends names, except the middle dot of 世界计算·长沙智谷."""
    return _punct(tok.word)


@lru_cache(maxsize=1 << 16)
def _punct(word: str) -> bool:
    return not any(ch.isalnum() or ch in "·•" for ch in word)


@lru_cache(maxsize=1 << 16)
def is_quantity(word: str) -> bool:
    """一批, 40多个, 首个: counts end names; 七届, 二次 (of a congress), 13号线 and 21世纪 do not."""
    return bool(_QUANTITY.match(word)) and not _SESSION.match(word) and not word.endswith("号线") \
        and not re.match("[0-9]+世纪", word)  # 21世纪经济研究院


class NameWalker:
    def __init__(self, lexicon: Lexicon, tag) -> None:
        self.lex = lexicon
        self.tag = tag  # word -> jieba dictionary tag
        self._boundaries: dict[str, str] = {}  # word -> boundary(word): a few thousand words recur

    def token_index(self, toks: list[Token], pos: int) -> int:
        """Index of the token that holds character ``pos``."""
        for i, t in enumerate(toks):
            if t.start <= pos < t.end:
                return i
        return len(toks)

    def _numbered_name(self, toks: list[Token], j: int) -> bool:
        """A bare three- or four-digit number opening a clause and followed by a word
        that is no unit (1946|文创园, not 2000|吨冷库) is part of the name."""
        word = toks[j].word
        if not (word.isdigit() and 3 <= len(word) <= 4 and j + 1 < len(toks)):
            return False
        nxt = toks[j + 1].word
        opens = j == 0 or is_punct(toks[j - 1]) or self.boundary(toks[j - 1].word) == "hard" \
            or self.lex.boundary(toks[j - 1].word) == "soft"  # 加快|011科创谷
        return opens and is_han(nxt) and self.tag(nxt) not in ("q", "m") \
            and not any(nxt.startswith(u) for u in self.lex.units)

    def start_of(self, toks: list[Token], head: int, stops: Iterable[int] = (),
                 farthest: bool = False) -> int | None:
        """Where the name whose fixed part starts at ``head`` begins; None if it is a bare kind.

        ``stops`` are offsets the name may not reach back over (the end of a
        person's name, or of a place that contains this one).
        """
        floor = max((p for p in stops if p <= head), default=0)
        counted = -1
        i = self.token_index(toks, head)
        pieces: list[Token] = []  # tokens left of head, nearest first
        if i < len(toks) and max(toks[i].start, floor) < head:
            cut = max(toks[i].start, floor)
            # the head of a word the suffix ends (漓|江): its own dictionary tag says nothing
            pieces.append(Token(toks[i].word[cut - toks[i].start: head - toks[i].start], cut, head, _FRAGMENT))
        j = i - 1
        while j >= 0:
            t = toks[j]
            if t.word in _HYPHENS and j > 0 and is_han(toks[j - 1].word) and pieces \
                    and not self._named_kind(toks[j - 1].word):
                pieces.append(t)  # 笋岗-清水河片区, not 罗田水库-铁岗水库
                j -= 1
                continue
            if t.word in ("）", ")") and j >= 3 and toks[j - 2].word in ("（", "(") \
                    and (toks[j - 1].word in self.lex.divisions or toks[j - 1].word in self.lex.division_short):
                pieces.extend([t, toks[j - 1], toks[j - 2]])  # 国家智能网联汽车（长沙）测试区
                j -= 3
                continue
            if t.end <= floor or is_punct(t) or self.boundary(t.word) == "hard":
                break
            if self._numbered_name(toks, j):
                pieces.append(t)  # 1946文创园, 798艺术区: a number that is the name
                break
            if is_quantity(t.word) or (self.tag(t.word) == "q" and j > 0 and toks[j - 1].word.isdigit()):
                counted = t.end  # 全国首个X集聚区, 一批X园区, 5|条快速路: a description, not a name
                break
            if head - t.start > MAX_NAME:
                break
            if t.start < floor:  # a word that straddles a stop: keep its right part
                rest = t.word[floor - t.start:]
                if rest[:1] in PREPOSITIONS:  # 张三|在区…: the preposition after a name
                    rest, floor = rest[1:], floor + 1
                if rest:
                    pieces.append(Token(rest, floor, t.end, ""))
                break
            pieces.append(t)
            j -= 1
        pieces.reverse()  # left to right now
        # Candidate starts: after each soft boundary, nearest first.
        # The lexicon's verbs (推进, 办好) are tried first: jieba also tags verbs
        # that names hold (创新驱动发展大会), which are cut at only when no listed
        # verb gives a name (希望|深圳市政府).
        cuts = [(k + 1, self.lex.boundary(t.word) == "soft") for k, t in enumerate(pieces)
                if self.boundary(t.word) == "soft"
                and not (k + 1 < len(pieces) and pieces[k + 1].word.startswith("·"))]  # 世界计算·长沙智谷
        options = sorted({k for k, listed in cuts if listed}, reverse=True)
        options += sorted({k for k, listed in cuts if not listed} - set(options), reverse=True) + [0]
        if farthest:  # 实施|创新驱动发展战略: a programme's name runs back to the verb that opens it
            options = [0]
        for k in options:
            kept = self._trim(pieces[k:], lexicon_only=farthest)
            if k == 0 and not farthest and any("action" in self.lex.triggers.get(p.word, ()) for p in kept):
                return None  # 全区新建改扩建|学校: the verbs of a task, not a name
            if k == 0 and not farthest and self._verbs_without_name(kept):
                return None  # 扎实开展深化|产业园区: verbs before a bare kind, no name among them
            if kept and (farthest or not self.is_generic_prefix(kept)):
                return None if kept[0].start == counted else kept[0].start
            if kept and k > 0:
                return None  # 创建|国家农高区: a kind with its qualities only, not a name further back
        return None

    def run_back(self, toks: list[Token], end: int, floor: int = 0, numbers: bool = False) -> int:
        """Where a name that ends at ``end`` starts when every word back to the one that
        introduces it is name (广西启迪创新跨境电子商务|有限公司, 深圳中原|董事经理): the run
        stops at punctuation, a function word, a listed verb or ``floor``; with ``numbers``
        it runs over numbers too (围场牌楼500千伏输变电工程)."""
        start = end
        for t in reversed([t for t in toks if t.end <= end]):
            if t.end <= floor or is_punct(t) or not (is_han(t.word[0]) or numbers and t.word[0].isdigit()) \
                    or t.word in INTRODUCERS \
                    or self.lex.boundary(t.word) or self.boundary(t.word) == "hard" or end - t.start > MAX_NAME:
                break
            start = t.start
        return start

    def _named_kind(self, word: str) -> bool:
        hit = self.lex.suffix_of(word)
        return bool(hit) and hit[2] == "name"

    def boundary(self, word: str) -> str:
        """The lexicon's word for it, else jieba's tag: prepositions, pronouns and
        adverbs end a name (对于, 我们, 没有); verbs may start one after them (希望|深圳市政府)."""
        kind = self._boundaries.get(word)
        if kind is None:
            kind = self._boundaries[word] = self._boundary(word)
        return kind

    def _boundary(self, word: str) -> str:
        kind = self.lex.boundary(word)
        if kind:
            return kind
        if word in self.lex.divisions or word in self.lex.division_short or word in ("届", "次"):
            return ""  # 保定 is a city, though jieba knows it as a verb; 十八|届 a session
        tag = self.tag(word)
        if tag in HARD_TAGS:
            return "hard"
        if tag in SOFT_TAGS:
            return "soft"
        return ""

    def leading_verb(self, name: str) -> int:
        """Length of an introducing verb jieba glued onto a name (推进机|荷高速公路)."""
        for k in range(min(4, len(name) - 2), 0, -1):
            if self.lex.boundary(name[:k]) == "soft" and name[k:] not in self.lex.generic \
                    and self.lex.suffix_of(name[k:]) and len(name) - k > len(self.lex.suffix_of(name[k:])[0]):
                return k
        return 0

    def _trim(self, pieces: list[Token], lexicon_only: bool = False) -> list[Token]:
        k = 0
        while k < len(pieces) and pieces[k].word not in _LEVELS and (
                self.lex.boundary(pieces[k].word) if lexicon_only else
                (self.boundary(pieces[k].word) == "hard" or self.lex.boundary(pieces[k].word)
                 or (self.tag(pieces[k].word) in LEADING_JUNK_TAGS and pieces[k].tag != _FRAGMENT)
                 or (self.boundary(pieces[k].word) and pieces[k].tag != _FRAGMENT
                     and self._verb_before_name(pieces[k + 1:])))):
            k += 1
        return pieces[k:]

    def _verbs_without_name(self, kept: list[Token]) -> bool:
        """True when a listed verb stands among ``kept`` and nothing before it is name
        material (济南商埠文化发展|促进联盟 has 济南; 扎实开展深化 has none)."""
        # (a verbal noun such as 发展 is often part of a name: 乡村旅游与民宿产业发展大会)
        last = max((i for i, p in enumerate(kept) if self.lex.boundary(p.word) == "soft"
                    and self.tag(p.word) != "vn"), default=-1)
        if last < 0:
            return False
        return not any(self.tag(p.word) in _PROPER_TAGS or p.word in self.lex.divisions
                       or p.word in self.lex.division_short or (is_han(p.word) and len(p.word) >= 2 and not self.tag(p.word)
                                                                and not self.lex.boundary(p.word))
                       for p in kept[:last])

    def _verb_before_name(self, rest: list[Token]) -> bool:
        """A verb jieba knows opens the name only when a common word follows it
        (创新|驱动发展大会); before a proper name or a bare kind it
        introduces the name (强化|高新区, 运行|国家超级智算成都中心, 提及|机场)."""
        if not rest:
            return True
        word, rest_text = rest[0].word, "".join(t.word for t in rest)
        return (self.tag(word) in _PROPER_TAGS or word in _NAME_OPENERS
                or word in self.lex.divisions or word in self.lex.division_short
                or rest_text in self.lex.generic or (len(rest_text) > 1 and rest_text in self.lex.suffixes)
                or (self.tag(word) == "" and is_han(word) and len(word) >= 2))

    def is_generic_prefix(self, pieces: list[Token]) -> bool:
        """True when the words before a suffix only say what kind it is (主题, 新型, 省级)."""
        return all(p.word in self.lex.modifiers or p.word in self.lex.class_nouns
                   or (len(p.word) > 1 and p.word in self.lex.generic) for p in pieces)

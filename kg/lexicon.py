"""Lexicons: the data files under ``kg/data`` loaded into one object.

Nothing is read at import time; ``Lexicon.load()`` reads the files when a
pipeline is created. A user lexicon (``kg build --lexicon FILE``) is a TSV of
``term<TAB>Category`` lines that adds names the rules cannot find.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from .errors import LexiconError
from .vocab import CATEGORIES

# Division names that are also everyday words (中心城区, 老城区, 东区).
_AMBIGUOUS_DIVISIONS = {"城区", "矿区", "郊区", "东区", "西区", "新区", "南区", "北区", "中区", "老城区"}
# 马边彝族自治县, 围场满族蒙古族自治县, 长阳土家族自治县: the peoples before 自治 are not the place's name
_ETHNIC_AUTONOMY = re.compile(r"^([\u4e00-\u9fff]{2,}?)(?:[\u4e00-\u9fff]{1,3}族)+(?:自治)?[县旗州区]$")
_DIVISION_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
                      "自治州", "地区", "省", "市", "盟", "县", "区")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # province | city | county
    parent: str  # code of the division above, "" for provinces


@dataclass
class Lexicon:
    suffixes: dict[str, tuple[str, str]]  # suffix -> (category, kind)
    class_nouns: dict[str, str]  # 载体 -> Park
    generic: frozenset[str]
    modifiers: frozenset[str]
    hard_boundaries: frozenset[str]
    soft_boundaries: frozenset[str]
    titles: frozenset[str]
    surnames: frozenset[str]
    industries: frozenset[str]
    industry_heads: frozenset[str]
    companies: frozenset[str]
    units: dict[str, str]  # unit -> kind
    triggers: dict[str, frozenset[str]]  # verb -> kinds ("action", "develop")
    divisions: dict[str, list[Division]]  # full name -> divisions with that name
    division_short: dict[str, list[Division]]  # 济南 -> [济南市]
    # county short names jieba hardly knows (海林, 林口, 蓬莱): trusted only beside their kin
    unlisted_shorts: frozenset[str] = frozenset()
    # county short names that are also words (铜鼓, 常熟): kept apart, since only a name
    # standing alone beside its kin is one (see names._division_ok, Extractor._stray_counties)
    common_shorts: dict[str, list[Division]] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)  # 长三角 -> Area, 工信部 -> Organization
    programmes: dict[str, str] = field(default_factory=dict)  # 试点 -> after, 实施 -> before
    descriptors: frozenset[str] = frozenset()  # 村民, 游客: they mark a name but are no post
    user_terms: dict[str, str] = field(default_factory=dict)  # term -> category
    _boundary_cache: dict[str, str] = field(default_factory=dict, repr=False)
    _verb_cache: dict = field(default_factory=dict, repr=False)
    _by_code: dict[str, Division] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, user_files: Iterable[str | Path] = ()) -> "Lexicon":
        divisions, short, unlisted, common = _divisions()
        lex = cls(
            suffixes={w: (c, k) for w, c, k in _rows("suffixes.tsv", 3)},
            class_nouns={w: c for w, c in _rows("classnouns.tsv", 2)},
            generic=frozenset(_words("generic.txt")),
            modifiers=frozenset(_words("modifiers.txt")),
            hard_boundaries=frozenset(w for w, s in _rows("boundaries.tsv", 2) if s == "hard"),
            soft_boundaries=frozenset(w for w, s in _rows("boundaries.tsv", 2) if s == "soft"),
            titles=frozenset(_words("titles.txt")),
            surnames=frozenset(_words("surnames.txt")),
            industries=frozenset(_words("industries.txt")),
            industry_heads=frozenset(_words("industry_heads.txt")),
            companies=frozenset(_words("companies.txt")),
            units={w: k for w, k in _rows("units.tsv", 2)},
            triggers=_kinds(_rows("triggers.tsv", 2)),
            divisions=divisions,
            division_short=short,
            unlisted_shorts=unlisted,
            common_shorts=common,
            regions={w: c for w, c in _rows("regions.tsv", 2)},
            programmes={w: c for w, c in _rows("programmes.tsv", 2)},
            descriptors=frozenset(_words("descriptors.txt")),
        )
        for f in user_files:
            lex.user_terms.update(read_user_lexicon(f))
        return lex

    def boundary(self, word: str) -> str:
        """"hard", "soft" or "" for a word that ends a name on its left.

        jieba joins boundary words into one (大力发展, 加快建设); such a word is
        a boundary too, as hard as its harder part.
        """
        if word in self.hard_boundaries:
            return "hard"
        if word in self.soft_boundaries:
            return "soft"
        if len(word) < 3:
            return ""
        if word not in self._boundary_cache:
            kind = ""
            for k in range(1, len(word)):
                a, b = self.boundary(word[:k]) if k > 1 else "", self.boundary(word[k:])
                if a and b:
                    kind = "hard" if "hard" in (a, b) else "soft"
                    break
            self._boundary_cache[word] = kind
        return self._boundary_cache[word]

    def leading_division(self, text: str, max_len: int = 9) -> int:
        """Length of the division name (full or short) that ``text`` starts with, or 0:
        安徽|新一代信息技术, 安徽|汽车产业, 全区地区生产总值 is not one."""
        for k in range(min(len(text), max_len), 1, -1):
            if text[:k] in self.divisions or text[:k] in self.division_short:
                return k
        return 0

    def verbs_ending(self, text: str) -> set[str]:
        """The listed verbs of two or more characters that ``text`` ends with (推进|姚家街道)."""
        return {text[-k:] for k in range(2, min(len(text), self._longest_verb) + 1)
                if text[-k:] in self.soft_boundaries}

    def opens_with_verb(self, text: str) -> bool:
        """True when ``text`` starts with a listed verb of two or more characters (建设…)."""
        return any(text[:k] in self.soft_boundaries for k in range(2, min(len(text), self._longest_verb) + 1))

    @cached_property
    def _longest_verb(self) -> int:
        return max(map(len, self.soft_boundaries), default=0)

    def only_modifiers(self, text: str) -> bool:
        """True when ``text`` is made of words of the modifier lexicon only (高水平|研究型)."""
        ok = [True] + [False] * len(text)
        for i in range(len(text)):
            if ok[i]:
                for j in range(i + 1, len(text) + 1):
                    if text[i:j] in self.modifiers:
                        ok[j] = True
        return ok[-1]

    def industry_like(self, name: str) -> bool:
        """True for a listed industry or a short name ending in one or in a word that
        heads industries (化合物半导体, 应急救援装备), not for a bare head (装备)."""
        if name in self.industries:
            return True
        for k in range(2, min(len(name) - 1, 7) + 1):
            if name[-k:] in self.industries or name[-k:] in self.industry_heads:
                return 2 <= len(name) - k <= 6 and name[:-k] not in self.generic
        return False

    def by_code(self, code: str) -> Optional[Division]:
        if not self._by_code:
            self._by_code.update({d.code: d for ds in self.divisions.values() for d in ds})
        return self._by_code.get(code)

    def division(self, name: str) -> list[Division]:
        return self.divisions.get(name) or self.division_short.get(name) or self.common_shorts.get(name) or []

    def suffix_of(self, name: str) -> Optional[tuple[str, str, str]]:
        """The longest known suffix (of up to 12 characters) ending ``name``: (suffix, category, kind)."""
        for k in self._suffix_lengths.get(name[-1:], ()):
            if k <= len(name):
                hit = self.suffixes.get(name[-k:])
                if hit:
                    return name[-k:], hit[0], hit[1]
        return None

    @cached_property
    def _suffix_lengths(self) -> dict[str, tuple[int, ...]]:
        """Last character -> the lengths of the suffixes ending in it, longest first."""
        out: dict[str, set[int]] = {}
        for w in self.suffixes:
            if 0 < len(w) <= 12:
                out.setdefault(w[-1], set()).add(len(w))
        return {c: tuple(sorted(ks, reverse=True)) for c, ks in out.items()}

    def verbs(self, *kinds: str) -> tuple[str, ...]:
        """The trigger verbs of any of ``kinds`` ("develop", "action"), longest first."""
        return self._verbs(frozenset(kinds))[0]

    def verb_pattern(self, *kinds: str) -> re.Pattern:
        """One regex for the trigger verbs of ``kinds``, longest first (so a match is the
        longest verb at its place)."""
        return self._verbs(frozenset(kinds))[1]

    def _verbs(self, kinds: frozenset[str]) -> tuple[tuple[str, ...], re.Pattern]:
        if kinds not in self._verb_cache:
            words = tuple(sorted((w for w, k in self.triggers.items() if k & kinds), key=len, reverse=True))
            self._verb_cache[kinds] = (words, re.compile("|".join(map(re.escape, words)) or "(?!)"))
        return self._verb_cache[kinds]

    def holds_short_name(self, text: str) -> bool:
        """True when a division's short name (济南, 长沙) occurs anywhere in ``text``."""
        longest = self._longest_short
        return any(text[i:i + k] in self.division_short
                   for i in range(len(text) - 1) for k in range(2, min(longest, len(text) - i) + 1))

    @cached_property
    def _longest_short(self) -> int:
        return max(map(len, self.division_short), default=0)

    def division_at(self, text: str, i: int, shortest: int = 3, longest: int = 9) -> int:
        """The length of the longest full division name (``shortest`` to ``longest``
        characters) that starts at ``text[i]``, or 0."""
        for k in self._division_lengths.get(text[i], ()):
            if shortest <= k <= longest and i + k <= len(text) and text[i:i + k] in self.divisions:
                return k
        return 0

    @cached_property
    def division_heads(self) -> frozenset[str]:
        """The first characters of full division names."""
        return frozenset(self._division_lengths)

    @cached_property
    def _division_lengths(self) -> dict[str, tuple[int, ...]]:
        """First character -> the lengths of the full division names starting with it, longest first."""
        out: dict[str, set[int]] = {}
        for w in self.divisions:
            out.setdefault(w[0], set()).add(len(w))
        return {c: tuple(sorted(ks, reverse=True)) for c, ks in out.items()}

    def jieba_words(self) -> set[str]:
        """Words jieba must keep whole so that names are cut at the right places."""
        words = set(self.suffixes) | set(self.class_nouns) | set(self.industries)
        words |= set(self.divisions) | set(self.titles) | set(self.triggers)
        words |= set(self.hard_boundaries) | set(self.soft_boundaries) | set(self.user_terms)
        words |= set(self.regions) | set(self.companies)
        # generic words that hold a list's joining word stay whole (和美乡村 is no 和)
        words |= {w for w in self.generic if any(c in w for c in "和与及或")}
        return {w for w in words if len(w) > 1}


def read_user_lexicon(path: str | Path) -> dict[str, str]:
    """Read ``term<TAB>Category`` lines; ``#`` starts a comment."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise LexiconError(f"{p}: cannot read lexicon ({err})") from err
    terms: dict[str, str] = {}
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [x.strip() for x in line.split("\t")]
        if len(parts) != 2 or not parts[0]:
            raise LexiconError(f"{p}, line {n}: expected 'term<TAB>Category', got {line!r}")
        if parts[1] not in CATEGORIES or parts[1] == "Indicator":
            raise LexiconError(f"{p}, line {n}: unknown category {parts[1]!r}; "
                               f"use one of {', '.join(c for c in CATEGORIES if c != 'Indicator')}")
        terms[parts[0]] = parts[1]
    return terms


def _kinds(rows: list[list[str]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for word, kind in rows:
        out.setdefault(word, set()).add(kind)
    return {w: frozenset(k) for w, k in out.items()}


def _open(name: str):
    return resources.files("kg").joinpath("data").joinpath(name).open(encoding="utf-8")


def _words(name: str) -> list[str]:
    with _open(name) as fh:
        return [w for line in fh if not line.startswith("#") for w in line.split()]


def _rows(name: str, width: int) -> list[list[str]]:
    rows = []
    with _open(name) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != width:
                raise LexiconError(f"kg/data/{name}, line {n}: expected {width} columns")
            rows.append(cols)
    return rows


_RARE = 60  # jieba's count below which a word is no common word (和平 7998, 海林 3)
_RARE_NAME = 500  # ...and for a word jieba takes for a proper name (蓬莱/nr 146, 新华/nz 549)


def _divisions() -> tuple[dict[str, list[Division]], dict[str, list[Division]], frozenset[str],
                          dict[str, list[Division]]]:
    full: dict[str, list[Division]] = {}
    short: dict[str, list[Division]] = {}
    with _open("divisions.tsv") as fh:
        rows = [Division(r["code"], r["name"], r["level"], r["parent"]) for r in csv.DictReader(fh, delimiter="\t")]
    known = _jieba_entries({short_name(d.name) for d in rows})
    place_words = {w for w, (tag, _) in known.items() if tag == "ns"}
    unlisted: set[str] = set()
    common: dict[str, list[Division]] = {}
    for d in rows:
        if d.name in _AMBIGUOUS_DIVISIONS:
            continue
        full.setdefault(d.name, []).append(d)
        s = short_name(d.name)
        if s != d.name and len(s) >= 2 and (d.level in ("province", "city") or s in place_words):
            short.setdefault(s, []).append(d)
        elif s != d.name and 2 <= len(s) <= 3 \
                and not any(x.level != "county" for x in short.get(s, ())) and (
                known.get(s, ("", 0))[1] < _RARE
                or (known[s][0] in ("nr", "nz", "nrt") and known[s][1] < _RARE_NAME)):
            short.setdefault(s, []).append(d)
            unlisted.add(s)
        elif s != d.name and 2 <= len(s) <= 3 and s not in short and _common_but_placeable(*known.get(s, ("", 0))):
            common.setdefault(s, []).append(d)
    for s, ds in short.items():
        big = [d for d in ds if d.level != "county"]
        if big:
            # 河南 is the province, not Qinghai's 河南蒙古族自治县; but 长沙 may be 长沙县 in 长沙
            short[s] = [d for d in ds if d.level != "county" or any(b.code[:2] == d.code[:2] for b in big)]
            unlisted.discard(s)
    common = {s: ds for s, ds in common.items() if s not in short}
    return full, short, frozenset(unlisted), common


def _common_but_placeable(tag: str, count: int) -> bool:
    """常熟/a, 铜鼓/n, 顺义/n: a county's short name that is also a word, but seldom
    one that plans and reports use (not 资源, 合作, 比如, 前进)."""
    if tag in ("v", "vn", "vd", "c", "p", "d", "m", "q", "f", "t", "s", "r", "u"):
        return False
    return count < 200 or (tag in ("n", "ns", "nr", "nz", "nrt", "nrfg", "j") and count < 1200)


def _jieba_entries(words: set[str]) -> dict[str, tuple[str, int]]:
    """jieba's tag and count for each of ``words`` it knows.
    涿州 and 福安 are place names (ns); 中山 is too, but 城关 or 和平 are common words, so a
    county's short name is trusted when listed as a place; one jieba hardly knows
    (海林, 林口, 柯桥) is a name too, but only beside its kin (``Extractor._stray_counties``)."""
    import jieba
    known = {}
    with jieba.get_dict_file() as fh:
        for line in fh.read().decode("utf-8").splitlines():
            word, _, rest = line.partition(" ")
            if word in words:
                count, _, tag = rest.partition(" ")
                known[word] = (tag.strip(), int(count))
    return known


def short_name(name: str) -> str:
    """济南市 -> 济南, 广西壮族自治区 -> 广西, 内蒙古自治区 -> 内蒙古, 马边彝族自治县 -> 马边."""
    ethnic = _ETHNIC_AUTONOMY.match(name)
    if ethnic:
        return ethnic.group(1)
    for suf in _DIVISION_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name

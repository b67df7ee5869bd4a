"""People: a title before a name (区长孟庆顺), bylines (记者 张三) and speakers (张三表示)."""
from __future__ import annotations

import re
from typing import Iterator

from ..lexicon import Lexicon
from .base import Cand, is_han

_SPEECH = ("表示", "介绍", "指出", "强调", "说", "认为", "提到", "提出", "透露", "告诉", "分析", "直言", "坦言")
# What may follow a name: punctuation, a verb of speech or a short function word.
_AFTER_NAME = set("，。、；：,;: 向在说表介指强认提对为代主出等同与和作）)”分曾直也就还则称坦透告回谈") | {""}
_NAME_LIST = re.compile(r"[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3}?){2,}(?=等|[，。；：,;])")
# Words for officials and guests that a list of their names follows (市县领导何运平、曹和家).
_LIST_LEADS = ("领导", "同志", "嘉宾", "负责人", "代表", "委员", "出席", "参加")
_BYLINE_WORDS = ("记者", "通讯员", "见习记者", "实习生", "特约记者")


class PersonRules:
    def __init__(self, lexicon: Lexicon, known_word=lambda w: False) -> None:
        self.lex = lexicon
        self.known_word = known_word  # is this a word of jieba's dictionary?
        titles = sorted(lexicon.titles | lexicon.descriptors, key=len, reverse=True)
        self._title = re.compile("|".join(map(re.escape, titles)))

    def find(self, text: str) -> Iterator[Cand]:
        yield from self._after_titles(text)
        yield from self._listed(text)
        yield from self._byline(text)
        yield from self._speakers(text)
        yield from self._signature(text)

    def _signature(self, text: str) -> Iterator[Cand]:
        """刘 誓 保: a line of a name's characters spaced out, under a report's title."""
        m = re.fullmatch(r"([\u4e00-\u9fff]) ([\u4e00-\u9fff])(?: ([\u4e00-\u9fff]))?", text)
        if m and self._name_at("".join(c for c in m.groups() if c) + " ", 0):
            yield Cand(0, len(text), "Person", "person")

    def _name_at(self, text: str, i: int) -> int:
        """Length of a person's name starting at ``i`` (0 if none)."""
        for sur in (text[i:i + 2], text[i:i + 1]):
            if sur not in self.lex.surnames:
                continue
            fits = []
            for given in (2, 1):
                end = i + len(sur) + given
                name = text[i:end]
                if end > len(text) or not all(is_han(c) for c in name):
                    continue
                if name in self.lex.titles or name in self.lex.soft_boundaries or name.startswith(_SPEECH) \
                        or self.lex.division(name):
                    continue  # 书记|强调: what the holder of a title did; 海淀区|提出: a place
                if text[end:].startswith(_SPEECH):
                    return len(name)  # 林青|指出, not 林青指|出
                if text[end:end + 1] in _AFTER_NAME:
                    fits.append(len(name))
            if fits:
                return fits[0]
        return 0

    def _name_before_word(self, text: str, i: int) -> int:
        """After a title, a name runs up to the next word jieba knows
        (院长王金南|撰文): three characters if a word starts there, else two."""
        sur = text[i:i + 1]
        if sur not in self.lex.surnames or not all(is_han(c) for c in text[i:i + 3]):
            return 0
        if self.known_word(text[i:i + 2]) or self.known_word(text[i + 1:i + 3]):
            return 0  # 委员|和列席, 委员|全部: words, not a name
        for n in (3, 2):
            if self.known_word(text[i + n:i + n + 2]) and not self.known_word(text[i + n - 1:i + n + 1]):
                return n
        return 0

    def _after_titles(self, text: str) -> Iterator[Cand]:
        for m in self._title.finditer(text):
            if m.group() in _BYLINE_WORDS and not self._is_byline(text) \
                    and not re.match(r"[\u4e00-\u9fff]{2,3}(?: |　)", text[m.end():]):
                continue  # a byline opens the article's first line: 记者石恩泽 深圳报道  近日…
            at = m.end() + (1 if text[m.end():m.end() + 1] == " " else 0)  # 研究员 李鹏
            n = self._name_at(text, at) or self._name_before_word(text, at)
            if n:
                title = "" if m.group() in self.lex.descriptors else m.group()
                yield Cand(at, at + n, "Person", "person", title=title)

    def _listed(self, text: str) -> Iterator[Cand]:
        """市县领导何运平、曹和家、张焕明等: a list of names after a title or a word for
        officials is a list of people when every item reads as a name."""
        for m in _NAME_LIST.finditer(text):
            before = text[:m.start()]
            if not (before.endswith(_LIST_LEADS) or any(before.endswith(t) for t in self.lex.titles)):
                continue
            items, pos = m.group().split("、"), m.start()
            spans = []
            for item in items:
                if self._name_at(item + "、", 0) != len(item) or self.lex.division(item):
                    spans = []
                    break
                spans.append((pos, pos + len(item)))
                pos += len(item) + 1
            for a, b in spans:
                yield Cand(a, b, "Person", "person")

    def _is_byline(self, text: str) -> bool:
        return len(text) <= 60 and "。" not in text

    def _byline(self, text: str) -> Iterator[Cand]:
        """杜春娜 通讯员 孙化鹏 孔雪: short lines of names around 记者/通讯员;
        （记者 王小明 通讯员 李华）inside a paragraph; 张三 摄 under a photo."""
        for m in re.finditer(r"[（(]((?:记者|通讯员|见习记者|特约记者)[^（）()]{2,40})[）)]", text):
            for n in re.finditer(r"[\u4e00-\u9fff]{2,4}", m.group(1)):
                if n.group() not in _BYLINE_WORDS and self._name_at(n.group() + " ", 0) == len(n.group()):
                    yield Cand(m.start(1) + n.start(), m.start(1) + n.end(), "Person", "person")
        photo = (re.search(r"(?:^|[ 　（(])([\u4e00-\u9fff]{2,3}) ?摄[）)]?$", text)
                 or re.search(r"(?:摄影|摄|图|图片|文)[/／:：]\s?([\u4e00-\u9fff]{2,3})[）)]?$", text))
        if photo and self._name_at(photo.group(1) + " ", 0) == len(photo.group(1)):
            yield Cand(photo.start(1), photo.end(1), "Person", "person")  # 张三 摄, 摄影/章轲
        if not self._is_byline(text) or not any(w in text for w in _BYLINE_WORDS):
            return
        for m in re.finditer(r"[\u4e00-\u9fff]{2,4}", text):
            word = m.group()
            if any(w in word for w in _BYLINE_WORDS) or word.endswith("报道"):
                continue
            if self._name_at(word + " ", 0) == len(word):
                yield Cand(m.start(), m.end(), "Person", "person")

    def _speakers(self, text: str) -> Iterator[Cand]:
        for m in re.finditer("(?:^|[，。；：”\"])([\u4e00-\u9fff]{2,4}?)(?=" + "|".join(_SPEECH) + ")", text):
            n = self._name_at(text, m.start(1))
            if n == len(m.group(1)):
                yield Cand(m.start(1), m.start(1) + n, "Person", "person")

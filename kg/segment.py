"""Split documents into sentences and sentences into words.

jieba cuts words; its default dictionary knows little of this domain
(朱家庄/nr, 英雄/ns 山路/n), so the packaged lexicons are added as words first.
Part-of-speech tags come from jieba's own dictionary by lookup, which is ~8x
faster than ``jieba.posseg`` and enough for the rules that use them.
"""
from __future__ import annotations

import logging
import re
import tempfile
from functools import cached_property
from typing import NamedTuple

import jieba
from jieba import finalseg

from .lexicon import Lexicon
from .model import Document, Sentence

log = logging.getLogger(__name__)

# Prepositions and particles that never start a name (jieba glues them to the name after).
PREPOSITIONS = frozenset("在由从向对把被将于给让跟同为与及和的了是")
_GLUED = PREPOSITIONS | {"含"}
# Last characters of bodies that jieba joins to the title after them (局局长).
_BODY_ENDS = set("局院所厅委社校行站馆部处科办")
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』]?|\n|$)")


class Token(NamedTuple):
    """A word (a tuple: a sentence has hundreds, made afresh for every sentence)."""

    word: str
    start: int  # offset in the sentence text
    end: int
    tag: str  # jieba dictionary tag, "" if the word is not in it


def split_sentences(doc: Document) -> list[Sentence]:
    sentences = []
    for m in _SENTENCE.finditer(doc.text):
        start, end = m.start(), m.end()
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        if end > start:
            sentences.append(Sentence(doc, len(sentences), start, end))
    return sentences


def _route_in_c():
    """jieba-fast's C function for jieba's best path through a sentence's word graph, when
    installed (it is 2-3x faster than jieba's Python); None otherwise."""
    try:
        import _jieba_fast_functions_py3 as fast  # installed by the jieba-fast package
    except ImportError:
        return None
    return fast._get_DAG_and_calc


class _Tokenizer(jieba.Tokenizer):
    """jieba's tokenizer with its word graph walked in C (jieba-fast) where that is
    installed. Only the path through the dictionary's words moves to C: unknown runs
    still go to jieba's own HMM, because jieba-fast's differs on rare characters
    (炘皓), so the words are exactly jieba's (tested on every test passage)."""

    route_in_c = staticmethod(_route_in_c() or (lambda *a: None))
    fast = _route_in_c() is not None

    def _Tokenizer__cut_DAG(self, sentence):  # jieba.Tokenizer.__cut_DAG, its route from C
        if not self.fast:
            yield from super()._Tokenizer__cut_DAG(sentence)
            return
        self.check_initialized()
        route: list[int] = []
        self.route_in_c(self.FREQ, sentence, route, float(self.total))
        x, buf, n = 0, "", len(sentence)
        while x < n:
            y = route[x] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    yield from self._unknown(buf)
                    buf = ""
                yield word
            x = y
        if buf:
            yield from self._unknown(buf)

    def _unknown(self, buf: str):
        if len(buf) == 1:
            yield buf
        elif not self.FREQ.get(buf):
            yield from finalseg.cut(buf)
        else:
            yield from buf


class Segmenter:
    """A jieba tokenizer of its own (no global jieba state) with kg's words added."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    @cached_property
    def _jieba(self) -> jieba.Tokenizer:
        jieba.setLogLevel(logging.WARNING)
        tk = _Tokenizer()
        tk.tmp_dir = tempfile.gettempdir()
        tk.initialize()
        for w in sorted(self._added):
            tk.add_word(w, freq=tk.suggest_freq(w, tune=False) + 10)
        return tk

    @cached_property
    def _added(self) -> frozenset[str]:
        return frozenset(self.lexicon.jieba_words())

    @cached_property
    def _tags(self) -> dict[str, str]:
        tags: dict[str, str] = {}
        with self._jieba.get_dict_file() as fh:
            for raw in fh:
                parts = raw.decode("utf-8").split()
                if len(parts) == 3:
                    tags[parts[0]] = parts[2]
        return tags

    def tag(self, word: str) -> str:
        return self._tags.get(word, "")

    def tokens(self, text: str) -> list[Token]:
        out, pos = [], 0
        for w in self._jieba.cut(text, HMM=True):
            for part in self._unglued(w):
                if part == "号线" and out and out[-1].word.isdigit() and out[-1].end == pos:
                    # 13|号线 -> 13号线: a numbered line is one name
                    out[-1] = Token(out[-1].word + part, out[-1].start, pos + len(part), "")
                else:
                    out.append(Token(part, pos, pos + len(part), self._tags.get(part, "")))
                pos += len(part)
        return out

    def _unglued(self, word: str) -> tuple[str, ...]:
        """jieba's guesser glues a preposition to an unknown name after it (在浒关,
        由赫瑞特): a word it does not know that opens with one is two words."""
        if word in self._added:
            return (word,)  # 和美乡村: kg's own words are never glued
        if len(word) >= 3 and word[0] in _GLUED and word not in self._tags and word[1:] not in _GLUED:
            return word[0], word[1:]
        if len(word) == 2 and word[0] in "沿含及与和" and word not in self._tags:
            return word[0], word[1:]  # 沿|经十路, 含|龙颈水库, 项目|及|南环线
        if len(word) >= 2 and word[-1] in "及与和" and word not in self._tags:
            return word[:-1], word[-1]  # 肥城桃|及|高端畜牧: a conjunction is no part of a name
        if len(word) == 4 and word not in self._tags and word[:2] in self.lexicon.division_short \
                and word[2:] in self.lexicon.division_short:
            return word[:2], word[2:]  # 长沙宁乡: a city and a county in it
        if len(word) >= 3 and word[0] in _BODY_ENDS and word[1:] in self.lexicon.titles:
            return word[0], word[1:]  # 改革局|局长, 研究院|院长: the body's last character
        if len(word) >= 3 and word[0] in "村社镇乡" and word[1:] in ("支部", "党支部", "两委", "党委"):
            return word[0], word[1:]  # 云舍村|支部书记
        if len(word) >= 2 and word[-1] == "等" and word not in self._tags:
            return word[:-1], word[-1]  # 国际光影节|等: the end of a list, not part of its last item
        return (word,)

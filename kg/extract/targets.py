"""Numeric targets and results: 新增城镇就业2万人 -> Indicator(新增城镇就业, 20000, 人)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, Optional

from ..lexicon import Lexicon
from ..model import Indicator, Sentence

_DIGITS = "零〇一二两三四五六七八九"
_CN_NUM = f"[{_DIGITS}十百千]+(?:点[{_DIGITS}]+)?"
_NUM = rf"(?:[0-9]+(?:[.,][0-9]+)*|{_CN_NUM})"
_MAGNITUDES = {"万亿": 10**12, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4, "千": 10**3}
_PREFIX_QUALIFIERS = ("不少于", "不低于", "不超过", "超过", "突破", "达到", "接近", "约", "近", "超", "达")
_SUFFIX_QUALIFIERS = ("以上", "以下", "左右", "以内", "上下", "之内")
# Words that open a clause without naming the metric.
_LEADING = ("其中", "力争", "确保", "争取", "预计", "全年", "今年", "明年", "同时", "此外",
            "并", "将", "要", "共", "累计", "总计", "合计", "全区", "全市", "全县", "全省")
_CLAUSE_BREAK = re.compile(r"[，。；！？、：,;!?:（）()\n]")
# What may follow a target: the end of a clause. Anything else means the number
# modifies a noun (过50亿元项目) rather than being the target.
_END = re.compile(r"^(?:$|[，。；！？、,;!?）)\n…]|和|及|与|的目标|(?:增加|提高|增长|上升|提升|下降|降低|减少|扩大|缩小)(?:到|至))")
# 地区生产总值由1123亿元增加到1700亿元: both numbers measure the metric before 由.
_FROM_TO = re.compile(r"^(?P<metric>.+?)由.*?(?:(?:增加|提高|增长|上升|提升|下降|降低|减少|扩大|缩小)(?:到|至))?.*$")
# A label that only says how the number changes (年均增长) borrows the metric
# of the number before it in the sentence.
_RATE_ONLY = re.compile(r"^(?:年均|同比|比上年|较上年|分别)?(?:增长|提高|下降|增加|减少|上升|降低)$")


class TargetRules:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        units = sorted(lexicon.units, key=len, reverse=True)
        unit_re = "|".join(map(re.escape, units))
        mag_re = "|".join(sorted(_MAGNITUDES, key=len, reverse=True))
        self._pattern = re.compile(
            rf"(?P<pre>{'|'.join(_PREFIX_QUALIFIERS)})?"
            rf"(?P<num>{_NUM})(?:\s*(?:[—\-~～至到])\s*(?P<num2>{_NUM}))?"
            rf"(?P<more>[多余])?(?P<mag>{mag_re})?(?P<more2>[多余])?"
            rf"(?P<unit>{unit_re})(?P<post>{'|'.join(_SUFFIX_QUALIFIERS)})?")

    def find(self, sent: Sentence, quoted: list[tuple[int, int]], year: Optional[int]) -> Iterator[Indicator]:
        text = sent.text
        previous_label = ""
        for m in self._pattern.finditer(text):
            if any(s <= m.start() < e for s, e in quoted):
                continue
            if not _END.match(text[m.end():]) or self._is_ordinal_or_date(text, m):
                continue
            values = [self._number(m.group("num")), self._number(m.group("num2"))]
            if values[0] is None or (m.group("num2") and values[1] is None):
                continue
            if self._is_chinese_small(m):
                continue
            factor = Decimal(_MAGNITUDES.get(m.group("mag") or "", 1))
            unit = m.group("unit").replace("％", "%")
            if unit in ("%", "‰", "个百分点", "百分点"):
                factor = Decimal(1)
            nums = [_scaled(v, factor) for v in values if v is not None]
            label = self._label(text, m.start())
            if not label and text[:m.start()].rstrip().endswith("、") and previous_label:
                label = previous_label  # 分别增长7%、9.3%: the second shares the metric
            elif _RATE_ONLY.match(label) and previous_label:
                label = _metric(previous_label) + label
            if not label:
                continue
            label = _metric(label) if "由" in label else label
            previous_label = label
            qualifier = m.group("pre") or ""
            if m.group("more") or m.group("more2"):
                qualifier = (qualifier + "多").strip()
            if m.group("post"):
                qualifier = m.group("post") if not qualifier else qualifier + m.group("post")
            rng = len(nums) == 2
            yield Indicator(
                label=label, unit=unit, value=None if rng else nums[0],
                min_value=min(nums) if rng else None, max_value=max(nums) if rng else None,
                qualifier=qualifier, value_text=m.group(0), year=year, sentence=sent,
                start=sent.start + m.start(), end=sent.start + m.end())

    def _is_ordinal_or_date(self, text: str, m: re.Match) -> bool:
        before = text[max(0, m.start() - 1): m.start()]
        return before in ("第", "约第") or before.isdigit()

    def _is_chinese_small(self, m: re.Match) -> bool:
        """一批, 两个, 三名: counting words, not targets."""
        num = m.group("num")
        return not num[0].isdigit() and not m.group("mag") and (self._number(num) or 0) < 10

    def _label(self, text: str, pos: int) -> str:
        start = 0
        for b in _CLAUSE_BREAK.finditer(text, 0, pos):
            start = b.end()
        label = text[start:pos].strip()
        changed = True
        while changed and label:
            changed = False
            for w in _LEADING:
                if label.startswith(w) and len(label) > len(w):
                    label, changed = label[len(w):], True
            for name in (label[:k] for k in range(min(8, len(label)), 1, -1)):
                if name in self.lex.divisions or name in self.lex.division_short:
                    label, changed = label[len(name):], True
                    break
        return label.strip()

    @staticmethod
    def _number(s: Optional[str]) -> Optional[float]:
        if not s:
            return None
        if s[0].isdigit():
            try:
                return float(s.replace(",", ""))
            except ValueError:
                return None
        return chinese_number(s)


def _scaled(value: float, factor: Decimal) -> float:
    """257.34 × 1亿 = 25734000000 exactly, not 25733999999.999996."""
    return float(Decimal(repr(value)) * factor)


def _metric(label: str) -> str:
    """The metric of 地区生产总值由十二五末的 is 地区生产总值."""
    m = _FROM_TO.match(label)
    return m.group("metric") if m and "由" in label else label


def chinese_number(s: str) -> Optional[float]:
    """一百二十 -> 120, 两千 -> 2000, 三点五 -> 3.5; None if not a numeral."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits.update({"〇": 0, "两": 2})
    if "点" in s:
        whole, frac = s.split("点", 1)
        w = chinese_number(whole) if whole else 0.0
        if w is None or not frac or any(c not in digits for c in frac):
            return None
        return w + float("0." + "".join(str(digits[c]) for c in frac))
    total, current = 0, 0
    for c in s:
        if c in digits:
            current = digits[c]
        elif c in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[c]
            total += (current or 1) * unit
            current = 0
        else:
            return None
    return float(total + current)

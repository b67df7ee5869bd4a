"""Numeric targets and results: 新增城镇就业2万人 -> Indicator(新增城镇就业, 20000, 人)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, Optional

from ..lexicon import Lexicon
from ..model import Indicator, Sentence
from .base import CAPACITY_KINDS

_DIGITS = "零〇一二两三四五六七八九"
_CN_NUM = f"[{_DIGITS}十百千]+(?:点[{_DIGITS}]+)?"
_NUM = rf"(?:[0-9]+(?:[.,][0-9]+)*|{_CN_NUM})"
_MAGNITUDES = {"万亿": 10**12, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4, "千": 10**3}
_PREFIX_QUALIFIERS = ("不少于", "不低于", "不超过", "超过", "突破", "达到", "接近", "约", "近", "超", "达")
_SUFFIX_QUALIFIERS = ("以上", "以下", "左右", "以内", "上下", "之内")
# Words that open a clause without naming the metric.
_LEADING = ("其中", "力争", "确保", "争取", "预计", "全年", "今年", "明年", "同时", "此外",
            "并", "将", "要", "共", "累计", "总计", "合计", "全区", "全市", "全县", "全省")
_CLAUSE_BREAK = re.compile(r"[，。；！？、：,;!?:\n]")
_PAREN = re.compile(r"[（(][^（）()]{0,12}[）)]")
_COUNTABLE = {"count", "length", "area"}
_HAN_START = re.compile(r"^[\u4e00-\u9fff]")
_JOINERS = {"和", "及", "与", "以及", "、"}
_NUMBER_AND = re.compile(r"[0-9.]+[\u4e00-\u9fff%]{0,4}(?:和|及|与|以及)")  # 164.5亿元和|70.2亿元
_MONEY = re.compile(r"GDP|生产总值|投资|收入|总额|产值|规模|营收|增加值|资金|税收|财政|经济总量|经济体量|体量|销售额")
# A measure that belongs to the topic of the number before it: 个数占比, 总投资.
_NEW = re.compile(r"^(?:新增|净增|新引进|新培育|新认定|新建|新招引|新签约|新开工)")
_TOTAL = re.compile(r"^(总数|总量|累计|总计|总数量)(?:分别)?(?:达到|达|为|超过|超)?$")  # 新增…86家，总数1073家
_ATTRIBUTE = re.compile(r"^(?:个数|投资|数量|金额|产值)?(?:占比|比重|占|总投资|投资|完成率|增速|增幅)$")
# What may follow a target: the end of a clause. Anything else means the number
# modifies a noun (过50亿元项目) rather than being the target.
_END = re.compile(r"^(?:$|[，。；！？、,;!?）)（(\n…”’」]|[0-9]|和|及|与|的目标|(?:增加|提高|增长|上升|提升|下降|降低|减少|扩大|缩小)(?:到|至))")
# 地区生产总值由1123亿元增加到1700亿元: both numbers measure the metric before 由.
_FROM_TO = re.compile(r"^(?P<metric>.+?)由.*?(?:(?:增加|提高|增长|上升|提升|下降|降低|减少|扩大|缩小)(?:到|至))?.*$")
# A label that only says how the number changes (年均增长) borrows the metric
# of the number before it in the sentence.
_RATE_ONLY = re.compile(r"^(?:年均|同比|比上年|较上年|分别)?(?:增长|提高|下降|增加|减少|上升|降低)$")
# Words before a count that describe rather than plan or report: 全国有24个城市,
# 是3个方面, 这两个. Other counts before a noun (建设20个园区) are targets.
_COUNT_DESCRIBES = re.compile(r"(?:有|是|为|这|那|前|后|其中|全国|约|仅|只|近|以下|如下|下列)$")
# ...after it: 其中4次是在…, 与4座一线城市比: the count is the subject of a remark.
_COUNT_REMARK = re.compile(r"^(?:是|则|为|在|都|也|就|已|被|将|比|相当|占|以|共|均)")
_COMPARISON = re.compile("相差|差距|不及|仅次于|高居|位居|名列|相当于|(?<![同环占])比$|相比|对比|第[一二三四五六七八九十0-9]+名")
# A label ending in a measure names what the number measures even when a noun
# follows the number: 年旅客吞吐量5500万人次运行需求.
_MEASURE_END = re.compile(r"(?:量|额|总值|产值|增加值|规模|面积|收入|人口|里程|长度|容量|产能|能力|比重|占比|率)$")
# An investment names its project after the amount: 投资1100万元新建污水管线.
_INVESTMENT_END = re.compile(r"(?:投资|投入|总投资|完成投资|资金|筹资|融资|争取)$")


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
            rf"(?P<unit>{unit_re})?(?P<post>{'|'.join(_SUFFIX_QUALIFIERS)})?")

    def find(self, sent: Sentence, quoted: list[tuple[int, int]], year: Optional[int]) -> Iterator[Indicator]:
        text = sent.text
        previous = ""  # the metric of the number before, for labels that only say how it changed
        spread: list[str] = []  # 交通运输、教育分别完成…: one metric per number that follows
        prev_match: Optional[re.Match] = None
        seen: list[str] = []  # the metrics found so far, in order
        for m in self._pattern.finditer(text):
            if any(s <= m.start() < e for s, e in quoted) or self._is_ordinal_or_date(text, m):
                continue
            values = [self._number(m.group("num")), self._number(m.group("num2"))]
            if values[0] is None or (m.group("num2") and values[1] is None) or self._is_chinese_small(m):
                continue
            unit = (m.group("unit") or "").replace("％", "%")
            after = text[m.end():]
            label = self._label(text, m.start())
            joined = prev_match is not None and text[prev_match.end():m.start()] in ("和", "、", "及", "与")
            if prev_match is not None and prev_match.end() == m.start() and label.endswith(prev_match.group(0)):
                label = previous  # 棚改配套道路完成13条15公里: both numbers measure it
            elif joined and previous and label.endswith(prev_match.group(0) + text[prev_match.end():m.start()]):
                label = spread.pop(0) if spread else previous  # 分别达到47192元和14493元
            prev_match = m
            money = self.lex.units.get(unit) == "money" or (m.group("mag") and not unit)
            metric_after = _MONEY.match(after.removeprefix("的")) if money else None
            if metric_after:
                label = metric_after.group()  # 1.57万亿元GDP, 3151.08亿元的经济总量
            elif money and _INVESTMENT_END.search(label) and _HAN_START.match(after):
                # 投资1100万元新建污水管线, 投资2599万元的海—宝农村公路
                label = label + _CLAUSE_BREAK.split(after, 1)[0][:30]
            elif self.lex.units.get(unit) in CAPACITY_KINDS and m.group("num")[0].isdigit() and _HAN_START.match(after) \
                    and not _END.match(after) and not _COUNT_REMARK.match(after) and after[0] != "的":
                # 永祥能源科技12万吨高纯晶硅, 中环20GW光伏叠瓦组件: a plant's capacity names its product
                label = label + re.split("项目|工程", _CLAUSE_BREAK.split(after, 1)[0])[0][:16]
            elif not _END.match(after) and not _MEASURE_END.search(label):
                # 建设20个先进制造业园区: a count before the thing counted
                counted = after.lstrip("“‘")
                if (self.lex.units.get(unit) not in _COUNTABLE or not _HAN_START.match(counted)
                        or not m.group("num")[0].isdigit()  # 千万个家庭 is a figure of speech
                        or _COUNT_REMARK.match(counted)
                        or _COUNT_DESCRIBES.search(text[max(0, m.start() - 4):m.start()])):
                    continue  # 全国有24个城市: a count only describes unless a plan counts it
                phrase = re.split(r"[，。；！？：,;!?:\n]", after, maxsplit=1)[0]
                if "的" in phrase[1:] and not re.search("[0-9]", phrase):
                    label = phrase.rsplit("的", 1)[1][:24]  # 40个吸引力强、带动面广的消费场景
                else:
                    label = _CLAUSE_BREAK.split(after, 1)[0].removeprefix("的")[:24]
                label = re.split("[0-9]", label)[0]
                if re.search("中有?$", label):
                    continue  # 20个项目中有5个…: the whole a part is counted in
            if not unit:
                # GDP仅为1923.5亿: money is often written without 元
                if m.group("mag") in ("亿", "万亿") and _MONEY.search(label + previous):
                    unit = "元"
                else:
                    continue
            bare = not label or label in _JOINERS or bool(_NUMBER_AND.fullmatch(label))
            if bare and spread:
                label = spread.pop(0)
            elif bare and previous and re.search(r"[、和及与]\s*$", text[:m.start()]):
                label = previous  # 分别增长7%、9.3%: the second shares the metric
            elif _TOTAL.match(label) and seen:
                # 新增规上工业企业1007家、百亿级企业1家，总数分别达6886家、14家: the totals of
                # the figures just counted, one each
                n = 1 + len(re.findall(r"、[0-9]", after.split("，", 1)[0])) if "分别" in label else 1
                word = _TOTAL.match(label).group(1)
                firsts = [_NEW.sub("", _metric(x)) + word for x in seen[-n:]]
                label, spread = firsts[0], firsts[1:]
            elif (_RATE_ONLY.match(label) or _ATTRIBUTE.match(label)) and previous:
                label = _metric(previous) + label
            elif _RATE_ONLY.match(label) or _ATTRIBUTE.match(label) or label in _LEADING:
                # 加大研发经费投入力度，全年增长10%: the clause before names what grows
                label = (self._previous_clause(text, m.start(), trailing=True) + label).removesuffix("其中")
            elif bare:
                label = self._previous_clause(text, m.start())
            if "分别" in label and not _TOTAL.match(label):
                spread = _spread(label)
                label = spread.pop(0) if spread else label
            if not label or (unit == "位" and re.search("(?:升|降|进|退|前移|后移)$", label)):
                continue  # 连升12位: a move in a ranking
            if _COMPARISON.search(label):
                continue  # 与南京相差约660亿元, 仅次于上海的14次: a comparison with others, not a figure of the place
            label = _metric(label) if "由" in label else label
            previous = label
            seen.append(label)
            factor = Decimal(_MAGNITUDES.get(m.group("mag") or "", 1))
            if unit in ("%", "‰", "个百分点", "百分点"):
                factor = Decimal(1)
            nums = [_scaled(v, factor) for v in values if v is not None]
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

    def _previous_clause(self, text: str, pos: int, trailing: bool = False) -> str:
        """安徽经济总量要跻身全国第一方阵，接近6万亿元: the clause before names the metric.

        With ``trailing`` the clause before the one holding the number is taken
        even when that one has words of its own (…，全年增长10%)."""
        head = _PAREN.sub("", text[:pos])
        parts = [p for p in _CLAUSE_BREAK.split(head) if p.strip()]
        if trailing:
            return parts[-2].strip() if len(parts) >= 2 else ""
        return parts[-2].strip() if len(parts) >= 2 and not parts[-1].strip() else ""

    def _is_ordinal_or_date(self, text: str, m: re.Match) -> bool:
        before = text[max(0, m.start() - 1): m.start()]
        return before in ("第", "约第", "前") or before.isdigit()  # 第3, 进入全国前30%: ranks

    def _is_chinese_small(self, m: re.Match) -> bool:
        """一批, 两个, 三名: counting words, not targets."""
        num = m.group("num")
        return not num[0].isdigit() and not m.group("mag") and (self._number(num) or 0) < 10

    def _label(self, text: str, pos: int) -> str:
        breaks = [b for b in _CLAUSE_BREAK.finditer(text, 0, pos)]
        start = breaks[-1].end() if breaks else 0
        # 拆除小锅炉、小煤炉3000余台: objects listed before the number share it
        k = len(breaks) - 1
        while k >= 0 and breaks[k].group() == "、":
            prev = breaks[k - 1].end() if k else 0
            if re.search(r"[0-9]", text[prev:breaks[k].start()]):
                break
            start, k = prev, k - 1
        label = _PAREN.sub("", text[start:pos]).strip()
        changed = True
        while changed and label:
            changed = False
            for w in _LEADING:
                if label.startswith(w) and len(label) > len(w):
                    label, changed = label[len(w):], True
            k = self.lex.leading_division(label[:-1], max_len=8)
            if k:
                label, changed = label[k:], True
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


def _spread(label: str) -> list[str]:
    """城镇和农村居民人均可支配收入分别增长 -> 城镇居民人均可支配收入增长, 农村居民人均可支配收入增长."""
    subjects, _, verb = label.partition("分别")
    items = [x for x in re.split(r"、|以及|和|及|与", subjects) if x]
    if len(items) < 2:
        return [subjects + verb]
    first, last = items[0], items[-1]
    tail = ""
    if len(last) > len(first) + 1 and len(first) <= 3:
        tail = last[len(first):]  # 城镇和农村居民人均可支配收入: 居民人均可支配收入 is shared
    else:
        tail = next((w for w in ("行业", "产业", "企业", "领域", "地区") if last.endswith(w)), "")
    return [(x if x.endswith(tail) else x + tail) + verb for x in items]


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

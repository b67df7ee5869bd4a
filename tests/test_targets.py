"""Numbers, magnitudes, units and qualifiers of targets."""
from __future__ import annotations

import pytest

from kg.extract.targets import chinese_number
from kg.read import read_text


@pytest.mark.parametrize("text,label,value,unit,qualifier", [
    ("新增城镇就业2万人。", "新增城镇就业", 20000, "人", ""),
    ("实施改造1万户以上。", "实施改造", 10000, "户", "以上"),
    ("地区生产总值增长7.5%左右。", "地区生产总值增长", 7.5, "%", "左右"),
    ("研发投入强度提高0.3个百分点。", "研发投入强度提高", 0.3, "个百分点", ""),
    ("完成固定资产投资3.5亿元。", "完成固定资产投资", 3.5e8, "元", ""),
    ("社会消费品零售总额突破1.2万亿元。", "社会消费品零售总额", 1.2e12, "元", "突破"),
    ("新增城镇就业两万人。", "新增城镇就业", 20000, "人", ""),
    ("建成5G基站1200个。", "建成5G基站", 1200, "个", ""),
])
def test_single_targets(pipeline, text, label, value, unit, qualifier):
    inds = pipeline.extract(read_text(text)).indicators
    assert len(inds) == 1
    i = inds[0]
    assert (i.label, i.unit, i.qualifier) == (label, unit, qualifier)
    assert i.value == pytest.approx(value)


def test_ranges(pipeline):
    (i,) = pipeline.extract(read_text("创建示范社区1—2个。")).indicators
    assert (i.value, i.min_value, i.max_value, i.unit) == (None, 1, 2, "个")


def test_years_dates_and_ordinals_are_not_targets(pipeline):
    text = "2025年1月8日，第十九届人民代表大会召开，120多年前济南开埠，实施一批项目，“三个如何”。"
    assert pipeline.extract(read_text(text)).indicators == []


def test_shared_metric_after_an_enumeration_comma(pipeline):
    inds = pipeline.extract(read_text("城镇和农村居民人均可支配收入分别增长7%、9.3%。")).indicators
    assert [i.value for i in inds] == [7, 9.3]
    assert all("人均可支配收入" in i.label for i in inds)


@pytest.mark.parametrize("text,value", [("一百二十", 120), ("两千", 2000), ("三点五", 3.5),
                                        ("十五", 15), ("九", 9)])
def test_chinese_numerals(text, value):
    assert chinese_number(text) == value

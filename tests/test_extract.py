"""Extraction on the sample report: what a reader of the graph would check first."""
from __future__ import annotations

import pytest

from kg.read import read_text

from .conftest import DATA


def by_name(extraction):
    return {(m.text, m.category) for m in extraction.mentions}


def test_parks_hospitals_villages_roads_from_the_sample(sample_extraction):
    found = by_name(sample_extraction)
    for name, cat in [
        ("国网山东电力战新产业园", "Park"), ("山东大学国家大学科技园", "Park"), ("中山公园", "Park"),
        ("济中智立方", "Park"), ("省妇幼保健院新院区", "Hospital"), ("中医大二附院", "Hospital"),
        ("朱家庄", "Village"), ("尹家堂", "Village"), ("复兴村", "Village"),
        ("英雄山路", "Road"), ("大纬二路", "Road"), ("二环南", "Road"),
        ("济南宾馆", "Facility"), ("玉符河", "NaturalFeature"), ("南部新城", "Area"),
        ("孟庆顺", "Person"), ("市中区人民政府", "Organization"),
        ("济南市市中区第十九届人民代表大会第四次会议", "Event"),
        ("新能源汽车", "Industry"), ("低空经济", "Industry"), ("一区多园", "Initiative"),
    ]:
        assert (name, cat) in found, name


def test_generic_words_are_never_entities(sample_extraction):
    names = {m.text for m in sample_extraction.mentions}
    assert not names & {"园区", "城中村", "产业", "载体", "片区", "主题园区", "新型园区", "大会"}


def test_enumeration_shares_its_suffix(sample_extraction):
    aliases = {m.text: set(m.aliases) for m in sample_extraction.mentions}
    assert ("白马山", "Area") in by_name(sample_extraction)
    assert "白马山片区" in aliases["白马山"]
    assert "陡沟" in aliases["陡沟片区"]


def test_targets_are_normalised(sample_extraction):
    got = {(i.label, i.value, i.min_value, i.max_value, i.unit, i.qualifier)
           for i in sample_extraction.indicators}
    assert ("新增城镇就业", 20000, None, None, "人", "") in got
    assert ("实施“一户一表”改造", 10000, None, None, "户", "以上") in got
    assert ("创建全国示范性老年友好型社区", None, 1, 2, "个", "") in got
    # 过50亿元项目2个以上: the 50亿元 only describes the projects
    assert not any(i.value == 5e9 for i in sample_extraction.indicators)


def test_relations_of_the_sample(sample_extraction):
    rels = {(r.head.text, r.predicate, getattr(r.tail, "text", None)) for r in sample_extraction.relations}
    assert ("市中区", "partOf", "济南市") in rels
    assert ("中山公园", "locatedIn", "老城商埠片区") in rels
    assert ("华润", "along", "二环南") in rels
    assert ("市中区", "develops", "低空经济") in rels
    assert ("孟庆顺", "holdsPosition", "市中区人民政府") in rels
    titles = {r.title for r in sample_extraction.relations if r.predicate == "holdsPosition"}
    assert titles == {"区长"}


def test_every_mention_points_back_into_its_sentence(sample_extraction):
    text = sample_extraction.doc.text
    for m in sample_extraction.mentions:
        assert text[m.start:m.end] == m.text
        assert m.sentence.start <= m.start and m.end <= m.sentence.end


def test_other_city_county_and_news_style(pipeline):
    doc = read_text(
        "记者 王小明\n"
        "今年，南宁市青秀区将加快建设中国—东盟信息港南宁核心基地，推进五象新区总部基地金融街建设，"
        "大力发展生物医药、新材料和数字经济等主导产业。市长张大伟表示，全年地区生产总值增长6%左右，"
        "城镇新增就业5.5万人，完成固定资产投资300亿元以上。启动实施那洪村、屯里村等城中村改造，"
        "推进邕江综合整治。", "nanning")
    ex = pipeline.extract(doc)
    found = by_name(ex)
    assert ("青秀区", "AdministrativeArea") in found and ("南宁市", "AdministrativeArea") in found
    assert ("王小明", "Person") in found and ("张大伟", "Person") in found
    assert ("那洪村", "Village") in found and ("屯里村", "Village") in found
    assert ("生物医药", "Industry") in found and ("新材料", "Industry") in found
    assert ("邕江", "NaturalFeature") in found
    got = {(i.unit, i.value) for i in ex.indicators}
    assert ("%", 6) in got and ("人", 55000) in got and ("元", 3e10) in got
    rels = {(r.head.text, r.predicate, getattr(r.tail, "text", None)) for r in ex.relations}
    assert ("青秀区", "partOf", "南宁市") in rels


def test_web_boilerplate_is_ignored(pipeline):
    doc = read_text("市中区推进中山公园建设。\n责任编辑：王小明\n扫码下载大众新闻APP，看更多济南新闻\n"
                    "来源：济南日报\n", "news")
    ex = pipeline.extract(doc)
    assert {m.text for m in ex.mentions} == {"市中区", "中山公园"}


def test_the_c_route_gives_jiebas_words(pipeline):
    """With jieba-fast installed the route through a sentence is computed in C; the words
    must be exactly jieba's, or every graph would change with an optional package."""
    from kg.segment import _Tokenizer
    if not _Tokenizer.fast:
        pytest.skip("jieba-fast is not installed")
    seg = pipeline.extractor.segmenter
    sentences = [s for p in sorted(DATA.glob("*/*.txt")) for s in p.read_text(encoding="utf-8").split("\n")]
    sentences += ["推进炘皓新能源、巨星科技等企业扩产。"]  # rare characters: jieba-fast's own HMM differs here
    fast = [seg.tokens(s) for s in sentences]
    seg._jieba.fast = False
    try:
        assert [seg.tokens(s) for s in sentences] == fast
    finally:
        del seg._jieba.fast

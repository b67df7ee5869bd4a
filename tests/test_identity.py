"""One node per real thing across reports (docs/identity.md), rule by rule, on a corpus of
homonyms: two districts named 市中区 (济南 and 枣庄), 中山公园 in three places, 人民医院 in
two districts, a park and a hospital in one district's reports of two years, and a
province's report that names 市中区 without saying which."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from kg.corpus import Corpus

from .conftest import DATA

HOMONYMS = DATA / "homonyms"
DIVISION = "https://w3id.org/kgcn/resource/division/"


@pytest.fixture(scope="session")
def homonyms(pipeline, tmp_path_factory):
    folder = tmp_path_factory.mktemp("homonyms")
    corpus, _ = Corpus.build(folder, [HOMONYMS], pipeline=pipeline)
    return corpus.knowledge_graph()


def nodes(kg, category: str, label: str) -> dict[str, set[str]]:
    """IRI -> the documents that mention it, for every node of ``category`` called ``label``."""
    out = defaultdict(set)
    for row in kg.query(f"""SELECT ?n ?doc WHERE {{ ?n a kg:{category} ; skos:prefLabel "{label}"@zh .
                            ?m kg:mentionOf ?n ; kg:inDocument/kg:sourcePath ?doc }}"""):
        out[str(row.n)].add(Path(str(row.doc)).stem)
    return dict(out)


def test_a_division_is_its_code_and_a_bare_name_is_the_documents_own(homonyms):
    shizhong = nodes(homonyms, "AdministrativeArea", "市中区")
    assert shizhong[DIVISION + "370103"] == {"jinan-shizhong-2024", "jinan-shizhong-2025"}
    assert shizhong[DIVISION + "370402"] == {"zaozhuang-shizhong-2024"}
    rows = {(str(r.code), str(r.city)) for r in homonyms.query(
        "SELECT ?code ?city WHERE { ?d kg:divisionCode ?code ; skos:prefLabel '市中区'@zh ; "
        "kg:partOf/skos:prefLabel ?city }")}
    assert rows == {("370103", "济南市"), ("370402", "枣庄市")}


def test_a_division_name_the_document_leaves_ambiguous_is_that_documents_alone(homonyms):
    """山东省's report names 市中区 beside 历下区 but no city: it may be either district."""
    shizhong = nodes(homonyms, "AdministrativeArea", "市中区")
    province = [iri for iri, docs in shizhong.items() if docs == {"shandong-2024"}]
    assert len(province) == 1 and not province[0].startswith(DIVISION)


def test_the_same_name_in_two_cities_is_two_nodes(homonyms):
    parks = nodes(homonyms, "Park", "中山公园")
    assert sorted(parks.values(), key=sorted) == [
        {"jinan-shizhong-2024", "jinan-shizhong-2025"}, {"yantai-2024"}, {"zaozhuang-shizhong-2024"}]
    hospitals = nodes(homonyms, "Hospital", "人民医院")
    assert list(hospitals.values()) == [{"zaozhuang-shizhong-2024"}]


def test_one_thing_in_two_years_reports_is_one_node_with_the_evidence_of_both(homonyms):
    for category, label in (("Hospital", "人民医院新院区"), ("Area", "白马山片区"), ("Park", "中山公园")):
        found = nodes(homonyms, category, label)
        assert {"jinan-shizhong-2024", "jinan-shizhong-2025"} in found.values(), (label, found)
    rows = homonyms.query("""SELECT DISTINCT ?sentence WHERE { ?h skos:prefLabel "人民医院新院区"@zh .
        ?m kg:mentionOf ?h ; kg:inSentence/kg:text ?sentence }""")
    assert len(rows) >= 3  # 主体完工 and 建成 in 2024's report, 投入使用 in 2025's


def test_a_name_with_its_division_is_the_thing_the_division_owns(homonyms):
    """济南市市中区人民政府 (written out) and the district's own government are one node; 烟台's
    is another; 省立医院 in 山东's report is 山东省立医院."""
    govs = homonyms.query("""SELECT ?label WHERE { ?o a kg:Organization ; skos:prefLabel ?label .
        FILTER(CONTAINS(STR(?label), "人民政府")) }""")
    assert {str(r.label) for r in govs} == {"济南市市中区人民政府", "枣庄市市中区人民政府", "烟台市人民政府",
                                            "山东省人民政府"}
    alts = {str(r.alt) for r in homonyms.query(
        "SELECT ?alt WHERE { ?h skos:prefLabel '省立医院新院区'@zh ; skos:altLabel ?alt }")}
    assert "山东省立医院新院区" in alts


def test_industries_and_national_bodies_are_shared(homonyms):
    low_altitude = nodes(homonyms, "Industry", "低空经济")
    assert len(low_altitude) == 1
    assert list(low_altitude.values())[0] >= {"jinan-shizhong-2024", "yantai-2024", "shandong-2024"}
    for label in ("国家发改委", "华为"):
        found = nodes(homonyms, "Organization", label)
        assert list(found.values()) == [{"jinan-shizhong-2025", "yantai-2024"}], label


def test_each_report_hangs_its_targets_on_its_own_region(homonyms):
    rows = homonyms.query("""SELECT ?code ?doc WHERE { ?r kg:divisionCode ?code ; kg:hasIndicator ?i .
        ?m kg:mentionOf ?i ; kg:inDocument/kg:sourcePath ?doc }""")
    by_code = defaultdict(set)
    for r in rows:
        by_code[str(r.code)].add(Path(str(r.doc)).stem)
    assert by_code["370103"] == {"jinan-shizhong-2024", "jinan-shizhong-2025"}
    assert by_code["370402"] == {"zaozhuang-shizhong-2024"}
    assert by_code["370600"] == {"yantai-2024"}


def test_an_indicator_belongs_to_one_document(homonyms):
    """新增城镇就业1.5万人 is in both of 市中区's reports: two targets, one per report."""
    rows = homonyms.query("""SELECT ?i (COUNT(DISTINCT ?d) AS ?docs) WHERE { ?i a kg:Indicator .
        ?m kg:mentionOf ?i ; kg:inDocument ?d } GROUP BY ?i""")
    assert rows and all(int(r.docs) == 1 for r in rows)
    same = homonyms.query("""SELECT ?i WHERE { ?i a kg:Indicator ; kg:valueText "1.5万人以上" }""")
    assert len(same) == 1


def test_the_union_holds_each_fact_once(homonyms):
    """Things named by two reports get their class and label from the corpus graph only."""
    rows = homonyms.query("SELECT ?n (COUNT(*) AS ?k) WHERE { ?n skos:prefLabel ?l } GROUP BY ?n HAVING (COUNT(*) > 1)")
    assert len(rows) == 0
    rows = homonyms.query("SELECT ?s ?p ?o (COUNT(?g) AS ?k) WHERE { GRAPH ?g { ?s ?p ?o } } "
                          "GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1)")
    assert len(rows) == 0


def test_a_place_the_text_puts_in_a_district_is_that_districts(pipeline, tmp_path):
    """济南's city report says 位于市中区的中山公园: the district's park, the one its own
    reports name; the city's 济南市人民医院 is not the district's bare 人民医院."""
    city = tmp_path / "jinan-2024.txt"
    city.write_text("济南市2024年政府工作报告\n\n2024年，济南市地区生产总值增长6%。全年重点抓好以下工作："
                    "改造提升位于市中区的中山公园，加快历下区泉城广场周边更新。济南市人民医院新院区建成投用。\n",
                    encoding="utf-8")
    kg = pipeline.build([city, HOMONYMS / "jinan-shizhong-2024.txt"])
    parks = nodes(kg, "Park", "中山公园")
    assert list(parks.values()) == [{"jinan-2024", "jinan-shizhong-2024"}]
    assert len(nodes(kg, "Hospital", "人民医院新院区")) == 1
    assert list(nodes(kg, "Hospital", "济南市人民医院新院区").values()) == [{"jinan-2024"}]

"""Pages of any size: an overview of a large graph, pages focused on a region, a document,
a category or a name, all read from the store."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.corpus import Corpus
from kg.views import Focus, ViewError, select

from .conftest import DATA


@pytest.fixture(scope="module")
def corpus(pipeline, tmp_path_factory):
    folder = tmp_path_factory.mktemp("homonyms")
    c, _ = Corpus.build(folder, [DATA / "homonyms"], pipeline=pipeline)
    return folder, c.knowledge_graph()


def page_data(path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1))


def labels(kg, nodes) -> set[str]:
    return {kg.things[n][1] for n in nodes}


def test_a_region_by_code_draws_what_its_reports_name(corpus):
    folder, kg = corpus
    chosen = select(kg.store, Focus("region", "370103"))
    assert {"中山公园", "人民医院新院区", "白马山片区", "低空经济", "市中区"} <= labels(kg, chosen.nodes)
    assert "烟台市" not in labels(kg, chosen.nodes) and "370103" in chosen.described
    r = CliRunner().invoke(main, ["view", str(folder), "--region", "370103", "--no-open"])
    assert r.exit_code == 0 and r.output.strip().endswith("graph-region-370103.html")
    data = page_data(folder / "graph-region-370103.html")
    assert {n["label"] for n in data["nodes"]} >= {"中山公园", "市中区"}
    assert "370103" in data["counts"]


def test_a_name_two_regions_share_asks_for_the_code(corpus):
    folder, kg = corpus
    with pytest.raises(ViewError, match="370103.*济南市市中区.*370402.*枣庄市市中区"):
        select(kg.store, Focus("region", "市中区"))
    r = CliRunner().invoke(main, ["view", str(folder), "--region", "市中区", "--no-open"])
    assert r.exit_code == 1 and len(r.output.strip().splitlines()) == 1
    assert select(kg.store, Focus("region", "烟台市")).focal


def test_a_document_a_category_and_a_name(corpus):
    _, kg = corpus
    doc = select(kg.store, Focus("document", "yantai-2024.txt"))
    assert "烟台市" in labels(kg, doc.nodes) and "枣庄市" not in labels(kg, doc.nodes)
    hospitals = select(kg.store, Focus("category", "医院"))
    assert {kg.things[n][0] for n in hospitals.focal} == {"Hospital"} and hospitals.nodes > hospitals.focal
    assert select(kg.store, Focus("category", "hospital")).focal == hospitals.focal
    parks = select(kg.store, Focus("node", "中山公园"))
    assert len(parks.focal) == 3 and labels(kg, parks.focal) == {"中山公园"}
    districts = select(kg.store, Focus("node", "市中区"))
    assert len(districts.focal) == 3 and {"济南市", "枣庄市"} <= labels(kg, districts.nodes)
    for focus in (Focus("category", "Castle"), Focus("node", "不存在"), Focus("region", "999999")):
        with pytest.raises(Exception):
            select(kg.store, focus)


def test_a_large_graph_is_an_overview_and_search_finds_the_rest(corpus, monkeypatch):
    _, kg = corpus
    everything = select(kg.store)
    assert len(everything.nodes) == everything.total and not everything.search
    small = select(kg.store, limit=10)
    assert len(small.nodes) == 10 and "overview" in small.described
    assert {kg.things[n][0] for n in small.nodes} & {"AdministrativeArea", "Industry"}
    found = {iri for iri, _, _ in small.search}
    assert found and not found & small.nodes
    assert all(kg.things[n][0] != "Indicator" for n in found)

"""The page in a real browser: it draws, filters, searches, shows evidence, and runs no input."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SKOS

from kg.knowledge import KnowledgeGraph
from kg.pipeline import Pipeline
from kg.vocab import KG

from . import browser
from .conftest import ROOT

if not browser.available():
    if os.environ.get("KG_REQUIRE_BROWSER"):
        raise RuntimeError("KG_REQUIRE_BROWSER is set but /usr/bin/chromium, /usr/bin/chromedriver "
                           "or selenium is missing")
    pytest.skip("no Chromium/chromedriver/selenium here", allow_module_level=True)


@pytest.fixture(scope="module")
def driver():
    d = browser.start()
    yield d
    browser.stop(d)


@pytest.fixture(scope="module")
def sample_page(sample_dir) -> Path:
    return sample_dir / "graph.html"


def severe(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_sample_page_loads_draws_and_logs_no_error(driver, sample_page, tmp_path):
    driver.get_log("browser")
    browser.open_page(driver, sample_page)
    assert severe(driver) == []
    assert browser.painted_pixels(driver, at_least=2001) > 2000
    shot = tmp_path / "sample.png"
    driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 20000
    if os.environ.get("KG_UPDATE_SCREENSHOT"):
        shutil.copy(shot, ROOT / "docs" / "screenshot.png")


def test_unticking_a_category_hides_its_nodes(driver, sample_page):
    browser.open_page(driver, sample_page)
    box = driver.find_element("css selector", "#legend input[data-category='Park']")
    box.click()
    hidden = driver.execute_script(
        "return kg.nodes.get().filter(function (n) { return n.group === 'Park'; }).map(function (n) { return n.hidden; })")
    assert hidden and all(hidden)
    others = driver.execute_script(
        "return kg.nodes.get().filter(function (n) { return n.group === 'Village'; }).map(function (n) { return n.hidden; })")
    assert others and not any(others)
    box.click()
    assert not any(driver.execute_script("return kg.nodes.get().map(function (n) { return n.hidden; })"))


def test_search_focuses_a_node_by_any_of_its_names(driver, sample_page):
    browser.open_page(driver, sample_page)
    search = driver.find_element("id", "search")
    search.send_keys("省妇幼保健院\n")  # an alternative name of 省妇幼保健院新院区
    driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", search)
    selected = driver.execute_script("return kg.network.getSelectedNodes()")
    assert len(selected) == 1 and "/hospital/" in selected[0]
    panel = driver.find_element("id", "panel")
    assert panel.is_displayed() and "省妇幼保健院新院区" in panel.text


def test_clicking_a_node_shows_its_evidence(driver, sample_page):
    from selenium.webdriver.common.action_chains import ActionChains

    browser.open_page(driver, sample_page)
    node = driver.execute_script(
        "return kg.nodes.get().filter(function (n) { return n.label === '中山公园'; })[0].id")
    driver.execute_script("kg.network.focus(arguments[0], {scale: 2.0})", node)
    x, y = driver.execute_script("""
        var p = kg.network.canvasToDOM(kg.network.getPosition(arguments[0]));
        var r = document.getElementById('network').getBoundingClientRect();
        return [p.x - r.width / 2, p.y - r.height / 2];""", node)
    ActionChains(driver).move_to_element_with_offset(
        driver.find_element("id", "network"), int(x), int(y)).click().perform()
    panel = driver.find_element("id", "panel")
    assert panel.is_displayed()
    assert "中山公园" in panel.text and "老城商埠片区中山公园项目建设" in panel.text
    assert driver.find_element("css selector", "#panel mark").text == "中山公园"
    assert "jinan-shizhong-2025" in panel.text


def test_document_filter(driver, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("市中区推进中山公园建设。", encoding="utf-8")
    b.write_text("青秀区推进五象新区建设，启动那洪村改造。", encoding="utf-8")
    Pipeline().build([tmp_path]).write(tmp_path / "out")
    browser.open_page(driver, tmp_path / "out" / "graph.html")
    driver.execute_script("var s = document.getElementById('doc'); s.value = 'b'; s.dispatchEvent(new Event('change'));")
    shown = driver.execute_script(
        "return kg.nodes.get().filter(function (n) { return !n.hidden; }).map(function (n) { return n.label; })")
    assert "那洪村" in shown and "中山公园" not in shown


PAYLOADS = ['<img src=x onerror="window.__pwned=1">', "<script>window.__pwned=2</script>",
            "</script><script>window.__pwned=3</script>", "<svg onload=window.__pwned=4>",
            "javascript:window.__pwned=5"]


def test_no_payload_from_the_input_runs(driver, tmp_path):
    doc = tmp_path / "hostile.txt"
    lines = [f"推进“{p}”行动，建设{p}产业园。" for p in PAYLOADS]
    lines += [f"{p}医院扩建工程启动。" for p in PAYLOADS]
    doc.write_text("\n".join(lines) + "\n市中区实施“<b>五床联动</b>”试点。\n", encoding="utf-8")
    graph = Pipeline().build([doc], title=PAYLOADS[2])
    # A graph file may come from anywhere (kg view renders any Turtle): put every
    # payload into labels, names and document titles too.
    g = graph.graph
    things = sorted(set(g.subjects(SKOS.prefLabel, None)))
    for node, payload in zip(things, PAYLOADS * 3):
        g.set((node, SKOS.prefLabel, Literal(payload)))
        g.add((node, SKOS.altLabel, Literal(payload + "别名")))
    for d in g.subjects(RDF.type, KG.Document):
        g.set((d, RDFS.label, Literal(PAYLOADS[0])))
    hostile = tmp_path / "hostile.ttl"
    g.serialize(hostile, format="turtle")
    KnowledgeGraph.load(hostile).write(tmp_path / "out")
    driver.get_log("browser")
    browser.open_page(driver, tmp_path / "out" / "graph.html")
    for node in driver.execute_script("return kg.nodes.getIds()"):
        driver.execute_script("kg.show(arguments[0])", node)
    search = driver.find_element("id", "search")
    search.send_keys("<img src=x onerror=window.__pwned=6>\n")
    driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", search)
    assert driver.execute_script("return window.__pwned") is None
    labels = driver.execute_script("return kg.nodes.get().map(function (n) { return n.label; })")
    assert any("<script>" in label or "<img" in label or "<svg" in label for label in labels)
    assert severe(driver) == []


def test_a_large_graph_is_laid_out_before_it_reaches_the_browser(driver, tmp_path):
    """Above 600 nodes positions come from Python and physics is off: the page only draws."""
    names = [a + b for a in "安宝北昌长城川春大德东丰福富高广海汉和河红华化黄吉嘉江金锦京"
             for b in "景康乐力利连林龙隆梅民明南宁平普齐青庆荣瑞山尚胜盛石顺泰天通"]
    lines = [f"市中区推进{names[i]}片区{names[i + 1]}产业园建设，启动{names[i + 2]}村改造。"
             for i in range(0, len(names) - 3, 3)]
    doc = tmp_path / "large.txt"
    doc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    Pipeline().build([doc]).write(tmp_path / "out")
    page = tmp_path / "out" / "graph.html"
    browser.open_page(driver, page, timeout=30)
    assert driver.execute_script("return kg.nodes.length") > 600
    assert driver.execute_script("return kg.network.physics.physicsEnabled") is False
    assert browser.painted_pixels(driver, at_least=301) > 300
    shown = driver.execute_script("return kg.nodes.get().filter(function (n) { return !n.hidden; }).length")
    assert 0 < shown < driver.execute_script("return kg.nodes.length")  # leaves start hidden

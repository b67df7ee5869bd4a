"""The HTML page: offline, and no text from the input ever runs."""
from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from kg.pipeline import Pipeline
from kg.render import script_json

from .conftest import SAMPLE

PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "</script><script>alert(3)</script>",
            "<!--", "href"]


def test_page_loads_nothing_from_the_network(sample_dir):
    html = (sample_dir / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html)
    assert not re.search(r"@import|url\(\s*['\"]?https?:", html)
    assert "vis.Network" in html


def test_page_has_legend_data_sizes_and_evidence(sample_dir):
    html = (sample_dir / "graph.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    cats = {c["category"] for c in data["legend"]}
    assert {"Park", "Hospital", "Village", "Indicator"} <= cats
    park = next(n for n in data["nodes"] if n["label"] == "中山公园")
    assert park["categoryName"] == "园区" and park["evidence"]
    assert "老城商埠片区中山公园" in park["evidence"][0][0]
    assert max(n["value"] for n in data["nodes"]) > 2  # sized by degree


def test_hostile_labels_stay_text(tmp_path):
    doc = tmp_path / "hostile.txt"
    doc.write_text("".join(f"推进“{p}”行动，建设{p}产业园。" for p in PAYLOADS)
                   + "市中区实施“<b>五床联动</b>”试点。", encoding="utf-8")
    graph = Pipeline().build([doc])
    graph.write(tmp_path / "out")
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    data_block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data_block and ">" not in data_block
    benign = Pipeline().build([SAMPLE]).write(tmp_path / "benign")[1].read_text(encoding="utf-8")
    assert html.count("<script") == benign.count("<script")
    assert html.count("</script>") == benign.count("</script>") == 3
    for p in PAYLOADS[:3]:
        assert p not in html


@given(st.text())
def test_script_json_round_trips_and_cannot_close_the_block(text):
    out = script_json({"label": text})
    assert "<" not in out and ">" not in out
    assert json.loads(out) == {"label": text}

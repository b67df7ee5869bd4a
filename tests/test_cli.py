"""Every command through click's runner, as a user would type it."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import SAMPLE


@pytest.fixture()
def run():
    runner = CliRunner()

    def _run(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    return _run


@pytest.mark.parametrize("command", ["build", "add", "remove", "documents", "query", "export", "view", "stats",
                                     "evaluate"])
def test_every_command_has_help(run, command):
    r = run(command, "--help")
    assert r.exit_code == 0 and "Example" in r.output


def test_build_writes_turtle_and_html_and_prints_a_summary(run, tmp_path):
    r = run("build", SAMPLE, "--out", tmp_path)
    assert r.exit_code == 0
    assert (tmp_path / "graph.ttl").exists() and (tmp_path / "graph.html").exists()
    line = r.output.strip().splitlines()[-1]
    assert "1 documents" in line and "园区" in line and "targets: 13" in line and "triples" in line


def test_build_a_folder_and_a_gbk_file(run, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gbk"))
    (folder / "b.txt").write_text("南宁市青秀区推进五象新区建设，新增城镇就业1万人。", encoding="utf-8")
    r = run("build", folder, "--out", tmp_path / "out")
    assert r.exit_code == 0 and "2 documents" in r.output


@pytest.mark.parametrize("content,message", [
    (None, "no such file"),
    (b"", "empty"),
    (b"\x00\x01\x02\x89PNG" * 20, "binary"),
    ("市中区".encode() + b"\x80\xff\xfe\x81" * 40, "decode"),
])
def test_bad_input_is_one_line_and_non_zero(run, tmp_path, content, message):
    p = tmp_path / "in.txt"
    if content is not None:
        p.write_bytes(content)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous graph", encoding="utf-8")
    r = run("build", p, "--out", out)
    assert r.exit_code == 1
    assert message in r.output and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous graph"


def test_query_saved_and_inline(run, sample_dir):
    graph = sample_dir / "graph.ttl"
    r = run("query", "--list", graph)
    assert "targets" in r.output and "hospitals" in r.output
    r = run("query", graph, "hospitals", "--format", "json")
    rows = json.loads(r.output)
    assert {"省妇幼保健院新院区", "省职业病医院", "中医大二附院"} <= {x["hospital"] for x in rows}
    assert all(x["sentence"] for x in rows)
    r = run("query", graph, "targets", "--format", "csv")
    assert "新增城镇就业,20000," in r.output
    r = run("query", graph, "category", "--param", "category=Village")
    assert "朱家庄" in r.output and "王官庄" in r.output
    r = run("query", graph, "located-in", "--param", "place=老城商埠片区")
    assert "中山公园" in r.output
    r = run("query", graph, "industries-by-region")
    assert "低空经济" in r.output
    r = run("query", graph, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Park }", "--format", "json")
    assert json.loads(r.output)[0]["n"] == "7"


def test_query_errors_are_one_line(run, sample_dir):
    r = run("query", sample_dir / "graph.ttl", "SELECT WHERE {")
    assert r.exit_code == 1 and "SPARQL" in r.output
    r = run("query", sample_dir / "graph.ttl", "category")
    assert r.exit_code == 1 and "--param category" in r.output
    r = run("query", sample_dir / "missing.ttl", "targets")
    assert r.exit_code == 1 and "no such graph" in r.output


@pytest.mark.parametrize("fmt,needle", [("turtle", "kg:Park"), ("nt", "<https://w3id.org/kgcn/ontology#Park>"),
                                        ("jsonld", "\"@id\""), ("graphml", "<graphml"), ("csv", "中山公园")])
def test_export_formats(run, sample_dir, tmp_path, fmt, needle):
    out = tmp_path / f"g.{fmt}"
    r = run("export", sample_dir / "graph.ttl", "--format", fmt, "-o", out)
    assert r.exit_code == 0
    assert needle in out.read_text(encoding="utf-8")


def test_graphml_opens_in_networkx(run, sample_dir, tmp_path):
    import networkx as nx
    out = tmp_path / "g.graphml"
    run("export", sample_dir / "graph.ttl", "--format", "graphml", "-o", out)
    G = nx.read_graphml(out)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert "中山公园" in labels and G.number_of_edges() > 10


def test_view_rewrites_the_page(run, sample_dir, tmp_path):
    folder = tmp_path / "jinan-shizhong-2025"
    folder.mkdir()
    (folder / "graph.ttl").write_bytes((sample_dir / "graph.ttl").read_bytes())
    r = run("view", folder / "graph.ttl", "--no-open")
    assert r.exit_code == 0 and r.output.strip() == str(folder / "graph.html")
    assert (folder / "graph.html").read_bytes() == (sample_dir / "graph.html").read_bytes()


def test_stats(run, sample_dir):
    r = run("stats", sample_dir / "graph.ttl")
    assert r.exit_code == 0
    assert "Hospital" in r.output and "most central" in r.output and "市中区" in r.output


def test_user_lexicon(run, tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("推进青岛蓝谷建设。", encoding="utf-8")
    lex = tmp_path / "lex.tsv"
    lex.write_text("# my terms\n青岛蓝谷\tPark\n", encoding="utf-8")
    r = run("build", text, "--out", tmp_path / "o", "--lexicon", lex)
    assert r.exit_code == 0 and "园区 1" in r.output
    lex.write_text("青岛蓝谷\tPlace\n", encoding="utf-8")
    r = run("build", text, "--out", tmp_path / "o", "--lexicon", lex)
    assert r.exit_code == 1 and "line 1" in r.output and "unknown category" in r.output


def test_evaluate(run, sample_dir, tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"entities": [
        {"text": "中山公园", "type": "Park"}, {"text": "朱家庄", "type": "Village"},
        {"text": "不存在的园区", "type": "Park"}],
        "targets": [{"text": "新增城镇就业2万人", "value": 20000, "unit": "人", "keyword": "就业"}],
        "relations": [{"head": "中山公园", "type": ["locatedIn"], "tail": "朱家庄"}]}), encoding="utf-8")
    r = run("evaluate", sample_dir / "graph.ttl", "--gold", gold, "--format", "json")
    data = json.loads(r.output)
    assert data["entities"]["typed"]["r"] == pytest.approx(2 / 3)
    assert data["targets"]["r"] == 1.0 and data["relations"]["recall_typed"] == 0.0
    assert "不存在的园区" in data["entities"]["missed"]
    r = run("evaluate", sample_dir / "graph.ttl", "--gold", gold)
    assert "entities typed" in r.output and "Park" in r.output
    gold.write_text("{not json", encoding="utf-8")
    r = run("evaluate", sample_dir / "graph.ttl", "--gold", gold)
    assert r.exit_code == 1 and "line 1" in r.output


def test_a_broken_graph_file_is_one_line(run, tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("garbage <<\n", encoding="utf-8")
    r = run("stats", bad)
    assert r.exit_code == 1 and "not a valid turtle file" in r.output
    assert len(r.output.strip().splitlines()) == 1

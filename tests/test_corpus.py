"""A corpus on disk: reports added and removed one at a time give what a build from
scratch gives, and no failure or interruption leaves a corpus half changed."""
from __future__ import annotations

import json
import os
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.corpus import Corpus, CorpusError
from kg.errors import GraphFileError
from kg.formats import GraphFormat

from .conftest import DATA

HOMONYMS = DATA / "homonyms"
# real reports of one province (山东), and one from elsewhere
A = [DATA / "dev" / "taian-2024.txt", HOMONYMS / "jinan-shizhong-2024.txt"]
B = [DATA / "dev" / "zibo-2024.txt", DATA / "unseen" / "rizhao-2024.txt", HOMONYMS / "zaozhuang-shizhong-2024.txt"]


def nquads(folder) -> str:
    return Corpus.open(folder).knowledge_graph().serialize(GraphFormat.NQUADS)


def files(folder) -> dict[str, bytes]:
    """Every file of a corpus folder but the store's own, which RocksDB lays out as it likes."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name != ".kg-lock"}


@pytest.fixture(scope="module")
def built(pipeline, tmp_path_factory):
    """build(A + B) in one process, and build(A) + add(B) in two worker processes."""
    whole = tmp_path_factory.mktemp("whole")
    Corpus.build(whole, A + B, pipeline=pipeline, workers=1)
    step = tmp_path_factory.mktemp("step")
    corpus, _ = Corpus.build(step, A, pipeline=pipeline, workers=2)
    change = corpus.add(B, pipeline=pipeline, workers=2)
    return whole, step, change


def test_building_at_once_equals_adding_one_at_a_time_with_any_number_of_workers(built):
    whole, step, change = built
    assert change.added == [p.name for p in B]
    assert nquads(whole) == nquads(step)
    assert (whole / "graph.ttl").read_bytes() == (step / "graph.ttl").read_bytes()
    assert (whole / "graph.html").read_bytes() == (step / "graph.html").read_bytes()


def test_remove_undoes_add(built, pipeline, tmp_path):
    _, step, _ = built
    folder = tmp_path / "c"
    shutil.copytree(step, folder)
    change = Corpus.open(folder).remove(["zibo-2024.txt", "rizhao-2024", "zaozhuang-shizhong-2024"])
    assert sorted(change.removed) == sorted(p.name for p in B)
    only_a = tmp_path / "a"
    Corpus.build(only_a, A, pipeline=pipeline)
    assert nquads(folder) == nquads(only_a)
    # nothing only the removed reports named is left: 淄博's 齐长城 goes, 泰安's 泰山 stays
    kg = Corpus.open(folder).knowledge_graph()
    labels = {str(r.l) for r in kg.query("SELECT ?l WHERE { ?n skos:prefLabel ?l }")}
    assert "淄博市" not in labels and "泰安市" in labels


def test_an_unchanged_file_is_skipped_and_a_changed_one_replaces_its_document(pipeline, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    report = src / "jinan-shizhong-2024.txt"
    shutil.copy(HOMONYMS / report.name, report)
    folder = tmp_path / "c"
    corpus, _ = Corpus.build(folder, [report], pipeline=pipeline)
    before = files(folder)
    change = corpus.add([report], pipeline=pipeline)
    assert change.unchanged == [report.name] and not change.added
    assert files(folder) == before  # nothing rewritten
    report.write_text(report.read_text(encoding="utf-8").replace("1.5万人", "2万人"), encoding="utf-8")
    change = corpus.add([report], pipeline=pipeline)
    assert change.replaced == [report.name]
    docs = corpus.documents()
    assert len(docs) == 1
    rebuilt = tmp_path / "r"
    Corpus.build(rebuilt, [report], pipeline=pipeline)
    assert nquads(folder) == nquads(rebuilt)


def test_the_same_report_twice_is_read_once(pipeline, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(HOMONYMS / "yantai-2024.txt", src / "a.txt")
    shutil.copy(HOMONYMS / "yantai-2024.txt", src / "b.txt")
    _, change = Corpus.build(tmp_path / "c", [src], pipeline=pipeline)
    assert change.added == ["a.txt"] and change.duplicates == ["b.txt"]


def test_documents_are_named_graphs_and_the_corpus_graph_holds_the_rest(built):
    whole, _, _ = built
    kg = Corpus.open(whole).knowledge_graph()
    docs = kg.documents()
    assert len(docs) == len(A + B)
    graphs = {str(r.g) for r in kg.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {d.iri for d in docs} | {"https://w3id.org/kgcn/resource/corpus"}
    for d in docs:
        assert d.iri.endswith("/doc/" + d.sha256[:16])
    trig = kg.serialize(GraphFormat.TRIG)
    dataset = ox.Dataset(ox.parse(trig, format=ox.RdfFormat.TRIG))
    assert len(dataset) == len(ox.Dataset(ox.parse(kg.serialize(GraphFormat.NQUADS), format=ox.RdfFormat.N_QUADS)))


def test_one_document_exports_with_what_the_corpus_knows_of_its_things(built):
    whole, _, _ = built
    kg = Corpus.open(whole).knowledge_graph()
    doc = next(d for d in kg.documents() if d.path == "zaozhuang-shizhong-2024.txt")
    text = kg.serialize(GraphFormat.NQUADS, document=doc.iri)
    assert "枣庄市" in text and "泰安" not in text
    assert '"370402"' in text  # the district's code, from the corpus graph


def test_a_failed_change_leaves_the_corpus_as_it_was(built, pipeline, tmp_path, monkeypatch):
    _, step, _ = built
    folder = tmp_path / "c"
    shutil.copytree(step, folder)
    before = files(folder)
    snapshot = nquads(folder)

    def boom(self):
        raise KeyboardInterrupt  # Ctrl-C while the page is written

    monkeypatch.setattr("kg.knowledge.KnowledgeGraph.render", boom)
    with pytest.raises(KeyboardInterrupt):
        Corpus.open(folder).remove(["taian-2024.txt"])
    with pytest.raises(KeyboardInterrupt):
        Corpus.build(folder, A[:1], pipeline=pipeline)
    assert files(folder) == before and nquads(folder) == snapshot
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".") and p.name != ".kg-lock"]
    assert leftovers == []
    assert len([p for p in folder.iterdir() if p.name.startswith("store-")]) == 1


def test_a_bad_input_file_stops_a_build_before_it_changes_anything(built, tmp_path):
    _, step, _ = built
    folder = tmp_path / "c"
    shutil.copytree(step, folder)
    before = files(folder)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = CliRunner().invoke(main, ["add", str(folder), str(A[0]), str(bad)])
    assert r.exit_code == 1 and "empty" in r.output and len(r.output.strip().splitlines()) == 1
    assert files(folder) == before


def test_one_change_at_a_time(built, tmp_path):
    _, step, _ = built
    folder = tmp_path / "c"
    shutil.copytree(step, folder)
    import fcntl
    with open(folder / ".kg-lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(CorpusError, match="another kg command"):
            Corpus.open(folder).remove(["taian-2024.txt"])


@pytest.mark.parametrize("kind", ["file", "under-a-file", "readonly"])
def test_a_bad_out_is_one_line(tmp_path, kind):
    out = tmp_path / "out"
    if kind == "file":
        out.write_text("not a folder", encoding="utf-8")
    elif kind == "under-a-file":
        (tmp_path / "f").write_text("x", encoding="utf-8")
        out = tmp_path / "f" / "out"
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes in read-only folders")
        out.mkdir()
        out.chmod(0o500)
    r = CliRunner().invoke(main, ["build", str(HOMONYMS / "yantai-2024.txt"), "--out", str(out)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1 and str(out) in r.output


def test_a_folder_that_is_not_a_corpus(tmp_path):
    with pytest.raises(CorpusError, match="not a corpus"):
        Corpus.open(tmp_path)
    (tmp_path / "corpus.json").write_text(json.dumps({"kind": "kg corpus", "version": 1, "store": "store-9"}))
    with pytest.raises(CorpusError, match="missing"):
        Corpus.open(tmp_path)
    r = CliRunner().invoke(main, ["add", str(tmp_path / "nowhere"), str(A[0])])
    assert r.exit_code == 1 and "not a corpus" in r.output


def test_unknown_and_ambiguous_documents(built):
    _, step, _ = built
    corpus = Corpus.open(step)
    with pytest.raises(CorpusError, match="no document"):
        corpus.remove(["nanjing-2024.txt"])
    with pytest.raises(CorpusError):
        corpus.remove([""])


def test_commands_report_every_phase_and_its_time(tmp_path, monkeypatch):
    """Progress lines reach stderr even when it is no terminal, and the summary gives each phase's time."""
    monkeypatch.setattr("kg.cli._Feedback.EVERY", 0.0)
    out = tmp_path / "c"
    r = CliRunner().invoke(main, ["build", *map(str, A), "--out", str(out)])
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert lines[-1].startswith(f"{out}: 2 documents")
    took = next(line for line in lines if line.startswith("took "))
    for phase in ("reading", "extraction", "resolution", "store", "turtle", "page"):
        assert phase in took
    assert any("] extraction" in line or "] reading" in line for line in lines)
    r = CliRunner().invoke(main, ["add", str(out), str(B[0])])
    assert r.exit_code == 0 and "added 1" in r.output.strip().splitlines()[-1]
    r = CliRunner().invoke(main, ["documents", str(out), "--format", "json"])
    assert {d["path"] for d in json.loads(r.output)} == {p.name for p in A} | {B[0].name}
    r = CliRunner().invoke(main, ["remove", str(out), B[0].name])
    assert r.exit_code == 0 and "removed 1" in r.output


def test_a_graph_file_is_still_a_graph(tmp_path, built):
    """kg query, export and stats take a graph file (Turtle, TriG…) as well as a corpus."""
    whole, _, _ = built
    trig = tmp_path / "g.trig"
    r = CliRunner().invoke(main, ["export", str(whole), "--format", "trig", "-o", str(trig)])
    assert r.exit_code == 0
    r = CliRunner().invoke(main, ["query", str(trig), "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g {} }",
                                  "--format", "json"])
    assert json.loads(r.output)[0]["n"] == str(len(A + B) + 1)
    with pytest.raises(GraphFileError):
        from kg.knowledge import KnowledgeGraph
        KnowledgeGraph.load(tmp_path / "missing.trig")


def test_an_export_that_cannot_be_written_is_one_line(built, tmp_path):
    whole, _, _ = built
    (tmp_path / "f").write_text("x", encoding="utf-8")
    (tmp_path / "d").mkdir()
    for target in (tmp_path / "f" / "g.ttl", tmp_path / "d"):
        r = CliRunner().invoke(main, ["export", str(whole), "--format", "turtle", "-o", str(target)])
        assert r.exit_code == 1 and "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1
    assert (tmp_path / "f").read_text(encoding="utf-8") == "x" and list((tmp_path / "d").iterdir()) == []


def test_a_large_corpus_gets_graph_ttl_and_its_page_on_demand(pipeline, tmp_path, monkeypatch):
    folder = tmp_path / "c"
    corpus, change = Corpus.build(folder, A[:1], pipeline=pipeline)
    assert (folder / "graph.ttl").exists() and not change.notes
    monkeypatch.setattr("kg.corpus.OUTPUTS_UP_TO", 100)
    change = corpus.add(B[:1], pipeline=pipeline)
    assert not (folder / "graph.ttl").exists() and "kg export" in change.notes[0]
    assert not (folder / "graph.html").exists() and "kg view" in change.notes[1]
    monkeypatch.setattr("kg.export.STREAM_ABOVE", 100)  # and the export streams from the store
    streamed = Corpus.open(folder).knowledge_graph()
    for fmt in (GraphFormat.TURTLE, GraphFormat.TRIG, GraphFormat.NQUADS):
        out = tmp_path / f"x{fmt.extension}"
        r = CliRunner().invoke(main, ["export", str(folder), "--format", fmt.value, "-o", str(out)])
        assert r.exit_code == 0
        parsed = set(ox.parse(path=str(out), format=fmt.oxigraph))
        if fmt.keeps_graphs:
            assert parsed == set(streamed.store.quads())
        else:
            assert {(t.subject, t.predicate, t.object) for t in parsed} == \
                {(q.subject, q.predicate, q.object) for q in streamed.store.quads()}

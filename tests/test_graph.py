"""The RDF graph: evidence, stable IRIs, byte-identical output, the committed sample."""
from __future__ import annotations

import os
import subprocess
import sys

from rdflib import RDF, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg import KnowledgeGraph
from kg.vocab import CATEGORIES, KG

from .conftest import ROOT, SAMPLE

COMMITTED = ROOT / "output" / "jinan-shizhong-2025"


def things(g: Graph):
    return [s for c in CATEGORIES for s in g.subjects(RDF.type, getattr(KG, c))]


def test_every_thing_has_a_mention_with_sentence_document_and_offsets(sample_graph):
    g = sample_graph.graph
    for node in things(g):
        mentions = list(g.subjects(KG.mentionOf, node))
        assert mentions, node
        for m in mentions:
            sent = g.value(m, KG.inSentence)
            assert g.value(m, KG.inDocument) is not None
            assert int(g.value(m, KG.startOffset)) < int(g.value(m, KG.endOffset))
            assert str(g.value(m, KG.text)) in str(g.value(sent, KG.text))


def test_relations_have_evidence(sample_graph):
    g = sample_graph.graph
    for rm in g.subjects(RDF.type, KG.RelationMention):
        s, p, o = g.value(rm, RDF.subject), g.value(rm, RDF.predicate), g.value(rm, RDF.object)
        assert (s, p, o) in g
        assert g.value(g.value(rm, KG.inSentence), KG.text) is not None


def test_other_names_are_alt_labels_of_one_node(sample_graph):
    g = sample_graph.graph
    alts = {str(o) for o in g.objects(None, SKOS.altLabel)}
    assert {"省妇幼保健院", "山东省妇幼保健院", "华润片区", "济南"} <= alts
    hosp = {s for s in g.subjects(SKOS.altLabel, None) if any(str(o) == "省妇幼保健院" for o in g.objects(s, SKOS.altLabel))}
    assert len(hosp) == 1


def test_iris_are_readable_and_stable(sample_graph):
    """A thing's IRI reads as its scope and name (市中区 中山公园); a division's is its code."""
    iris = {str(s) for s in sample_graph.graph.subjects(RDF.type, KG.Park)}
    assert any("/park/shi-zhong-qu-zhong-shan-gong-yuan-" in i for i in iris)
    divisions = {str(s) for s in sample_graph.graph.subjects(RDF.type, KG.AdministrativeArea)}
    assert "https://w3id.org/kgcn/resource/division/370103" in divisions


def test_turtle_is_byte_identical_across_hash_seeds(tmp_path):
    outs = []
    for seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLE), "--out", str(out)],
                       check=True, env=env, capture_output=True)
        outs.append((out / "graph.ttl").read_bytes())
    assert outs[0] == outs[1]


def test_committed_sample_output_is_what_the_code_builds(sample_dir):
    """output/ holds the sample graph for people who have not installed kg; keep it current."""
    built = (sample_dir / "graph.ttl").read_text(encoding="utf-8")
    committed = (COMMITTED / "graph.ttl").read_text(encoding="utf-8")
    assert isomorphic(Graph().parse(data=built, format="turtle"),
                      Graph().parse(data=committed, format="turtle"))
    assert built == committed, "run: kg build examples/jinan-shizhong-2025.txt"
    assert (sample_dir / "graph.html").read_bytes() == (COMMITTED / "graph.html").read_bytes()


def test_load_round_trip(sample_dir):
    loaded = KnowledgeGraph.load(sample_dir / "graph.ttl")
    again = Graph().parse(data=loaded.serialize(), format="turtle")
    assert isomorphic(loaded.graph, again)

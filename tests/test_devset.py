"""Quality on real passages of reports and news from other places must not drop.

tests/data/dev holds passages the rules were improved on; tests/data/holdout
passages kg was first measured on unseen. tests/data/scores.json records the
scores of each (scripts/devscores.py --update writes it after an improvement).
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from kg.evaluate import evaluate, load_gold

from .conftest import DATA, ROOT, SAMPLE

FLOORS = json.loads((DATA / "scores.json").read_text(encoding="utf-8"))
PASSAGES = sorted(p for folder in ("dev", "holdout", "unseen") for p in (DATA / folder).glob("*.json"))
SHARED = ROOT.parent / "shared"


def test_every_passage_has_a_floor_and_a_source():
    assert len(PASSAGES) >= 8
    for gold in PASSAGES:
        assert gold.stem in FLOORS
        data = load_gold(gold)
        assert data.get("source") and data.get("level") in ("province", "city", "district", "county")
        assert gold.with_suffix(".txt").exists()


@pytest.mark.parametrize("gold", PASSAGES, ids=lambda p: p.stem)
def test_passage_scores_do_not_drop(pipeline, gold):
    result = evaluate(pipeline.build([gold.with_suffix(".txt")]).graph, load_gold(gold))
    floor = FLOORS[gold.stem]
    got = {"entity_f1": result.entities["typed"]["f1"], "target_f1": result.targets["f1"],
           "relation_recall": result.relations["recall_typed"], "evidence": result.evidence["share"]}
    for metric, value in got.items():
        assert value >= floor[metric] - 0.001, f"{gold.stem} {metric}: {value:.3f} < {floor[metric]:.3f}"


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared not beside the checkout")
def test_kg_evaluate_agrees_with_the_shared_scorer(sample_graph):
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    gold = load_gold(SHARED / "gold" / f"{SAMPLE.stem}.json")
    theirs = shared.score(gold, sample_graph.graph)
    ours = evaluate(sample_graph.graph, gold)
    assert ours.entities["typed"] == pytest.approx(theirs["entities"]["typed"])
    assert ours.targets["f1"] == pytest.approx(theirs["targets"]["f1"])
    assert ours.relations["recall_typed"] == pytest.approx(theirs["relations"]["recall_typed"])
    assert ours.evidence["share"] == pytest.approx(theirs["evidence"]["share"])


def test_sample_meets_the_bar(sample_graph):
    gold = load_gold(SHARED / "gold" / f"{SAMPLE.stem}.json") if SHARED.exists() else None
    if gold is None:
        pytest.skip("../shared not beside the checkout")
    r = evaluate(sample_graph.graph, gold)
    assert r.entities["typed"]["f1"] >= 0.85 and r.targets["f1"] >= 0.90
    assert r.relations["recall_typed"] >= 0.60 and r.evidence["share"] >= 0.95
    # and no lower than it is now (typed entity F1 0.993: one spurious, 医疗康养)
    assert r.entities["typed"]["f1"] >= 0.992 and r.targets["f1"] == 1.0
    assert r.relations["recall_typed"] == 1.0 and r.evidence["share"] == 1.0

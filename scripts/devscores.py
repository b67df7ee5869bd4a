"""Score kg on every annotated passage under tests/data and print a table.

    python scripts/devscores.py            # the table (markdown)
    python scripts/devscores.py --update   # also record the scores as the floors tests hold to

The floors (tests/data/scores.json) are what tests/test_devset.py checks: a
change that lowers any passage's score below its floor fails the tests.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
FLOORS = DATA / "scores.json"
METRICS = ("entity_f1", "target_f1", "relation_recall", "evidence")


def passages() -> list[tuple[str, Path, Path]]:
    """(set, text, gold) for each annotated passage: dev (tuned on), holdout (seen
    once after scoring) and unseen (scored only, never inspected)."""
    out = []
    for folder in ("dev", "holdout", "unseen"):
        for gold in sorted((DATA / folder).glob("*.json")):
            out.append((folder, gold.with_suffix(".txt"), gold))
    return out


def score_all(pipeline=None) -> dict[str, dict]:
    from kg.evaluate import evaluate, load_gold
    from kg.pipeline import Pipeline

    pipeline = pipeline or Pipeline()
    scores = {}
    for folder, text, gold in passages():
        result = evaluate(pipeline.build([text]).graph, load_gold(gold))
        scores[text.stem] = {
            "set": folder,
            "entity_f1": round(result.entities["typed"]["f1"], 3),
            "target_f1": round(result.targets["f1"], 3),
            "relation_recall": round(result.relations["recall_typed"], 3),
            "evidence": round(result.evidence["share"], 3),
        }
    return scores


def table(scores: dict[str, dict]) -> str:
    lines = ["| passage | set | entity F1 (typed) | target F1 | relation recall (typed) | evidence |",
             "|---|---|---|---|---|---|"]
    for name, s in scores.items():
        lines.append(f"| {name} | {s['set']} | " + " | ".join(f"{s[m]:.3f}" for m in METRICS) + " |")
    for folder in ("dev", "holdout", "unseen"):
        rows = [s for s in scores.values() if s["set"] == folder]
        if rows:
            means = [sum(r[m] for r in rows) / len(rows) for m in METRICS]
            lines.append(f"| **mean** | {folder} | " + " | ".join(f"**{x:.3f}**" for x in means) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="write the scores to tests/data/scores.json")
    args = ap.parse_args(argv)
    scores = score_all()
    print(table(scores))
    if args.update:
        FLOORS.write_text(json.dumps(scores, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {FLOORS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

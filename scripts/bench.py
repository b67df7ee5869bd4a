"""Benchmark: a corpus of the project's test passages, and throughput on one large text.

    python scripts/bench.py [--mb 2] [--json FILE] [--skip-throughput]

1. Corpus (tests/data/{dev,holdout,unseen}/*.txt, about 100 real reports):
   ``kg build`` into a fresh folder, timed per phase, beside ``jieba.lcut`` on the
   same text in the same process; the store's size on disk and its triples; ``kg add``
   and ``kg remove`` of one report; every saved query run on the store (opened
   read-only, as ``kg query`` does), and the same queries on rdflib's memory store
   for comparison.
2. Throughput: the sample repeated into one document of about ``--mb`` megabytes,
   built in memory, against ``jieba.lcut`` and ``jieba.posseg.lcut`` on the same text.

Times are wall-clock seconds on this machine; ratios against jieba measured in the
same run compare across machines. Peak memory is the process's maximum RSS so far.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
PARAMS = {"category": {"category": "Park"}, "located-in": {"place": "高新区"},
          "metric": {"metric": "地区生产总值"}, "developing": {"industry": "新能源汽车"},
          "years": {"region": "市中区", "year1": "2024", "year2": "2025"}}


RDFLIB_LIMIT = 60  # seconds: rdflib's SPARQL stalls on some joins; it is stopped there


class _Slow(Exception):
    pass


def rdflib_time(graph, sparql: str):
    """Seconds rdflib takes for ``sparql``, or None past ``RDFLIB_LIMIT`` (rdflib is pure
    Python, so an alarm stops it)."""
    def stop(*_):
        raise _Slow()

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(RDFLIB_LIMIT)
    t = time.perf_counter()
    try:
        len(graph.query(sparql))
        return time.perf_counter() - t
    except _Slow:
        return None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def corpus_bench(tmp: Path) -> dict:
    import jieba
    from rdflib import Graph

    from kg.corpus import Corpus
    from kg.pipeline import Pipeline
    from kg.query import PREFIXES, fill, run_query, saved_queries
    from kg.store import GraphStore

    texts = sorted(p for folder in ("dev", "holdout", "unseen") for p in (DATA / folder).glob("*.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in texts)
    mb = sum(p.stat().st_size for p in texts) / 1e6
    out: dict = {"documents": len(texts), "characters": chars, "megabytes": round(mb, 2)}
    print(f"corpus: {len(texts)} test passages, {mb:.1f} MB, {chars:,} characters")

    jieba.setLogLevel(60)
    jieba.initialize()
    pipeline = Pipeline()
    pipeline.extractor.segmenter.tokens("预热")  # dictionaries loaded outside the timings
    t = time.perf_counter()
    for p in texts:
        jieba.lcut(p.read_text(encoding="utf-8"))
    base = time.perf_counter() - t

    folder = tmp / "corpus"
    t = time.perf_counter()
    corpus, change = Corpus.build(folder, texts[:-1], pipeline=pipeline)
    build = time.perf_counter() - t
    out["build_seconds"] = round(build, 2)
    out["build_vs_jieba_lcut"] = round(base / build, 3)
    out["phases"] = {k: round(v, 2) for k, v in change.phases.times.items()}
    t = time.perf_counter()
    add = corpus.add(texts[-1:], pipeline=pipeline)
    out["add_one_seconds"] = round(time.perf_counter() - t, 2)
    out["add_phases"] = {k: round(v, 2) for k, v in add.phases.times.items()}
    t = time.perf_counter()
    corpus.remove([texts[-1].name])
    out["remove_one_seconds"] = round(time.perf_counter() - t, 2)
    corpus.add(texts[-1:], pipeline=pipeline)
    out["store_mb"] = round(folder_mb(corpus.store_path), 2)
    out["turtle_mb"] = round((folder / "graph.ttl").stat().st_size / 1e6, 2)
    out["page_mb"] = round((folder / "graph.html").stat().st_size / 1e6, 2)
    print(f"  jieba.lcut alone          {base:7.2f} s")
    print(f"  kg build                  {build:7.2f} s   {base / build:.2f}x jieba.lcut   ({change.phases.line()})")
    print(f"  kg add one report         {out['add_one_seconds']:7.2f} s   ({add.phases.line()})")
    print(f"  kg remove one report      {out['remove_one_seconds']:7.2f} s")

    t = time.perf_counter()
    store = GraphStore.open(corpus.store_path, read_only=True)
    opened = time.perf_counter() - t
    out["quads"] = len(store)
    out["open_seconds"] = round(opened, 3)
    print(f"  store: {out['store_mb']:.1f} MB on disk, {len(store):,} quads; graph.ttl {out['turtle_mb']:.1f} MB, "
          f"graph.html {out['page_mb']:.1f} MB; opened in {opened * 1000:.0f} ms")

    t = time.perf_counter()
    rdf = Graph().parse(folder / "graph.ttl")
    parse = time.perf_counter() - t
    out["rdflib_parse_seconds"] = round(parse, 2)
    queries = {}
    print(f"  {'saved query':22} {'rows':>6} {'store':>9} {'rdflib':>9}   "
          f"(rdflib parses graph.ttl first: {parse:.1f} s)")
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    for name, q in saved_queries().items():
        text = fill(q, PARAMS.get(name, {}))
        t = time.perf_counter()
        rows = len(run_query(store.store, text))
        fast = time.perf_counter() - t
        slow = rdflib_time(rdf, head + text)
        queries[name] = {"rows": rows, "store_seconds": round(fast, 4),
                         "rdflib_seconds": round(slow, 3) if slow is not None else f"> {RDFLIB_LIMIT} s"}
        shown = f"{slow * 1000:7.0f} ms" if slow is not None else f"> {RDFLIB_LIMIT} s"
        print(f"  {name:22} {rows:6} {fast * 1000:7.0f} ms {shown:>9}")
    out["queries"] = queries
    out["peak_mb"] = round(peak_mb())
    return out


def throughput_bench(mb: float, tmp: Path) -> dict:
    import jieba
    import jieba.posseg

    from kg.formats import GraphFormat
    from kg.pipeline import Pipeline

    source = ROOT / "examples" / "jinan-shizhong-2025.txt"
    sample = source.read_text(encoding="utf-8")
    copies = max(1, int(mb * 1024 * 1024 / len(sample.encode("utf-8"))))
    big = tmp / "bench.txt"
    big.write_text("\n\n".join([sample] * copies), encoding="utf-8")
    text = big.read_text(encoding="utf-8")
    chars = len(text)
    print(f"\nthroughput: {copies} copies of {source.name}, {big.stat().st_size / 1e6:.1f} MB, {chars:,} characters")
    pipeline = Pipeline()
    pipeline.extractor.segmenter.tokens("预热")
    t = time.perf_counter()
    jieba.lcut(text)
    lcut = time.perf_counter() - t
    t = time.perf_counter()
    jieba.posseg.lcut(text)
    posseg = time.perf_counter() - t
    t = time.perf_counter()
    graph = pipeline.build([big])
    build = time.perf_counter() - t
    t = time.perf_counter()
    graph.serialize(GraphFormat.TURTLE)
    ttl = time.perf_counter() - t
    print(f"  jieba.lcut                {lcut:7.1f} s  {chars / lcut:>10,.0f} chars/s")
    print(f"  jieba.posseg.lcut         {posseg:7.1f} s  {chars / posseg:>10,.0f} chars/s   {lcut / posseg:.2f}x lcut")
    print(f"  kg build (in memory)      {build:7.1f} s  {chars / build:>10,.0f} chars/s   {lcut / build:.2f}x lcut, "
          f"{posseg / build:.2f}x posseg   ({graph.phases.line()})")
    print(f"  + Turtle                  {ttl:7.1f} s")
    return {"megabytes": round(big.stat().st_size / 1e6, 2), "characters": chars, "lcut_seconds": round(lcut, 2),
            "posseg_seconds": round(posseg, 2), "build_seconds": round(build, 2), "turtle_seconds": round(ttl, 2),
            "build_vs_lcut": round(lcut / build, 3), "build_vs_posseg": round(posseg / build, 3),
            "phases": {k: round(v, 2) for k, v in graph.phases.times.items()}, "peak_mb": round(peak_mb())}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="size of the throughput text in megabytes (UTF-8)")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--skip-throughput", action="store_true", help="only the corpus of test passages")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        results = {"corpus": corpus_bench(tmp)}
        print(f"  peak memory so far: {results['corpus']['peak_mb']:,} MB")
        if not args.skip_throughput:
            results["throughput"] = throughput_bench(args.mb, tmp)
            print(f"  peak memory: {results['throughput']['peak_mb']:,} MB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

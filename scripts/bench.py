"""Benchmark: kg at corpus scale, every figure against a baseline measured in the same run.

    python scripts/bench.py [--sizes 1,10,30,100] [--load-seconds 60] [--json docs/bench.json]
                            [--png docs/bench.png] [--quick]

1. Throughput: the sample repeated into one ~2 MB text, built in memory (one process),
   against ``jieba.lcut`` and ``jieba.posseg.lcut`` on the same text.
2. Scale: corpora of about 1, 10, 30 and 100 MB made from the test passages with their
   place names varied (each copy draws other divisions of the same level), each built by
   the ``kg build`` command as a user runs it (all cores, default outputs), timed whole,
   with its peak memory, beside a process that runs ``jieba.lcut`` over the same files.
3. On the largest store: every saved query (median of 5, the store opened read-only as
   ``kg query`` does) beside rdflib's memory store on a slice of about a million triples;
   ``kg add`` of one more report; ``kg view --region`` of a focused page, and that page's
   time to interactive in headless Chromium.
4. The endpoint under load: ``kg serve`` on 127.0.0.1 and 50 concurrent clients sending
   the saved queries for ``--load-seconds``: p50 and p99 latency and errors.

Figures are written to ``--json`` and plotted to ``--png`` (needs matplotlib). ``--quick``
runs sizes 1 and 3 MB and a 5 s load, for a check that the script works.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "tests" / "data"
KG = [sys.executable, "-m", "kg.cli"]
RDFLIB_LIMIT = 60  # seconds: rdflib's SPARQL stalls on some joins; it is stopped there


def params_for(store) -> dict[str, dict[str, str]]:
    """Parameters of the saved queries that take some, chosen from what the store holds."""
    def first(sparql: str, default: str) -> str:
        rows = list(store.select(sparql))
        return rows[0]["x"].value if rows else default
    region = first("SELECT ?x WHERE { ?d kg:about ?r . ?r skos:prefLabel ?x } LIMIT 1", "市中区")
    return {"category": {"category": "Hospital"}, "located-in": {"place": "高新区"},
            "metric": {"metric": "地区生产总值"}, "developing": {"industry": "新能源汽车"},
            "years": {"region": region, "year1": "2023", "year2": "2024"}}


# -- corpora ------------------------------------------------------------------

def varied_corpus(mb: float, out: Path) -> int:
    """Copies of the test passages until ``mb`` megabytes: the first as they are, each
    later one with every full division name replaced by another of the same level."""
    texts = sorted(p for folder in ("dev", "holdout", "unseen") for p in (DATA / folder).glob("*.txt"))
    with (ROOT / "kg" / "data" / "divisions.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    by_level: dict[str, list[str]] = {}
    for r in rows:
        by_level.setdefault(r["level"], []).append(r["name"])
    level = {r["name"]: r["level"] for r in rows}
    names = sorted({n for n in level if len(n) >= 3}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, names)))
    size, k = 0, 0
    while size < mb * 1e6:
        rng = random.Random(k)
        for t in texts:
            mapping: dict[str, str] = {}

            def swap(m, mapping=mapping, rng=rng, k=k):
                name = m.group()
                if name not in mapping:
                    mapping[name] = rng.choice(by_level[level[name]]) if k else name
                return mapping[name]

            p = out / f"{k:04d}" / t.name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(pattern.sub(swap, t.read_text(encoding="utf-8")), encoding="utf-8")
            size += p.stat().st_size
            if size >= mb * 1e6:
                break
        k += 1
    return size


def run(cmd: list[str], timeout: float = 7200) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB of the command's largest process, its output)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    texts: dict[str, str] = {}
    readers = [threading.Thread(target=lambda k, f: texts.__setitem__(k, f.read()), args=(k, f))
               for k, f in (("out", proc.stdout), ("err", proc.stderr))]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)  # this command's own peak, not the largest child so far
    wall = time.perf_counter() - start
    for t in readers:
        t.join()
    out, err = texts["out"], texts["err"]
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.strip().splitlines()[-1] if err.strip() else ''}")
    return wall, usage.ru_maxrss / 1024, out + err


LCUT = ("import sys, jieba\nfrom pathlib import Path\njieba.setLogLevel(60)\n"
        "for f in sorted(Path(sys.argv[1]).rglob('*.txt')): jieba.lcut(f.read_text(encoding='utf-8'))\n")


def scale_point(mb: float, tmp: Path) -> dict:
    src = tmp / f"corpus-{mb:g}"
    size = varied_corpus(mb, src)
    files = len(list(src.rglob("*.txt")))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in src.rglob("*.txt"))
    out = tmp / f"kg-{mb:g}"
    lcut, _, _ = run([sys.executable, "-c", LCUT, str(src)])
    wall, peak, text = run(KG + ["build", str(src), "--out", str(out)])
    took = next((line for line in text.splitlines() if line.startswith("took ")), "")
    from kg.corpus import Corpus
    store = Corpus.open(out).store_path
    quads = len(__import__("pyoxigraph").Store.read_only(str(store)))
    disk = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 1e6
    point = {"megabytes": round(size / 1e6, 1), "files": files, "characters": chars, "build_seconds": round(wall, 1),
             "lcut_seconds": round(lcut, 1), "build_vs_lcut": round(lcut / wall, 3), "peak_mb": round(peak),
             "quads": quads, "store_mb": round(disk), "phases": took}
    print(f"  {point['megabytes']:6.1f} MB {files:5} files: kg build {wall:7.1f} s ({lcut / wall:.2f}x jieba.lcut "
          f"{lcut:.1f} s), peak {peak:,.0f} MB, {quads:,} quads, store {disk:,.0f} MB", flush=True)
    return point


# -- queries, add, page ---------------------------------------------------------

class _Slow(Exception):
    pass


def rdflib_time(graph, sparql: str):
    """Seconds rdflib takes for ``sparql``, or None past RDFLIB_LIMIT (an alarm stops it)."""
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
    except Exception:  # rdflib cannot read Oxigraph's LATERAL (the metric query)
        return float("nan")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def rdflib_slice(store, triples: int = 1_000_000):
    """The first documents' graphs and the corpus facts of what they name, up to ``triples``."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.rdf import to_rdflib
    g = Graph()
    things: set = set()
    for doc in store.documents():
        for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(doc.iri)):
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        things |= store.nodes_of(doc.iri)
        if len(g) >= triples:
            break
    from kg.store import CORPUS
    for n in sorted(things):
        for q in store.store.quads_for_pattern(ox.NamedNode(n), None, None, CORPUS):
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


def query_bench(corpus: Path) -> dict:
    from kg.corpus import Corpus
    from kg.query import PREFIXES, fill, run_query, saved_queries
    from kg.store import GraphStore

    store = GraphStore.open(Corpus.open(corpus).store_path, read_only=True)
    params = params_for(store)
    slice_ = rdflib_slice(store)
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    out = {"rdflib_slice_triples": len(slice_)}
    rd = f"rdflib, {len(slice_):,} triples"
    print(f"  {'saved query':22} {'rows':>7} {'store (median of 5)':>20} {rd:>24}")
    for name, q in saved_queries().items():
        text = fill(q, params.get(name, {}))
        times, rows = [], 0
        for _ in range(5):
            t = time.perf_counter()
            rows = len(run_query(store.store, text))
            times.append(time.perf_counter() - t)
        slow = rdflib_time(slice_, head + text)
        shown = (f"> {RDFLIB_LIMIT} s" if slow is None else "cannot parse" if slow != slow
                 else f"{slow * 1000:,.0f} ms")
        out[name] = {"rows": rows, "median_ms": round(statistics.median(times) * 1000, 1),
                     "rdflib_ms": round(slow * 1000) if slow is not None and slow == slow else shown}
        print(f"  {name:22} {rows:7} {statistics.median(times) * 1000:17.1f} ms {shown:>24}", flush=True)
    return out


def add_and_page(corpus: Path, tmp: Path) -> dict:
    """kg add of one report, kg view --region, and that page's time to interactive."""
    report = tmp / "extra" / "new-report.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text((DATA / "dev" / "zibo-2024.txt").read_text(encoding="utf-8").replace("淄博", "德阳")
                      + "\n（本报告为基准测试所加。）\n", encoding="utf-8")
    add, _, _ = run(KG + ["add", str(corpus), str(report)])
    from kg.corpus import Corpus
    from kg.store import GraphStore
    store = GraphStore.open(Corpus.open(corpus).store_path, read_only=True)
    region = next(iter(store.select("SELECT ?c WHERE { ?d kg:about ?r . ?r kg:divisionCode ?c . "
                                     "FILTER(STRENDS(?c, '00') && !STRENDS(?c, '0000')) } LIMIT 1")))["c"].value
    del store
    view, _, text = run(KG + ["view", str(corpus), "--region", region, "--no-open"])
    page = Path(text.strip().splitlines()[0])
    interactive = None
    try:
        from scripts.bench_page import time_page
        from tests import browser
        if browser.available():
            driver = browser.start()
            try:
                interactive = time_page(driver, page, 60)
            finally:
                browser.stop(driver)
    except ImportError:
        pass
    out = {"add_seconds": round(add, 2), "view_region": region, "view_seconds": round(view, 2),
           "page_mb": round(page.stat().st_size / 1e6, 2),
           "page_interactive_seconds": round(interactive, 2) if interactive else None}
    print(f"  kg add of one report: {add:.1f} s; kg view --region {region}: {view:.1f} s, page "
          f"{out['page_mb']} MB, interactive in Chromium after "
          f"{interactive:.2f} s" if interactive else "(no Chromium)", flush=True)
    return out


# -- the endpoint under load -------------------------------------------------------

def load_bench(corpus: Path, seconds: float, clients: int = 50) -> dict:
    from kg.corpus import Corpus
    from kg.query import PREFIXES, fill, saved_queries
    from kg.share import free_port
    from kg.store import GraphStore

    store = GraphStore.open(Corpus.open(corpus).store_path, read_only=True)
    params = params_for(store)
    del store
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    queries = [head + fill(q, params.get(n, {})) for n, q in saved_queries().items()]
    port = free_port()
    server = subprocess.Popen(KG + ["serve", str(corpus), "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip()
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def client(i: int) -> None:
        k = i
        while time.monotonic() < end:
            q = queries[k % len(queries)]
            k += 1
            body = urllib.parse.urlencode({"query": q}).encode()
            req = urllib.request.Request(url, data=body, headers={"Accept": "application/sparql-results+json"})
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    r.read()
                ok = True
            except Exception:
                ok = False
            with lock:
                if ok:
                    latencies.append(time.perf_counter() - t)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    server.send_signal(signal.SIGTERM)
    server.wait(30)
    latencies.sort()
    pct = (lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000) if latencies else (lambda p: 0)
    out = {"clients": clients, "seconds": seconds, "requests": len(latencies), "errors": errors[0],
           "p50_ms": round(pct(0.50), 1), "p99_ms": round(pct(0.99), 1)}
    print(f"  {clients} clients for {seconds:g} s: {len(latencies):,} answers, {errors[0]} errors, "
          f"p50 {out['p50_ms']} ms, p99 {out['p99_ms']} ms", flush=True)
    return out


# -- throughput ---------------------------------------------------------------------

def throughput_bench(mb: float, tmp: Path) -> dict:
    import jieba
    import jieba.posseg

    from kg.pipeline import Pipeline

    source = ROOT / "examples" / "jinan-shizhong-2025.txt"
    sample = source.read_text(encoding="utf-8")
    copies = max(1, int(mb * 1024 * 1024 / len(sample.encode("utf-8"))))
    big = tmp / "bench.txt"
    big.write_text("\n\n".join([sample] * copies), encoding="utf-8")
    text = big.read_text(encoding="utf-8")
    chars = len(text)
    print(f"throughput: {copies} copies of {source.name}, {big.stat().st_size / 1e6:.1f} MB, {chars:,} characters")
    jieba.setLogLevel(60)
    pipeline = Pipeline()
    pipeline.warm()
    t = time.perf_counter()
    jieba.lcut(text)
    lcut = time.perf_counter() - t
    t = time.perf_counter()
    jieba.posseg.lcut(text)
    posseg = time.perf_counter() - t
    t = time.perf_counter()
    graph = pipeline.build([big])
    build = time.perf_counter() - t
    print(f"  jieba.lcut {lcut:.1f} s, jieba.posseg.lcut {posseg:.1f} s; kg (one process, in memory) {build:.1f} s: "
          f"{lcut / build:.2f}x lcut, {posseg / build:.2f}x posseg ({graph.phases.line()})", flush=True)
    return {"megabytes": round(big.stat().st_size / 1e6, 2), "characters": chars, "lcut_seconds": round(lcut, 2),
            "posseg_seconds": round(posseg, 2), "build_seconds": round(build, 2),
            "build_vs_lcut": round(lcut / build, 3), "build_vs_posseg": round(posseg / build, 3)}


def markdown(r: dict) -> str:
    """The figures as the README's tables."""
    t = r["throughput"]
    lines = [f"One {t['megabytes']} MB text in one process (in memory): kg {t['build_seconds']} s, "
             f"{t['build_vs_lcut']}x `jieba.lcut` ({t['lcut_seconds']} s) and {t['build_vs_posseg']}x "
             f"`jieba.posseg.lcut` ({t['posseg_seconds']} s).", "",
             "| corpus | files | `kg build` (all cores) | `jieba.lcut` (1 core) | ratio | peak RSS | quads "
             "| store on disk |",
             "|---|---|---|---|---|---|---|---|"]
    for p in r["scale"]:
        lines.append(f"| {p['megabytes']} MB | {p['files']:,} | {p['build_seconds']} s | {p['lcut_seconds']} s | "
                     f"{p['build_vs_lcut']}x | {p['peak_mb']:,} MB | {p['quads']:,} | {p['store_mb']:,} MB |")
    q = r["queries"]
    lines += ["", f"| saved query ({r['scale'][-1]['megabytes']} MB store) | rows | store, median of 5 | "
                  f"rdflib, {q['rdflib_slice_triples']:,} triples |", "|---|---|---|---|"]
    for name, v in q.items():
        if isinstance(v, dict):
            rd = f"{v['rdflib_ms']:,} ms" if isinstance(v["rdflib_ms"], int) else v["rdflib_ms"]
            lines.append(f"| `{name}` | {v['rows']:,} | {v['median_ms']:,} ms | {rd} |")
    a, load = r["add_and_page"], r["load"]
    lines += ["", f"`kg add` of one report to that store: {a['add_seconds']} s. `kg view --region {a['view_region']}`: "
                  f"{a['view_seconds']} s for a {a['page_mb']} MB page, interactive in headless Chromium after "
                  f"{a['page_interactive_seconds']} s. `kg serve` under {load['clients']} clients sending the saved "
                  f"queries for {load['seconds']:g} s: {load['requests']:,} answers, {load['errors']} errors, "
                  f"p50 {load['p50_ms']:,} ms, p99 {load['p99_ms']:,} ms."]
    return "\n".join(lines) + "\n"


def plot(results: dict, path: Path) -> None:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("(no matplotlib: no plot)")
        return
    points = results["scale"]
    mbs = [p["megabytes"] for p in points]
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    a.plot(mbs, [p["build_seconds"] for p in points], "o-", label="kg build (2 cores)")
    a.plot(mbs, [p["lcut_seconds"] for p in points], "s--", label="jieba.lcut (1 core)")
    a.set_xlabel("corpus (MB of text)")
    a.set_ylabel("seconds")
    a.legend()
    a.set_title("time")
    b.plot(mbs, [p["peak_mb"] for p in points], "o-", label="peak RSS, largest process")
    b.plot(mbs, [p["store_mb"] for p in points], "s--", label="store on disk")
    b.set_xlabel("corpus (MB of text)")
    b.set_ylabel("MB")
    b.legend()
    b.set_title("memory and disk")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    print(f"wrote {path}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,10,30,100", help="corpus sizes in MB, the last one also queried")
    ap.add_argument("--load-seconds", type=float, default=60.0)
    ap.add_argument("--throughput-mb", type=float, default=2.0)
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    ap.add_argument("--png", type=Path, help="plot time and memory against corpus size to this file")
    ap.add_argument("--quick", action="store_true", help="1 and 3 MB, a 5 s load: a check that all runs")
    args = ap.parse_args(argv)
    sizes = [1.0, 3.0] if args.quick else [float(x) for x in args.sizes.split(",")]
    seconds = 5.0 if args.quick else args.load_seconds
    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    results: dict = {"machine": f"{os.cpu_count()} cores", "date": time.strftime("%Y-%m-%d")}
    try:
        results["throughput"] = throughput_bench(args.throughput_mb, tmp)
        print("scale (kg build as a user runs it, all cores, default outputs):")
        results["scale"] = [scale_point(mb, tmp) for mb in sizes]
        largest = tmp / f"kg-{sizes[-1]:g}"
        print(f"queries on the {sizes[-1]:g} MB store:")
        results["queries"] = query_bench(largest)
        results["add_and_page"] = add_and_page(largest, tmp)
        print("endpoint (kg serve) under load:")
        results["load"] = load_bench(largest, seconds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("\n" + markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    if args.png:
        plot(results, args.png)
    return 0


if __name__ == "__main__":
    sys.exit(main())

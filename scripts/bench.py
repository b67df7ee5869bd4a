"""Benchmark: build throughput on a large input, beside jieba.posseg alone.

    python scripts/bench.py [--mb 5] [--source examples/jinan-shizhong-2025.txt]

Repeats the sample into one document of about ``--mb`` megabytes, then times
in the same process and on the same text:

- ``jieba.posseg.lcut`` alone (the baseline: segmentation with POS tags, what a
  minimal jieba-based extractor would at least run);
- kg's extraction (read → segment → extract → resolve → RDF graph);
- writing the Turtle file.

Figures are printed as characters per second and as ratios to the baseline,
so they compare across machines. Peak memory is the process's maximum RSS.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the input in megabytes (UTF-8)")
    ap.add_argument("--source", type=Path, default=ROOT / "examples" / "jinan-shizhong-2025.txt")
    args = ap.parse_args(argv)

    import jieba
    import jieba.posseg

    from kg.formats import GraphFormat
    from kg.pipeline import Pipeline

    sample = args.source.read_text(encoding="utf-8")
    copies = max(1, int(args.mb * 1024 * 1024 / len(sample.encode("utf-8"))))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "bench.txt"
        big.write_text("\n\n".join([sample] * copies), encoding="utf-8")
        chars = len(big.read_text(encoding="utf-8"))
        print(f"input: {copies} copies of {args.source.name}, {big.stat().st_size / 1e6:.1f} MB, {chars:,} characters")

        jieba.setLogLevel(60)
        jieba.initialize()
        pipeline = Pipeline()
        pipeline.extractor.segmenter.tokens("预热")  # load dictionaries outside the timings
        text = big.read_text(encoding="utf-8")

        t = time.perf_counter()
        jieba.posseg.lcut(text)
        base = time.perf_counter() - t
        rate_base = chars / base
        print(f"jieba.posseg.lcut alone      {base:8.1f} s  {rate_base:>10,.0f} chars/s   1.00x")

        t = time.perf_counter()
        graph = pipeline.build([big])
        build = time.perf_counter() - t
        rate = chars / build
        print(f"kg build (to RDF graph)      {build:8.1f} s  {rate:>10,.0f} chars/s   {rate / rate_base:.2f}x")

        t = time.perf_counter()
        ttl = graph.serialize(GraphFormat.TURTLE)
        write = time.perf_counter() - t
        total = build + write
        print(f"  + Turtle ({len(graph):,} triples) {write:6.1f} s")
        print(f"kg build + Turtle            {total:8.1f} s  {chars / total:>10,.0f} chars/s   "
              f"{(chars / total) / rate_base:.2f}x")
        del ttl
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

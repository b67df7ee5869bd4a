"""Benchmark the interactive page on a large graph, beside a default pyvis page.

    python scripts/bench_page.py [--nodes 2000]

Builds a graph of about ``--nodes`` things from generated report sentences
(through the whole pipeline), writes kg's page and a default pyvis page of the
same network (``Network()`` with its default physics, scripts inlined so it
works offline), and times each in headless Chromium until its layout is done
and it responds. Prints seconds, HTML size and the ratios.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHARS = "安宝北昌长城川春大德东丰福富高广海汉和河红华化黄吉嘉江金锦京景康乐力利连林龙隆梅民明南宁平普齐青庆荣瑞山上尚胜盛石顺泰天通同万文西祥新信兴秀阳宜永元远云泽长正中"


def sentences(n_things: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    used: set[str] = set()

    def name() -> str:
        while True:
            s = "".join(rng.choice(CHARS) for _ in range(2))
            if s not in used:
                used.add(s)
                return s

    lines = []
    while len(used) < n_things:
        area, park, village = name(), name(), name()
        lines.append(f"市中区推进{area}片区{park}产业园建设，启动实施{village}村改造，"
                     f"{park}产业园位于{area}片区。")
    return "\n".join(lines) + "\n"


def time_page(driver, page: Path, timeout: float) -> float:
    t = time.perf_counter()
    driver.get(page.resolve().as_uri())
    probe = ("return typeof network !== 'undefined' && network.physics && "
             "(network.physics.stabilized === true || network.physics.physicsEnabled === false)")
    probe_kg = "return document.body && document.body.dataset.ready === 'true'"
    from selenium.common.exceptions import TimeoutException

    while time.perf_counter() - t < timeout:
        try:
            if driver.execute_script(probe_kg) or driver.execute_script(probe):
                # interactive: the page answers a call that needs the laid-out network
                driver.execute_script("var n = (window.kg && kg.network) || network; return n.getScale();")
                return time.perf_counter() - t
        except TimeoutException:
            pass  # the page's main thread is busy laying out: not interactive yet
        time.sleep(0.05)
    return float("inf")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--timeout", type=float, default=180.0)
    args = ap.parse_args(argv)

    from pyvis.network import Network

    from kg.pipeline import Pipeline
    from tests import browser

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "large.txt"
        src.write_text(sentences(args.nodes), encoding="utf-8")
        graph = Pipeline().build([src])
        graph.write(tmp / "kg")
        G = graph.networkx
        print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")

        net = Network(cdn_resources="in_line")
        for n, d in G.nodes(data=True):
            net.add_node(n, label=d["label"], group=d["category"])
        for u, v, d in G.edges(data=True):
            net.add_edge(u, v, title=d["label"])
        default = tmp / "pyvis.html"
        default.write_text(net.generate_html(), encoding="utf-8")

        ours = tmp / "kg" / "graph.html"
        sizes = (ours.stat().st_size, default.stat().st_size)
        driver = browser.start()
        driver.set_script_timeout(300)
        try:
            t_ours = time_page(driver, ours, args.timeout)
            t_pyvis = time_page(driver, default, args.timeout)
        finally:
            browser.stop(driver)
    print(f"kg page        interactive after {t_ours:7.2f} s   HTML {sizes[0] / 1e6:5.2f} MB")
    late = "  (gave up: not stable)" if t_pyvis == float("inf") else ""
    print(f"default pyvis  interactive after {t_pyvis:7.2f} s   HTML {sizes[1] / 1e6:5.2f} MB{late}")
    sooner = (f"more than {args.timeout / t_ours:.0f}x" if t_pyvis == float("inf")
              else f"{t_pyvis / t_ours:.1f}x")
    print(f"ratio: kg's page is ready {sooner} sooner; its HTML is "
          f"{sizes[0] / sizes[1]:.2f}x the size of pyvis's")
    return 0


if __name__ == "__main__":
    sys.exit(main())

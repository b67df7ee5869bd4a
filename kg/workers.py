"""Documents extracted in worker processes, their graphs streamed back in input order.

Each document's graph depends on that document alone (``kg.identity``), so the
documents of a build can be read by as many processes as there are cores and the
store gets the same quads whatever their number. Workers are forked from a process
that has loaded the lexicons and jieba once, so they start at once and share that
memory; where ``fork`` is not available they are spawned and load their own.
A worker sends back its document's graph as N-Quads, which the store reads in bulk.
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

if TYPE_CHECKING:
    from .store import Facts


_PIPELINE = None  # the pipeline of this process (set before forking, or by _start in a spawned worker)


@dataclass(frozen=True)
class Extracted:
    """One document's graph, ready for the store."""

    source: str
    nquads: bytes
    facts: "Facts"  # what it tells the corpus graph of the things it names
    times: dict[str, float]  # seconds of extraction and resolution spent on it


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def extract(pipeline, inputs: list, workers: Optional[int] = None) -> Iterator[Extracted]:
    """Each input's graph, in input order, from ``workers`` processes (1: this one)."""
    global _PIPELINE
    workers = min(workers or default_workers(), len(inputs))
    _PIPELINE = pipeline
    if workers <= 1:
        for item in inputs:
            yield _one(item)
        return
    pipeline.warm()
    if "fork" in multiprocessing.get_all_start_methods():
        pool = multiprocessing.get_context("fork").Pool(workers)
    else:  # pragma: no cover - Windows, macOS defaults
        pool = multiprocessing.get_context("spawn").Pool(
            workers, initializer=_start, initargs=(sorted(pipeline.lexicon.user_terms.items()),))
    try:
        yield from pool.imap(_one, inputs, chunksize=1)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _start(terms: Iterable[tuple[str, str]]) -> None:  # pragma: no cover - spawned workers only
    global _PIPELINE
    from .pipeline import Pipeline
    _PIPELINE = Pipeline(terms=dict(terms))


def _one(item) -> Extracted:
    from .pipeline import Phases
    phases = Phases()
    text, facts = _PIPELINE.graph(item, phases)
    return Extracted(item.source, text.encode("utf-8"), facts, phases.times)

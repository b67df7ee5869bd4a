from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "examples" / "jinan-shizhong-2025.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def sample_extraction(pipeline):
    from kg.read import read_document
    return pipeline.extract(read_document(SAMPLE))


@pytest.fixture(scope="session")
def sample_graph(pipeline) -> kg.KnowledgeGraph:
    return pipeline.build([SAMPLE])


@pytest.fixture(scope="session")
def sample_dir(sample_graph, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    sample_graph.write(out)
    return out

"""kg: knowledge graphs from Chinese regional-development text.

    >>> import kg
    >>> graph = kg.build(["examples/jinan-shizhong-2025.txt"])   # doctest: +SKIP
    >>> graph.write("output/jinan-shizhong-2025")                # doctest: +SKIP
    >>> corpus, change = kg.Corpus.build("reports-kg", ["reports/"])   # doctest: +SKIP
    >>> corpus.add(["reports-2026/"])                             # doctest: +SKIP
"""
__version__ = "0.2.0"

from .corpus import Change, Corpus, CorpusError  # noqa: E402
from .errors import GraphFileError, InputError, KgError, LexiconError, QueryError  # noqa: E402
from .formats import GraphFormat  # noqa: E402
from .knowledge import KnowledgeGraph  # noqa: E402
from .pipeline import Pipeline, build  # noqa: E402

__all__ = ["build", "Pipeline", "KnowledgeGraph", "Corpus", "Change", "GraphFormat", "KgError",
           "InputError", "LexiconError", "GraphFileError", "QueryError", "CorpusError"]

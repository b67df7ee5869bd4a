"""kg: knowledge graphs from Chinese regional-development text.

    >>> import kg
    >>> graph = kg.build(["examples/jinan-shizhong-2025.txt"])   # doctest: +SKIP
    >>> graph.write("output/jinan-shizhong-2025")                # doctest: +SKIP
"""
from .errors import GraphFileError, InputError, KgError, LexiconError, QueryError
from .formats import GraphFormat
from .knowledge import KnowledgeGraph
from .pipeline import Pipeline, build

__all__ = ["build", "Pipeline", "KnowledgeGraph", "GraphFormat", "KgError", "InputError",
           "LexiconError", "GraphFileError", "QueryError"]
__version__ = "0.1.0"

"""Output and input formats, one enum so the CLI and the API agree on names."""
from __future__ import annotations

from enum import Enum

from .errors import GraphFileError


class GraphFormat(str, Enum):
    TURTLE = "turtle"
    NTRIPLES = "nt"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    CSV = "csv"

    @property
    def rdflib_name(self) -> str:
        return {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld"}[self.value]

    @property
    def extension(self) -> str:
        return {"turtle": ".ttl", "nt": ".nt", "jsonld": ".jsonld", "graphml": ".graphml",
                "csv": ".csv"}[self.value]

    @classmethod
    def from_extension(cls, suffix: str) -> "GraphFormat":
        """``.ttl`` -> TURTLE; raises ``GraphFileError`` for a suffix kg cannot read."""
        table = {".ttl": cls.TURTLE, ".turtle": cls.TURTLE, ".nt": cls.NTRIPLES,
                 ".jsonld": cls.JSONLD, ".json": cls.JSONLD}
        try:
            return table[suffix.lower()]
        except KeyError:
            raise GraphFileError(f"cannot read graphs from '{suffix}' files; "
                                 "use .ttl, .nt or .jsonld") from None

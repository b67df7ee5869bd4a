"""Output and input formats, one enum so the CLI and the API agree on names."""
from __future__ import annotations

from enum import Enum

import pyoxigraph as ox

from .errors import GraphFileError


class GraphFormat(str, Enum):
    TURTLE = "turtle"
    NTRIPLES = "nt"
    TRIG = "trig"
    NQUADS = "nquads"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    CSV = "csv"

    @property
    def extension(self) -> str:
        return {"turtle": ".ttl", "nt": ".nt", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld",
                "graphml": ".graphml", "csv": ".csv"}[self.value]

    @property
    def is_rdf(self) -> bool:
        return self not in (GraphFormat.GRAPHML, GraphFormat.CSV)

    @property
    def keeps_graphs(self) -> bool:
        """TriG and N-Quads keep each document's named graph; the others write the union."""
        return self in (GraphFormat.TRIG, GraphFormat.NQUADS)

    @property
    def oxigraph(self) -> ox.RdfFormat:
        return {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG,
                "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}[self.value]

    @classmethod
    def from_extension(cls, suffix: str) -> "GraphFormat":
        """``.ttl`` -> TURTLE; raises ``GraphFileError`` for a suffix kg cannot read."""
        table = {".ttl": cls.TURTLE, ".turtle": cls.TURTLE, ".nt": cls.NTRIPLES, ".trig": cls.TRIG,
                 ".nq": cls.NQUADS, ".nquads": cls.NQUADS, ".jsonld": cls.JSONLD, ".json": cls.JSONLD}
        try:
            return table[suffix.lower()]
        except KeyError:
            raise GraphFileError(f"cannot read graphs from '{suffix}' files; "
                                 "use .ttl, .nt, .trig, .nq or .jsonld") from None

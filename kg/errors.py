"""One exception tree for everything kg raises on purpose.

The CLI turns any ``KgError`` into a one-line message and a non-zero exit;
anything else is a bug and keeps its traceback.
"""
from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises for bad input or bad use."""


class InputError(KgError):
    """A source document cannot be read: missing, empty, binary or undecodable."""


class LexiconError(KgError):
    """A lexicon file (packaged or given by the user) is malformed."""


class GraphFileError(KgError):
    """A graph file cannot be read or written."""


class QueryError(KgError):
    """A SPARQL query is malformed or names an unknown saved query."""

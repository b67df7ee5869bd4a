"""RDF terms as the store holds them (pyoxigraph), and their rdflib twins for the Python API.

kg builds and stores graphs with pyoxigraph's terms, which cost a fraction of
rdflib's; ``to_rdflib`` turns them into rdflib terms where a user asks for an
``rdflib.Graph``. ``T`` gives the vocabulary's terms: ``T.Park`` is
``kg:Park`` and, as with ``kg.vocab.KG``, a misspelt name is an error.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode as RBNode
from rdflib import Literal as RLiteral
from rdflib import URIRef

from .vocab import KG

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
XSD_STRING = XSD + "string"
LANG_STRING = RDF_NS + "langString"

RDF_TYPE = ox.NamedNode(RDF_NS + "type")
RDF_SUBJECT = ox.NamedNode(RDF_NS + "subject")
RDF_PREDICATE = ox.NamedNode(RDF_NS + "predicate")
RDF_OBJECT = ox.NamedNode(RDF_NS + "object")
RDFS_LABEL = ox.NamedNode(RDFS_NS + "label")
PREF_LABEL = ox.NamedNode(SKOS_NS + "prefLabel")
ALT_LABEL = ox.NamedNode(SKOS_NS + "altLabel")


class _Vocab:
    """``T.locatedIn`` -> NamedNode(kg:locatedIn), checked against ``kg.vocab.KG``."""

    def __getattr__(self, name: str) -> ox.NamedNode:
        return _term(name)


@lru_cache(maxsize=None)
def _term(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(getattr(KG, name)))


T = _Vocab()


@lru_cache(maxsize=65536)
def node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def plain(text: str) -> ox.Literal:
    return ox.Literal(text)


def integer(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=node(XSD + "integer"))


def boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=node(XSD + "boolean"))


def decimal(value: float) -> ox.Literal:
    d = Decimal(repr(value)).normalize()
    return ox.Literal(format(d, "f"), datatype=node(XSD + "decimal"))


def year(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=node(XSD + "gYear"))


def new_graph():
    """An empty ``rdflib.Graph`` with kg's prefixes bound."""
    from rdflib import Graph
    from rdflib.namespace import PROV, SKOS

    from .vocab import RES
    g = Graph()
    g.bind("kg", KG._NS)
    g.bind("res", RES)
    g.bind("skos", SKOS)
    g.bind("prov", PROV)
    g.bind("schema", "https://schema.org/")
    return g


@lru_cache(maxsize=200_000)
def to_rdflib(term):
    """A pyoxigraph term as the equal rdflib term (xsd:string literals stay plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RLiteral(term.value, lang=term.language)
        dt = term.datatype.value
        return RLiteral(term.value) if dt == XSD_STRING else RLiteral(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.BlankNode):
        return RBNode(term.value)
    if term is None:
        return None
    raise TypeError(f"no rdflib term for {term!r}")


def from_rdflib(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, RLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, RBNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"no pyoxigraph term for {term!r}")

"""The vocabulary module and ontology.ttl say the same thing."""
from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.vocab import CATEGORIES, KG, RELATIONS

from .conftest import ROOT

NS = str(KG._NS)


def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology.ttl")


def terms(g: Graph, kinds) -> set[str]:
    return {str(s)[len(NS):] for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(NS)}


def test_every_vocab_term_is_in_the_ontology_and_back():
    g = ontology()
    in_ontology = terms(g, [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty])
    in_code = set(KG.__annotations__)
    assert in_code == in_ontology


def test_the_fifteen_categories_are_classes():
    g = ontology()
    for c in CATEGORIES:
        assert (URIRef(NS + c), RDF.type, OWL.Class) in g


def test_chinese_labels_match():
    g = ontology()
    for name, zh in {**CATEGORIES, **RELATIONS}.items():
        labels = {str(o) for o in g.objects(URIRef(NS + name), RDFS.label) if o.language == "zh"}
        assert labels == {zh}, name


def test_every_term_has_labels_in_both_languages_and_a_comment():
    g = ontology()
    for name in KG.__annotations__:
        node = URIRef(NS + name)
        langs = {o.language for o in g.objects(node, RDFS.label)}
        assert {"zh", "en"} <= langs, name
        assert g.value(node, RDFS.comment) is not None, name


def test_unknown_terms_are_errors():
    import pytest
    with pytest.raises(AttributeError):
        KG.Parc

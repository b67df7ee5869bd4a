"""The vocabulary: every class and property kg writes, in one place.

``KG`` is a closed ``DefinedNamespace``: ``KG.Parc`` raises instead of minting
a new IRI. ``tests/test_vocab.py`` checks that it matches ``ontology.ttl``
term for term, including the Chinese labels below.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/kgcn/ontology"
RES = Namespace("https://w3id.org/kgcn/resource/")


class KG(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # entity categories
    AdministrativeArea: URIRef
    Person: URIRef
    Organization: URIRef
    Event: URIRef
    Industry: URIRef
    Park: URIRef
    Area: URIRef
    Village: URIRef
    Road: URIRef
    Facility: URIRef
    Hospital: URIRef
    School: URIRef
    NaturalFeature: URIRef
    Initiative: URIRef
    Indicator: URIRef
    # evidence and actions
    Document: URIRef
    Sentence: URIRef
    Mention: URIRef
    RelationMention: URIRef
    PlannedAction: URIRef

    # object properties between things
    locatedIn: URIRef
    partOf: URIRef
    along: URIRef
    develops: URIRef
    holdsPosition: URIRef
    hasIndicator: URIRef
    hasAction: URIRef
    actsOn: URIRef
    # evidence links
    mentionOf: URIRef
    inSentence: URIRef
    inDocument: URIRef
    about: URIRef

    # data properties
    value: URIRef
    unit: URIRef
    unitText: URIRef
    minValue: URIRef
    maxValue: URIRef
    qualifier: URIRef
    year: URIRef
    valueText: URIRef
    text: URIRef
    startOffset: URIRef
    endOffset: URIRef
    positionTitle: URIRef
    inferred: URIRef
    verb: URIRef
    status: URIRef
    divisionCode: URIRef
    sourcePath: URIRef
    sha256: URIRef
    alias: URIRef


# Entity categories in display order, with their Chinese names (the ontology's
# rdfs:label@zh; the test keeps the two equal).
CATEGORIES: dict[str, str] = {
    "AdministrativeArea": "行政区划",
    "Person": "人物",
    "Organization": "机构",
    "Event": "事件",
    "Industry": "产业",
    "Park": "园区",
    "Area": "片区",
    "Village": "村庄",
    "Road": "道路",
    "Facility": "设施",
    "Hospital": "医院",
    "School": "学校",
    "NaturalFeature": "自然地物",
    "Initiative": "举措",
    "Indicator": "指标",
}

# Relations between things, with the Chinese word shown on graph edges.
RELATIONS: dict[str, str] = {
    "locatedIn": "位于",
    "partOf": "隶属",
    "along": "沿线",
    "develops": "发展",
    "holdsPosition": "任职",
    "hasIndicator": "目标",
    "actsOn": "行动对象",
}


def category_iri(category: str) -> URIRef:
    """The class IRI of a category local name; raises AttributeError for unknown names."""
    return getattr(KG, category)

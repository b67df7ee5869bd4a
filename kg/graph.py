"""The graph stage: entities, indicators, relations and their evidence as RDF.

Layout (all IRIs under ``vocab.RES``):

- a thing: ``res:park/…`` typed with its category, ``rdfs:label`` and
  ``skos:prefLabel`` for its label, ``skos:altLabel`` for its other names;
- a document ``res:doc/…`` with sentences ``…/s12`` (text and offsets);
- a mention ``…/m120-125`` per occurrence: ``kg:mentionOf`` the thing,
  ``kg:inSentence`` and ``kg:inDocument`` for where it was read;
- a relation as a triple between things plus a ``kg:RelationMention``
  (``rdf:subject/predicate/object``) in the sentence that states it.

No blank nodes, so Turtle output is byte-identical from run to run.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Optional

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from . import iri
from .model import Extraction, Indicator, Mention, Sentence
from .resolve import Resolved
from .vocab import KG, RES, category_iri

SCHEMA_NS = "https://schema.org/"


def new_graph() -> Graph:
    g = Graph()
    g.bind("kg", KG._NS)
    g.bind("res", RES)
    g.bind("skos", SKOS)
    g.bind("prov", PROV)
    g.bind("schema", SCHEMA_NS)
    return g


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def decimal(value: float) -> Literal:
    d = Decimal(repr(value)).normalize()
    text = format(d, "f")
    return Literal(text, datatype=XSD.decimal)


class GraphBuilder:
    def __init__(self, resolved: Resolved, sources: dict[str, str]) -> None:
        self.resolved = resolved
        self.sources = sources  # document path -> path relative to the input the user named
        self.g = new_graph()
        self._iris = {e.key: iri.entity_iri(e.category, e.label) for e in resolved.entities}

    def build(self, extractions: list[Extraction]) -> Graph:
        for e in self.resolved.entities:
            node = self._iris[e.key]
            self.g.add((node, RDF.type, category_iri(e.category)))
            self.g.add((node, RDFS.label, zh(e.label)))
            self.g.add((node, SKOS.prefLabel, zh(e.label)))
            for alt in sorted(e.alt_labels):
                self.g.add((node, SKOS.altLabel, zh(alt)))
        for ex in extractions:
            self._document(ex)
        return self.g

    def entity(self, m: Mention) -> URIRef:
        return self._iris[self.resolved.of[m].key]

    def _document(self, ex: Extraction) -> None:
        g, doc = self.g, ex.doc
        source = self.sources.get(doc.path, doc.name)
        d = iri.document_iri(source)
        g.add((d, RDF.type, KG.Document))
        g.add((d, RDFS.label, Literal(doc.name)))
        g.add((d, KG.sourcePath, Literal(source)))
        used = {m.sentence.index for m in ex.mentions}
        used |= {i.sentence.index for i in ex.indicators}
        for s in ex.sentences:
            if s.index in used:
                self._sentence(d, s)
        for m in ex.mentions:
            node = self.entity(m)
            self._mention(d, m.sentence, m.start, m.end, m.text, node)
            division = ex.divisions.get(m.text)
            if division is not None and m.category == "AdministrativeArea" \
                    and self.resolved.of[m].category == "AdministrativeArea":
                g.add((node, KG.divisionCode, Literal(division.code)))
            title = ex.titles.get(m)
            if title:
                g.add((node, KG.positionTitle, Literal(title)))
        for ind in ex.indicators:
            self._indicator(d, ind)
        for r in ex.relations:
            head = self.entity(r.head)
            tail = (iri.indicator_iri(d, r.tail.start) if isinstance(r.tail, Indicator)
                    else self.entity(r.tail))
            if head == tail:
                continue
            pred = getattr(KG, r.predicate)
            g.add((head, pred, tail))
            rm = URIRef(f"{d}/r-{iri.short_hash(str(head), r.predicate, str(tail))}-{r.sentence.index}")
            g.add((rm, RDF.type, KG.RelationMention))
            g.add((rm, RDF.subject, head))
            g.add((rm, RDF.predicate, pred))
            g.add((rm, RDF.object, tail))
            g.add((rm, KG.inSentence, self._sentence_iri(d, r.sentence)))
            if r.title:
                g.add((rm, KG.positionTitle, Literal(r.title)))
            if r.inferred:
                g.add((rm, KG.inferred, Literal(True)))
        for a in ex.actions:
            node = self.entity(a.target)
            act = iri.action_iri(node, a.verb, d, a.sentence.index)
            g.add((act, RDF.type, KG.PlannedAction))
            g.add((act, RDFS.label, zh(a.verb + a.target.text)))
            g.add((act, KG.verb, Literal(a.verb)))
            g.add((act, KG.status, Literal(a.status)))
            g.add((act, KG.actsOn, node))
            g.add((node, KG.hasAction, act))
            g.add((act, KG.inSentence, self._sentence_iri(d, a.sentence)))
            if a.year:
                g.add((act, KG.year, Literal(str(a.year), datatype=XSD.gYear)))

    def _sentence_iri(self, d: URIRef, s: Sentence) -> URIRef:
        return URIRef(f"{d}/s{s.index}")

    def _sentence(self, d: URIRef, s: Sentence) -> None:
        node = self._sentence_iri(d, s)
        self.g.add((node, RDF.type, KG.Sentence))
        self.g.add((node, KG.text, zh(s.text)))
        self.g.add((node, KG.startOffset, Literal(s.start)))
        self.g.add((node, KG.endOffset, Literal(s.end)))
        self.g.add((node, KG.inDocument, d))

    def _mention(self, d: URIRef, s: Sentence, start: int, end: int, text: str, of: URIRef) -> None:
        node = URIRef(f"{d}/m{start}-{end}")
        g = self.g
        g.add((node, RDF.type, KG.Mention))
        g.add((node, KG.text, zh(text)))
        g.add((node, KG.startOffset, Literal(start)))
        g.add((node, KG.endOffset, Literal(end)))
        g.add((node, KG.inSentence, self._sentence_iri(d, s)))
        g.add((node, KG.inDocument, d))
        g.add((node, KG.mentionOf, of))

    def _indicator(self, d: URIRef, ind: Indicator) -> None:
        g = self.g
        node = iri.indicator_iri(d, ind.start)
        g.add((node, RDF.type, KG.Indicator))
        g.add((node, RDFS.label, zh(ind.label)))
        g.add((node, KG.unit, Literal(ind.unit)))
        if ind.unit.startswith("个") and len(ind.unit) > 2:
            g.add((node, KG.unitText, Literal(ind.unit[1:])))  # 个百分点 -> 百分点
        _maybe(g, node, KG.value, ind.value)
        _maybe(g, node, KG.minValue, ind.min_value)
        _maybe(g, node, KG.maxValue, ind.max_value)
        if ind.qualifier:
            g.add((node, KG.qualifier, Literal(ind.qualifier)))
        if ind.year:
            g.add((node, KG.year, Literal(str(ind.year), datatype=XSD.gYear)))
        g.add((node, KG.valueText, Literal(ind.value_text)))
        self._mention(d, ind.sentence, ind.start, ind.end, ind.label + ind.value_text, node)


def _maybe(g: Graph, node: URIRef, pred: URIRef, value: Optional[float]) -> None:
    if value is not None:
        g.add((node, pred, decimal(value)))

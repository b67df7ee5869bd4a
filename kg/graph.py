"""The graph stage: one document's evidence, indicators and actions as quads in its own graph.

Layout (all IRIs under ``vocab.RES``; the document's graph is named by its IRI):

- the document ``res:doc/<content hash>`` with its label, source path, SHA-256 and
  the region it is about (``kg:about``), and its sentences ``…/s12``;
- a mention ``…/m120-125`` per occurrence (``…/i…`` for an indicator's): ``kg:mentionOf`` the thing, ``kg:text``
  as written, ``kg:alias`` for the other names it gives the thing (山东省妇幼保健院
  for 省妇幼保健院), ``kg:positionTitle`` for a title written before a person;
- a ``kg:RelationMention`` (``rdf:subject/predicate/object``) per relation a sentence
  states or kg infers;
- indicators and planned actions, which belong to this document only.

What holds for a thing across documents (its class, one label, its other names,
its relations to other things) is derived from these graphs into the corpus graph
by ``kg.store``, so a thing named by two documents has one label and each relation
is one triple. No blank nodes: every output is byte-identical from run to run.
"""
from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode, Quad

from . import iri
from .identity import Identity
from .model import Extraction, Indicator, Mention, Sentence
from .rdf import (RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE, RDFS_LABEL, T, boolean, decimal,
                  integer, node, plain, year, zh)
from .resolve import Resolved


@dataclass(frozen=True)
class Source:
    """Where a document came from: the path shown to users and the file's SHA-256."""

    path: str  # relative to the folder the user named, or the file's name
    sha256: str

    @property
    def iri(self) -> str:
        return iri.document_iri(self.sha256)


def document_quads(ex: Extraction, resolved: Resolved, identities: dict[str, Identity],
                   source: Source) -> list[Quad]:
    return _DocumentGraph(ex, resolved, identities, source).quads


class _DocumentGraph:
    def __init__(self, ex: Extraction, resolved: Resolved, identities: dict[str, Identity],
                 source: Source) -> None:
        self.resolved, self.ids = resolved, identities
        self.d = source.iri
        self.graph = node(self.d)
        self.quads: list[Quad] = []
        self._nodes: dict[str, NamedNode] = {}
        self._build(ex, source)

    def add(self, s, p, o) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def entity(self, m: Mention) -> NamedNode:
        key = self.resolved.of[m].key
        if key not in self._nodes:
            self._nodes[key] = node(self.ids[key].iri)
        return self._nodes[key]

    def _build(self, ex: Extraction, source: Source) -> None:
        doc, d = ex.doc, node(self.d)
        self.add(d, RDF_TYPE, T.Document)
        self.add(d, RDFS_LABEL, plain(doc.name))
        self.add(d, T.sourcePath, plain(source.path))
        self.add(d, T.sha256, plain(source.sha256))
        subject = next((m for m in ex.mentions if m.text == ex.subject), None)
        if subject is not None and self.ids[self.resolved.of[subject].key].code:
            self.add(d, T.about, self.entity(subject))
        used = {m.sentence.index for m in ex.mentions} | {i.sentence.index for i in ex.indicators}
        for s in ex.sentences:
            if s.index in used:
                self._sentence(s)
        for m in ex.mentions:
            mention = self._mention(m.sentence, m.start, m.end, m.text, self.entity(m))
            for alias in sorted(self.resolved.names.get(m, set()) - {m.text}):
                self.add(mention, T.alias, zh(alias))
            title = ex.titles.get(m)
            if title:
                self.add(mention, T.positionTitle, plain(title))
        for ind in ex.indicators:
            self._indicator(ind)
        for r in ex.relations:
            head = self.entity(r.head)
            local = isinstance(r.tail, Indicator)
            tail = node(iri.indicator_iri(self.d, r.tail.start)) if local else self.entity(r.tail)
            if head == tail:
                continue
            pred = getattr(T, r.predicate)
            if local:
                self.add(head, pred, tail)  # the indicator is this document's: so is the link
            rm = node(f"{self.d}/r-{iri.short_hash(head.value, r.predicate, tail.value)}-{r.sentence.index}")
            self.add(rm, RDF_TYPE, T.RelationMention)
            self.add(rm, RDF_SUBJECT, head)
            self.add(rm, RDF_PREDICATE, pred)
            self.add(rm, RDF_OBJECT, tail)
            self.add(rm, T.inSentence, self._sentence_iri(r.sentence))
            if r.title:
                self.add(rm, T.positionTitle, plain(r.title))
            if r.inferred:
                self.add(rm, T.inferred, boolean(True))
        for a in ex.actions:
            target = self.entity(a.target)
            act = node(iri.action_iri(target.value, a.verb, self.d, a.sentence.index))
            self.add(act, RDF_TYPE, T.PlannedAction)
            self.add(act, RDFS_LABEL, zh(a.verb + a.target.text))
            self.add(act, T.verb, plain(a.verb))
            self.add(act, T.status, plain(a.status))
            self.add(act, T.actsOn, target)
            self.add(target, T.hasAction, act)
            self.add(act, T.inSentence, self._sentence_iri(a.sentence))
            if a.year:
                self.add(act, T.year, year(a.year))

    def _sentence_iri(self, s: Sentence) -> NamedNode:
        return node(f"{self.d}/s{s.index}")

    def _sentence(self, s: Sentence) -> None:
        n = self._sentence_iri(s)
        self.add(n, RDF_TYPE, T.Sentence)
        self.add(n, T.text, zh(s.text))
        self.add(n, T.startOffset, integer(s.start))
        self.add(n, T.endOffset, integer(s.end))
        self.add(n, T.inDocument, node(self.d))

    def _mention(self, s: Sentence, start: int, end: int, text: str, of: NamedNode, kind: str = "m") -> NamedNode:
        n = node(f"{self.d}/{kind}{start}-{end}")
        self.add(n, RDF_TYPE, T.Mention)
        self.add(n, T.text, zh(text))
        self.add(n, T.startOffset, integer(start))
        self.add(n, T.endOffset, integer(end))
        self.add(n, T.inSentence, self._sentence_iri(s))
        self.add(n, T.inDocument, node(self.d))
        self.add(n, T.mentionOf, of)
        return n

    def _indicator(self, ind: Indicator) -> None:
        n = node(iri.indicator_iri(self.d, ind.start))
        self.add(n, RDF_TYPE, T.Indicator)
        self.add(n, RDFS_LABEL, zh(ind.label))
        self.add(n, T.unit, plain(ind.unit))
        if ind.unit.startswith("个") and len(ind.unit) > 2:
            self.add(n, T.unitText, plain(ind.unit[1:]))  # 个百分点 -> 百分点
        for pred, value in ((T.value, ind.value), (T.minValue, ind.min_value), (T.maxValue, ind.max_value)):
            if value is not None:
                self.add(n, pred, decimal(value))
        if ind.qualifier:
            self.add(n, T.qualifier, plain(ind.qualifier))
        if ind.year:
            self.add(n, T.year, year(ind.year))
        self.add(n, T.valueText, plain(ind.value_text))
        # "i", not "m": an indicator's span may also be a thing's (推进建设|百度 read as 100 度)
        self._mention(ind.sentence, ind.start, ind.end, ind.label + ind.value_text, n, kind="i")

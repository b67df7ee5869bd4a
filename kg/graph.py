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

from decimal import Decimal
from dataclasses import dataclass

from . import iri
from .identity import Identity
from .model import Extraction, Indicator, Mention, Sentence
from .resolve import Resolved
from .store import Facts
from .vocab import KG

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_TYPE, _LABEL = f"<{_RDF}type>", "<http://www.w3.org/2000/01/rdf-schema#label>"
_SUBJECT, _PREDICATE, _OBJECT = f"<{_RDF}subject>", f"<{_RDF}predicate>", f"<{_RDF}object>"
_INTEGER = f"<{_XSD}integer>"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


class _Terms:
    """``K.mentionOf`` -> ``<…#mentionOf>`` in N-Quads, checked against ``kg.vocab.KG``."""

    def __getattr__(self, name: str) -> str:
        value = f"<{getattr(KG, name)}>"
        setattr(self, name, value)
        return value


K = _Terms()


def _zh(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"@zh'


def _plain(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"'


def _typed(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^<{_XSD}{datatype}>'


def _decimal(value: float) -> str:
    return _typed(format(Decimal(repr(value)).normalize(), "f"), "decimal")


@dataclass(frozen=True)
class Source:
    """Where a document came from: the path shown to users and the file's SHA-256."""

    path: str  # relative to the folder the user named, or the file's name
    sha256: str

    @property
    def iri(self) -> str:
        return iri.document_iri(self.sha256)


def document_nquads(ex: Extraction, resolved: Resolved, identities: dict[str, Identity],
                    source: Source) -> tuple[str, Facts]:
    """The document's graph as N-Quads, and what it tells the corpus graph of the things it
    names (``kg.store.Facts``, which a build adds up instead of reading them back).
    Written as text: a graph is made once and read by the store in bulk, and text costs a
    fraction of building term objects."""
    graph = _DocumentGraph(ex, resolved, identities, source)
    mentions = [(m, n, text, aliases, titles) for m, (nodes, text, aliases, titles) in graph.mentions.items()
                for n in sorted(nodes)]
    return "".join(graph.lines), Facts.of_mentions(mentions, graph.edges)


class _DocumentGraph:
    def __init__(self, ex: Extraction, resolved: Resolved, identities: dict[str, Identity],
                 source: Source) -> None:
        self.resolved, self.ids = resolved, identities
        self.d = source.iri
        self.tail = f" <{self.d}> .\n"
        self.lines: list[str] = []
        # what the corpus graph is made of: each mention's things, text, aliases and titles,
        # and the relations stated
        self.mentions: dict[str, tuple[set[str], str, set[str], set[str]]] = {}
        self.edges: list[tuple[str, str, str]] = []
        self._nodes: dict[str, str] = {}
        self._build(ex, source)

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o}{self.tail}")

    def entity(self, m: Mention) -> str:
        key = self.resolved.of[m].key
        if key not in self._nodes:
            self._nodes[key] = f"<{self.ids[key].iri}>"
        return self._nodes[key]

    def _build(self, ex: Extraction, source: Source) -> None:
        doc, d = ex.doc, f"<{self.d}>"
        self.add(d, _TYPE, K.Document)
        self.add(d, _LABEL, _plain(doc.name))
        self.add(d, K.sourcePath, _plain(source.path))
        self.add(d, K.sha256, _plain(source.sha256))
        subject = next((m for m in ex.mentions if m.text == ex.subject), None)
        if subject is not None and self.ids[self.resolved.of[subject].key].code:
            self.add(d, K.about, self.entity(subject))
        used = {m.sentence.index for m in ex.mentions} | {i.sentence.index for i in ex.indicators}
        for s in ex.sentences:
            if s.index in used:
                self._sentence(s)
        for m in ex.mentions:
            of = self.entity(m)
            mention = self._mention(m.sentence, m.start, m.end, m.text, of)
            aliases = self.resolved.names.get(m, set()) - {m.text}
            for alias in sorted(aliases):
                self.add(mention, K.alias, _zh(alias))
            title = ex.titles.get(m)
            if title:
                self.add(mention, K.positionTitle, _plain(title))
            nodes, _, known, titles = self.mentions.setdefault(mention, (set(), m.text, set(), set()))
            nodes.add(of[1:-1])
            known |= aliases
            titles |= {title} if title else set()
        for ind in ex.indicators:
            self._indicator(ind)
        for r in ex.relations:
            head = self.entity(r.head)
            local = isinstance(r.tail, Indicator)
            tail = f"<{iri.indicator_iri(self.d, r.tail.start)}>" if local else self.entity(r.tail)
            if head == tail:
                continue
            pred = getattr(K, r.predicate)
            if local:
                self.add(head, pred, tail)  # the indicator is this document's: so is the link
            self.edges.append((head[1:-1], pred[1:-1], tail[1:-1]))
            rm = f"<{self.d}/r-{iri.short_hash(head[1:-1], r.predicate, tail[1:-1])}-{r.sentence.index}>"
            self.add(rm, _TYPE, K.RelationMention)
            self.add(rm, _SUBJECT, head)
            self.add(rm, _PREDICATE, pred)
            self.add(rm, _OBJECT, tail)
            self.add(rm, K.inSentence, self._sentence_iri(r.sentence))
            if r.title:
                self.add(rm, K.positionTitle, _plain(r.title))
            if r.inferred:
                self.add(rm, K.inferred, _typed("true", "boolean"))
        for a in ex.actions:
            target = self.entity(a.target)
            act = f"<{iri.action_iri(target[1:-1], a.verb, self.d, a.sentence.index)}>"
            self.add(act, _TYPE, K.PlannedAction)
            self.add(act, _LABEL, _zh(a.verb + a.target.text))
            self.add(act, K.verb, _plain(a.verb))
            self.add(act, K.status, _plain(a.status))
            self.add(act, K.actsOn, target)
            self.add(target, K.hasAction, act)
            self.add(act, K.inSentence, self._sentence_iri(a.sentence))
            if a.year:
                self.add(act, K.year, _typed(str(a.year), "gYear"))

    def _sentence_iri(self, s: Sentence) -> str:
        return f"<{self.d}/s{s.index}>"

    def _sentence(self, s: Sentence) -> None:
        n, t = self._sentence_iri(s), self.tail  # one string per node: graphs have millions of lines
        self.lines.append(f"{n} {_TYPE} {K.Sentence}{t}{n} {K.text} {_zh(s.text)}{t}"
                          f'{n} {K.startOffset} "{s.start}"^^{_INTEGER}{t}{n} {K.endOffset} "{s.end}"^^{_INTEGER}{t}'
                          f"{n} {K.inDocument} <{self.d}>{t}")

    def _mention(self, s: Sentence, start: int, end: int, text: str, of: str, kind: str = "m") -> str:
        n, t = f"<{self.d}/{kind}{start}-{end}>", self.tail
        self.lines.append(f"{n} {_TYPE} {K.Mention}{t}{n} {K.text} {_zh(text)}{t}"
                          f'{n} {K.startOffset} "{start}"^^{_INTEGER}{t}{n} {K.endOffset} "{end}"^^{_INTEGER}{t}'
                          f"{n} {K.inSentence} {self._sentence_iri(s)}{t}{n} {K.inDocument} <{self.d}>{t}"
                          f"{n} {K.mentionOf} {of}{t}")
        return n

    def _indicator(self, ind: Indicator) -> None:
        n = f"<{iri.indicator_iri(self.d, ind.start)}>"
        self.add(n, _TYPE, K.Indicator)
        self.add(n, _LABEL, _zh(ind.label))
        self.add(n, K.unit, _plain(ind.unit))
        if ind.unit.startswith("个") and len(ind.unit) > 2:
            self.add(n, K.unitText, _plain(ind.unit[1:]))  # 个百分点 -> 百分点
        for pred, value in ((K.value, ind.value), (K.minValue, ind.min_value), (K.maxValue, ind.max_value)):
            if value is not None:
                self.add(n, pred, _decimal(value))
        if ind.qualifier:
            self.add(n, K.qualifier, _plain(ind.qualifier))
        if ind.year:
            self.add(n, K.year, _typed(str(ind.year), "gYear"))
        self.add(n, K.valueText, _plain(ind.value_text))
        # "i", not "m": an indicator's span may also be a thing's (推进建设|百度 read as 100 度)
        self._mention(ind.sentence, ind.start, ind.end, ind.label + ind.value_text, n, kind="i")

"""Data classes passed between the pipeline stages.

Offsets are character offsets into ``Document.text``, the *normalised* text
(see ``kg.read``), end exclusive. Every later stage points back into it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .lexicon import Division


@dataclass(frozen=True)
class Document:
    """One source text after reading and normalisation."""

    name: str  # file stem, used in IRIs and shown to users
    path: str  # as given by the user
    text: str
    encoding: str
    sha256: str = ""  # of the file's bytes: names the document in a corpus (see kg.iri)


@dataclass(frozen=True)
class Sentence:
    doc: Document
    index: int
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]


@dataclass(frozen=True)
class Mention:
    """A span of text naming an entity of one category."""

    text: str  # the name as written
    category: str  # local name of a kg class, e.g. "Park"
    sentence: Sentence
    start: int
    end: int
    aliases: tuple[str, ...] = ()  # other names implied here (e.g. 白马山片区 for 白马山)
    rule: str = ""  # which rule found it; kept for debugging and evaluation


@dataclass(frozen=True)
class Indicator:
    """A numeric target or result: 新增城镇就业2万人 -> 20000 人."""

    label: str  # the metric as written before the number, e.g. 新增城镇就业
    unit: str
    value: Optional[float]
    min_value: Optional[float]
    max_value: Optional[float]
    qualifier: str  # 以上, 左右, ... or ""
    value_text: str  # the number and unit as written, e.g. 2万人
    year: Optional[int]
    sentence: Sentence
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    """A typed link between two mentions (or a mention and an indicator)."""

    head: Mention
    predicate: str  # local name of a kg property, e.g. "locatedIn"
    tail: "Mention | Indicator"
    sentence: Sentence
    title: str = ""  # position title for holdsPosition (区长)
    year: Optional[int] = None
    inferred: bool = False  # from the document's subject, not stated in the sentence


@dataclass(frozen=True)
class Action:
    """A planned action on a named thing: 启动 王官庄 (2025)."""

    verb: str
    target: Mention
    year: Optional[int]
    sentence: Sentence
    status: str = "planned"  # "planned", or "done" when the sentence reports it as past


@dataclass
class Extraction:
    """Everything found in one document."""

    doc: Document
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    titles: dict[Mention, str] = field(default_factory=dict)  # person -> title before the name
    divisions: dict[str, "Division"] = field(default_factory=dict)  # name as written -> division
    subject: Optional[str] = None  # the division the document is about, as written


@dataclass
class Entity:
    """One real thing: the mentions of it merged across documents."""

    key: str  # category + canonical name, unique within one document (kg.identity makes the IRI)
    category: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)

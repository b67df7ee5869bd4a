"""Readable, stable IRIs: a pinyin slug plus a short hash of what identifies the thing.

``res/park/zhong-shan-gong-yuan-1a2b3c4d`` reads as 中山公园 and stays the same
across runs, machines and ``PYTHONHASHSEED`` values (sha1, not ``hash()``).
"""
from __future__ import annotations

import hashlib
import re

from pypinyin import lazy_pinyin
from rdflib import URIRef

from .vocab import RES

_SLUG_MAX = 48


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\t".join(parts).encode("utf-8")).hexdigest()[:8]


def slug(text: str) -> str:
    words = lazy_pinyin(text, errors=lambda s: [s])
    out = "-".join(w for w in (re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words) if w)
    return out[:_SLUG_MAX].strip("-") or "x"


def entity_iri(category: str, label: str) -> URIRef:
    return RES[f"{_kind(category)}/{slug(label)}-{short_hash(category, label)}"]


def document_iri(source: str) -> URIRef:
    """``source`` is the document's path relative to what the user named."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", source.replace("\\", "/").split("/")[-1])
    return RES[f"doc/{slug(stem)}-{short_hash(source)}"]


def indicator_iri(doc: URIRef, start: int) -> URIRef:
    return RES[f"indicator/{str(doc).rsplit('/', 1)[-1]}-{start}"]


def action_iri(entity: URIRef, verb: str, doc: URIRef, sentence: int) -> URIRef:
    return RES[f"action/{short_hash(str(entity), verb, str(doc), str(sentence))}"]


def _kind(category: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", category).lower()

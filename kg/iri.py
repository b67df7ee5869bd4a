"""Readable, stable IRIs, each made from what identifies the thing it names.

- a division: its GB/T 2260 code, ``res:division/370103`` (市中区 of Jinan);
- any other thing: ``res:park/ji-nan-shi-zhong-shan-gong-yuan-1a2b3c4d5e6f``, a pinyin
  slug of its name in its scope plus a hash of category, scope and name
  (see ``kg.identity``);
- a document: ``res:doc/<first 16 hex digits of the file's SHA-256>``, which also
  names the document's graph in a corpus store.

Hashes are sha1/sha256, never ``hash()``, so IRIs are the same across runs,
machines and ``PYTHONHASHSEED`` values.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pypinyin import lazy_pinyin

from .vocab import CATEGORIES, RES

_SLUG_MAX = 48
DOCUMENT_PREFIX = str(RES) + "doc/"
DIVISION_PREFIX = str(RES) + "division/"
# The graph that holds what a corpus knows about each thing from all its documents
# (its category, chosen label, other names, relations); see kg.store.
CORPUS_GRAPH = str(RES) + "corpus"


def short_hash(*parts: str, length: int = 8) -> str:
    return hashlib.sha1("\t".join(parts).encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=100_000)
def slug(text: str) -> str:
    words = lazy_pinyin(text, errors=lambda s: [s])
    out = "-".join(w for w in (re.sub(r"[^a-z0-9]+", "-", w.lower()).strip("-") for w in words) if w)
    return out[:_SLUG_MAX].strip("-") or "x"


def kind(category: str) -> str:
    """Park -> park, AdministrativeArea -> administrative-area: the IRI's path segment."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", category).lower()


_KINDS = {kind(c): c for c in CATEGORIES}


@lru_cache(maxsize=100_000)
def entity_iri(category: str, scope: str, key: str, display: str) -> str:
    """A thing's IRI: ``display`` (its name in its scope) for people to read, the hash of
    ``category``, ``scope`` and ``key`` (the compared form of its name) to tell apart."""
    return f"{RES}{kind(category)}/{slug(display)}-{short_hash(category, scope, key, length=12)}"


def division_iri(code: str) -> str:
    return f"{DIVISION_PREFIX}{code}"


def document_id(sha256: str) -> str:
    """The short id users type (``kg remove CORPUS 3f2a…``): 16 hex digits of the content hash."""
    return sha256[:16]


def document_iri(sha256: str) -> str:
    return DOCUMENT_PREFIX + document_id(sha256)


def indicator_iri(doc: str, start: int) -> str:
    return f"{RES}indicator/{doc.rsplit('/', 1)[-1]}-{start}"


def action_iri(entity: str, verb: str, doc: str, sentence: int) -> str:
    return f"{RES}action/{short_hash(entity, verb, doc, str(sentence))}"


def category_of(iri: str) -> str | None:
    """The category a thing's IRI was made for (``res:division/…`` is an AdministrativeArea);
    None for documents, indicators, actions and anything not minted by kg."""
    if not iri.startswith(str(RES)):
        return None
    head = iri[len(str(RES)):].split("/", 1)[0]
    if head == "division":
        return "AdministrativeArea"
    category = _KINDS.get(head)
    return None if category == "Indicator" else category


def division_code(iri: str) -> str | None:
    return iri[len(DIVISION_PREFIX):] if iri.startswith(DIVISION_PREFIX) else None

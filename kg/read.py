"""Read source files into normalised ``Document``s.

Decoding tries UTF-8 (with or without BOM), UTF-16 with a BOM, then GB18030
(a superset of GBK and GB2312, the encodings Chinese government sites still
serve). Anything else, and binary or empty files, raise ``InputError`` naming
the file, so a batch never half-succeeds silently.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .model import Document

log = logging.getLogger(__name__)

# One report is ~100 KB. A single document of tens of MB is a corpus pasted into one
# file: it would need ~0.4 GB of memory per MB in rdflib, so kg asks for it split.
MAX_BYTES = 20 * 1024 * 1024

# A line ending in one of these closes its sentence; a line ending otherwise
# was broken mid-sentence when the page was copied (过亿\n\n元项目).
_CLOSERS = "。！？!?；;…”’」』）)》：:"
_SOFT_ENDS = "，,、—"
_BROKEN_LINE_MIN = 30  # shorter unterminated lines are headings and bylines
_CONTINUATION_MIN = 15


def find_sources(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (recursively, ``*.txt``) into a sorted file list."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(q for q in p.rglob("*.txt") if q.is_file())
            if not files:
                raise InputError(f"{p}: folder holds no .txt files")
            found.extend(files)
        elif p.is_file():
            found.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return found


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Return (text, encoding name) or raise ``InputError``."""
    if not data.strip():
        raise InputError(f"{path}: file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path), "utf-16"
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    # A UTF-8 file with a few broken bytes would decode as GB18030 mojibake without
    # complaint: refuse it, naming the place, rather than build a graph of garbage.
    replaced = data.decode("utf-8", errors="replace").count("\ufffd")
    if replaced * 1000 < len(data) and len(data) > 200:
        raise InputError(f"{path}: invalid UTF-8 at byte {first_bad} in an otherwise UTF-8 file; "
                         "repair or re-save it as UTF-8")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: cannot decode as UTF-8 or GB18030 text") from err
    if not _mostly_text(text):
        raise InputError(f"{path}: cannot decode as UTF-8 or GB18030 text")
    return text, "gb18030"


def _strict(data: bytes, enc: str, path: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: invalid {enc} at byte {err.start}") from err


def _mostly_text(text: str) -> bool:
    """Reject decodings that are mostly control or private-use characters."""
    sample = text[:20000]
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t\f")
    return bad <= max(2, len(sample) // 100)


_HALF_WIDTH = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                       ord("％"), ord("＋")]}


def normalise(text: str) -> str:
    """Unify line breaks and spaces and join paragraphs broken mid-sentence."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u3000", " ").replace("\xa0", " ").replace("\t", " ")
    text = re.sub("[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    # ６０．５亿元 -> 60.5亿元: full-width digits, Latin letters and signs are the ASCII ones
    # (full-width Chinese punctuation stays: the rules read it)
    text = re.sub("(?<=[0-9０-９])．(?=[0-9０-９])", ".", text.translate(_HALF_WIDTH))
    lines = [re.sub(" {2,}", " ", ln).strip() for ln in text.split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if not line:
            continue
        if paragraphs and _is_broken(paragraphs[-1], line):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs) + "\n" if paragraphs else ""


def _is_broken(prev: str, line: str) -> bool:
    last, first = prev[-1], line[0]
    if last in _CLOSERS or first in "“‘「『(（《":
        return False
    if prev.startswith(("—", "-")):
        return False  # ——2019年3月4日在…会议上: a dateline under a title
    if last in _SOFT_ENDS:
        return True
    if " " in line:
        return False  # 区人民政府代区长 萨国文: a signature, spaced as the page set it
    # Joining needs a Chinese character or digit on both sides of the break, and
    # a continuation that reads as running text: long, or closing the sentence
    # (a name or a salutation on its own line after a dateline is not).
    return (len(prev) >= _BROKEN_LINE_MIN and _is_han_or_digit(last)
            and _is_han_or_digit(first)
            and (len(line) >= _CONTINUATION_MIN or line[-1] in _CLOSERS))


def _is_han_or_digit(ch: str) -> bool:
    return ch.isdigit() or "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read, decode and normalise one file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(f"{p}: {size / 1e6:.1f} MB is more than one document can be "
                             f"({max_bytes / 1e6:.0f} MB); split it into one file per report")
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"{p}: cannot read ({err.strerror or err})") from err
    raw, encoding = decode(data, str(p))
    text = normalise(raw)
    if not text.strip():
        raise InputError(f"{p}: file holds no text")
    if encoding not in ("utf-8", "utf-8-sig"):
        log.info("%s: decoded as %s", p, encoding)
    return Document(name=p.stem, path=str(p), text=text, encoding=encoding,
                    sha256=hashlib.sha256(data).hexdigest())


def read_text(text: str, name: str = "text") -> Document:
    """Wrap a string (already decoded) as a ``Document``."""
    norm = normalise(text)
    if not norm.strip():
        raise InputError(f"{name}: text is empty")
    return Document(name=name, path=name, text=norm, encoding="utf-8",
                    sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())

"""Strings every sink can store and every encoder can write, without changing offsets.

JSON may carry lone surrogates (``"\\udc00"``) and NUL characters: Python keeps them, but UTF-8 cannot encode
a lone surrogate (SHA-256 of the text, the JSON Lines output and SQLite fail) and PostgreSQL refuses NUL in
``text``. The reader makes them safe, so that one such record is never an exception in the main process:

* in a document's text and title, each lone surrogate and NUL becomes U+FFFD, one character for one, so
  record offsets still point into the text as received (a warning says how many were replaced);
* in an id, they are written as escapes (``a\\udc00`` → the six characters ``\\udc00``; NUL → ``\\x00``), so
  two ids that differ only there stay different; an id longer than :data:`MAX_ID_CHARS` is cut and ends in a
  hash of the whole id (an index key in PostgreSQL holds about 2,700 bytes).
"""
from __future__ import annotations

import hashlib
from typing import Optional, Sequence, Tuple

import regex

from .reads import Item

MAX_ID_CHARS = 512
_UNSAFE = regex.compile(r"[\x00\ud800-\udfff]")


def safe_text(s: str) -> Tuple[str, int]:
    """``(s with lone surrogates and NUL as U+FFFD, how many were replaced)``; same length as ``s``."""
    n = 0

    def repl(_m):
        nonlocal n
        n += 1
        return "\ufffd"

    if not _UNSAFE.search(s):
        return s, 0
    return _UNSAFE.sub(repl, s), n


def safe_field(s: Optional[str]) -> Optional[str]:
    return None if s is None else safe_text(s)[0]


def _escape(m) -> str:
    c = m.group()
    return "\\x00" if c == "\x00" else f"\\u{ord(c):04x}"


def safe_id(doc_id: Optional[str]) -> Tuple[Optional[str], Optional[str]]:
    """``(id any sink can store, a warning when it had to change)``."""
    if doc_id is None:
        return None, None
    safe = _UNSAFE.sub(_escape, doc_id)
    if len(safe) > MAX_ID_CHARS:
        digest = hashlib.sha256(safe.encode("utf-8")).hexdigest()[:16]
        safe = safe[:MAX_ID_CHARS - 17] + "#" + digest
    if safe == doc_id:
        return doc_id, None
    return safe, f"id: changed to {safe[:80]!r}{'…' if len(safe) > 80 else ''} (it had lone surrogates or NUL " \
                 f"characters, or was longer than {MAX_ID_CHARS} characters)"


def make_item(text: str, doc_id: Optional[str] = None, source: Optional[str] = None, title: Optional[str] = None,
              published=None, location: Optional[str] = None, warnings: Sequence[str] = ()) -> Item:
    """An Item whose strings every sink can store (:mod:`.safe`), with warnings for what was changed."""
    warnings = list(warnings)
    text, replaced = safe_text(text)
    if replaced:
        warnings.append(f"text: {replaced} lone surrogate or NUL character{'s' if replaced != 1 else ''} "
                        "replaced by U+FFFD (offsets unchanged)")
    doc_id, note = safe_id(doc_id)
    if note:
        warnings.append(note)
    if isinstance(published, str):
        published = safe_field(published)
    return Item(text=text, doc_id=doc_id, source=safe_field(source), title=safe_field(title), published=published,
                warnings=warnings, location=safe_field(location))

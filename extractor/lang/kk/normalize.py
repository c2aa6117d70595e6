"""Text normalisation that remembers where every character came from.

The recognisers work on a cleaned copy of the text, but every record must point into the text as
received. :func:`normalize` returns both the cleaned text and an :class:`OffsetMap` that turns a span
of the cleaned text back into a span of the original.

What is cleaned (all driven by the tables in ``lang/kk/data``):

* characters that are deleted: soft hyphens inside words, zero-width spaces and joiners, BOM;
* characters that are replaced one for one: non-breaking, thin and other exotic spaces by a space;
  typographic dashes and minus signs by ``-``; curly quotes by straight ones; Latin look-alike letters
  inside Cyrillic words by their Cyrillic twins (``i`` → ``і``, ``o`` → ``о``, ...); a carriage return
  by a space;
* scraper line breaks: a line break after an abbreviation that never ends a sentence (``млрд``,
  ``трлн``, ``жж``) or before a line that starts with a lower-case letter becomes a space;
* HTML markup, when the text looks like HTML: tags, comments and script/style bodies become
  spaces and character references become the character they name followed by padding spaces, so
  that offsets into the markup stay valid;
* decomposed letters (``й`` as ``и`` + U+0306) are composed (NFC).
"""
from __future__ import annotations

import bisect
import html
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import List, Tuple

import regex

from .tables import load_table


@lru_cache(maxsize=1)
def _char_tables():
    deleted = set()
    replaced = {}
    for row in load_table("normalization"):
        char = chr(int(row["codepoint"], 16))
        if row["action"] == "delete":
            deleted.add(char)
        elif row["action"] == "replace":
            rep = {"SPACE": " ", "NEWLINE": "\n"}.get(row["replacement"], row["replacement"])
            if len(rep) != 1:
                raise ValueError(f"normalization.tsv: replacement for {row['codepoint']} must be one character")
            replaced[char] = rep
        else:  # pragma: no cover - a broken table is a programming error
            raise ValueError(f"normalization.tsv: unknown action {row['action']!r}")
    look_alikes = {row["latin"]: row["cyrillic"] for row in load_table("latin_lookalikes")}
    return deleted, replaced, look_alikes


@lru_cache(maxsize=1)
def _continuation_re():
    words = sorted({r["abbr"].rstrip(".") for r in load_table("abbreviations") if r["kind"] == "continues"},
                   key=len, reverse=True)
    # the abbreviation, an optional period, then the line break (with any spaces around it)
    return regex.compile(r"(?<![\p{L}])(?:%s)\.?[ \t]*(\r?\n)" % "|".join(map(regex.escape, words)),
                         regex.IGNORECASE)


CYRILLIC = r"\p{Script=Cyrillic}"
_MIXED_WORD = regex.compile(r"\b(?=\p{L}*%s)(?=\p{L}*\p{Script=Latin})\p{L}+\b" % CYRILLIC)
_LOWER_NEXT_LINE = regex.compile(r"\r?\n(?=[ \t]*\p{Ll})")
_HTML_HINT = regex.compile(r"<(?:p|div|br|span|html|body|a|table|td|li|ul|h[1-6]|script|style|meta)\b[^>]*>",
                           regex.IGNORECASE)
_HTML_BLOCK = regex.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[A-Za-z/!][^<>]*>",
                            regex.IGNORECASE | regex.DOTALL)
_HTML_ENTITY = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def looks_like_html(text: str) -> bool:
    """True when the text carries several HTML tags (a scraped page saved as text)."""
    return len(_HTML_HINT.findall(text[:200_000], overlapped=False)) >= 3


@dataclass
class OffsetMap:
    """Maps positions in the normalised text to positions in the original.

    Stored as segments: segment ``k`` starts at normalised position ``norm_starts[k]`` and original
    position ``orig_starts[k]``; inside a segment each normalised character stands for ``widths[k]``
    original characters (1 almost always; more for a composed letter).
    """

    norm_starts: List[int] = field(default_factory=lambda: [0])
    orig_starts: List[int] = field(default_factory=lambda: [0])
    widths: List[int] = field(default_factory=lambda: [1])
    norm_length: int = 0
    orig_length: int = 0

    def to_original(self, pos: int) -> int:
        """Original position of the normalised character at ``pos`` (``pos == len`` gives the end)."""
        if pos >= self.norm_length:
            return self.orig_length
        k = bisect.bisect_right(self.norm_starts, pos) - 1
        return self.orig_starts[k] + (pos - self.norm_starts[k]) * self.widths[k]

    def span(self, start: int, end: int) -> Tuple[int, int]:
        """Original ``(start, end)`` of the normalised span ``[start, end)``."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        last = end - 1
        k = bisect.bisect_right(self.norm_starts, last) - 1
        last_orig = self.orig_starts[k] + (last - self.norm_starts[k]) * self.widths[k]
        return self.to_original(start), last_orig + self.widths[k]

    @property
    def is_identity(self) -> bool:
        return len(self.norm_starts) == 1 and self.norm_length == self.orig_length

    def to_lists(self) -> List[List[int]]:
        return [self.norm_starts, self.orig_starts, self.widths, [self.norm_length, self.orig_length]]

    @classmethod
    def from_lists(cls, data: List[List[int]]) -> "OffsetMap":
        ns, os_, ws, (nl, ol) = data
        return cls(list(ns), list(os_), list(ws), nl, ol)


class _Builder:
    """Accumulates output characters and keeps the offset segments."""

    def __init__(self):
        self.out: List[str] = []
        self.map = OffsetMap(norm_starts=[], orig_starts=[], widths=[])
        self.npos = 0
        self._expect_orig = None  # original position that continues the current segment
        self._width = None

    def emit(self, chars: str, orig_pos: int, width: int = 1):
        """Append ``chars``, each standing for ``width`` original characters from ``orig_pos`` on."""
        if not chars:
            return
        if not (self._expect_orig == orig_pos and self._width == width):
            self.map.norm_starts.append(self.npos)
            self.map.orig_starts.append(orig_pos)
            self.map.widths.append(width)
        self.out.append(chars)
        self.npos += len(chars)
        self._expect_orig = orig_pos + len(chars) * width
        self._width = width

    def finish(self, orig_length: int) -> Tuple[str, OffsetMap]:
        if not self.map.norm_starts:
            self.map.norm_starts.append(0)
            self.map.orig_starts.append(orig_length)
            self.map.widths.append(1)
        self.map.norm_length = self.npos
        self.map.orig_length = orig_length
        return "".join(self.out), self.map


@dataclass
class Normalized:
    original: str
    text: str
    offsets: OffsetMap
    html: bool = False

    def span(self, start: int, end: int) -> Tuple[int, int]:
        return self.offsets.span(start, end)


def _blank_html(text: str) -> str:
    """Same-length copy of ``text`` with markup replaced by spaces and entities decoded in place."""
    chars = list(text)
    for m in _HTML_BLOCK.finditer(text):
        s, e = m.span()
        block = m.group(0).lower()
        # a block-level tag ends a line; other tags separate words
        fill = "\n" if regex.match(r"<(?:/?(?:p|div|br|li|tr|h[1-6]|table|ul|ol|title|section|article)\b)", block) else " "
        chars[s] = fill
        for i in range(s + 1, e):
            chars[i] = " "
    for m in _HTML_ENTITY.finditer(text):
        s, e = m.span()
        if chars[s] != "&":  # inside a blanked tag
            continue
        decoded = html.unescape(m.group(0))
        if len(decoded) > e - s:
            continue
        for i, ch in enumerate(decoded.ljust(e - s)):
            chars[s + i] = ch
    return "".join(chars)


@lru_cache(maxsize=1)
def _special_re():
    """A deleted character, or a letter with combining marks (composed where NFC can)."""
    deleted = _char_tables()[0]
    return regex.compile("[%s]|\\P{M}\\p{M}+" % "".join(regex.escape(c) for c in sorted(deleted)))


@lru_cache(maxsize=1)
def _quick_checks():
    """One-character-class searches that tell whether a slower pass can find anything at all: most texts
    have no deleted character or combining mark, and half have no Latin look-alike letter."""
    deleted, replaced, look_alikes = _char_tables()
    chars = lambda cs: "".join(regex.escape(c) for c in sorted(cs))  # noqa: E731
    replace_re = regex.compile("[%s]" % chars(replaced)) if replaced else None
    special_hint = regex.compile("[%s]|\\p{M}" % chars(deleted)) if deleted else regex.compile(r"\p{M}")
    look_alike_hint = regex.compile("[%s]" % chars(look_alikes)) if look_alikes else None
    return replace_re, special_hint, look_alike_hint


def _replace_chars(work: str) -> str:
    """``work.translate`` of the one-for-one replacements, as a search for the few characters replaced
    (``str.translate`` with a dict looks up every character of the text in Python)."""
    replace_re = _quick_checks()[0]
    if replace_re is None:
        return work
    replaced = _char_tables()[1]
    return replace_re.sub(lambda m: replaced[m.group()], work)


def _same_length_edits(work: str, look_alikes) -> str:
    """Line joins and look-alike letters: character-for-character substitutions."""
    edits = {}
    for m in _continuation_re().finditer(work):
        for i in range(*m.span(1)):
            edits[i] = " "
    for m in _LOWER_NEXT_LINE.finditer(work):
        for i in range(*m.span()):
            edits[i] = " "
    look_alike_hint = _quick_checks()[2]
    if look_alikes and look_alike_hint is not None and look_alike_hint.search(work):
        for m in _MIXED_WORD.finditer(work):
            word = m.group(0)
            latin = [i for i, ch in enumerate(word) if ch in look_alikes]
            # a word that is mostly Cyrillic with stray Latin look-alikes
            if latin and sum(1 for ch in word if regex.match(CYRILLIC, ch)) >= len(word) - len(latin):
                for i in latin:
                    edits[m.start() + i] = look_alikes[word[i]]
    if not edits:
        return work
    # the few edited characters spliced between slices (a list of every character costs more)
    pieces, pos = [], 0
    for i in sorted(edits):
        pieces.append(work[pos:i])
        pieces.append(edits[i])
        pos = i + 1
    pieces.append(work[pos:])
    return "".join(pieces)


def normalize(text: str, *, strip_html: bool | None = None) -> Normalized:
    """Clean ``text`` for the recognisers and keep the way back to the original positions.

    ``strip_html``: blank out HTML markup; ``None`` decides by :func:`looks_like_html`.
    """
    deleted, _, look_alikes = _char_tables()
    special = _special_re()
    is_html = looks_like_html(text) if strip_html is None else strip_html
    work = _blank_html(text) if is_html else text
    work = _replace_chars(_same_length_edits(work, look_alikes))

    # Deletions and composed letters change lengths: the offset map gets a new segment at each.
    b = _Builder()
    pos = 0
    # ``special`` can only match at a deleted character or a combining mark: skip its scan when there is none
    for m in (special.finditer(work) if _quick_checks()[1].search(work) else ()):
        s, e = m.span()
        if s > pos:
            b.emit(work[pos:s], pos)
        piece = m.group()
        if len(piece) > 1:  # a base letter with combining marks
            composed = unicodedata.normalize("NFC", piece)
            if len(composed) == 1:
                b.emit(composed, s, e - s)
            else:
                b.emit(piece, s)
        pos = e
    if pos < len(work):
        b.emit(work[pos:], pos)
    out, offsets = b.finish(len(text))
    return Normalized(original=text, text=out, offsets=offsets, html=is_html)

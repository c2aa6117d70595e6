"""Tokens for the value recognisers: digit numbers, words and single signs, with the spaces between.

The value recognisers (numbers, money, percent, quantity, jobs, dates) read these tokens rather than run
one large regular expression: dictionary lookups over tokens. This module is their definition: a small
pattern (:data:`_TOKEN`) over a text, :func:`tokenize`. A document's value tokens are not found by running
it over the whole text again: they are read off the spaCy Doc's own tokens, each form split once
(:mod:`.doc_tokens`, used by the document analysis :mod:`.analysis`), and give exactly what
:func:`tokenize` gives (its tests hold the two equal). :func:`tokenize` itself serves texts that have no
Doc (a number phrase read alone, :func:`.numeral.reader.parse_amount`) and is the tests' oracle.

A ``num`` token is a number as news text writes it: ``5``, ``5,6``, ``1.5``, ``3 634`` and ``60 435,9``
(a first group of one to three digits, then groups of exactly three; ``2015 жылы 3 634`` keeps the
year apart). Digits that cannot be a number (parts of a date ``12.03.2018`` or a list ``1,2,3``) are
``digits`` tokens. Words are letters only: ``1000-нан`` is ``1000`` ``-`` ``нан``, glued.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional, Tuple

import regex

from ..lang.kk import numbers as N
from ..lang.kk.morph import ending_chain_pattern
from ..lang.kk.tables import load_table

_TOKEN = regex.compile(
    rf"(?P<num>(?<![0-9.,])(?:{N.FIRST_GROUP}(?:[{N.GROUP_SEPARATOR}]{N.GROUP}(?![0-9]))+|[0-9]+)"
    r"(?:,[0-9]+|\.[0-9]+)?(?![.,]?[0-9]))"
    r"|(?P<digits>[0-9]+)"
    r"|(?P<word>[\p{L}\p{M}]+)"
    r"|(?P<punct>\S)"
)


class Tok(NamedTuple):
    kind: str  # num | digits | word | punct
    text: str
    start: int
    end: int
    low: str
    glued: bool  # nothing between the previous token and this one
    newlines: int  # line breaks in the whitespace before it

    @property
    def gap_ok(self) -> bool:
        """The space before may separate two words of one mention: spaces and at most one line break."""
        return self.newlines <= 1


def read_tokens(text: str, start: int, end: int, prev_end: int, append) -> int:
    """The value pattern over ``text[start:end]``, each token appended (``append``) as :func:`tokenize`
    makes it, ``prev_end`` being the end of the token before the stretch; the end of the last one.
    :func:`tokenize` reads the whole text with it, :func:`.doc_tokens.value_tokens` the stretches of Doc
    tokens whose boundaries the pattern may read across."""
    new = tuple.__new__
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        t = m.group()
        glued = s == prev_end and prev_end > 0
        append(new(Tok, (m.lastgroup, t, s, e, t.lower(), glued,
                         0 if glued or s == prev_end else text.count("\n", prev_end, s))))
        prev_end = e
    return prev_end


@lru_cache(maxsize=8)
def tokenize(text: str) -> Tuple[Tok, ...]:
    out: list = []
    read_tokens(text, 0, len(text), 0, out.append)
    return tuple(out)


_CHAIN = regex.compile(r"(?:%s)" % ending_chain_pattern(), regex.IGNORECASE)


@lru_cache(maxsize=1)
def _particles():
    return tuple(sorted(((r["particle"], r["meaning"]) for r in load_table("value_particles")),
                        key=lambda r: -len(r[0])))


@lru_cache(maxsize=8192)
def particle_of(rest: str) -> Optional[str]:
    """How ``rest`` (what follows a stem) reads: ``""`` for a chain of Kazakh endings (``нан``,
    ``ы``+``нан``, ``лар``+``ы``+``на``) or nothing; the meaning of a particle inside it (``approx`` for
    ``дай`` in ``теңгедей``, ``литрдейі``; ``only`` for ``ақ`` in ``14-ақ``); None if it is neither."""
    if not rest or _CHAIN.fullmatch(rest) is not None:
        return ""
    for particle, meaning in _particles():
        k = rest.find(particle)
        while k >= 0:
            head, tail = rest[:k], rest[k + len(particle):]
            if (not head or _CHAIN.fullmatch(head)) and (not tail or _CHAIN.fullmatch(tail)):
                return meaning
            k = rest.find(particle, k + 1)
    return None


def is_ending_chain(rest: str) -> bool:
    """``rest`` may follow a number or unit stem: endings, with or without a particle (see :func:`particle_of`)."""
    return particle_of(rest) is not None


def glued_suffix(toks: Tuple[Tok, ...], j: int) -> int:
    """If ``toks[j]`` is a hyphen glued to the token before it and followed by a glued ending
    (``1000-нан``, ``50%-ға``, ``млрд-тан``), the index after the ending; else ``j``."""
    if (j + 1 < len(toks) and toks[j].text == "-" and toks[j].glued and toks[j + 1].glued
            and toks[j + 1].kind == "word" and is_ending_chain(toks[j + 1].low)
            and not (j + 2 < len(toks) and toks[j + 2].glued and toks[j + 2].kind in ("word", "num", "digits"))):
        return j + 2
    return j

"""Kazakh inflection, read from ``data/case_endings.tsv``.

This module is the single place that knows how Kazakh words are inflected. Recognisers use
:func:`suffix_pattern` to accept a stem with any ending (``теңге`` matches ``теңгеден``, ``теңгеге``,
``теңгенің``); :func:`strip_endings` gives a stem back.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Tuple

import regex

from .tables import load_table


@lru_cache(maxsize=1)
def endings() -> Tuple[str, ...]:
    """All single endings, longest first."""
    return tuple(sorted({r["ending"] for r in load_table("case_endings")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def ending_chain_pattern() -> str:
    """Regex (no groups) for up to three endings in a row: ``ы``+``нан``, ``лар``+``ы``+``на``."""
    one = "|".join(regex.escape(e) for e in endings())
    # possessive/plural + case need an optional linking ы/і/н
    return r"(?:(?:%s)(?:[ыі]?н?(?:%s)){0,2})?" % (one, one)


def suffix_pattern(stem: str) -> str:
    """Regex (no groups) matching ``stem`` with any chain of endings, case-insensitively at the caller."""
    return regex.escape(stem) + ending_chain_pattern()


@lru_cache(maxsize=4096)
def strip_endings(word: str, min_stem: int = 2) -> str:
    """Remove endings from the end of ``word`` while a stem of at least ``min_stem`` letters remains."""
    w = word
    changed = True
    while changed:
        changed = False
        for e in endings():
            if w.lower().endswith(e) and len(w) - len(e) >= min_stem:
                w = w[: -len(e)]
                changed = True
                break
    return w

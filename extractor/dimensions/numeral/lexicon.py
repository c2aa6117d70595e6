"""The number words of Kazakh, read from ``lang/kk/data/number_words.tsv`` and its two companions.

``number_suffixes.tsv`` lists the endings that make a number something other than a counted amount
(ordinals, collectives, "thousands of"); ``number_homographs.tsv`` the inflected forms of number words
that are other words in news text (``оны`` "it", ``бірге`` "together").
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Dict, Tuple

from ...lang.kk.morph import ending_rows
from ...lang.kk.tables import load_table


@dataclass(frozen=True)
class NumberWord:
    word: str
    value: Decimal
    kind: str  # zero | unit | ten | hundred | scale | fraction | point
    abbr: bool
    ordinal: str


@lru_cache(maxsize=1)
def number_words() -> Tuple[NumberWord, ...]:
    return tuple(NumberWord(r["word"].lower(), Decimal(r["value"]), r["kind"], r.get("form") == "abbr",
                            r.get("ordinal", "").lower())
                 for r in load_table("number_words"))


@lru_cache(maxsize=1)
def by_word() -> Dict[str, NumberWord]:
    return {w.word: w for w in number_words()}


@lru_cache(maxsize=1)
def by_ordinal() -> Dict[str, NumberWord]:
    return {w.ordinal: w for w in number_words() if w.ordinal}


@lru_cache(maxsize=1)
def blocking_suffixes() -> Tuple[str, ...]:
    """Endings after which a number is not a cardinal amount (ordinal, collective, indefinite)."""
    return tuple(sorted({r["suffix"].lower() for r in load_table("number_suffixes")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def homographs() -> Tuple[str, ...]:
    return tuple(sorted({r["form"].lower() for r in load_table("number_homographs")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def indefinite_words() -> frozenset:
    """Words after which a scale word is indefinite (бірнеше мың, ондаған миллион)."""
    return frozenset(r["word"].lower() for r in load_table("number_indefinite"))


@lru_cache(maxsize=1)
def ablative_endings() -> frozenset:
    """The ablative case endings (``case_endings.tsv``): a denominator is ``оннан``, ``жүзден``, ``мыңнан``."""
    return frozenset(e.ending for e in ending_rows() if e.case == "ablative")


@lru_cache(maxsize=1)
def spoken_points() -> frozenset:
    """Particles read as the decimal point between two number words (``spoken_decimal_points.tsv``)."""
    return frozenset(r["word"].lower() for r in load_table("spoken_decimal_points"))

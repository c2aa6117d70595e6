"""Writing numbers in Kazakh words (the inverse of :mod:`.parse`), and adding a case ending to them.

Used to state what the parser must read back (property tests) and wherever a number has to be
spelled out. ``to_words(2500)`` → ``"екі мың бес жүз"``; ``to_words(Decimal("2.5"))`` → ``"екі бүтін
оннан бес"``.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Dict, List, Union

from ...lang.kk.morph import BACK_VOWELS, FRONT_VOWELS, VOWELS, ending_rows
from .lexicon import number_words

Number = Union[int, Decimal]


@lru_cache(maxsize=1)
def _names() -> Dict[int, str]:
    out: Dict[int, str] = {}
    for w in number_words():
        if w.kind in ("zero", "unit", "ten", "hundred", "scale") and not w.abbr and w.value == int(w.value):
            out.setdefault(int(w.value), w.word)
    return out


def _below_thousand(n: int, *, one_hundred: bool) -> List[str]:
    names, out = _names(), []
    h, rest = divmod(n, 100)
    if h:
        if h > 1 or one_hundred:
            out.append(names[h])
        out.append(names[100])
    t, u = divmod(rest, 10)
    if t:
        out.append(names[t * 10])
    if u:
        out.append(names[u])
    return out


def integer_words(n: int, *, explicit_one: bool = True) -> List[str]:
    """The words of a non-negative integer below 10¹⁸. ``explicit_one``: ``бір мың`` / ``бір жүз``
    rather than ``мың`` / ``жүз`` (both are Kazakh)."""
    if n < 0:
        raise ValueError("integer_words: negative number")
    names = _names()
    if n == 0:
        return [names[0]]
    scales = sorted((v for v in names if v >= 1000), reverse=True)
    out: List[str] = []
    for s in scales:
        q, n = divmod(n, s)
        if q >= 1000:
            raise ValueError("integer_words: number too large")
        if q:
            if q == 1 and not explicit_one:
                out.append(names[s])
            else:
                out.extend(_below_thousand(q, one_hundred=explicit_one) + [names[s]])
    if n:
        out.extend(_below_thousand(n, one_hundred=explicit_one))
    return out


def to_words(value: Number, *, explicit_one: bool = True) -> str:
    """A non-negative number in words; a fraction of up to three decimal places is written with
    ``бүтін`` (``2.5`` → ``екі бүтін оннан бес``, ``0.07`` → ``нөл бүтін жүзден жеті``)."""
    d = Decimal(value)
    if d < 0:
        raise ValueError("to_words: negative number")
    whole = int(d)
    frac = d - whole
    words = integer_words(whole, explicit_one=explicit_one)
    if frac:
        places = -frac.normalize().as_tuple().exponent
        if places > 3:
            raise ValueError("to_words: more than three decimal places")
        den = 10 ** places
        num = int(frac * den)
        den_word = {10: "он", 100: "жүз", 1000: "мың"}[den]
        words += ["бүтін", den_word + ablative(den_word)] + integer_words(num, explicit_one=explicit_one)
    return " ".join(words)


_BACK = BACK_VOWELS
_FRONT = FRONT_VOWELS
_VOWELS = VOWELS


def with_ending(word: str, case: str) -> str:
    """``word`` with the ``case`` ending that vowel harmony and its last sound ask for (case names as
    in case_endings.tsv: genitive, accusative, dative, locative, ablative, instrumental)."""
    return word + suffix_for(word, case)


def suffix_for(word: str, case: str) -> str:
    w = word.lower()
    front = next((ch in _FRONT for ch in reversed(w) if ch in _BACK or ch in _FRONT), False)
    last = w[-1]
    if last in _VOWELS:
        sound = "vowel"
    elif last in "мнң":
        sound = "nasal"
    elif last in "лрйужз":
        sound = "voiced"
    else:
        sound = "voiceless"
    for row in ending_rows():
        if row.case != case:
            continue
        if row.harmony not in ("any", "front" if front else "back"):
            continue
        if sound in row.after:
            return row.ending
    raise ValueError(f"no {case} ending for {word!r}")


def ablative(word: str) -> str:
    return suffix_for(word, "ablative")

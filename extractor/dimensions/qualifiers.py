"""Qualifiers: the words before or after an amount that say how exact it is.

Read from ``lang/kk/data/qualifiers.tsv``. A qualifier written *before* the amount (``шамамен 30 млрд
теңге``, ``кем дегенде 5 мың``) applies as it is. One written *after* it must agree with the case of
the word it follows: ``астам`` (more than) follows an ablative (``19 млрд теңгеден астам``), ``жуық``
(nearly) a dative (``3 млн теңгеге жуық``); so ``жақын`` is "less than" after an ablative (``500
метрден жақын``) and "nearly" after a dative (``100-ге жақын``), and ``50 тонна артық өнім`` (surplus)
is no qualifier at all. The longest phrase wins (``артық болмайды`` "not more than" over ``артық``).
A word that begins a qualifier of the next amount (``кем дегенде``) is not read as one of this amount.

:func:`before` and :func:`after` work on tokens (:mod:`.tokens`) and return the qualifier and the new
edge of the mention, which includes the qualifier words (as the gold spans do: ``19 млрд\\nтеңгеден
астам``).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Optional, Sequence, Tuple

from ..lang.kk.morph import ending_rows
from ..lang.kk.tables import load_table
from .phrases import PhraseLexicon, make_phrase
from .tokens import Tok

# the cases an `after` qualifier may ask for, by their endings (case_endings.tsv); one-letter endings
# (the dative -а/-е after a 1st-person possessive) are left out: every nominative in -а/-е would match
_CASE_NAMES = {"ablative": "abl", "dative": "dat", "instrumental": "ins"}
# a unit written as a sign shows no case: it agrees with any qualifier (43% дейін)
SIGNS = "%$€£₸"


@lru_cache(maxsize=1)
def _case_endings() -> Tuple[Tuple[str, str], ...]:
    rows = [(e.ending, _CASE_NAMES[e.case]) for e in ending_rows() if e.case in _CASE_NAMES and len(e.ending) > 1]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=4096)
def case_of(word: str) -> str:
    """The case of a whole word by its last letters: ``abl``, ``dat``, ``ins``, ``any`` (a sign or digits:
    no visible case) or ``nom``. A stem that ends like an ending (теңге) reads as that case: where the
    stem is known, :func:`case_of_ending` is exact."""
    w = word.lower().rstrip(".")
    if not w or w[-1] in SIGNS or w[-1].isdigit():
        return "any"
    for ending, case in _case_endings():
        if w.endswith(ending) and len(w) > len(ending):
            return case
    return "nom"


@lru_cache(maxsize=4096)
def case_of_ending(rest: str) -> str:
    """The case that the endings after a known stem mark (``ден`` → abl, ``і`` → nom, ``""`` → nom)."""
    r = rest.lower().lstrip("-")
    for ending, case in _case_endings():
        if r.endswith(ending):
            return case
    return "nom"


@lru_cache(maxsize=1)
def _lexicons() -> Tuple[PhraseLexicon, PhraseLexicon]:
    before, after = [], {}
    for r in load_table("qualifiers"):
        if r["place"] == "before":
            before.append(make_phrase(r["phrase"], r["qualifier"]))
        else:
            after.setdefault(r["phrase"], {})[r["case"] or "any"] = r["qualifier"]
    return PhraseLexicon(before), PhraseLexicon(make_phrase(p, cases) for p, cases in after.items())


def _agree(cases: Dict[str, str], case: str) -> Optional[str]:
    if case == "any":
        return next(iter(cases.values()))
    return cases.get(case) or cases.get("any")


def before(toks: Sequence[Tok], i: int) -> Optional[Tuple[str, int]]:
    """A qualifier right before token ``i``: ``(qualifier, index of its first token)``, or None."""
    if i == 0 or toks[i].glued or not toks[i].gap_ok:
        return None
    m = _lexicons()[0].match_ending_at(toks, i)
    if m is None:
        return None
    return m[0].payload, m[1]


def after(toks: Sequence[Tok], j: int, case: str) -> Optional[Tuple[str, int]]:
    """A qualifier at token ``j`` that agrees with ``case`` (of the word before it, see :func:`case_of`):
    ``(qualifier, index after it)``."""
    if j >= len(toks) or toks[j].glued or not toks[j].gap_ok:
        return None
    lex = _lexicons()[1]
    m = lex.match(toks, j)
    if m is None:
        return None
    if before_starts(toks, j, m[1]):
        return None
    q = _agree(m[0].payload, case)
    if q is None:
        # a shorter phrase may agree (the longest one may belong to another case)
        for p in sorted(lex.candidates(toks[j]), key=lambda p: -len(p.parts)):
            end = lex._match_rest(toks, j, p)
            if end is not None and end < m[1]:
                q = _agree(p.payload, case)
                if q is not None:
                    return q, end
        return None
    return q, m[1]


def before_at(toks: Sequence[Tok], i: int) -> Optional[Tuple[str, int]]:
    """A qualifier written at token ``i`` that would stand before an amount: ``(qualifier, index after)``."""
    if i >= len(toks):
        return None
    m = _lexicons()[0].match(toks, i)
    return None if m is None else (m[0].payload, m[1])


def before_starts(toks: Sequence[Tok], j: int, end: int) -> bool:
    """A qualifier of the next amount starts at ``j`` and is longer than ``end`` (кем | кем дегенде)."""
    m = _lexicons()[0].match(toks, j)
    return m is not None and m[1] > end

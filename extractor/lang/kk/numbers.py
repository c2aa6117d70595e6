"""How news text writes a number with digits: the one definition of space-grouped thousands.

A grouped number is a first group of one to three digits, then groups of exactly three, separated by
one space (``3 634``, ``60 435,9``); a decimal part follows a comma or a period. Three readers build their
patterns from these pieces: the kk tokenizer (which merges the groups into one token,
:mod:`.tokenizer`), the ``like_num`` lexical attribute (:mod:`.lex_attrs`) and the value recognisers'
token stream (:mod:`extractor.dimensions.tokens`).
"""
from __future__ import annotations

FIRST_GROUP = r"[0-9]{1,3}"  # the first group of a grouped number
GROUP = r"[0-9]{3}"  # every later group
GROUP_SEPARATOR = " "  # what stands between two groups
DECIMAL = r"[.,][0-9]+"  # a decimal part
SIGN = r"[+-]?"
# what may be glued after a number token: a percent sign, then a hyphen and a short case ending (50%-ға)
TOKEN_TAIL = r"%?(?:-\p{Ll}{1,5})?"


def grouped(sep: str = GROUP_SEPARATOR) -> str:
    """A number written with grouped thousands (at least two groups), ``sep`` between the groups."""
    return rf"{FIRST_GROUP}(?:{sep}{GROUP})+"

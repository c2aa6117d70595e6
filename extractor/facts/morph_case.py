"""The grammatical case a name mention stands in, read from its last word with the project's morphology
(:mod:`extractor.lang.kk.morph`): ``«ҚазАзот» ЖШС-ның`` → genitive, ``Маңғыстау облысына`` → dative,
``«Ақтау теңіз порты» АЭА`` → nominative.

The case readings of a word form are analysed once per form in the shared form table
(:attr:`extractor.lang.kk.forms.Form.cases`); only the choice among them, which depends on the name's
base form, is made here.
"""
from __future__ import annotations

from typing import Optional

from ..lang.kk.forms import form_of

NOMINATIVE = "nominative"


def word_case(word: str, base: Optional[str] = None) -> str:
    """Case of ``word``; ``base`` (the name's base form, when known) settles a bare word as nominative."""
    word = word.strip("«»\"“”„'.,;:()")
    if not word:
        return NOMINATIVE
    last = base.split()[-1] if base is not None and base.split() else None
    if last is not None and word.casefold() == last.casefold().strip("«»\"“”„'"):
        return NOMINATIVE
    cands = form_of(word).cases
    if not cands:
        return NOMINATIVE
    if cands[0] == "tail":  # a hyphenated ending (ЖШС-ның): its case, whatever the base
        return cands[1]
    if base is not None:
        last = last.casefold() if last is not None else ""
        fitting = [p for p in cands if p.base.casefold() == last]
        if fitting:
            return max(fitting, key=lambda p: len(p.case)).case_name
    return max(cands, key=lambda p: len(p.case)).case_name


def mention_case(text: str, name: Optional[str] = None) -> str:
    words = text.split()
    return word_case(words[-1], name) if words else NOMINATIVE

"""The grammatical case a name mention stands in, read from its last word with the project's morphology
(:mod:`extractor.lang.kk.morph`): ``«ҚазАзот» ЖШС-ның`` → genitive, ``Маңғыстау облысына`` → dative,
``«Ақтау теңіз порты» АЭА`` → nominative."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..lang.kk.morph import ending_rows, hyphen_base, parses

NOMINATIVE = "nominative"


@lru_cache(maxsize=1)
def _case_endings():
    return tuple(sorted(((e.ending, e.case) for e in ending_rows() if e.use == "case"), key=lambda x: -len(x[0])))


@lru_cache(maxsize=8192)
def word_case(word: str, base: Optional[str] = None) -> str:
    """Case of ``word``; ``base`` (the name's base form, when known) settles a bare word as nominative."""
    word = word.strip("«»\"“”„'.,;:()")
    if not word:
        return NOMINATIVE
    if base is not None and base.split() and word.casefold() == base.split()[-1].casefold().strip("«»\"“”„'"):
        return NOMINATIVE
    hb = hyphen_base(word)
    if hb is not None:
        tail = word[len(hb) + 1:].lower()
        for ending, case in _case_endings():
            if tail.endswith(ending):
                return case
        return NOMINATIVE
    cands = [p for p in parses(word) if p.case]
    if base is not None:
        last = base.split()[-1].casefold() if base.split() else ""
        fitting = [p for p in cands if p.base.casefold() == last]
        if fitting:
            return max(fitting, key=lambda p: len(p.case)).case_name
    if cands:
        return max(cands, key=lambda p: len(p.case)).case_name
    return NOMINATIVE


def mention_case(text: str, name: Optional[str] = None) -> str:
    words = text.split()
    return word_case(words[-1], name) if words else NOMINATIVE

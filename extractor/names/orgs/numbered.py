"""Institutions named by a number: ``№ 12 мектеп-гимназия``, ``№3 қалалық емхананың`` → №3 қалалық емхана,
``№ 45 балабақшасына`` → № 45 балабақшасы.

The number sign and the number, up to three lower-case modifiers (``қалалық``, ``орта``, ``көпбейінді``), and
a noun of ``data/org_numbered_heads.tsv`` in any case form, with the person it is named after
(``Абай атындағы № 8 гимназия``). The name is in the nominative.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Tuple

import regex

from ...lang.kk.morph import base_form
from ...lang.kk.tables import column
from ..text import TextInfo
from .finding import OrgFinding
from ..lexicon import named_after
from .headed import person_before

NUMBER_SIGN = regex.compile(r"№[ \t]?\d+(?:[-/]\d+)?")
MAX_MODIFIERS = 3


@lru_cache(maxsize=1)
def numbered_heads() -> Tuple[str, ...]:
    return tuple(sorted(column("org_numbered_heads", "word"), key=len, reverse=True))


def _is_head(word: str) -> bool:
    low = word.casefold()
    for h in numbered_heads():
        # the bare noun with any ending; a voiced last sound may turn voiceless or voiced (мектебі)
        if low.startswith(h) or (low.startswith(h[:-1]) and h[-1] in "пкқ" and low[len(h) - 1:len(h)] in "бгғ"):
            return True
    return False


def find_numbered_orgs(info: TextInfo) -> List[OrgFinding]:
    out: List[OrgFinding] = []
    for m in NUMBER_SIGN.finditer(info.text):
        w = info.word_at(m.start() + (len(m.group()) - len(m.group().lstrip("№ \t"))))
        if w is None:
            continue
        taken = []
        nxt = info.next(w)
        while nxt is not None and info.adjacent(w if not taken else taken[-1], nxt) and len(taken) <= MAX_MODIFIERS:
            if not nxt.text[:1].islower():
                break
            taken.append(nxt)
            if _is_head(nxt.text):
                start = m.start()
                prev = info.prev(w)  # Сәкен Сейфуллин атындағы № 12 мектеп-лицейі
                if prev is not None and prev.lower in named_after() and not info.text[prev.end:m.start()].strip():
                    start = person_before(info, prev).start if person_before(info, prev) is not prev else start
                name = base_form(" ".join(info.text[start:nxt.end].split()), "org")
                out.append(OrgFinding(start, nxt.end, name))
                break
            nxt = info.next(nxt)
    return out

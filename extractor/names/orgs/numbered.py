"""Institutions named by a number: ``№ 12 мектеп-гимназия``, ``№3 қалалық емхананың`` → №3 қалалық емхана,
``№ 45 балабақшасына`` → № 45 балабақшасы.

The number sign and the number, up to three lower-case modifiers (``қалалық``, ``орта``, ``көпбейінді``), and
a noun of ``data/org_numbered_heads.tsv`` in any case form, with the person it is named after
(``Абай атындағы № 8 гимназия``). A phrase the table marks ``optional`` also follows a bare number of three to
six digits (a military unit: ``5517 әскери бөлімінде`` → 5517 әскери бөлімі). The name is in the nominative.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Tuple

import regex

from ...lang.kk.morph import base_form
from ...lang.kk.tables import column, load_table
from ..text import TextInfo
from .finding import OrgFinding
from ..lexicon import named_after
from .headed import person_before

NUMBER_SIGN = regex.compile(r"№[ \t]?\d+(?:[-/]\d+)?")
BARE_NUMBER = regex.compile(r"(?<![\d\p{L}.,])(?:\d{3,6}|\d{2}(?=/))(?:/\d{1,4})?(?![\d.,]\d)")
MAX_MODIFIERS = 3


@lru_cache(maxsize=1)
def numbered_heads() -> Tuple[str, ...]:
    return tuple(sorted(column("org_numbered_heads", "word"), key=len, reverse=True))


@lru_cache(maxsize=1)
def unsigned_heads() -> Tuple[Tuple[str, ...], ...]:
    """The phrases that also follow a number without the sign, as lists of words (әскери, бөлім)."""
    return tuple(tuple(r["word"].casefold().split()) for r in load_table("org_numbered_heads")
                 if r["sign"] == "optional")


def _is_head(word: str) -> bool:
    low = word.casefold()
    for h in numbered_heads():
        if " " in h:
            continue
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
    out.extend(_unsigned_units(info))
    return out


def _unsigned_units(info: TextInfo) -> List[OrgFinding]:
    """``5517 әскери бөлімінде`` → 5517 әскери бөлімі: a bare number, then a phrase the table marks optional,
    its last word with the possessive in any case form (``1200 әскери бөлімге`` counts units, names none)."""
    out: List[OrgFinding] = []
    phrases = unsigned_heads()
    if not phrases:
        return out
    for m in BARE_NUMBER.finditer(info.text):
        w = info.word_ending_at(m.end())  # the number's last word (55/12 is three words)
        if w is None:
            continue
        for phrase in phrases:
            words, cur = [], w
            for k, want in enumerate(phrase):
                nxt = info.next(cur)
                last = k == len(phrase) - 1  # the possessive names one unit: бөлімі, бөлімінде (not бөлімге)
                if nxt is None or not info.adjacent(cur, nxt) or (not last and nxt.lower != want) \
                        or (last and not regex.match(regex.escape(want) + r"[ыі]", nxt.lower)):
                    break
                words.append(nxt)
                cur = nxt
            if len(words) == len(phrase):
                start = m.start()
                sign = regex.search(r"№[ \t]?$", info.text[max(0, start - 2):start])
                if sign is not None:  # № 5517 әскери бөлімі
                    start -= len(sign.group())
                name = base_form(" ".join(info.text[start:words[-1].end].split()), "org")
                out.append(OrgFinding(start, words[-1].end, name))
                break
    return out

"""Quoted names listed before one plural head noun or legal form: each quotation is an organisation.

``«Арна», «Бірлік» және «Шапағат» компаниялары`` → Арна, Бірлік, Шапағат; ``«Жарық» пен «Сәуле»
кәсіпорындарына`` → Жарық, Сәуле; ``«Өркен», «Дала» ЖШС-лері`` → Өркен, Дала (legal form ЖШС). The items
span is the quoted text (the quotation marks and the shared head belong to no one of them); the items
are joined by a comma or a conjunction (``data/name_stop_words.tsv``, role ``joiner``). A head in the
singular names one organisation and is read by :mod:`.headed`.
"""
from __future__ import annotations

from typing import List

import regex

from ..heads import plural_head_entity
from ..lexicon import list_joiners
from ..text import Quote, TextInfo
from .finding import OrgFinding
from .legal import abbreviations

PLURAL_LEGAL = regex.compile(r"-(?:лар|лер|дар|дер|тар|тер)")


def _name_like(q: Quote) -> bool:
    return bool(q.text) and (q.text[0].isupper() or q.text[0].isdigit() or bool(regex.match(r"\p{Latin}", q.text)))


def _joined_before(info: TextInfo, k: int) -> bool:
    """Whether quotation ``k - 1`` comes before quotation ``k`` in a list: only a comma or a joiner word
    between them."""
    if k == 0:
        return False
    gap = info.text[info.quotes[k - 1].end:info.quotes[k].start].strip(" \t")
    return gap == "," or gap.casefold() in list_joiners()


def _list_before(info: TextInfo, pos: int) -> List[Quote]:
    last = info.quote_closing_before(pos)
    if last is None:
        return []
    k = info.quotes.index(last)
    first = k
    while first > 0 and k - first < 20 and _joined_before(info, first):
        first -= 1
    items = info.quotes[first:k + 1]
    return items if len(items) > 1 and all(_name_like(q) for q in items) else []


def find_listed_quotes(info: TextInfo) -> List[OrgFinding]:
    out: List[OrgFinding] = []
    if not info.quotes:
        return out
    for w in info.words:
        if w.text[:1].islower() and plural_head_entity(w) == "org" and info.in_quote(w.start) is None:
            out.extend(OrgFinding(q.inner_start, q.inner_end, q.text) for q in _list_before(info, w.start))
    for lf in abbreviations(info.text):
        if PLURAL_LEGAL.search(info.text, lf.start, lf.end):
            out.extend(OrgFinding(q.inner_start, q.inner_end, q.text, lf.form) for q in _list_before(info, lf.start))
    return out

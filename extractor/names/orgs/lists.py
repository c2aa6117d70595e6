"""Quoted names listed before one plural head noun or legal form: each quotation is an organisation.

``«Арна», «Бірлік» және «Шапағат» компаниялары`` → Арна, Бірлік, Шапағат; ``«Жарық» пен «Сәуле»
кәсіпорындарына`` → Жарық, Сәуле; ``«Өркен», «Дала» ЖШС-лері`` → Өркен, Дала (legal form ЖШС). The items
span is the quoted text (the quotation marks and the shared head belong to no one of them); the items
are joined by a comma or a conjunction (``data/name_stop_words.tsv``, role ``joiner``). A head in the
singular names one organisation and is read by :mod:`.headed`.

Names in Latin script need no quotes: ``MasterCard, Amazon Web Services және Royal Dutch Shell компанияларының``
→ MasterCard, Amazon Web Services, Royal Dutch Shell (each item a run of Latin-script words).
"""
from __future__ import annotations

from typing import List

import regex

from ..heads import plural_org_heads
from ..lexicon import list_joiners
from ..text import Quote, TextInfo, Word
from .finding import OrgFinding
from .legal import abbreviations_in

ANY_LATIN = regex.compile(r"\p{Latin}")
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


def _latin_list_before(info: TextInfo, head: Word) -> List[List[Word]]:
    """The runs of Latin-script words listed right before ``head``, joined by commas or joiner words."""
    items: List[List[Word]] = []
    cur: List[Word] = []
    right, x = head, info.prev(head)
    while x is not None and len(items) < 20:
        gap = info.text[x.end:right.start].strip(" \t")
        if x.latin and gap == "":
            cur.insert(0, x)
        elif x.latin and gap == "," and cur:
            items.insert(0, cur)
            cur = [x]
        elif x.lower in list_joiners() and gap == "" and cur:
            items.insert(0, cur)
            cur = []
        else:
            break
        right, x = x, info.prev(x)
    if cur:
        items.insert(0, cur)
    return items if len(items) > 1 else []


def find_listed_quotes(info: TextInfo) -> List[OrgFinding]:
    out: List[OrgFinding] = []
    # the lower-case plural org heads (компаниялары), found in one pass: both lists end at one
    heads = plural_org_heads(info)
    latin = ANY_LATIN.search(info.text) is not None
    for w in heads if latin else ():  # a head right after a Latin word
        prev = info.prev(w)
        if prev is not None and prev.latin and info.adjacent(prev, w):
            for item in _latin_list_before(info, w):
                name = " ".join(info.text[item[0].start:item[-1].end].split())
                out.append(OrgFinding(item[0].start, item[-1].end, name))
    if not info.quotes:
        return out
    for w in heads:
        if info.in_quote(w.start) is None:
            out.extend(OrgFinding(q.inner_start, q.inner_end, q.text) for q in _list_before(info, w.start))
    for lf in abbreviations_in(info):
        if PLURAL_LEGAL.search(info.text, lf.start, lf.end):
            out.extend(OrgFinding(q.inner_start, q.inner_end, q.text, lf.form) for q in _list_before(info, lf.start))
    return out

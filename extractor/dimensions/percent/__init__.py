"""The percent recogniser: ``50%``, ``50%-ға``, ``12,5 пайыз``, ``3 процент``, ``2 пайыздық тармақ``,
``-10,7%`` (the sign is kept), ``10-12%-ға`` (range), ``43% дейін`` (up to).

The percent words are in ``lang/kk/data/percent_words.tsv``; the grammar is :mod:`..measure`. A ratio
(``3,5 есе``) is not a percent.

Lists: bare numbers that one percent word closes, in one clause, are percents too: ``шығыстары 95, оның
ішінде республикалық бюджет 96, жергілікті бюджет 95 пайыз атқарылды`` gives 95, 96 and 95. A number
belongs to the list only when a comma (or ``және``) follows it directly (``95, ``: glued to the number, a
space after it) and at most a few words (no digits, no other punctuation) separate it from the next
number of the list.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional, Sequence

from ...lang.kk.tables import load_table
from ...mentions import Context, Mention
from ..measure import Found, MeasureGrammar, clean
from ..numeral import read_number
from ..numeral.reader import free_start
from ..phrases import PhraseLexicon, make_phrase
from ..tokens import Tok, tokenize

# a list item is separated from the next number by a comma and at most this many words
MAX_LIST_GAP_WORDS = 5
_LIST_CONJ = ("және", "мен", "пен", "бен", "ал")


@lru_cache(maxsize=1)
def grammar() -> MeasureGrammar:
    units = [make_phrase(r["form"], None, inflect=r["inflect"] == "yes", glued_first=r["glued"] == "yes")
             for r in load_table("percent_words")]
    return MeasureGrammar(PhraseLexicon(units), signed=True)


def _mention(start: int, end: int, value, value_max, qualifier: str) -> Mention:
    return Mention("percent", start, end, {"value": value, "value_max": value_max, "qualifier": qualifier})


def find(text: str, ctx: Optional[Context] = None) -> List[Mention]:
    toks = tokenize(text)
    out = []
    for f in grammar().find(text):
        out.extend(_mention(toks[k].start, toks[k].end, v, None, "exact") for k, v in list_before(toks, f))
        out.append(_mention(f.start, f.end, f.value, f.value_max, f.qualifier))
    out.sort(key=lambda m: m.start)
    return out


def _bare_number(toks: Sequence[Tok], k: int):
    """A number token standing alone (not part of a larger number, a date or a code)."""
    t = toks[k]
    if t.kind != "num" or not free_start(toks, k) or "," in t.text and " " in t.text:
        return None
    if k > 0 and (toks[k - 1].kind == "num" or toks[k - 1].text == "-"):
        return None
    r = read_number(toks, k, signed=False, scales=False)
    if r is None or r.end != k + 1 or r.amount.value >= 1000:
        return None
    return r.amount.value


def list_before(toks: Sequence[Tok], f: Found):
    """``(token index, value)`` of the bare numbers listed before the percent ``f`` (see the module doc)."""
    if f.first != f.amount_first or f.value_max is not None:
        return []
    items = []
    k = f.amount_first - 1
    while k >= 1:
        words = 0
        while k >= 0 and toks[k].kind == "word" and toks[k].low not in _LIST_CONJ and words <= MAX_LIST_GAP_WORDS:
            k -= 1
            words += 1
        if k < 1 or words > MAX_LIST_GAP_WORDS:
            break
        comma = None
        if toks[k].kind == "word" and toks[k].low in _LIST_CONJ:  # "95 және 96", "5, ал 7"
            k -= 1
        if toks[k].text == ",":
            comma = k
            k -= 1
        elif toks[k + 1].kind != "word" or toks[k + 1].low not in _LIST_CONJ:
            break
        if comma is not None and (not toks[comma].glued or toks[comma + 1].glued):
            break  # a list comma follows its number and a space follows it: "95, оның"
        if k < 0:
            break
        v = _bare_number(toks, k)
        if v is None:
            break
        items.append((k, clean(v)))
        k -= 1
    return list(reversed(items))

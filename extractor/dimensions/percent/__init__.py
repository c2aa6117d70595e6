"""The percent recogniser: ``50%``, ``50%-ға``, ``12,5 пайыз``, ``3 процент``, ``2 пайыздық тармақ``,
``-10,7%`` (the sign is kept), ``10-12%-ға`` (range), ``43% дейін`` (up to).

The percent words are in ``lang/kk/data/percent_words.tsv``; the grammar is :mod:`..measure`. A ratio
(``3,5 есе``) is not a percent.

Lists: bare numbers that one percent word closes, in one clause, are percents too: ``2,2 және 15,4
пайызға``, ``10 немесе 12 пайыз``, and (percent lists may leave a few words between a number and the next)
``жоспар 92, оның ішінде бірінші кезең 97, екінші кезең 90 пайыз орындалды`` gives 92, 97 and 90. The
shared mechanism is :mod:`..coordination`: a number belongs to the list only when a joiner follows it
directly (``95, ``: a comma glued to the number, a space after it; ``және``, ``немесе``) and at most a few
words (no digits, no other punctuation) separate it from the next number of the list; list numbers are
written in digits, below 1000.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import List, Optional

from ...lang.kk.tables import load_table
from ...mentions import Context, Mention
from ..coordination import ListRule
from ..analysis import analysis_for
from ..measure import MeasureGrammar
from ..phrases import PhraseLexicon, make_phrase

# a list item is separated from the next number by a joiner and at most this many words
MAX_LIST_GAP_WORDS = 5
LISTS = ListRule(gap_words=MAX_LIST_GAP_WORDS, max_value=Decimal(1000), scales=False, in_words=False)


@lru_cache(maxsize=1)
def grammar() -> MeasureGrammar:
    units = [make_phrase(r["form"], None, inflect=r["inflect"] == "yes", glued_first=r["glued"] == "yes")
             for r in load_table("percent_words")]
    return MeasureGrammar(PhraseLexicon(units), trigger="percent", signed=True, lists=LISTS)


def _mention(start: int, end: int, value, value_max, qualifier: str) -> Mention:
    return Mention("percent", start, end, {"value": value, "value_max": value_max, "qualifier": qualifier})


def find(text: str, ctx: Optional[Context] = None) -> List[Mention]:
    out = [_mention(f.start, f.end, f.value, f.value_max, f.qualifier) for f in grammar().find(text, analysis_for(text, ctx.doc if ctx else None))]
    out.sort(key=lambda m: m.start)
    return out

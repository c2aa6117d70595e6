"""Two dates that make one period: "30 қыркүйек пен 2 қазан аралығында", "15 қараша - 20 желтоқсан",
"2010 жылдан 2014 жылға дейін". Like a span of years (2010-2014 жж), such a range is one record."""
from __future__ import annotations

from typing import List, Optional

from . import lexicon as lx
from .fragments import ABLATIVE, HYPHEN, SP, E, words
from .readings import EXPLICIT, PUBLISH, Item, Reading

_HYPHEN = lx.compile(HYPHEN)
_GAP = lx.compile(SP)
_AND = lx.compile(rf"{SP}{words('and')}{SP}")
# "12 маусым мен 13 шілде күндері аралығында"
_BETWEEN = lx.compile(rf"(?:{SP}{lx.inflected(lx.alternation(lx.role('day_unit')), plural=True)})?{SP}{words('between')}")
_UNTIL = lx.compile(rf"{SP}{words('until')}")
_FROM = lx.compile(rf"(?:{ABLATIVE}){E}$")
_FINENESS = ("day", "month", "quarter", "half", "year")
_TO = lx.compile(rf"(?:{lx.alternation(lx.endings_of('dative'))}){E}$")


def combine(a: Reading, b: Reading) -> Optional[Reading]:
    """One reading from the first day of ``a`` to the last day of ``b``, or None when they do not combine.

    A date without a year takes the other's written year: "2014 жылдың 12 маусым мен 13 шілде аралығында".
    Two dates with their years written may differ in granularity ("2019 жылдан 2021 жылдың екінші жартысына
    дейін"): the range takes the finer one.
    """
    if a.same_quarter or b.same_quarter:
        return None
    if a.granularity != b.granularity:
        if a.how != EXPLICIT or b.how != EXPLICIT or a.in_year is None or b.in_year is None:
            return None
        sa, sb = a.in_year(a.year), b.in_year(b.year)
        if sa is None or sb is None or sb[1] <= sa[0]:
            return None
        finer = min(a.granularity, b.granularity, key=_FINENESS.index)
        return Reading(finer, EXPLICIT, a.year, in_year=lambda _y: (sa[0], sb[1]))
    if a.in_year is None or b.in_year is None:  # dates counted from the publish date: leave them apart
        return None
    if a.how == EXPLICIT and b.how == PUBLISH:
        b = Reading(b.granularity, EXPLICIT, a.year, in_year=b.in_year)
    elif b.how == EXPLICIT and a.how == PUBLISH:
        a = Reading(a.granularity, EXPLICIT, b.year, in_year=a.in_year)
    if a.how != b.how:
        return None
    if a.how == EXPLICIT:
        sa, sb = a.in_year(a.year), b.in_year(b.year)
        if sa is None or sb is None or sb[1] <= sa[0]:
            return None
        return Reading(a.granularity, EXPLICIT, a.year, in_year=lambda _y: (sa[0], sb[1]))
    if a.year != b.year:
        return None

    def in_year(y):
        sa, sb = a.in_year(y), b.in_year(y)
        return None if sa is None or sb is None or sb[1] <= sa[0] else (sa[0], sb[1])

    if in_year(2000) is None:  # the second date is not after the first
        return None
    return Reading(a.granularity, a.how, a.year, in_year=in_year)


def join_ranges(text: str, groups: List[List[Item]]) -> List[List[Item]]:
    """Merge neighbouring one-item groups joined as a range; ``groups`` are in text order."""
    out: List[List[Item]] = []
    i = 0
    while i < len(groups):
        g = groups[i]
        if i + 1 < len(groups) and len(g) == 1 and len(groups[i + 1]) == 1:
            merged = _merge(text, g[0], groups[i + 1][0])
            if merged is not None:
                out.append([merged])
                i += 2
                continue
        out.append(g)
        i += 1
    return out


def _merge(text: str, a: Item, b: Item) -> Optional[Item]:
    between = text[a.end:b.start]
    if len(between) > 12:
        return None
    if _HYPHEN.fullmatch(between):  # 15 қараша - 20 желтоқсан
        end = b.end
    elif _AND.fullmatch(between) and _BETWEEN.match(text, b.end):  # 30 қыркүйек пен 2 қазан аралығында
        end = _BETWEEN.match(text, b.end).end()
    elif (_GAP.fullmatch(between) and _FROM.search(text, a.start, a.end) and _TO.search(text, b.start, b.end)
          and _UNTIL.match(text, b.end)):  # 2010 жылдан 2014 жылға дейін
        end = b.end
    else:
        return None
    r = combine(a.reading, b.reading)
    return None if r is None else Item(a.start, end, r)

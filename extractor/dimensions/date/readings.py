"""What a date mention means before the publish date and the text around it are known.

A :class:`Reading` says how to find the year (written out, relative to the publish date, or taken from
the text before it) and how to turn that year into the first and last day of the period.
:func:`resolve` settles it into ``date_start``/``date_end``/``relative``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Optional, Tuple

from . import periods

# how the year of a reading is found
EXPLICIT = "explicit"  # written out: 2018 жылы
RELATIVE = "relative"  # publish year + offset: биыл, өткен жылы
CONTEXT = "context"  # the year the text spoke of last (бірінші тоқсанда); else the publish year
PUBLISH = "publish"  # the publish year: a day or month without a year (15 қарашада)
ANCHORED = "anchored"  # counted from the publish date itself: бүгін, кеше, жұма күні, осыдан 4 жыл бұрын


@dataclass
class Reading:
    granularity: str  # day | month | quarter | half | year
    how: str  # EXPLICIT | RELATIVE | CONTEXT | PUBLISH | ANCHORED
    year: int = 0  # the year (EXPLICIT) or the offset from the publish year (RELATIVE)
    # year -> span, for every kind but ANCHORED; None when the date does not exist
    in_year: Optional[Callable[[int], Optional[periods.Span]]] = None
    # publish date -> span, for ANCHORED
    from_published: Optional[Callable[[dt.date], Optional[periods.Span]]] = None
    quarter: Optional[int] = None  # the quarter it names, for a later "тиісті тоқсан"
    same_quarter: bool = False  # "тиісті тоқсан": the quarter named last, in this reading's year


@dataclass
class Item:
    """One record to be: its extent in the normalised text and its reading."""

    start: int
    end: int
    reading: Reading


@dataclass
class Resolved:
    start: int
    end: int
    date_start: Optional[dt.date]
    date_end: Optional[dt.date]
    granularity: str
    relative: bool


@dataclass
class TextContext:
    """What the text said before the mention being resolved."""

    published: Optional[dt.date]
    year: Optional[Tuple[Optional[int], bool]] = None  # (year or None when unresolvable, relative)
    quarter: Optional[int] = None


def _year_of(r: Reading, ctx: TextContext) -> Tuple[Optional[int], bool]:
    pub = ctx.published
    if r.how == EXPLICIT:
        return r.year, False
    if r.how == RELATIVE:
        return (pub.year + r.year if pub else None), True
    if r.how == CONTEXT and ctx.year is not None:
        return ctx.year
    return (pub.year if pub else None), True  # CONTEXT without context, PUBLISH


def resolve(item: Item, ctx: TextContext) -> Optional[Resolved]:
    """Settle one item against the publish date and the text before it; updates ``ctx``.

    Returns None when the period does not exist (31 ақпан 2018).
    """
    r = item.reading
    granularity = r.granularity
    span: Optional[periods.Span]
    if r.how == ANCHORED:
        relative = True
        span = r.from_published(ctx.published) if ctx.published else (None, None)
    else:
        y, relative = _year_of(r, ctx)
        in_year = r.in_year
        if r.same_quarter:
            if ctx.quarter is None:  # nothing to correspond to: the year alone
                granularity, in_year = "year", periods.year
            else:
                q = ctx.quarter
                in_year = lambda yy, q=q: periods.quarter(yy, q)  # noqa: E731
        span = (None, None) if y is None else in_year(y)
    if span is None:
        return None
    out = Resolved(item.start, item.end, span[0], span[1], granularity, relative)
    # what later mentions may lean on: the year of a written or relative date (not of a span of years)
    if r.how in (EXPLICIT, RELATIVE):
        if span[0] is None:
            ctx.year = (None, True)
        elif span[0].year == span[1].year:
            ctx.year = (span[0].year, relative)
    if r.quarter is not None:
        ctx.quarter = r.quarter
    return out

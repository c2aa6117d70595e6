"""Readings of the pieces the rules share: a day, a span of months, the number of a quarter or half."""
from __future__ import annotations

import calendar
from typing import Optional

from ..numeral.parse import ordinal_value
from . import lexicon as lx
from . import periods
from .readings import Reading


def month_number(stem: str) -> int:
    return lx.month_by_stem()[stem.lower()].number


def day_value(s: str) -> Optional[int]:
    """A day as matched: digits (15), an ordinal in words (жиырма бесінші → 25) or a number in words with
    a possessive ending after a month in the genitive (жиырма бесі → 25)."""
    if s.isdigit():
        return int(s)
    v = ordinal_value(s)
    return v if v is not None else lx.day_words_value(s)


def day_is_ordinal(m, name: str) -> bool:
    """Was the day written as an ordinal (27-нші, жиырма жетінші), not as bare digits?"""
    return bool(m.group(f"{name}_sfx")) or not m.group(name).isdigit()


def year_value(s: str) -> Optional[int]:
    """A year as matched: digits (2018) or an ordinal in words (екі мың он сегізінші → 2018); None when the
    words name no year of 1000-2199."""
    if s.isdigit():
        return int(s)
    v = ordinal_value(s)
    return v if v is not None and 1000 <= v <= 2199 else None


def valid_day_of_month(d: int, month: int) -> bool:
    """Could day ``d`` exist in ``month`` of some year (29 ақпан yes, 31 сәуір no)?"""
    return 1 <= d <= calendar.monthrange(2000, month)[1]


def day_reading(how: str, year: int, month: int, first: int, last: Optional[int] = None) -> Reading:
    """Day ``first`` (to ``last``) of ``month``; None from ``in_year`` when it does not exist that year."""
    last = first if last is None else last

    def in_year(y: int):
        a, b = periods.day(y, month, first), periods.day(y, month, last)
        return None if a is None or b is None else (a, b)

    return Reading("day", how, year, in_year=in_year)


def days_of_month_reading(how: str, year: int, month_stem: str, first: Optional[int], last: Optional[int],
                          ordinal: bool) -> Optional[Reading]:
    """15 қарашада, 15-17 қарашада, 27-нші наурыз; None when the days cannot be in that month.

    Some month words after an ordinal are no date: "2-нші маусымда" is "in the second season".
    """
    month = lx.month_by_stem()[month_stem.lower()]
    if first is None:
        return None
    last = first if last is None else last
    if (ordinal and not month.ordinal_day) or last < first:
        return None
    if not (valid_day_of_month(first, month.number) and valid_day_of_month(last, month.number)):
        return None
    return day_reading(how, year, month.number, first, last)


def month_span_reading(how: str, year: int, first: int, last: int) -> Optional[Reading]:
    """қаңтар-қазан айларында: months ``first``..``last`` of one year; a span that crosses the new year
    (желтоқсан-ақпан) starts in the year read and ends in the next one."""
    if last == first:
        return None
    if last < first:
        return Reading("month", how, year, in_year=lambda y: periods.months_across(y, first, last))
    return Reading("month", how, year, in_year=lambda y: periods.months(y, first, last))


def _ordinal_value(m, word: str = "ow", roman: str = "rom", digit: str = "od") -> Optional[int]:
    if m.group(word):
        return lx.ordinals().get(m.group(word).lower())
    if m.group(roman):
        return lx.ordinals().get(m.group(roman).upper()) or lx.ordinals().get(m.group(roman))
    if m.group(digit):
        return int(m.group(digit))
    return None


def quarter_number(m) -> Optional[int]:
    q = _ordinal_value(m)
    return q if q is not None and 1 <= q <= 4 else None


def half_number(m) -> Optional[int]:
    h = _ordinal_value(m)
    return h if h is not None and 1 <= h <= 2 else None


def explicit_ordinal(m) -> bool:
    """Is the number of a quarter written as an ordinal (үшінші, III, 3-ші, 3-), not as a bare digit?"""
    return bool(m.group("ow") or m.group("rom") or m.group("osfx"))

"""Calendar arithmetic: the first and last day of the periods a date mention can name."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional, Tuple

Span = Tuple[dt.date, dt.date]

MIN_YEAR, MAX_YEAR = 1000, 2199


def valid_year(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def year(y: int) -> Span:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def years(first: int, last: int) -> Span:
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def month(y: int, m: int) -> Span:
    return dt.date(y, m, 1), last_day(y, m)


def months(y: int, first: int, last: int) -> Span:
    """Months ``first``..``last`` of year ``y`` (қаңтар-қазан айларында; the first N months: 1..N)."""
    return dt.date(y, first, 1), last_day(y, last)


def months_across(y: int, first: int, last: int) -> Span:
    """Month ``first`` of year ``y`` to month ``last`` of the next year (желтоқсан-ақпан айларында)."""
    return dt.date(y, first, 1), last_day(y + 1, last)


def quarter(y: int, q: int) -> Span:
    return months(y, 3 * q - 2, 3 * q)


def quarters(y: int, first: int, last: int) -> Span:
    return months(y, 3 * first - 2, 3 * last)


def half(y: int, h: int) -> Span:
    return months(y, 6 * h - 5, 6 * h)


def day(y: int, m: int, d: int) -> Optional[dt.date]:
    """The date, or None when the day does not exist (31 ақпан)."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def days(first: dt.date, last: dt.date) -> Span:
    return first, last


def shift_month(y: int, m: int, by: int) -> Tuple[int, int]:
    """Year and month ``by`` months after (before, when negative) ``y``-``m``."""
    k = y * 12 + (m - 1) + by
    return k // 12, k % 12 + 1


def shift_quarter(d: dt.date, by: int) -> Tuple[int, int]:
    k = d.year * 4 + (d.month - 1) // 3 + by
    return k // 4, k % 4 + 1


def weekday_near(published: dt.date, weekday: int, direction: str) -> dt.date:
    """The ``weekday`` (Monday = 0) nearest to ``published`` in one direction.

    ``on_or_before``: the latest such day up to the publish date ("жұма күні" in a news report);
    ``before``: strictly before ("өткен жұмада"); ``after``: strictly after ("келесі жұмада");
    ``same_week``: in the publish date's Monday-to-Sunday week ("осы жұмада").
    """
    if direction == "after":
        return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if direction == "same_week":
        return published + dt.timedelta(days=weekday - published.weekday())
    back = (published.weekday() - weekday) % 7
    if direction == "before" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)

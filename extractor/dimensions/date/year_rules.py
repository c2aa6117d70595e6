"""Dates built on a year: 2018 жылы, биыл, 2014 жылдың желтоқсанында, 2018 жылғы 15 қарашада,
2015 жылдың екінші жартысында, 2018 жылғы III тоқсанда, 2025 жылдың 11 айында, Жылдың басынан бері.

One pattern: a year (written, relative, or the bare genitive "жылдың") and, optionally, what follows it
(a day and month, a month, a span of months, a quarter, a half, the first N months, a part of the year).
The part after the year keeps the year's kind: "өткен жылдың желтоқсанында" is a relative month.
"""
from __future__ import annotations

from typing import List, Optional

from . import lexicon as lx
from . import periods
from .fragments import (ATTRIBUTIVE, B, E, DAY_UNIT, DURATION_AFTER, HALF_WORD, HYPHEN, MONTH_STEMS, MONTH_UNIT,
                        MONTHS_UNIT, ORDINAL_GAP, PARTS, QUARTER_WORD, RELATIVE_YEAR, SP, YEAR_GENITIVE,
                        day_range, day_with_suffix, month_genitive, month_word, ordinal, since, words,
                        year_with_word)
from .build import day_is_ordinal, day_value, days_of_month_reading, year_value, half_number, month_number, month_span_reading, quarter_number
from .readings import CONTEXT, EXPLICIT, RELATIVE, Item, Reading
from .rule import Rule, compile_rule, first_words, start_pattern

ANCHOR = rf"(?:{year_with_word('y', 'yw')}|(?P<ry>{RELATIVE_YEAR})|(?P<cy>{YEAR_GENITIVE}))"

TAIL_DAY_MONTH = rf"{day_range('dd', 'd2')}(?:{SP}|-){month_word('mw', 'm')}(?:{SP}(?P<kun>{DAY_UNIT}))?"
TAIL_MONTH_DAY = rf"{month_genitive('mg', 'm')}{SP}{day_with_suffix('ds', words=True)}(?:{SP}(?P<kun>{DAY_UNIT}))?"
TAIL_MONTH_SPAN = (rf"(?P<m1>{MONTH_STEMS})(?:[\p{{L}}]*){HYPHEN}{month_word('mw', 'm')}"
                   rf"(?:{SP}(?P<ailar>{MONTHS_UNIT}))?")
TAIL_MONTH = (rf"{month_word('mw', 'm')}(?:{SP}(?P<ai>{MONTH_UNIT}))?"
              rf"(?:{SP}(?P<mpart>{PARTS}){since('msince')})?")
TAIL_QUARTER = rf"{ordinal()}{ORDINAL_GAP}(?P<qw>{QUARTER_WORD})"
TAIL_SAME_QUARTER = rf"(?P<corr>{words('corresponding')}){SP}(?P<qw>{QUARTER_WORD})"
TAIL_HALF = rf"{ordinal()}{ORDINAL_GAP}(?P<hw>{HALF_WORD})"
TAIL_FIRST_MONTHS = (rf"(?:(?P<first>{words('first_n')}){SP})?(?:(?P<nm>1[0-2]|[1-9])(?![\p{{N}}])"
                     rf"|{B}(?P<nm>{lx.alternation(lx.month_count_words())}){E}){SP}(?P<nmw>{MONTH_UNIT})")
TAIL_PART = rf"(?P<part>{PARTS}){since()}"

TAILS = (TAIL_DAY_MONTH, TAIL_MONTH_DAY, TAIL_MONTH_SPAN, TAIL_MONTH, TAIL_QUARTER, TAIL_SAME_QUARTER, TAIL_HALF,
         TAIL_FIRST_MONTHS, TAIL_PART)
_DURATION = lx.compile(DURATION_AFTER)
YEAR_DATE = rf"{ANCHOR}(?:{SP}(?:{'|'.join('(?:%s)' % t for t in TAILS)}))?"


def _base(m) -> Reading:
    """The reading of the year alone."""
    if m.group("y"):
        return Reading("year", EXPLICIT, year_value(m.group("y")), in_year=periods.year)
    if m.group("ry"):
        w = lx.relative_lookup(m.group("ry"), "year")
        return Reading("year", RELATIVE, w.offset, in_year=periods.year)
    return Reading("year", CONTEXT, 0, in_year=periods.year)


def _attributive(m) -> bool:
    """2018 жылдың / жылғы / ж., биылғы, ағымдағы жылдың, жылдың: a part of the year may follow."""
    if m.group("y"):
        yw = m.group("yw")
        return yw.endswith(".") or lx.ends_with_case(yw, *ATTRIBUTIVE)
    word = (m.group("ry") or m.group("cy")).split()[-1]
    return lx.ends_with_case(word, *ATTRIBUTIVE)


def _is_duration(m, text: str) -> bool:
    """"2000 жыл бойы", "1000 жыл бұрын": a round number before a bare year word and бойы/ішінде/бұрын is a
    length of time ("2019 жыл бойы" is still the year 2019)."""
    if not m.group("y") or lx.key(m.group("yw")) not in lx.role("year_unit") or not m.group("y").isdigit() \
            or int(m.group("y")) % 100:
        return False
    return _DURATION.match(text, m.end("yw")) is not None


def _tail(m, base: Reading, attributive: bool) -> Optional[Reading]:
    """The reading of what follows the year, or None when nothing (acceptable) follows."""
    how, year = base.how, base.year
    if m.group("dd"):  # a day (or days) of a month
        # after "2019 жылдың" an ordinal day is a day whatever the month (2019 жылдың 12-нші маусымында: June)
        return days_of_month_reading(how, year, m.group("m"), day_value(m.group("dd")),
                                     int(m.group("d2")) if m.group("d2") else None,
                                     day_is_ordinal(m, "dd") and not attributive)
    if m.group("ds"):
        return days_of_month_reading(how, year, m.group("m"), day_value(m.group("ds")), None, False)
    if m.group("m1"):
        return month_span_reading(how, year, month_number(m.group("m1")), month_number(m.group("m")))
    if m.group("mw"):
        mon = month_number(m.group("m"))
        return Reading("month", how, year, in_year=lambda y, mon=mon: periods.month(y, mon))
    if not attributive:  # what follows needs "жылдың"/"жылғы": "Биыл 11 айда" is only "Биыл"
        return None
    if m.group("qw") and m.group("corr"):
        return Reading("quarter", how, year, in_year=periods.year, same_quarter=True)
    if m.group("qw"):
        q = quarter_number(m)
        if q is None:
            return None
        return Reading("quarter", how, year, in_year=lambda y, q=q: periods.quarter(y, q), quarter=q)
    if m.group("hw"):
        h = half_number(m)
        if h is None:
            return None
        return Reading("half", how, year, in_year=lambda y, h=h: periods.half(y, h))
    if m.group("nm"):
        nm = m.group("nm")
        n = int(nm) if nm.isdigit() else lx.month_count_words()[" ".join(nm.lower().split())]
        return Reading("month", how, year, in_year=lambda y, n=n: periods.months(y, 1, n))
    if m.group("part"):
        return Reading("year", how, year, in_year=periods.year)
    return None


def _counted(m, text: str) -> bool:
    """"5 жылдың басында", "бес жылдың ішінде": a bare "жылдың" after a number counts years, names none."""
    before = text[max(0, m.start() - 30):m.start()].split()
    if not before:
        return False
    last = before[-1].lower().rstrip("-")
    return last[-1:].isdigit() or last in lx.small_numbers() or last in lx.role("counting")


def read_year_date(m, text: str) -> List[Item]:
    if _is_duration(m, text) or (m.group("cy") and _counted(m, text)):
        return []
    if m.group("y") and year_value(m.group("y")) is None:  # "бесінші жылы" (the fifth year): no year
        return []
    base = _base(m)
    attributive = _attributive(m)
    anchor_end = max(m.end(g) for g in ("yw", "ry", "cy") if m.group(g))
    tail = _tail(m, base, attributive) if m.end() > anchor_end else None
    if tail is not None:
        return [Item(m.start(), m.end(), tail)]
    if m.group("cy"):  # "жылдың" alone names no year
        return []
    return [Item(m.start(), anchor_end, base)]


# a year date begins with a year number, a relative year phrase (биыл, өткен жылы) or жыл (жылдың басында)
YEAR_DATE_START = start_pattern(r"(?<![\p{N}])[12]|" + first_words(lx.year_word_starts()) + "|" + first_words(
    [w.phrase for w in lx.relative_words() if w.unit == "year"] + list(lx.role("year_unit"))))

RULES: List[Rule] = [compile_rule("year_date", YEAR_DATE, read_year_date, starts=YEAR_DATE_START)]

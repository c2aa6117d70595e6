"""Dates counted from the publish date: бүгін, кеше, ертең, осы айда, өткен айдың 18-і күні, ағымдағы
тоқсанда, осыдан 4 жыл бұрын, жұма күні, өткен сенбіде. (Relative years, биыл and өткен жылы, are read
with the other year dates in :mod:`.year_rules`.)"""
from __future__ import annotations

import datetime as dt
from typing import List

from . import lexicon as lx
from . import periods
from .build import valid_day_of_month
from .fragments import (DAY_UNIT, LOCATIVE, PARTS, RELATIVE_DAY, RELATIVE_MONTH, RELATIVE_QUARTER, SMALL_NUMBER,
                        SP, WEEKDAY, B, E, day_with_suffix, since, words)
from .readings import ANCHORED, Item, Reading
from .rule import Rule, compile_rule, first_words, needs_of, start_pattern

DAY_WORD = rf"(?<!-)(?P<w>{RELATIVE_DAY})"  # not the second half of a pair word: киім-кешегі "clothes"
# осы айда; өткен айдың 18-і күні; осы айдың соңына дейін
MONTH_WORD = (rf"(?P<w>{RELATIVE_MONTH})(?:{SP}(?:{day_with_suffix('d')}(?:{SP}(?P<kun>{DAY_UNIT}))?"
              rf"|(?P<part>{PARTS}){since()}))?")
QUARTER_WORD = rf"(?P<w>{RELATIVE_QUARTER})"
UNITS = {lx.role("year_unit")[0]: "year", lx.role("month_unit")[0]: "month", lx.role("day_unit")[0]: "day"}
# осыдан 4 жыл бұрын, бұдан бес ай бұрын
AGO = (rf"(?P<anchor>{words('ago_anchor')}){SP}(?P<n>[1-9][0-9]{{0,2}}(?![\p{{N}}.,])|{B}{SMALL_NUMBER}"
       rf"(?:{SP}{SMALL_NUMBER})?{E}){SP}(?P<unit>{lx.alternation(UNITS)}){E}{SP}{words('ago')}")
# жұма күні, сенбіде, өткен жұмада, келесі дүйсенбіде
WEEKDAY_MODIFIERS = {w: direction for direction in ("before", "after", "same_week")
                     for w in lx.role(f"weekday_{direction}")}
WEEKDAY_DATE = (rf"(?:(?P<mod>{lx.alternation(WEEKDAY_MODIFIERS)}){SP})?{B}(?P<wd>{WEEKDAY})(?P<loc>{LOCATIVE})?{E}"
                rf"(?:{SP}(?P<kun>{DAY_UNIT}))?")


def _anchored(granularity: str, fn) -> Reading:
    return Reading(granularity, ANCHORED, from_published=fn)


def read_day_word(m, text: str) -> List[Item]:
    off = lx.relative_lookup(m.group("w"), "day").offset
    return [Item(m.start(), m.end(), _anchored("day", lambda p: (p + dt.timedelta(days=off),) * 2))]


def read_month_word(m, text: str) -> List[Item]:
    off = lx.relative_lookup(m.group("w"), "month").offset
    if m.group("d"):
        d = int(m.group("d"))

        def day_of(p):
            y, mo = periods.shift_month(p.year, p.month, off)
            x = periods.day(y, mo, d)
            return None if x is None else (x, x)

        if not valid_day_of_month(d, 1):
            return []
        return [Item(m.start(), m.end(), _anchored("day", day_of))]
    end = m.end() if m.group("part") else m.end("w")
    return [Item(m.start(), end, _anchored("month", lambda p: periods.month(*periods.shift_month(p.year, p.month,
                                                                                                     off))))]


def read_quarter_word(m, text: str) -> List[Item]:
    off = lx.relative_lookup(m.group("w"), "quarter").offset
    return [Item(m.start(), m.end(), _anchored("quarter", lambda p: periods.quarter(*periods.shift_quarter(p, off))))]


def _small_number(s: str) -> int:
    if s.isdigit():
        return int(s)
    return sum(lx.small_numbers()[w] for w in lx.key(s).split())


def read_ago(m, text: str) -> List[Item]:
    n = _small_number(m.group("n"))
    unit = UNITS[lx.key(m.group("unit"))]
    if unit == "year":
        fn = lambda p: periods.year(p.year - n)  # noqa: E731
    elif unit == "month":
        fn = lambda p: periods.month(*periods.shift_month(p.year, p.month, -n))  # noqa: E731
    else:
        fn = lambda p: (p - dt.timedelta(days=n),) * 2  # noqa: E731
    return [Item(m.start(), m.end(), _anchored(unit, fn))]


def read_weekday(m, text: str) -> List[Item]:
    if not (m.group("loc") or m.group("kun") or m.group("mod")):  # сенбі alone, the name Жұма
        return []
    if m.group("loc") and m.group("kun"):  # "жұмада күні" is no phrase
        return []
    wd = lx.weekdays()[m.group("wd").lower()]
    direction = WEEKDAY_MODIFIERS.get(lx.key(m.group("mod") or ""), "on_or_before")

    def on(p):
        x = periods.weekday_near(p, wd, direction)
        return x, x

    return [Item(m.start(), m.end(), _anchored("day", on))]


def _relative(unit: str):
    """What a match of the relative phrases of ``unit`` must contain: all the words of one phrase."""
    return needs_of(w.phrase for w in lx.relative_words() if w.unit == unit)


def _relative_start(unit: str):
    """Where they begin: the first word of one of the phrases, as a whole word."""
    return start_pattern(first_words(w.phrase for w in lx.relative_words() if w.unit == unit))


RULES: List[Rule] = [
    compile_rule("relative_day", DAY_WORD, read_day_word, _relative("day"), _relative_start("day")),
    compile_rule("relative_month", MONTH_WORD, read_month_word, _relative("month"), _relative_start("month")),
    compile_rule("relative_quarter", QUARTER_WORD, read_quarter_word, _relative("quarter"),
                 _relative_start("quarter")),
    compile_rule("ago", AGO, read_ago, needs_of(lx.role("ago_anchor"))),
    compile_rule("weekday", WEEKDAY_DATE, read_weekday, needs_of(lx.weekdays())),
]

"""Dates without a year word before them: 15 қараша 2018 ж., 15 қарашада, 29 қазан күні, қарашаның
10-нынан, желтоқсанында, қараша айының ортасына, қаңтар-қазан айларында, бірінші тоқсанда, 15.11.2018,
15-11-2018.

A day or month without a year takes the publish year (relative); a span of months, a quarter or a half
without a year takes the year the text spoke of last (else the publish year, relative).
"""
from __future__ import annotations

from typing import List

from . import lexicon as lx
from . import periods
from .build import (day_is_ordinal, day_reading, day_value, days_of_month_reading, explicit_ordinal, half_number, month_number,
                    month_span_reading, quarter_number)
from .fragments import (B, DAY_UNIT, HALF_YEAR_WORD, HYPHEN, MONTH_STEMS, MONTH_UNIT, MONTHS_UNIT, NO_DIGIT_AFTER,
                        ORDINAL_GAP, PARTS, QUARTER_WORD, SP, YEAR_WORD, day_range, day_with_suffix,
                        month_genitive, month_word, ordinal, since, year_number)
from .readings import CONTEXT, EXPLICIT, PUBLISH, Item, Reading
from .rule import DIGIT_START, Rule, compile_rule, needs_of, start_pattern

# 15 қараша 2018 ж., 15-17 қарашада, 29 қазан күні
DAY_MONTH = (rf"{day_range('d', 'd2')}(?:{SP}|-){month_word('mw', 'm')}"
             rf"(?:,?{SP}{year_number('y')}(?:{SP}(?P<yw>{YEAR_WORD}))?)?(?:{SP}(?P<kun>{DAY_UNIT}))?")
# қарашаның 10-нынан, қараша айының 15-і күні
MONTH_DAY = rf"{month_genitive('mg', 'm')}{SP}{day_with_suffix('d', words=True)}(?:{SP}(?P<kun>{DAY_UNIT}))?"
# желтоқсанында, қараша айында, қараша айының ортасына
MONTH = rf"{month_word('mw', 'm')}(?:{SP}(?P<ai>{MONTH_UNIT}))?(?:{SP}(?P<part>{PARTS}){since()})?"
# қаңтар-қазан айларында
MONTH_SPAN = rf"(?P<m1>{MONTH_STEMS})(?:[\p{{L}}]*){HYPHEN}{month_word('mw', 'm')}(?:{SP}(?P<ailar>{MONTHS_UNIT}))?"
# бірінші тоқсанда, III тоқсанда, 3-тоқсанда
QUARTER = rf"{ordinal()}{ORDINAL_GAP}(?P<qw>{QUARTER_WORD})"
# бірінші жартыжылдықта (but not "екінші жартысында", which needs a year: halves of anything)
HALF = rf"{ordinal()}{ORDINAL_GAP}(?P<hw>{HALF_YEAR_WORD})"
# 15.11.2018, 15/11/2018, 15-11-2018, 2018-11-15 (perhaps with ж./жылы after)
NUMERIC = (rf"(?:(?<![\p{{N}}.,/-])(?P<d>[0-3]?[0-9])(?P<sep>[./-])(?P<mo>[01]?[0-9])(?P=sep)(?P<y>[12][0-9]{{3}})"
           rf"|(?<![\p{{N}}.,/-])(?P<y>[12][0-9]{{3}})-(?P<mo>[01][0-9])-(?P<d>[0-3][0-9])){NO_DIGIT_AFTER}"
           rf"(?:{SP}(?P<yw>{YEAR_WORD}))?")


def _has_ending(word: str, stem: str) -> bool:
    return len(word) > len(stem)


def read_day_month(m, text: str) -> List[Item]:
    end = m.end()
    how, year = PUBLISH, 0
    if m.group("y"):
        if _has_ending(m.group("mw"), m.group("m")):  # "15 қарашада 2018 жылғы ...": the year is not its
            end = m.end("mw")
        else:
            how, year = EXPLICIT, int(m.group("y"))
            end = m.end("kun") if m.group("kun") else (m.end("yw") if m.group("yw") else m.end("y"))
    r = days_of_month_reading(how, year, m.group("m"), day_value(m.group("d")),
                              int(m.group("d2")) if m.group("d2") else None, day_is_ordinal(m, "d"))
    return [Item(m.start(), end, r)] if r else []


def read_month_day(m, text: str) -> List[Item]:
    r = days_of_month_reading(PUBLISH, 0, m.group("m"), day_value(m.group("d")), None, False)
    return [Item(m.start(), m.end(), r)] if r else []


def read_month(m, text: str) -> List[Item]:
    month = lx.month_by_stem()[m.group("m").lower()]
    if month.ambiguous and not m.group("ai"):  # қазанда: a cauldron or Kazan as well as October
        return []
    if not m.group("ai") and not _has_ending(m.group("mw"), m.group("m")):  # "Желтоқсан оқиғасы": a name
        return []
    n = month.number
    return [Item(m.start(), m.end(), Reading("month", PUBLISH, 0, in_year=lambda y: periods.month(y, n)))]


def read_month_span(m, text: str) -> List[Item]:
    r = month_span_reading(CONTEXT, 0, month_number(m.group("m1")), month_number(m.group("m")))
    return [Item(m.start(), m.end(), r)] if r else []


def _after_genitive(m, text: str) -> bool:
    """"оқу жылының екінші тоқсанында" is a school term, "компанияның бірінші жартыжылдығы" the company's: a
    quarter or half after a genitive that is not a year (those are read in year_rules) is left alone."""
    before = text[max(0, m.start() - 40):m.start()].split()
    return bool(before) and lx.ends_with_case(before[-1].strip(",.;:"), "genitive")


def read_quarter(m, text: str) -> List[Item]:
    q = quarter_number(m)
    if q is None or not explicit_ordinal(m) or _after_genitive(m, text):  # "3 тоқсан" may be ninety
        return []
    return [Item(m.start(), m.end(), Reading("quarter", CONTEXT, 0, in_year=lambda y: periods.quarter(y, q),
                                             quarter=q))]


def read_half(m, text: str) -> List[Item]:
    h = half_number(m)
    if h is None or not explicit_ordinal(m) or _after_genitive(m, text):
        return []
    return [Item(m.start(), m.end(), Reading("half", CONTEXT, 0, in_year=lambda y: periods.half(y, h)))]


def read_numeric(m, text: str) -> List[Item]:
    y, mo, d = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if periods.day(y, mo, d) is None or not periods.valid_year(y):
        return []
    return [Item(m.start(), m.end(), day_reading(EXPLICIT, y, mo, d))]


# what a match must contain: a month name (or its stem before a vowel), a quarter word
_MONTHS = needs_of([m.name for m in lx.months()] + [m.alt_stem for m in lx.months() if m.alt_stem])
_QUARTERS = needs_of(f for f, p in lx.date_parts().items() if p == "quarter")
# where they begin: a month name as a whole word; an ordinal (the three starts of fragments.ordinal)
_MONTH_START = start_pattern(rf"{B}{MONTH_STEMS}")
# a day: digits, or the first word of an ordinal in words (жиырма бесінші наурыз)
_DAY_START = start_pattern(rf"{DIGIT_START.pattern}|{B}{lx.ordinal_number_starts()}")
_ORDINAL_START = start_pattern(rf"{B}{lx.ordinal_words()}|(?<![\p{{L}}\p{{N}}]){lx.roman_numerals()}"
                               rf"|(?<![\p{{N}}.,])[1-4]")

RULES: List[Rule] = [
    compile_rule("day_month", DAY_MONTH, read_day_month, _MONTHS, _DAY_START),
    compile_rule("month_day", MONTH_DAY, read_month_day, _MONTHS, _MONTH_START),
    compile_rule("month", MONTH, read_month, _MONTHS, _MONTH_START),
    compile_rule("month_span", MONTH_SPAN, read_month_span, _MONTHS),
    compile_rule("quarter", QUARTER, read_quarter, _QUARTERS, _ORDINAL_START),
    compile_rule("half", HALF, read_half, starts=_ORDINAL_START),
    compile_rule("numeric_date", NUMERIC, read_numeric, starts=DIGIT_START),
]

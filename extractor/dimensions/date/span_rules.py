"""Several years at once: a span (2010-2014 жж, 2011-2020 жылдарға, 2019-2020 оқу жылы), a decade (1980
жылдары, 90-жылдары, 80-90 жылдары) and a list (2017, 2018 және 2019 жылдары: one record per year)."""
from __future__ import annotations

from typing import List, Optional

from . import lexicon as lx
from . import periods
from .fragments import (HYPHEN, NO_DIGIT_BEFORE, ORD_SFX, SP, YEAR_WORD, YEARS_WORD, YEARS_WORD_FULL, B, E,
                        words, year_number)
from .readings import EXPLICIT, Item, Reading
from .rule import DIGIT_START, Rule, compile_rule, first_words, needs_of, start_pattern

# 2010-2014 жж, 2015-19 жылдары, 2019-2020 оқу жылында, 2018/2019 оқу жылы
YEAR_SPAN = (rf"{year_number('y')}(?:{HYPHEN}|/)(?P<y2>[0-9]{{4}}|[0-9]{{2}})(?:-?{ORD_SFX})?(?![\p{{L}}\p{{N}}])"
             rf"{SP}(?:(?P<school>{words('school_year')}){SP})?(?P<yw>{YEARS_WORD}|{YEAR_WORD})")
# 1980 жылдары, 90-жылдары, 90-шы жылдары, 80-90 жылдары
DECADE = (rf"{NO_DIGIT_BEFORE}(?P<dec>[12][0-9]{{2}}0|[0-9]0)(?:{HYPHEN}(?P<dec2>[12][0-9]{{2}}0|[0-9]0))?"
          rf"(?P<sfx>-?{ORD_SFX}(?![\p{{L}}]))?(?P<gap>-|{SP})(?P<yw>{YEARS_WORD_FULL})")
# тоқсаныншы жылдары, жетпісінші жылдардың
SPELLED_DECADE = rf"{B}(?P<dw>{lx.alternation(lx.decade_ordinals())}){E}{SP}(?P<yw>{YEARS_WORD_FULL})"
# 2017, 2018 және 2019 жылдары
YEAR_LIST = (rf"(?P<first>{year_number('y0')})(?:,[ \t]*{year_number('ym')})*,?{SP}"
             rf"(?:{words('and')}){SP}(?P<last>{year_number('yl')}){SP}(?P<yw>{YEARS_WORD}|{YEAR_WORD})")


def _years(first: int, last: int) -> Reading:
    return Reading("year", EXPLICIT, first, in_year=lambda _y: periods.years(first, last))


def read_year_span(m, text: str) -> List[Item]:
    y1, raw2 = int(m.group("y")), m.group("y2")
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if not (periods.valid_year(y2) and y1 < y2):
        return []
    return [Item(m.start(), m.end(), _years(y1, y2))]


def _decade_start(raw: str) -> Optional[int]:
    v = int(raw)
    if len(raw) == 4:
        return v if periods.valid_year(v) else None
    return 2000 if v == 0 else 1900 + v  # 90-жылдары: the nineties of the last century


def read_decade(m, text: str) -> List[Item]:
    two_digit = len(m.group("dec")) == 2
    if two_digit and not m.group("dec2") and m.group("gap") != "-" and not m.group("sfx"):
        # "10 жылдары" may be "for 10 years"; only the nineties and the like without a hyphen
        if int(m.group("dec")) < 30 or _after_period_word(m, text):
            return []
    first = _decade_start(m.group("dec"))
    last = _decade_start(m.group("dec2")) if m.group("dec2") else first
    if first is None or last is None or last < first:
        return []
    return [Item(m.start(), m.end(), _years(first, last + 9))]


def _after_period_word(m, text: str) -> bool:
    """соңғы 30 жылдары ("the last 30 years") is no decade."""
    before = text[max(0, m.start() - 30):m.start()].split()
    return bool(before) and lx.key(before[-1]) in lx.role("counting")


def read_spelled_decade(m, text: str) -> List[Item]:
    first = 1900 + lx.decade_ordinals()[m.group("dw").lower()]
    return [Item(m.start(), m.end(), _years(first, first + 9))]


def read_year_list(m, text: str) -> List[Item]:
    items = []
    caps = m.captures("y0") + m.captures("ym")
    starts = m.starts("y0") + m.starts("ym")
    ends = m.ends("y0") + m.ends("ym")
    for y, s, e in zip(caps, starts, ends):
        items.append(Item(s, e, _years(int(y), int(y))))
    items.append(Item(m.start("yl"), m.end(), _years(int(m.group("yl")), int(m.group("yl")))))
    years = [int(c) for c in caps] + [int(m.group("yl"))]
    if len(set(years)) != len(years):
        return []
    return items


RULES: List[Rule] = [
    compile_rule("year_span", YEAR_SPAN, read_year_span, starts=DIGIT_START),
    compile_rule("decade", DECADE, read_decade, needs_of(lx.role("years_unit")), DIGIT_START),
    compile_rule("spelled_decade", SPELLED_DECADE, read_spelled_decade, needs_of(lx.role("years_unit")),
                 start_pattern(first_words(lx.decade_ordinals()))),
    compile_rule("year_list", YEAR_LIST, read_year_list, starts=DIGIT_START),
]

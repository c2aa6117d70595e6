"""Regex pieces of the date grammar, built once from the vocabulary in :mod:`.lexicon`.

Every piece is a string; a piece that captures takes the group name(s) it should use, so that the
rules can reuse one piece under several names. Text is the normalised text (every dash is ``-``).
"""
from __future__ import annotations

from ...grammar import GAP, WORD_END, WORD_START
from . import lexicon as lx

SP = GAP  # spaces between two words of a date, perhaps one line break
HYPHEN = r"[ \t]?-[ \t]?"  # 2010-2014, 2010 - 2014
B, E = WORD_START, WORD_END
NO_DIGIT_BEFORE = r"(?<![\p{N}])(?<![\p{N}][-.,/:])"  # not the tail of 3.2018, 1-2018, 12:2018
NO_DIGIT_AFTER = r"(?![\p{N}]|[.,][\p{N}])"

# the ordinal ending after digits: 2025-ші, 2017-нші, 3-інші; "2020-сыншы" and "20-сыншы" copy the spoken
# жиырмасыншы (its linking с)
ORD_SFX = rf"с?{lx.ordinal_suffix()}"
GENITIVE = lx.alternation(lx.endings_of("genitive"))
POSSESSIVE3 = lx.alternation(lx.endings_of("possessive3"))
LOCATIVE = lx.alternation(lx.endings_of("locative"))
ABLATIVE = lx.alternation(lx.endings_of("ablative"))
ATTRIBUTIVE = ("genitive", "relative")  # 2018 жылдың / жылғы: what can be followed by a part of the year


def words(role: str) -> str:
    """Whole words of one role of date_words.tsv, uninflected."""
    return lx.role_words(role)


def inflected_role(role: str, plural: bool = False) -> str:
    return lx.inflected(lx.alternation(lx.role(role)), plural=plural)


def year_number(name: str, words: bool = False) -> str:
    """A four-digit year (1000-2199), perhaps with an ordinal ending: 2018, 2025-ші, 2017-нші; with
    ``words``, also an ordinal in words (екі мың он сегізінші, read by :func:`.build.year_value`)."""
    digits = rf"{NO_DIGIT_BEFORE}(?P<{name}>1[0-9]{{3}}|2[01][0-9]{{2}})(?:-?{ORD_SFX}(?![\p{{L}}]))?(?![\p{{N}}])"
    return rf"(?:{digits}|(?P<{name}>{ORDINAL_YEAR}))" if words else digits


# жылы, жылдың, жылға, жылғы ... or ж.
YEAR_WORD = rf"(?:{inflected_role('year_unit')}|{B}{lx.alternation(lx.role('year_abbr'))})"
# жылдары, жылдарға ... or жж(.)
YEARS_WORD = (rf"(?:{B}{lx.alternation(lx.role('years_unit'))}{lx.chain()}{E}"
              rf"|{B}{lx.alternation(lx.role('years_abbr'))}(?![\p{{L}}]))")
# plural жыл with endings only (a decade is never written жж)
YEARS_WORD_FULL = rf"{B}{lx.alternation(lx.role('years_unit'))}{lx.chain()}{E}"
YEAR_GENITIVE = rf"{B}{lx.alternation(lx.role('year_unit'))}{GENITIVE}{E}"  # жылдың (the year spoken of)


def year_with_word(num: str = "y", word: str = "yw") -> str:
    """2018 жылы, 2025-ші жылға, 1854 ж., екі мың он сегізінші жылы."""
    return rf"{year_number(num, words=True)}(?:{SP}|-)(?P<{word}>{YEAR_WORD})"


ORDINAL_NUMBER = lx.ordinal_number()  # бірінші, жиырма бесінші
DAY_WORDS = lx.day_words()  # жиырма бесі, онына: a day in words with a possessive ending
ORDINAL_YEAR = lx.ordinal_year()  # екі мың жиырмасыншы, мың тоғыз жүз тоқсан төртінші


def day_number(name: str) -> str:
    """A day of the month before the month name (15 қараша, «15» қараша, 27-нші наурыз, жиырма бесінші
    наурыз: an ordinal in words, read by :func:`.build.day_value`)."""
    return (rf"(?:(?<![\p{{N}}.,:/-])«?(?P<{name}>[12][0-9]|3[01]|0?[1-9])»?(?P<{name}_sfx>-?{ORD_SFX}(?![\p{{L}}]))?"
            rf"(?![\p{{N}}])|(?P<{name}>{ORDINAL_NUMBER}))")


def day_range(first: str, last: str) -> str:
    """A day or a range of days before the month name: 15, 15-17."""
    return rf"{day_number(first)}(?:{HYPHEN}(?P<{last}>[12][0-9]|3[01]|0?[1-9])(?![\p{{N}}]))?"


def day_with_suffix(name: str, words: bool = False) -> str:
    """A day after a month in the genitive, with its ending: қарашаның 10-нынан, айдың 18-і; with ``words``
    also a number in words with its endings (қарашаның жиырма бесі, тамыздың онына: :func:`.build.day_value`)."""
    digits = rf"(?<![\p{{N}}.,:/-])(?P<{name}>[12][0-9]|3[01]|0?[1-9])(?:-\p{{L}}{{1,7}})?(?![\p{{L}}\p{{N}}])"
    return rf"(?:{digits}|(?P<{name}>{DAY_WORDS}))" if words else digits


MONTH_STEMS = lx.month_stems()


def month_word(word: str, stem: str) -> str:
    """A month name with any endings: қараша, қарашада, желтоқсанында, қыркүйегінде."""
    return rf"(?P<{word}>{B}(?P<{stem}>{MONTH_STEMS}){lx.no_derivation()}{lx.chain()}{E})"


def month_genitive(word: str, stem: str) -> str:
    """A month in the genitive, so that a day follows: қарашаның, қараша айының."""
    return (rf"(?P<{word}>{B}(?P<{stem}>{MONTH_STEMS})(?:{POSSESSIVE3})?{GENITIVE}{E}"
            rf"|{B}(?P<{stem}>{MONTH_STEMS}){SP}{lx.alternation(lx.role('month_unit'))}(?:{POSSESSIVE3})?{GENITIVE}{E})")


MONTH_UNIT = inflected_role("month_unit")  # айы, айында, айының (after a month name)
MONTHS_UNIT = rf"{B}{lx.alternation(lx.role('month_unit'))}(?={lx.alternation(lx.endings_of('plural'))}){lx.chain()}{E}"
DAY_UNIT = inflected_role("day_unit")  # күні, күнгі
PARTS = lx.part_pattern("start", "middle", "end")  # басынан, ортасына, соңында
QUARTER_WORD = lx.part_pattern("quarter")  # тоқсанда, тоқсанында
HALF_WORD = lx.part_pattern("half")  # жартысында, жартыжылдықта
HALF_YEAR_WORD = lx.inflected(lx.alternation(f for f, p in lx.date_parts().items()
                                             if p == "half" and f.startswith("жартыжыл")))


def since(name: str = "since") -> str:
    """бері / бастап after an ablative part word (жылдың басынан бері): it belongs to the mention."""
    return rf"(?:(?<={ABLATIVE}){SP}(?P<{name}>{words('since')}))?"


def ordinal(word: str = "ow", roman: str = "rom", digit: str = "od", sfx: str = "osfx") -> str:
    """An ordinal of a quarter or a half: екінші, III, 3-ші, 3- (before тоқсан)."""
    return (rf"(?:{B}(?P<{word}>{lx.ordinal_words()}){E}"
            rf"|(?<![\p{{L}}\p{{N}}])(?P<{roman}>{lx.roman_numerals()})(?![\p{{L}}\p{{N}}])"
            rf"|(?<![\p{{N}}.,])(?P<{digit}>[1-4])(?P<{sfx}>-?{ORD_SFX}(?![\p{{L}}])-?|-)?(?![\p{{N}}]))")


ORDINAL_GAP = rf"(?:{SP}|(?<=-))"  # "3-тоқсан" has no space
RELATIVE_YEAR = lx.relative_pattern("year")
RELATIVE_MONTH = lx.relative_pattern("month")
RELATIVE_QUARTER = lx.relative_pattern("quarter")
RELATIVE_DAY = lx.relative_pattern("day")
WEEKDAY = lx.alternation(lx.weekdays())
SMALL_NUMBER = lx.alternation(lx.small_numbers())
DURATION_AFTER = rf"{SP}{words('duration')}"

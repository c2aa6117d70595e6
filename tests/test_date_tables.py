"""The date vocabulary tables are complete and consistent (a broken row would silently lose dates)."""
from extractor.dimensions.date import lexicon as lx
from extractor.lang.kk.tables import load_table


def test_twelve_months_numbered_once():
    ms = lx.months()
    assert sorted(m.number for m in ms) == list(range(1, 13))
    assert len({m.name for m in ms}) == 12
    # an alternate stem is the same word before a vowel, differing only in its last letter
    for m in ms:
        if m.alt_stem:
            assert m.alt_stem[:-1] == m.name[:-1]


def test_seven_weekdays():
    assert sorted(lx.weekdays().values()) == list(range(7))


def test_ordinals_of_quarters_and_decades():
    assert {v for v in lx.ordinals().values()} == {1, 2, 3, 4}
    assert sorted(lx.decade_ordinals().values()) == list(range(20, 100, 10))


def test_relative_words_have_known_units():
    rows = lx.relative_words()
    assert rows and {r.unit for r in rows} <= {"year", "month", "quarter", "day"}
    assert {r.offset for r in rows if r.phrase in ("биыл", "өткен жыл", "келесі жыл")} == {0, -1, 1}


def test_date_parts_and_word_roles_are_known():
    assert set(lx.date_parts().values()) <= {"half", "quarter", "start", "middle", "end"}
    roles = {r["role"] for r in load_table("date_words")}
    used = {"year_unit", "year_abbr", "years_unit", "years_abbr", "month_unit", "day_unit", "school_year", "since",
            "between", "until", "and", "ago", "ago_anchor", "corresponding", "duration", "counting", "first_n",
            "weekday_before", "weekday_after", "weekday_same_week"}
    assert used <= roles


def test_derivatives_are_refused_even_voiced():
    word = lx.compile(lx.inflected("жыл"))
    for ok in ("жылы", "жылдың", "жылға", "жылғы", "жылмен", "жылындағы"):
        assert word.fullmatch(ok), ok
    for bad in ("жылдық", "жылдығы", "жылдары", "жылшы"):
        assert not word.fullmatch(bad), bad

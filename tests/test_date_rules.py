"""Behaviour of the date recogniser beyond single examples (those are in dimensions/date/corpus.txt):
context across sentences, offsets into the text as received, and properties over many inputs."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from extractor.dimensions.date import find, lexicon
from extractor.mentions import Context
from extractor.normalize import normalize

D = dt.date
MONTHS = {m.number: m.name for m in lexicon.months()}


def dates(text, published=None):
    norm = normalize(text).text
    return [(norm[m.start:m.end], m.attrs["date_start"], m.attrs["date_end"], m.attrs["granularity"],
             m.attrs["relative"]) for m in find(norm, Context(published=published))]


def test_quarter_takes_the_latest_year_of_the_text():
    got = dates("2017 жылы жоспар орындалды. 2019 жылы экспорт өсті. Бірінші тоқсанда 5%-ға артты.")
    assert got[-1] == ("Бірінші тоқсанда", D(2019, 1, 1), D(2019, 3, 31), "quarter", False)


def test_quarter_after_a_relative_year_is_relative():
    got = dates("Биыл экспорт өсті, ал үшінші тоқсанда баға түсті.", D(2025, 12, 17))
    assert got[-1] == ("үшінші тоқсанда", D(2025, 7, 1), D(2025, 9, 30), "quarter", True)
    unresolved = dates("Биыл экспорт өсті, ал үшінші тоқсанда баға түсті.")
    assert unresolved[-1] == ("үшінші тоқсанда", None, None, "quarter", True)


def test_a_span_of_years_gives_no_year_to_a_later_quarter():
    got = dates("2010-2014 жж жол салынды. Бірінші тоқсанда 5 жоба басталды.", D(2025, 12, 17))
    assert got[-1] == ("Бірінші тоқсанда", D(2025, 1, 1), D(2025, 3, 31), "quarter", True)


def test_corresponding_quarter_without_an_earlier_quarter_is_the_year():
    assert dates("2017 жылдың тиісті тоқсанымен салыстырғанда өсті.") == [
        ("2017 жылдың тиісті тоқсанымен", D(2017, 1, 1), D(2017, 12, 31), "year", False)]


def test_day_that_does_not_exist_gives_no_record():
    assert dates("Шешім 29 ақпан 2019 ж. шықты.") == []
    assert dates("Шешім 29 ақпан 2020 ж. шықты.") == [("29 ақпан 2020 ж.", D(2020, 2, 29), D(2020, 2, 29), "day",
                                                        False)]


def test_biyl_with_a_count_of_months_is_only_the_year():
    assert dates("Биыл 11 айда бюджетке 660 млрд теңге түсті.", D(2025, 12, 17)) == [
        ("Биыл", D(2025, 1, 1), D(2025, 12, 31), "year", True)]


def test_offsets_point_into_the_text_as_received():
    from extractor.api import extract

    raw = "Комбинат 2014 жылдың\r\nжел\u00adтоқсанында ашылды. Атап өту керек, 2010\u20132014 жж\nкартасы бекітілді."
    doc = extract(raw, "2025-12-17", ner="none")
    recs = [r for r in doc.records if r.type == "date"]
    assert [raw[r.start:r.end] for r in recs] == [r.text for r in recs]
    assert [r.text for r in recs] == ["2014 жылдың\r\nжел\u00adтоқсанында", "2010\u20132014 жж"]
    assert (recs[1].date_start, recs[1].date_end) == (D(2010, 1, 1), D(2014, 12, 31))


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31)), st.sampled_from(["{d} {m} {y} ж.",
                                                                                      "{y} жылғы {d} {m} күні",
                                                                                      "{d}.{mm:02d}.{y}"]))
def test_any_written_day_reads_back(day, template):
    text = "Шешім " + template.format(d=day.day, m=MONTHS[day.month], y=day.year, mm=day.month) + " қабылданды."
    got = dates(text)
    assert len(got) == 1 and got[0][1:] == (day, day, "day", False), got


@given(st.integers(1, 99), st.sampled_from(["{n} жыл бойы", "{n} жыл ішінде", "соңғы {n} жылда", "{n} айда",
                                            "{n} ай ішінде", "{n} айдың", "{n} жасында", "{n} жыл толды",
                                            "{n} күн бұрын", "{n} сағатта"]))
def test_lengths_of_time_and_ages_are_no_dates(n, template):
    assert dates("Ол " + template.format(n=n) + " жұмыс істеді.") == []


WORDS = ["2018 жылы", "биыл", "15 қарашада", "III тоқсанда", "2010-2014 жж", "өткен айда", "жұма күні", "және",
         "жоба", "5 жыл бойы", "қаңтар-наурыз айларында", "тиісті тоқсанымен", "\n", "90-жылдары", "2018 жылдың",
         "екінші жартысында", "1 қараша", "-", "аралығында", "пен", "жылдан", "11 айында"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.one_of(st.none(), st.dates(D(2000, 1, 1), D(2030, 1, 1))))
def test_mentions_are_ordered_disjoint_and_consistent(words, published):
    text = " ".join(words)
    norm = normalize(text).text
    ms = list(find(norm, Context(published=published)))
    for a, b in zip(ms, ms[1:]):
        assert a.end <= b.start
    for m in ms:
        assert 0 <= m.start < m.end <= len(norm)
        s, e = m.attrs["date_start"], m.attrs["date_end"]
        assert (s is None) == (e is None)
        if s is not None:
            assert s <= e
        else:  # only a relative date may stay unresolved
            assert m.attrs["relative"]


@pytest.mark.parametrize("text", ["Жұма ағай келді.", "Сенбілікке 9 мың тұрғын қатысты.",
                                  "Оның 2-нші маусымы басталды.", "Қазан қаласында өтті."])
def test_words_that_look_like_dates_but_are_not(text):
    assert dates(text) == []

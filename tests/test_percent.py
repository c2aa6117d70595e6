"""The percent recogniser (extractor.dimensions.percent); more cases in dimensions/percent/corpus.txt."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.dimensions import percent


def found(text):
    return [(text[m.start:m.end], m.attrs["value"], m.attrs["value_max"], m.attrs["qualifier"])
            for m in percent.find(text)]


@pytest.mark.parametrize("text, want", [
    ("қуаты 50%-ға артты", ("50%-ға", 50, None, "exact")),
    ("Өсім (-10,7%) болды", ("-10,7%", Decimal("-10.7"), None, "exact")),
    ("жалақы - 3,1%-ға өсті", ("3,1%-ға", Decimal("3.1"), None, "exact")),
    ("көлемі 10-12%-ға қысқарды", ("10-12%-ға", 10, 12, "range")),
    ("деңгейі 43% дейін көбейді", ("43% дейін", 43, None, "up_to")),
    ("мөлшерлеме 2 пайыздық тармаққа өсті", ("2 пайыздық тармаққа", 2, None, "exact")),
    ("инфляция он екі жарым пайыз", ("он екі жарым пайыз", Decimal("12.5"), None, "exact")),
])
def test_found(text, want):
    assert found(text)[0] == want


def test_list_closed_by_one_percent_word():
    text = "Шығыстар 95, оның ішінде облыстық бюджет 96, аудандық бюджет 95 пайыз орындалды."
    assert [(t, v) for t, v, _, _ in found(text)] == [("95", 95), ("96", 96), ("95 пайыз", 95)]


@pytest.mark.parametrize("text", [
    "Өнім 3,5 есе өсті.",
    "2018 жылы 5, 2019 жылы 7 мектеп салынды.",
    # a spaced comma is no list separator (a decimal written apart)
])
def test_no_percent(text):
    assert found(text) == []


def test_list_stops_at_digits_and_long_gaps():
    assert [t for t, *_ in found("2018 жылы 5, 2019 жылы 7 пайыз өсті")] == ["7 пайыз"]
    text = "Ауданда 5, бірақ көрші облыстың бірнеше ірі қаласында орта есеппен 7 пайыз болды"
    assert [t for t, *_ in found(text)] == ["орта есеппен 7 пайыз"]


@given(st.decimals(min_value=-99, max_value=999, places=1, allow_nan=False, allow_infinity=False),
       st.sampled_from(["%", "%-ға", " пайыз", " процентке", "%-дан"]))
def test_any_percent_reads_back(d, unit):
    number = format(d, "f").replace(".", ",").replace(",0", "") if d == d.to_integral_value() \
        else format(d, "f").replace(".", ",")
    got = found(f"Көрсеткіш ({number}{unit}) болды.")
    assert [g[1] for g in got] == [d]

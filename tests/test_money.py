"""The money recogniser (extractor.dimensions.money); more cases in dimensions/money/corpus.txt."""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.dimensions import money
from extractor.dimensions.numeral import to_words
from extractor.lang.kk.tables import load_table


def found(text):
    return [(text[m.start:m.end], m.attrs["value"], m.attrs["value_max"], m.attrs["currency"], m.attrs["qualifier"])
            for m in money.find(text)]


def test_every_currency_form_gives_its_code():
    for row in load_table("currencies"):
        text = f"Бағасы 5 мың {row['form']} болды."
        got = found(text)
        assert got and got[0][3] == row["code"], (row["form"], got)
        assert got[0][1] == 5000 * Decimal(row["factor"])


def test_currency_codes_are_iso_shaped():
    for row in load_table("currencies"):
        assert len(row["code"]) == 3 and row["code"].isupper() and row["code"].isalpha()


@pytest.mark.parametrize("text, want", [
    ("Жоба құны 5,6 млрд\nтеңгені құрады.", ("5,6 млрд\nтеңгені", 5600000000, None, "KZT", "exact")),
    ("құны 84,526 млрд.теңгені құрайтын", ("84,526 млрд.теңгені", 84526000000, None, "KZT", "exact")),
    ("Әр адамға миллион доллардан береді", ("миллион доллардан", 1000000, None, "USD", "exact")),
    ("28 мың сингапур долларынан", ("28 мың сингапур долларынан", 28000, None, "SGD", "exact")),
    ("Жүлде $5 млн болды", ("$5 млн", 5000000, None, "USD", "exact")),
    ("айына 32-33 мың теңге алады", ("32-33 мың теңге", 32000, 33000, "KZT", "range")),
    ("Салық 19 млрд теңгеден астам түсті", ("19 млрд теңгеден астам", 19000000000, None, "KZT", "more_than")),
    ("қоры 3 млн теңгеге жуық.", ("3 млн теңгеге жуық", 3000000, None, "KZT", "approx")),
    ("қоры 1 трлн теңге шамасында", ("1 трлн теңге шамасында", 1000000000000, None, "KZT", "approx")),
])
def test_found(text, want):
    assert found(text)[0] == want


def test_change_is_two_amounts_and_attributive_is_one_range():
    assert [(v, q) for _, v, _, _, q in found("Жалақы 28 мыңнан 42 мың теңгеге дейін өсті.")] == [
        (28000, "exact"), (42000, "up_to")]
    assert [(v, vm, q) for _, v, vm, _, q in found("100-ден 300 мың теңгеге дейінгі айыппұл")] == [
        (100000, 300000, "range")]


def test_bracketed_conversion_shares_the_qualifier():
    got = found("табысы 28 мың сингапур долларынан (20,4 мың доллар) артық таппаса")
    assert [(v, c, q) for _, v, _, c, q in got] == [(28000, "SGD", "up_to"), (20400, "USD", "up_to")]


@pytest.mark.parametrize("text", [
    "Бюджетке 3,2 млрд. салық түсті.", "Бюджет жоспары орындалды.", "Мыңдаған теңге жұмсалды.",
    "Ол оны теңгеге айырбастады.", "35 жоба іске қосылды.",
])
def test_no_money(text):
    assert found(text) == []


SCALES = [("мың", 10 ** 3), ("млн", 10 ** 6), ("млрд", 10 ** 9), ("трлн", 10 ** 12), ("млрд.", 10 ** 9)]


@settings(max_examples=150)
@given(st.integers(1, 999), st.integers(0, 9), st.sampled_from(SCALES),
       st.sampled_from(["теңге", "теңгені", "теңгеден", "долларға", "еуро"]), st.booleans())
def test_scaled_amounts(whole, tenth, scale, currency, newline):
    word, factor = scale
    number = f"{whole},{tenth}" if tenth else str(whole)
    gap = "\n" if newline else " "
    text = f"Жобаға {number} {word}{gap}{currency} бөлінді."
    got = found(text)
    assert len(got) == 1
    assert got[0][1] == (Decimal(whole) + Decimal(tenth) / 10) * factor
    assert got[0][0] == f"{number} {word}{gap}{currency}"


@settings(max_examples=100)
@given(st.integers(1, 999_999_999))
def test_amounts_in_words(n):
    got = found(f"Жобаға {to_words(n)} теңге бөлінді.")
    assert [g[1] for g in got] == [n]

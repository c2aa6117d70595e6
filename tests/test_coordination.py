"""Numbers listed before an amount share its unit (extractor.dimensions.coordination), in every value
dimension; more examples in the dimensions' corpus.txt files."""
from decimal import Decimal

import pytest

from extractor.dimensions import jobs, money, percent, quantity
from extractor.dimensions.coordination import ListRule, numbers_before
from extractor.dimensions.tokens import tokenize


def spans(mod, text):
    return [(text[m.start:m.end], m.attrs["value"]) for m in mod.find(text)]


def test_each_listed_number_is_a_record_with_the_scale_of_the_amount():
    text = "Үш ауданға 2, 3 және 4 млрд теңге бөлінді."
    assert spans(money, text) == [("2", 2_000_000_000), ("3", 3_000_000_000), ("4 млрд теңге", 4_000_000_000)]
    assert all(m.attrs["currency"] == "KZT" for m in money.find(text))


def test_the_same_mechanism_serves_every_value_dimension():
    assert [v for _, v in spans(quantity, "Қоймаларда 8 немесе 9 мың тонна көмір бар.")] == [8000, 9000]
    assert [v for _, v in spans(percent, "Өсім 1,5 және 2,5 пайыз болды.")] == [Decimal("1.5"), Decimal("2.5")]
    assert [v for _, v in spans(jobs, "Цехтарда 30 және 45 жұмыс орны ашылды.")] == [30, 45]


@pytest.mark.parametrize("text, want", [
    # a word between the number and the joiner: the number counts something else
    ("Облыста 12 мектепке және 5 млрд теңге бөлінді.", ["5 млрд теңге"]),
    # years named before the amount belong to the date, not to the list
    ("2018 және 2019 жылдары 5 млрд теңге жұмсалды.", ["5 млрд теңге"]),
    # a comma written apart from the number joins nothing
    ("Есепте 5 , 7 млрд теңге көрсетілген.", ["7 млрд теңге"]),
    # an amount with its own currency is its own record, not a list item
    ("Оған 5 млрд теңге және 7 млрд теңге бөлінді.", ["5 млрд теңге", "7 млрд теңге"]),
])
def test_what_is_no_list(text, want):
    assert [t for t, _ in spans(money, text)] == want


def test_a_number_inside_a_date_joins_nothing():
    assert [t for t, _ in spans(money, "Келісім 12.03.2018, 5 млрд теңгеге жасалды.")] == ["5 млрд теңгеге"]


def test_list_rule_limits_what_a_list_may_hold():
    toks = tokenize("Көрсеткіш 2019, 7 пайыз")
    first = next(k for k, t in enumerate(toks) if t.text == "7")
    assert [r.start for r in numbers_before(toks, first, 0)] == [1]
    assert numbers_before(toks, first, 0, ListRule(max_value=Decimal(1000))) == []
    toks = tokenize("Бағасы бес, жеті мың теңге")
    first = next(k for k, t in enumerate(toks) if t.text == "жеті")
    assert len(numbers_before(toks, first, 0)) == 1
    assert numbers_before(toks, first, 0, ListRule(in_words=False)) == []

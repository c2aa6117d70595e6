"""Numbers: digits in every news format and number words, read exactly (extractor.dimensions.numeral)."""
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.dimensions.numeral import (find_numbers, integer_words, ordinal_value, parse_number, read_range,
                                          to_words, with_ending, word_value)
from extractor.dimensions.numeral.lexicon import homographs
from extractor.dimensions.tokens import tokenize

D = Decimal


@pytest.mark.parametrize("text, value", [
    # digits
    ("5", "5"), ("5,6", "5.6"), ("1.5", "1.5"), ("916,865", "916.865"), ("3 634", "3634"), ("60 435,9", "60435.9"),
    ("1 000 000", "1000000"), ("-10,7", "-10.7"),
    # hyphenated endings
    ("1000-нан", "1000"), ("260-тан", "260"), ("8-ін", "8"), ("35-і", "35"), ("50-ге", "50"),
    # scales after digits, with endings and periods
    ("5,6 млрд", "5600000000"), ("84,526 млрд.", "84526000000"), ("4,5 млн.", "4500000"), ("3 мыңнан", "3000"),
    ("68 мыңнан", "68000"), ("1 трлн 57 млн", "1000057000000"), ("5 млрд-тан", "5000000000"),
    ("2 жарым миллион", "2500000"), ("5млрд", "5000000000"), ("2,8 миллион", "2800000"),
    # words
    ("бір", "1"), ("тоғыз", "9"), ("он бес", "15"), ("жиырма бес", "25"), ("тоқсан тоғыз", "99"), ("жүз", "100"),
    ("екі жүз елу", "250"), ("мың", "1000"), ("мыңнан", "1000"), ("миллионға", "1000000"),
    ("жүз мың", "100000"), ("екі жүз елу мың", "250000"), ("мың бес жүз", "1500"),
    ("үш жарым миллион", "3500000"), ("бір жарым", "1.5"), ("миллион жарым", "1500000"),
    ("жүз жарым", "150"), ("жарты миллион", "500000"), ("ширек миллион", "250000"),
    ("екі бүтін оннан бес", "2.5"), ("нөл бүтін жүзден жеті", "0.07"),
    ("екі бүтін оннан бес миллион", "2500000"), ("екі млрд", "2000000000"),
    # a decimal read aloud without its denominator: the numerator's digits are the decimal places
    ("тоқсан үш бүтін төрт", "93.4"), ("отыз бес бүтін елу үш", "35.53"),
    ("отыз төрт бүтін бес миллиард", "34500000000"), ("бір бүтін жүз он бес", "1.115"),
    # the point read aloud as a particle (spoken_decimal_points.tsv)
    ("он алты да тоғыз", "16.9"), ("үш те бес", "3.5"), ("бір де бір миллион", "1100000"),
    ("триллион", "1000000000000"), ("миллард", "1000000000"),
    # a particle after the ending: "about" (мыңдай) and "only" (он төрт-ақ)
    ("мыңдай", "1000"), ("он төрт-ақ", "14"), ("14-ақ", "14"),
])
def test_parses(text, value):
    assert parse_number(text) == D(value)


@pytest.mark.parametrize("text", [
    "5-ші", "2025-ші", "бесінші", "бірінші",  # ordinals
    "мыңдаған", "ондаған", "жүздеген", "миллиондаған",  # "thousands of"
    "5-сынып", "3а",  # a number glued to a word
    "оны", "бірге", "үшін", "алтын", "онда", "ондай", "бірдей",  # homographs of number words
    "бес жиырма", "жүз екі жүз",  # not well formed as one number
    "млрд", "жарым",  # cannot stand alone
    "екі бүтін",  # "two whole ...": no fraction follows
    "бір де бір",  # "not a single one"
    "", "теңге",
])
def test_not_one_number(text):
    assert parse_number(text) is None


def test_year_before_grouped_number_stays_apart():
    found = [(n.text, n.value) for n in find_numbers("2015 жылы 3 634 жұмыс орны ашылды")]
    assert found == [("2015", D(2015)), ("3 634", D(3634))]


def test_codes_dates_and_glued_digits_are_no_numbers():
    text = "КС-851 рейсі 12.03.2018 күні, A321N ұшағы, ЭКСПО-2017 көрмесі"
    assert find_numbers(text) == []


def test_number_glued_after_a_lowercase_word_is_a_lost_space_but_codes_stay_codes():
    # scraped text that lost a space: "or 215 million"; capitals or Latin before digits are codes
    assert [(n.text, n.value) for n in find_numbers("немесе215 млн")] == [("215 млн", D(215000000))]
    assert find_numbers("Ил76 ұшағы, ТУ154 ұшағы, iPhone15 телефоны") == []


def test_range_takes_the_scale_of_its_upper_end():
    toks = tokenize("5-7 млрд теңге")
    r = read_range(toks, 0)
    assert (r.low, r.high) == (D(5000000000), D(7000000000))
    toks = tokenize("екі-үш мың")
    r = read_range(toks, 0)
    assert (r.low, r.high) == (D(2000), D(3000))


def test_range_needs_a_growing_pair_and_no_year_before_a_spaced_dash():
    assert read_range(tokenize("7-5 млрд"), 0) is None
    assert read_range(tokenize("2018 - 20 млн"), 0) is None
    assert read_range(tokenize("10 - 12"), 0) is not None


def test_scale_after_indefinite_word_is_no_number():
    assert [n.text for n in find_numbers("бірнеше мың бас мал")] == []
    assert [n.text for n in find_numbers("екі мың бас мал")] == ["екі мың"]


@pytest.mark.parametrize("text, value", [
    ("5-ші", 5), ("2025-ші", 2025), ("бесінші", 5), ("бірінші", 1), ("екінші", 2), ("жиырма бесінші", 25),
    ("тоғызыншы", 9), ("қырқыншы", 40), ("екіншісі", 2), ("бес", None), ("5", None),
])
def test_ordinal_value(text, value):
    assert ordinal_value(text) == value


def test_every_homograph_is_otherwise_a_number_word():
    # the table only lists forms the reader would take for a number without it
    for form in homographs():
        assert word_value(form) is not None, form


@pytest.mark.parametrize("n, words", [
    (0, "нөл"), (15, "он бес"), (100, "бір жүз"), (2500, "екі мың бес жүз"),
    (1057000000000, "бір триллион елу жеті миллиард"),
])
def test_to_words(n, words):
    assert to_words(n) == words


def test_to_words_decimal_and_short_form():
    assert to_words(D("2.5")) == "екі бүтін оннан бес"
    assert to_words(D("0.07")) == "нөл бүтін жүзден жеті"
    assert integer_words(1100, explicit_one=False) == ["мың", "жүз"]


@pytest.mark.parametrize("word, case, out", [
    ("мың", "ablative", "мыңнан"), ("миллион", "dative", "миллионға"), ("жүз", "ablative", "жүзден"),
    ("үш", "dative", "үшке"), ("екі", "dative", "екіге"), ("алты", "ablative", "алтыдан"),
])
def test_with_ending(word, case, out):
    assert with_ending(word, case) == out


# --- properties -----------------------------------------------------------------------------------

CASES = ["genitive", "accusative", "dative", "locative", "ablative", "instrumental"]
SCALES = [("мың", 10 ** 3), ("млн", 10 ** 6), ("миллион", 10 ** 6), ("млрд", 10 ** 9), ("миллиард", 10 ** 9),
          ("трлн", 10 ** 12), ("триллион", 10 ** 12)]
integers = st.integers(min_value=0, max_value=10 ** 15 - 1)
decimals = st.builds(lambda whole, frac, places: D(whole) + D(frac) / D(10 ** places),
                     st.integers(0, 999_999), st.integers(1, 999), st.integers(1, 3)).filter(
    lambda d: -d.normalize().as_tuple().exponent <= 3)


def spaced(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def comma(d: Decimal, grouped: bool) -> str:
    whole, _, frac = format(d.normalize(), "f").partition(".")
    head = spaced(int(whole)) if grouped else whole
    return head + ("," + frac if frac else "")


@given(integers)
def test_digits_read_back(n):
    assert parse_number(str(n)) == n
    assert parse_number(spaced(n)) == n


@given(decimals, st.booleans())
def test_decimal_comma_reads_back(d, grouped):
    assert parse_number(comma(d, grouped)) == d


@given(integers, st.booleans())
def test_words_read_back(n, explicit_one):
    assert parse_number(to_words(n, explicit_one=explicit_one)) == n


@given(decimals.filter(lambda d: d < 1000))
def test_decimal_words_read_back(d):
    assert parse_number(to_words(d)) == d


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=10 ** 15 - 1), st.sampled_from(CASES))
def test_words_with_a_case_ending_read_back(n, case):
    words = to_words(n).split()
    words[-1] = with_ending(words[-1], case)
    # a lone homograph (бірге "together", оны "it") is by design no number; inside a number it is
    assume(not (len(words) == 1 and words[0] in homographs()))
    assert parse_number(" ".join(words)) == n


@settings(max_examples=200)
@given(integers, st.sampled_from(CASES))
def test_digits_with_a_hyphenated_ending_read_back(n, case):
    last = to_words(n).split()[-1]  # the ending follows how the number is pronounced
    assert parse_number(f"{spaced(n)}-{with_ending(last, case)[len(last):]}") == n


@given(decimals.filter(lambda d: d < 1000), st.sampled_from(SCALES), st.sampled_from(["", ".", "нан", "-нан"]))
def test_scaled_amounts_read_back(d, scale, tail):
    word, factor = scale
    if tail == "." and word in ("мың", "миллион", "миллиард", "триллион"):
        tail = ""
    if tail == "нан" and word in ("млн", "млрд", "трлн"):
        tail = "-нан"
    if tail == "-нан" and word in ("мың", "миллион", "миллиард", "триллион"):
        tail = "нан"
    assert parse_number(f"{comma(d, False)} {word}{tail}") == d * factor

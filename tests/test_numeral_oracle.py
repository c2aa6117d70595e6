"""The number tables checked against an independent writer of Kazakh numbers: qazaqify (MIT, a test-only
dependency in the ``test`` extra).

``test_numeral.py``'s round trip compares the parser with the project's own ``to_words``, which reads the
same ``number_words.tsv``: a wrong row would pass both ways. qazaqify has its own word lists, so a wrong
value, a missing word or a wrong scale in the table makes these fail.

Known style differences, allowed where the words are compared: qazaqify leaves out "бір" before жүз and
мың at the start of a number or right after a scale word (``мың``, ``мың жүз`` where kazextract writes
``бір мың``, ``бір мың бір жүз``); both forms are read by the parser.
"""
from __future__ import annotations

import regex
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.dimensions.numeral import ordinal_value, parse_number, to_words

qazaqify = pytest.importorskip("qazaqify", reason="qazaqify (the test extra) is not installed")

# up to the largest scale word of number_words.tsv (триллион): 999 триллион ...
LARGEST = 10 ** 15 - 1
numbers = st.one_of(st.integers(0, 999), st.integers(0, 10 ** 6), st.integers(0, LARGEST))
_SCALES = "мың|миллион|миллиард|триллион"
# "бір" before жүз/мың where it is the count of a group of its own (not "он бір мың", "жүз бір мың")
_EXPLICIT_ONE = regex.compile(r"(?:^|(?<=\b(?:%s) ))бір (?=(?:жүз|мың)\b)" % _SCALES)


def _style(words: str) -> str:
    return _EXPLICIT_ONE.sub("", words)


@settings(max_examples=300, deadline=None)
@given(numbers)
def test_the_parser_reads_qazaqify_cardinals(n):
    assert parse_number(qazaqify.words(n)) == n


@settings(max_examples=300, deadline=None)
@given(numbers)
def test_to_words_writes_what_qazaqify_writes_but_for_the_explicit_one(n):
    assert _style(to_words(n)) == _style(qazaqify.words(n))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10 ** 9))
def test_the_ordinal_reader_reads_qazaqify_ordinals(n):
    assert ordinal_value(qazaqify.ordinal_word(n)) == n


@pytest.mark.parametrize("n, ours, theirs", [
    (1000, "бір мың", "мың"),
    (1100, "бір мың бір жүз", "мың жүз"),
    (11000, "он бір мың", "он бір мың"),
    (101000, "бір жүз бір мың", "жүз бір мың"),
])
def test_the_style_rule_drops_only_the_count_of_its_own_group(n, ours, theirs):
    assert to_words(n) == ours and qazaqify.words(n) == theirs
    assert _style(ours) == _style(theirs)

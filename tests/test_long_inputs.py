"""Long pathological inputs take time linear in their length (issue 9).

No wall-clock limits: the tests count the work (characters searched by spaCy's suffix rule, lookups of
the phrase lexicon) for two sizes and check that it grows in proportion. ``bench/long_inputs.py`` times
the same inputs.
"""
from __future__ import annotations

import spacy

from extractor.dimensions.phrases import PhraseLexicon, make_phrase
from extractor.dimensions.tokens import tokenize
from extractor.lang.kk.tokenizer import LONG_SIGN_RUN


def _suffix_work(text: str) -> int:
    """Characters spaCy's suffix search reads while the kk tokenizer splits ``text``."""
    nlp = spacy.blank("kk")
    tok = nlp.tokenizer
    searched = [0]
    search = tok.suffix_search

    def counting(s):
        searched[0] += len(s)
        return search(s)

    tok.suffix_search = counting
    doc = tok(text)
    assert doc.text == text
    return searched[0]


def test_a_long_run_of_one_sign_is_split_in_linear_work():
    for sign in ("«", "_", "-"):
        small, big = _suffix_work(f"Бүгін {sign * 2000} болды."), _suffix_work(f"Бүгін {sign * 8000} болды.")
        assert big <= 2 * small + 100, (sign, small, big)


def test_a_long_sign_run_becomes_one_token_per_sign_with_the_text_kept():
    nlp = spacy.blank("kk")
    text = "Ол «" + "_" * LONG_SIGN_RUN + " мен " + "«" * (LONG_SIGN_RUN + 3) + "» деді."
    doc = nlp.tokenizer(text)
    assert doc.text == text
    assert [t.text for t in doc].count("_") == LONG_SIGN_RUN
    words = [t.text for t in doc if t.text.isalpha()]
    assert words == ["Ол", "мен", "деді"]


def test_short_sign_runs_are_left_to_spacy():
    nlp = spacy.blank("kk")
    doc = nlp.tokenizer("Бұл ... және --- белгілер.")
    assert "..." in [t.text for t in doc]


class _CountingDict(dict):
    gets = 0

    def get(self, key, default=None):
        _CountingDict.gets += 1
        return super().get(key, default)


def test_a_very_long_word_costs_the_phrase_lexicon_a_bounded_number_of_lookups():
    lex = PhraseLexicon([make_phrase("теңге", inflect=True), make_phrase("доллар", inflect=True)])
    lex._first_inflected = _CountingDict(lex._first_inflected)
    for n in (1_000, 100_000):
        _CountingDict.gets = 0
        (tok,) = tokenize("т" * n)
        lex.candidates(tok)
        assert _CountingDict.gets <= len("доллар") + 1, (n, _CountingDict.gets)
    (tok,) = tokenize("теңгеден")
    assert lex.candidates(tok)[0].form == "теңге"

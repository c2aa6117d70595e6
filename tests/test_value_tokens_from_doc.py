"""The value tokens read off the spaCy Doc's tokens (extractor/dimensions/doc_tokens.py) are exactly those of
the value pattern over the whole text (extractor/dimensions/tokens.py ``tokenize``, kept as the oracle):
kinds, offsets, lower case, glued and line breaks, on generated texts and on the whole corpus; each form is
split once, the table of forms is bounded, and the pattern runs only where two Doc tokens meet in a way it
reads across."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from extractor.batch.memory import WORD_CACHE_MAX
from extractor.dimensions import analysis as A
from extractor.dimensions import doc_tokens as DT
from extractor.dimensions.tokens import tokenize
from extractor.lang.kk import forms as F
from extractor.lang.kk.tokenizer import doc_text


def _both(nlp, text):
    doc = nlp.make_doc(text)
    t = doc_text(doc)
    return DT.value_tokens(doc, t), tokenize(t)


def _reads(monkeypatch):
    """Count the stretches read with the value pattern."""
    got = []
    real = DT.read_tokens

    def counting(text, start, end, prev_end, append):
        got.append(text[start:end])
        return real(text, start, end, prev_end, append)

    monkeypatch.setattr(DT, "read_tokens", counting)
    return got


WORDS = ["жыл", "жылы", "теңге", "теңгеге", "млрд", "млрд.", "млн", "ЖШС", "нің", "нан", "ға", "пайыз",
         "Алматы", "сөз", "мың", "бес", "он", "қаңтар", "т.б.", "АҚ", "тонна", "км", "кг", "жұмыс", "орны"]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list("0123456789")),
    st.integers(0, 10 ** 7).map(str),
    st.sampled_from([" ", " ", "  ", "\n", "\n\n", " \n ", ",", ".", "-", "%", "№", "«", "»", "(", ")", ":"]),
    # a combining mark (part of a word for the pattern, not a letter for str.isalpha), digits that are not
    # ASCII (str.isdigit, not the pattern's [0-9])
    st.sampled_from(["\u0301", "²", "٣"]),
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=TEXTS)
def test_generated_texts_give_the_value_tokens_of_the_pattern(nlp_rules, text):
    derived, oracle = _both(nlp_rules, text)
    assert derived == oracle


def test_every_corpus_article_gives_the_value_tokens_of_the_pattern(nlp_rules, shared_dir):
    paths = sorted((shared_dir / "corpus").glob("*.txt")) + sorted((shared_dir / "corpus" / "raw").glob("*.txt"))
    paths += sorted((shared_dir / "raw").glob("*.txt"))
    assert len(paths) >= 10
    for path in paths:
        derived, oracle = _both(nlp_rules, path.read_text(encoding="utf-8"))
        assert derived == oracle, path.name
        assert len(oracle) > 20


@pytest.mark.parametrize("text", [
    "Зауыт 1000-нан астам адамды жұмысқа алды, өнім 50%-ға өсті.",  # hyphen and ending inside one Doc token
    "«Алтын» ЖШС-нің табысы 60 435,9 млн теңге болды.",  # a grouped number merged by the tokenizer
    "Келісім 12.03.2018 жылы жасалды, ал 1,2,3 тармақтар өзгерді.",  # digits that are not a number
    "Баға 5,6млн теңге, көлемі 2.5км.",  # a number glued to a word
    "Тізімде 2015 634 деген сандар бар.",  # digits either side of a space, not grouped thousands
    "Жоспар 3  634 және 3\n634 болды.",  # two spaces, a line break: never grouped
])
def test_kazakh_sentences_give_the_value_tokens_of_the_pattern(nlp_rules, text):
    derived, oracle = _both(nlp_rules, text)
    assert derived == oracle
    assert any(t.kind in ("num", "digits") for t in oracle)


def test_the_pattern_runs_only_where_two_tokens_meet_in_a_way_it_reads_across(nlp_rules, monkeypatch):
    reads = _reads(monkeypatch)
    text = "Жыл басынан бері 1000-нан астам ЖШС-нің 60 435,9 млн теңге табысы 12,5%-ға өсті.\n\nБәрі жақсы."
    derived, oracle = _both(nlp_rules, text)
    assert derived == oracle and reads == []
    # tokens built by hand: "5" glued to ",6" (a decimal part), "2015" a space "634" (the pattern would
    # group thousands), "сөз" glued to "дер" (one word); "ЖШС" glued to "«" is read from the forms
    words = ["Баға", "5", ",6", "болды", "2015", "634", "сөз", "дер", "ЖШС", "«", "Алма", "»"]
    spaces = [True, False, True, True, True, True, False, True, False, False, False, False]
    doc = Doc(nlp_rules.vocab, words=words, spaces=spaces)
    t = doc.text
    assert DT.value_tokens(doc, t) == tokenize(t)
    assert reads == ["5,6", "2015 634", "сөздер"]
    assert [x.text for x in tokenize(t)][:5] == ["Баға", "5,6", "болды", "2015", "634"]


def test_space_tokens_and_glued_digits_are_read_across(nlp_rules):
    vocab = nlp_rules.vocab
    for words, spaces in ((["3", " ", "634"], [False, False, False]),  # one space as a token: grouped
                          (["3", " ", "634"], [True, False, False]),  # two spaces: not grouped
                          (["7", "\n", "5", ".", "5"], [False] * 5),
                          (["Өсім", "12", "5", "%"], [True, False, False, False])):  # glued digits: one number
        doc = Doc(vocab, words=words, spaces=spaces)
        assert DT.value_tokens(doc, doc.text) == tokenize(doc.text), words
    assert [t.text for t in DT.value_tokens(Doc(vocab, words=["3", " ", "634"], spaces=[False] * 3), "3 634")] \
        == ["3 634"]


def test_each_form_is_split_once_and_the_cache_is_bounded(nlp_rules):
    doc = nlp_rules.make_doc("Шығындар: тармақшаларыыы тармақшаларыыы тармақшаларыыы 7 7 7.")
    before = DT.stats["splits"]
    DT.value_tokens(doc, doc_text(doc))
    assert DT.stats["splits"] - before <= 5  # at most "Шығындар", ":", the word, "7" and "." not seen before
    again = DT.stats["splits"]
    DT.value_tokens(doc, doc_text(doc))
    assert DT.stats["splits"] == again
    assert F.TABLE_SIZE <= WORD_CACHE_MAX


def test_a_text_that_is_not_the_docs_is_read_with_the_pattern(nlp_rules):
    doc = nlp_rules.make_doc("Бағасы 5 теңге.")
    other = "Бағасы 7 000 теңге болды."
    assert DT.value_tokens(doc, other) == tokenize(other)
    empty = nlp_rules.make_doc("")
    assert DT.value_tokens(empty, "") == ()


def test_the_document_analysis_reads_the_doc_tokens(nlp_rules, monkeypatch):
    calls = []
    real = DT.value_tokens

    def counting(doc, text):
        calls.append(text)
        return real(doc, text)

    monkeypatch.setattr(A, "value_tokens", counting)
    doc = nlp_rules("Компания 2023 жылы 5,6 млрд теңге салық төлеп, 1 200 тұрақты жұмыс орны ашылды.")
    a = doc._.kx_values
    assert calls == [doc_text(doc)] and a.toks == tokenize(doc_text(doc))
    assert {m.type for m in doc._.kx_mentions} >= {"money", "jobs"}

"""The names words read off the Doc's tokens are exactly the words of the WORD_RE pass (the oracle): same
i, start, end, text, and the same per-form analysis (lower, capitalised)."""
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor  # noqa: F401 - registers kk
from extractor.lang.kk.morph import strip_endings
from extractor.lang.kk.tokenizer import doc_text
from extractor.lang.kk import forms as F
from extractor.names import doc_words as DW
from extractor.names.doc_words import chunk_words, doc_words
from extractor.names.text import TextInfo, regex_words, text_info

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

NLP = spacy.blank("kk")


def _key(words):
    return [(w.i, w.start, w.end, w.text, w.lower, w.capitalised) for w in words]


def _both(text):
    doc = NLP.make_doc(text)
    norm = doc_text(doc)
    return _key(doc_words(doc, norm)), _key(regex_words(norm))


def test_glued_tokens_make_one_word_and_one_token_may_hold_two():
    text = "Е.Сапаров «ҚазАзот» ЖШС-нің 1,5 млн теңгесін т.б. шығындарды Қасым-Жомартқа айтты."
    doc = NLP.make_doc(text)
    assert [t.text for t in doc][:2] == ["Е.", "Сапаров"]  # two tokens ...
    words = doc_words(doc, doc_text(doc))
    texts = [w.text for w in words]
    assert texts[:3] == ["Е.Сапаров", "ҚазАзот", "ЖШС-нің"]  # ... one word; the quotes are no part of it
    assert texts[3:5] == ["1", "5"]  # one token 1,5, two words
    assert "т.б" in texts and "Қасым-Жомартқа" in texts
    assert _key(words) == _key(regex_words(doc_text(doc)))


def test_spaces_and_line_breaks_between_words():
    derived, oracle = _both("Астана\n\nқаласында  бүгін\t жиын өтті \n")
    assert derived == oracle
    assert [w[3] for w in derived] == ["Астана", "қаласында", "бүгін", "жиын", "өтті"]


def test_a_word_is_case_folded_not_only_lower_cased():
    # ß folds to ss (str.lower keeps it): the one-word chunk and the many-word chunk both fold
    derived, oracle = _both("Ол Straße көшесінде, Straße-де тұрады.")
    assert derived == oracle
    assert [w[4] for w in derived][1:4] == ["strasse", "көшесінде", "strasse-де"]


def test_a_text_that_is_not_the_docs_falls_back_to_the_regex():
    doc = NLP.make_doc("Ақтау қаласы")
    assert doc_words(doc, "Ақтау қаласында") is None
    info = TextInfo("Ақтау қаласында", doc)
    assert [w.text for w in info.words] == ["Ақтау", "қаласында"]
    assert doc_words(NLP.make_doc(""), "") == []


def test_text_info_with_the_doc_reads_its_tokens():
    text = "Павлодар облысының әкімі Н.Нұрғалиев мәлімдеді."
    doc = NLP.make_doc(text)
    info = text_info(doc_text(doc), doc)
    assert [w.text for w in info.words] == ["Павлодар", "облысының", "әкімі", "Н.Нұрғалиев", "мәлімдеді"]
    assert text_info(doc_text(doc)) is info  # kx_org and kx_names share it


def test_a_word_form_is_split_and_analysed_once():
    F.clear()
    before = DW.stats["chunks"]
    doc = NLP.make_doc("Алматыда жиын болды. Алматыда күн жылы.")
    words = doc_words(doc, doc_text(doc))
    # six chunks, five distinct forms: the second Алматыда came from the form table
    assert DW.stats["chunks"] - before == 5
    a, b = [w for w in words if w.text == "Алматыда"]
    assert a.lower is b.lower and a.capitalised is True


def test_word_stem_is_the_lemma_of_the_casefolded_word():
    words = TextInfo("Облысына келді").words
    assert words[0].stem == strip_endings("облысына") == "облыс"


LETTERS = "абвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАБҒҚҢӨҰҮҺІЕСabcxyzABXZ"
SIGNS = "0123456789-'’.,:;!?()«»\"“„—–/%"
SPACES = " \n\t"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list(LETTERS) * 3 + list(SIGNS) + list(SPACES) * 2
                                + ["ЖШС-нің", "Е.", "т.б.", "АЭА-ында", "1 000", "2,5", "'"]),
                max_size=60))
def test_derived_words_equal_the_regex_on_generated_texts(parts):
    derived, oracle = _both("".join(parts))
    assert derived == oracle


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared absent")
def test_derived_words_equal_the_regex_on_every_corpus_text():
    paths = sorted(CORPUS.rglob("*.txt"))
    assert paths
    for p in paths:
        derived, oracle = _both(p.read_text(encoding="utf-8"))
        assert derived == oracle, p.name


def test_chunks_read_without_the_regex_give_its_words():
    for chunk in ("Алматы", "сөзі,", "2024", "ЖШС»", "«Нұр", "(2024)", "а.", "Е.С", "х²", "ab-", "ҚР-да",
                  "«»", "1,5", "..", "сөзі.»", "a\u0558"):
        F.clear()
        assert list(chunk_words(chunk)) == [(w.start, w.end, w.text, w.lower, w.capitalised)
                                            for w in regex_words(chunk)], chunk

"""kk_stemmer: one stem for the case forms of a word (a feature of the NER model)."""
import spacy

import extractor  # noqa: F401 - registers kk and kk_stemmer
from extractor.lang.kk.stemmer import stem


def test_case_forms_share_a_stem():
    assert stem("Алматыда") == stem("Алматыға") == stem("Алматының") == stem("Алматы")
    assert stem("Тоқаевтың") == stem("Тоқаев") == "тоқаев"
    assert stem("Шымкентте") == "шымкент"


def test_short_words_and_non_words_are_kept_whole():
    assert stem("үш") == "үш"
    assert stem("2017-нші") == "2017-нші"
    assert stem("«") == "«"


def test_component_sets_lemma():
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_stemmer")
    doc = nlp("Ақтөбеде жиналыс өтті.")
    assert doc[0].lemma_ == stem("Ақтөбе")
    assert doc[-1].lemma_ == "."

"""One analysis per word form (extractor/lang/kk/forms.py): one table entry per form holds what every layer
asks of it (value split and triggers, names words and stem, facts cues and case readings), it sits on the
token as ``token._.kx_form``, and the layers' answers read from it are those of a direct reading."""
from __future__ import annotations

import pytest
import spacy

import extractor  # noqa: F401 - registers kk
from extractor.dimensions import analysis as A
from extractor.dimensions import doc_tokens as DT
from extractor.facts import lexicon as L
from extractor.facts.morph_case import mention_case, word_case
from extractor.lang.kk import forms as F
from extractor.lang.kk.morph import strip_endings
from extractor.lang.kk.tokenizer import doc_text
from extractor.names.doc_words import doc_words
from extractor.pipeline import build_pipeline

NLP = spacy.blank("kk")

TEXT = ("Маңғыстау облысына 5 млрд теңгеге зауыт салынады деп хабарлады. «Береке» ЖШС-ның директоры "
        "облыстың әкімімен кездесті, салық түсімі 12 пайызға өскен.")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(ner="none")


def test_a_token_carries_its_form_and_the_same_form_is_one_entry():
    doc = NLP.make_doc("Облысына барды, облысына келді. Облысына")
    first, second = doc[0], doc[-1]
    assert first._.kx_form is second._.kx_form is F.form_of("Облысына")
    assert first._.kx_form.stem == strip_endings("облысына") == "облыс"
    assert doc[3]._.kx_form is not first._.kx_form  # the lower-case form is a form of its own
    assert doc[3]._.kx_form.stem == "облыс"


def test_every_layer_keeps_its_answer_on_the_one_entry_of_a_form(nlp):
    nlp(TEXT)  # every recogniser has registered its trigger sets (a registration forgets the forms' triggers)
    F.clear()
    doc = nlp(TEXT)
    # value split of the token, names words of the chunk, value triggers of the lower-case value token
    got = F.table_get("теңгеге")
    assert got is not None and got.split is not None
    assert "money" in got.values.triggers
    assert F.table_get("5") is None or F.table_get("5").split is None  # a plain number is split without the table
    # a number word's value and kind, on the lower-case form a token carries
    million = next(t for t in doc if t.text == "млрд")._.kx_form.lowered.values.number
    assert (million.value, million.kind) == (1_000_000_000, "scale")
    assert doc[0]._.kx_form.lowered is F.table_get("маңғыстау")
    words = doc_words(doc, doc_text(doc))  # (the pipeline's names layer kept this text's words from the first run)
    assert got.words is not None and F.table_get("теңгеге") is got
    stems = {w.text: w.stem for w in words}
    assert stems["облысына"] == "облыс" and F.table_get("облысына")._stem == "облыс"
    # the facts read their cue and status words from the same table
    assert L.link_role("деп") == "report" and F.table_get("деп").facts is not None


def test_value_tokens_and_analysis_read_from_the_table_equal_a_fresh_reading(nlp):
    doc = nlp.make_doc(TEXT)
    text = doc_text(doc)
    warm = DT.value_tokens(doc, text)
    F.clear()
    cold = DT.value_tokens(doc, text)
    assert warm == cold
    a, b = A.analyse(text, warm), A.analyse(text, cold)
    assert a.number_starts == b.number_starts and a.triggers("money") == b.triggers("money")


def _status_scan(word, final, after):
    # the facts tables read row by row, as the facts grammar defines them (the oracle)
    for m in L.status_markers():
        if m.final and not final or not after and m.where == "after":
            continue
        if m.test(word):
            return m.status
    return None


def test_the_facts_readings_of_a_form_equal_a_row_by_row_scan_of_the_tables():
    words = {w.lower() for w in TEXT.replace(",", " ").replace(".", " ").split()}
    words |= {"жоспарланып", "салынды", "салынады", "болса", "инвестиция", "салығы", "кредиттің", "алайда", "деді"}
    seen_status = seen_cue = 0
    for word in sorted(words):
        F.clear()
        for final in (False, True):
            for after in (False, True):
                assert L.status_of_word(word, final, after) == _status_scan(word, final, after), word
        for status in ("planned", "actual", "regular", "payment", "condition"):
            assert L.has_status(word, status) == any(m.status == status and m.test(word) for m in L.status_markers())
        assert L.cues_starting(word) == tuple(c for c in L.measure_cues() if c.words[0](word))
        assert L.link_role(word) == next((r for t, r in L._link_rows() if t(word)), None)
        seen_status += _status_scan(word, True, True) is not None
        seen_cue += bool(L.cues_starting(word))
    assert seen_status and seen_cue


def test_the_case_of_a_mention_is_read_from_its_last_word_form():
    assert mention_case("«Береке» ЖШС-ның") == "genitive"  # a hyphenated ending
    assert mention_case("Маңғыстау облысына") == "dative"
    assert mention_case("Маңғыстау облысы", "Маңғыстау облысы") == "nominative"
    assert word_case("облыстың") == "genitive"
    assert word_case("«»") == "nominative"
    # the same form asked again is read from its entry, with or without a base form
    F.clear()
    word_case("әкімімен")
    entry = F.table_get("әкімімен")
    assert entry is not None and entry.cases
    assert word_case("әкімімен", "әкім") == word_case("әкімімен") == "instrumental"


def test_plain_numbers_are_split_without_filling_the_table(nlp):
    """A long run of distinct numbers (a price list, a table dump) keeps no form per number: each is one
    value token and one names word, read as it comes; a number with a sign or an ending still goes through
    the table."""
    text = " ".join(str(n) for n in range(1000, 4000, 3)) + " 1000-нан"
    doc = nlp.make_doc(text)
    F.clear()
    toks = DT.value_tokens(doc, doc_text(doc))
    words = doc_words(doc, doc_text(doc))
    assert [t.text for t in toks[:2]] == ["1000", "1003"] and toks[0].kind == "num"
    assert [w.text for w in words[:2]] == ["1000", "1003"]
    assert F.size() <= 2  # 1000-нан only (its value split and its names words)
    assert F.table_get("1000-нан") is not None and F.table_get("1003") is None

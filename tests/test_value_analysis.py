"""One analysis per document (extractor/dimensions/analysis.py): computed once and shared by every value
and date recogniser, its per-form table bounded, and the positions it gives exactly those the recognisers
found on their own before (date starts: those of each start pattern's finditer)."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.dimensions import analysis as A
from extractor.dimensions import date as D
from extractor.dimensions import jobs, money, percent, quantity
from extractor.dimensions.date.starts import may_start_at_digit
from extractor.dimensions.numeral.parse import word_value
from extractor.dimensions.tokens import tokenize
from extractor.lang.kk import forms as F
from extractor.normalize import normalize
from extractor.pipeline import build_pipeline

TEXT = ("2023 жылғы 15 қарашада зауыт 5,6 млрд теңгеге салынып, 1 200 тұрақты жұмыс орны ашылды; "
        "өнім 12,5 пайызға өсіп, 600 мың тоннадан астам астық жиналды. Былтыр екінші тоқсанда "
        "жұмысшылар саны 300 адамға жетті.")


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(ner="none")


def test_the_analysis_is_computed_once_per_document_and_read_by_every_value_and_date_recogniser(nlp, monkeypatch):
    calls = []
    real = A.analyse

    def counting(text, toks=None):
        calls.append(text)
        return real(text, toks)

    monkeypatch.setattr(A, "analyse", counting)
    doc = nlp(TEXT)
    assert len(calls) == 1 and doc._.kx_values is not None and doc._.kx_values.text == calls[0]
    types = {m.type for m in doc._.kx_mentions}
    assert {"money", "percent", "quantity", "jobs", "date"} <= types, types
    nlp(TEXT + " Тағы бір сөйлем.")
    assert len(calls) == 2  # the next document: its own analysis, once


def test_the_analysis_gives_the_value_tokens_number_starts_and_each_dimensions_unit_positions():
    a = A.analyse(TEXT)
    toks = tokenize(TEXT)
    assert a.toks == toks
    expected_starts = tuple(k for k, t in enumerate(toks) if t.kind == "num" or
                            (t.kind == "word" and word_value(t.low) is not None))
    assert a.number_starts == expected_starts
    for name, mod in (("money", money), ("percent", percent), ("quantity", quantity), ("jobs", jobs)):
        lex = mod.grammar().units
        want = [k for k, t in enumerate(toks) if t.kind != "num" and lex.candidates_of(t.low, t.kind == "word")]
        assert a.triggers(name) == want and want, name
    assert [toks[k].low for k in a.triggers("money")] == ["теңгеге"]


def test_a_minus_glued_to_a_number_starts_a_number():
    a = A.analyse("Инфляция -10,7% болды.")
    assert [a.toks[k].text for k in a.number_starts] == ["-", "10,7"]


def test_the_per_form_table_is_bounded(monkeypatch):
    monkeypatch.setattr(F, "TABLE_SIZE", 50)
    words = " ".join(f"сөз{chr(0x430 + k % 32)}{chr(0x430 + k // 32)}" for k in range(400))
    before = A.stats["forms"]
    A.analyse(words)
    assert A.stats["forms"] - before == 400  # every new form analysed once
    assert F.size() <= 50
    again = A.stats["forms"]
    A.analyse("теңге теңге теңге")
    A.analyse("теңге")
    assert A.stats["forms"] - again == 1  # a form seen again is not analysed again


def test_a_set_registered_after_a_text_was_analysed_is_found_on_demand():
    a = A.analyse("Жиын ертең өтеді, ертеңгі күні бітеді.")
    A.register_triggers("test:ертең", lambda low, is_word: low.startswith("ертең"))
    try:
        assert [a.toks[k].text for k in a.triggers("test:ертең")] == ["ертең", "ертеңгі"]
        b = A.analyse("Ертең келеді.")
        assert b.triggers("test:ертең") == [0]
    finally:
        A._TESTS.pop("test:ертең")
        A._changed()


def _texts():
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    paths = sorted(shared.glob("*.txt")) + sorted((shared / "raw").glob("*.txt"))
    own = [
        TEXT,
        "«15» қарашада, 12.03.2018 ж., 3 634 2018 жылы, ІІ жартыжылдықта, II тоқсанда, 2018жылы, "
        "Қыркүйегінде мен қыркүйек, 90-жылдары, сексенінші жылдары, 4-тоқсанда, 5,6 пен 1.5",
        "Ке\u0301ше және 2019 жылы",  # a combining mark inside a word: the old way
        # signs before numbers and words: a start pattern beginning with one would be missed
        "(2018) '15' [3] «4» №5 §6 +7 -8 ~9 /10 \"2019\" ‹11› “қаңтарда” (бірінші) -екінші ½ ²3 ١٢",
    ]
    return own + [normalize(p.read_text(encoding="utf-8")).text for p in paths]


def test_date_start_positions_are_exactly_those_of_each_start_patterns_finditer():
    found = 0
    for text in _texts():
        pos = D.STARTS.positions(A.analyse(text))
        for p in D.STARTS.patterns:
            want = [m.start() for m in p.finditer(text)]
            assert pos.get(p) == want, (p.pattern[:60], text[:60])
            found += len(want)
    assert found


def test_start_patterns_beginning_with_a_digit_are_known_by_their_source():
    assert may_start_at_digit(r"(?<![\p{N}])(?:[0-9]|«(?=[0-9]))")
    assert may_start_at_digit(r"(?<![\p{L}\p{N}])(?:бірінші|екінші)|(?<![\p{N}.,])[1-4]")
    assert not may_start_at_digit(r"(?<![\p{L}\p{N}])(?:қаңтар|ақпан)")


def test_the_combined_table_answers_as_each_unit_lexicon_alone():
    # one lookup for all dimensions must give, form by form, what each lexicon's own lookup gives
    forms = {(t.low, t.kind == "word") for text in _texts()[:12] for t in tokenize(text) if t.kind != "num"}
    forms |= {("теңгедей", True), ("%", False), ("км", True), ("доллардан", True), ("тоннасына", True)}
    for name, mod in (("money", money), ("percent", percent), ("quantity", quantity), ("jobs", jobs)):
        lex = mod.grammar().units
        hits = 0
        for low, is_word in forms:
            F.form_of(low).values = None
            got = name in A._form_info(low, is_word).triggers
            assert got == bool(lex.candidates_of(low, is_word)), (name, low)
            hits += got
        assert hits, name

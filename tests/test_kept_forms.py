"""Frequent word forms kept across memory zones (extractor.batch.kept_forms): spaCy caches no tokenization
inside a zone and frees its lexemes, so the forms met often are tokenized once outside one. The tokens must
stay exactly the same, the forms met once must still leave with their zone, and the tables stay bounded."""
import spacy

import extractor  # noqa: F401 - registers kk
from extractor.api import Extractor
from extractor.batch import kept_forms, worker
from extractor.batch.kept_forms import FormCounts, counter_of, keep_frequent_forms
from extractor.batch.worker import DONE, Unit, WorkerConfig, memory_zone, process_units
from extractor.io.reads import Item

# my own sentences: chunks with signs glued on, an abbreviation (a special case), a grouped number, a hyphen,
# a quoted name, a long run of signs, and a line break
TEXTS = [
    "Қарағанды облысында «Жасыл Ел» жасағы 1 250 түп қарағай отырғызды, ал т.б. жұмыстар 2025-жылы басталады.",
    "Облыс әкімі 15-наурызда Теміртау қаласына барды.\nОнда 3 жаңа мектеп ашылды (бюджеті 4,5 млрд теңге).",
    "«Жасыл Ел» жасағы Қарағанды облысында тағы 640 түп қайың отырғызды!!! ================================== Соңы.",
    "Теміртау қаласында 2025-жылы 12 % өсім болды, т.б. көрсеткіштер де жақсарды: 1 250 000 теңге бөлінді.",
]


def _tokens(doc):
    return [(t.text, t.whitespace_, t.norm_, t.like_num, t.is_punct, t.shape_) for t in doc]


def test_a_chunk_is_counted_once_per_document_and_kept_when_met_in_enough_documents():
    counts = FormCounts(keep=100, min_docs=2, sweep_docs=2)
    counts("алма алма алма, алмұрт")
    assert counts.counts["алма"] == 1 and counts.counts["алма,"] == 1  # once per document, chunk as written
    assert not counts.due()
    counts("алма өрік")
    assert counts.due()
    assert counts.sweep() == ["алма"]  # met in two documents; the others in one
    assert counts.kept == {"алма"} and "алма" not in counts.counts
    counts("алма өрік")
    assert "алма" not in counts.counts  # a kept chunk is not counted again
    assert counts.sweep() == ["өрік"]


def test_a_chunk_longer_than_any_word_is_not_counted():
    counts = FormCounts(keep=100, min_docs=1, sweep_docs=1)
    junk = "ә" * (kept_forms.MAX_FORM_CHARS + 1)
    counts(f"{junk} жиналыс")
    assert set(counts.counts) == {"жиналыс"}


def test_no_more_than_keep_chunks_are_kept_and_then_the_counting_stops():
    counts = FormCounts(keep=3, min_docs=1, sweep_docs=1)
    counts("бір екі үш төрт бес")
    assert len(counts.sweep()) == 3 and counts.full
    counts("алты жеті")
    assert not counts.counts and not counts.due() and counts.docs == 0


def test_the_table_of_counts_stays_bounded_on_words_never_seen_again():
    counts = FormCounts(keep=10**6, min_docs=2, sweep_docs=8, max_counted=1000)
    largest = 0
    for d in range(2000):
        counts(" ".join(f"сөз{d}x{k}" for k in range(40)) + " және мен")  # 40 fresh words and two frequent
        largest = max(largest, len(counts.counts))
        if counts.due():
            counts.sweep()
    assert counts.kept == {"және", "мен"}
    assert largest <= 1000 + 8 * 40  # the bound plus one sweep period's forms


def _kk():
    nlp = spacy.blank("kk")
    counter_of(nlp)
    nlp.tokenizer.form_counter.sweep_docs = 1
    return nlp


def test_kept_forms_stay_in_the_vocabulary_and_forms_met_once_still_leave_with_their_zone():
    nlp = _kk()
    for text in TEXTS[:2] * 2:
        with nlp.memory_zone():
            nlp(text)
        keep_frequent_forms(nlp)
    with nlp.memory_zone():
        nlp("Ерекшесөзбек ауылында жиын өтті.")
    keep_frequent_forms(nlp)
    strings = nlp.vocab.strings
    assert "Қарағанды" in strings and "облысында" in strings and "отырғызды" in strings
    assert "Ерекшесөзбек" not in strings and "ауылында" not in strings
    assert "Ерекшесөзбек" not in nlp.tokenizer.form_counter.kept


def test_the_tokens_are_the_same_with_kept_forms_as_without_zones():
    plain = spacy.blank("kk")
    expected = [_tokens(plain(t)) for t in TEXTS * 3]
    nlp = _kk()
    got = []
    for text in TEXTS * 3:
        with nlp.memory_zone():
            got.append(_tokens(nlp(text)))
        keep_frequent_forms(nlp)
    assert len(nlp.tokenizer.form_counter.kept) > 20  # the later texts were read through kept forms
    assert got == expected


def test_nothing_is_kept_inside_a_zone():
    nlp = _kk()
    with nlp.memory_zone():
        nlp(TEXTS[0])
        nlp(TEXTS[0])
        assert keep_frequent_forms(nlp) == 0
    assert "Қарағанды" not in nlp.vocab.strings
    assert keep_frequent_forms(nlp) > 0 and "Қарағанды" in nlp.vocab.strings


def _units(texts, start=0):
    out = []
    for i, text in enumerate(texts, start):
        item = Item(text=text, doc_id=f"k{i}", location=f"k:{i}")
        out.append(Unit(item, item.location, item.doc_id))
    return out


def test_the_workers_records_are_the_same_with_kept_forms(monkeypatch):
    config = WorkerConfig(ner="none")
    monkeypatch.setattr(kept_forms, "SWEEP_DOCS", 2)
    tasks = [_units(TEXTS[i % 4:] + TEXTS[:i % 4], 4 * i) for i in range(4)]
    with_kept = Extractor(ner="none")
    first = [r for units in tasks for r in process_units(with_kept, config, units)]
    assert len(with_kept.nlp.tokenizer.form_counter.kept) > 20
    monkeypatch.setattr(worker, "keep_frequent_forms", lambda nlp: 0)
    without = Extractor(ner="none")
    second = [r for units in tasks for r in process_units(without, config, units)]
    assert not without.nlp.tokenizer.form_counter.kept
    assert all(r[0] == DONE for r in first)
    assert [r[3].model_dump() for r in first] == [r[3].model_dump() for r in second]
    assert sum(len(r[3].model_dump()["records"]) for r in first) > 8


def test_memory_zone_still_works_for_a_pipeline_without_the_kk_tokenizer():
    nlp = spacy.blank("xx")
    holder = type("E", (), {"nlp": nlp})()
    with memory_zone(holder):
        nlp("Бір екі үш")
    assert "екі" not in nlp.vocab.strings

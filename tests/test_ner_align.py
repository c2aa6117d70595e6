"""KazNERD annotation carried to our kk tokens and back (training data and evaluation)."""
import spacy
import pytest

import extractor  # noqa: F401 - registers kk
from extractor.ner.align import sentence_text, to_doc, to_tags
from extractor.ner.kaznerd import Sentence, read_conll, split_by_source


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("kk")


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_sentence_text_offsets():
    text, starts = sentence_text(["Абай", "жолы", "."])
    assert text == "Абай жолы ."
    assert [text[s:s + 4] for s in starts[:2]] == ["Абай", "жолы"]


def test_entities_survive_normalisation(nlp):
    # the tokenizer turns the en dash into "-" and the curly quotes into straight ones
    s = Sentence(["\u201cАстана", "\u2013", "Қостанай\u201d", "тасжолы", "Ақмола", "облысында"],
                 ["B-FACILITY", "I-FACILITY", "I-FACILITY", "O", "B-GPE", "I-GPE"])
    doc, failures = to_doc(nlp, s)
    assert failures == []
    assert ents(doc) == [('"Астана - Қостанай"', "FACILITY"), ("Ақмола облысында", "GPE")]
    assert to_tags(doc, s.tokens) == s.tags


def test_entity_edge_inside_a_merged_token_is_reported_and_left_unknown(nlp):
    # our tokenizer keeps "3 634" together; an entity on "634" alone cannot be expressed
    s = Sentence(["3", "634", "адам", "Алматыда"], ["O", "B-CARDINAL", "O", "B-GPE"])
    doc, failures = to_doc(nlp, s)
    assert [t.text for t in doc][0] == "3 634"
    assert len(failures) == 1
    f = failures[0]
    assert (f.label, f.text, f.tokens, f.edge) == ("CARDINAL", "634", ("3 634",), "start")
    assert "space-grouped number" in f.why
    assert doc[0].ent_iob_ == ""  # missing: neither an entity nor "O" for training
    assert ents(doc) == [("Алматыда", "GPE")]


def test_prediction_on_a_merged_token_covers_both_kaznerd_tokens(nlp):
    tokens = ["3", "634", "жұмыс", "орны"]
    doc = nlp.make_doc(sentence_text(tokens)[0])
    doc.ents = [doc.char_span(0, 5, label="CARDINAL")]
    assert to_tags(doc, tokens) == ["B-CARDINAL", "I-CARDINAL", "O", "O"]


@pytest.mark.parametrize("split", ["IOB2_valid.txt", "IOB2_test.txt"])
def test_every_kaznerd_entity_aligns_and_round_trips(shared_dir, nlp, split):
    sentences = list(read_conll(shared_dir / "data" / "kaznerd" / split))
    assert len(sentences) > 11000
    sentences = sentences[::5]  # a fifth keeps the test quick; train-ner reports on all of them
    failures, n_ents = [], 0
    for s in sentences:
        doc, f = to_doc(nlp, s)
        failures.extend(f)
        n_ents += len(doc.ents)
        assert to_tags(doc, s.tokens) == s.tags, s.tokens
    assert failures == []
    assert n_ents == sum(len(s.entities()) for s in sentences)


def test_kaznerd_sentence_with_names(shared_dir, nlp):
    path = shared_dir / "data" / "kaznerd" / "IOB2_valid.txt"
    s = next(s for s in read_conll(path) if "Қасым-Жомарт" in s.tokens)
    doc, failures = to_doc(nlp, s)
    assert failures == []
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert any(p.startswith("Қасым-Жомарт") for p in persons)


def test_heldout_split_keeps_variants_of_a_source_sentence_together(shared_dir):
    sentences = list(read_conll(shared_dir / "data" / "kaznerd" / "with_sentID" / "IOB2_valid2.txt"))
    train, held = split_by_source(sentences, heldout=0.1, seed=13)
    assert len(train) + len(held) == len(sentences)
    assert 0.07 < len(held) / len(sentences) < 0.13
    assert not {s.source_id for s in train} & {s.source_id for s in held}
    # the split has several variants (A-F) of some held-out sources
    assert any(len({s.sent_id for s in held if s.source_id == i}) > 1 for i in {s.source_id for s in held[:50]})

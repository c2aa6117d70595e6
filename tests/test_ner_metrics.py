"""Entity-level exact-match P/R/F1 (seqeval/conlleval convention) on hand-made IOB2 sequences."""
import pytest

from extractor.ner.metrics import iob2_entities, score


@pytest.mark.parametrize("tags,expected", [
    (["B-PERSON", "I-PERSON", "O", "B-GPE"], [(0, 2, "PERSON"), (3, 4, "GPE")]),
    # an I- without a B- starts an entity (ill-formed but counted, as seqeval and conlleval do)
    (["O", "I-GPE", "I-GPE", "O"], [(1, 3, "GPE")]),
    (["I-GPE"], [(0, 1, "GPE")]),
    # an I- of another type ends the running entity and starts a new one
    (["B-LOCATION", "I-PERSON", "I-PERSON"], [(0, 1, "LOCATION"), (1, 3, "PERSON")]),
    # B- after B- of the same type: two entities
    (["B-PERSON", "B-PERSON", "I-PERSON"], [(0, 1, "PERSON"), (1, 3, "PERSON")]),
    (["O", "O"], []),
    # types with an underscore or a hyphen-free long name
    (["B-NON_HUMAN", "I-NON_HUMAN"], [(0, 2, "NON_HUMAN")]),
])
def test_iob2_entities(tags, expected):
    assert iob2_entities(tags) == expected


def test_perfect_prediction():
    gold = [["B-PERSON", "I-PERSON", "O"], ["B-GPE", "O"]]
    r = score(gold, gold)
    assert (r.overall.precision, r.overall.recall, r.overall.f1) == (1.0, 1.0, 1.0)
    assert r.overall.n_gold == 2


def test_boundary_and_type_errors_count_as_wrong():
    gold = [["B-PERSON", "I-PERSON", "O", "B-GPE"]]
    pred = [["B-PERSON", "O", "O", "B-LOCATION"]]  # too short, wrong type
    r = score(gold, pred)
    assert r.overall.tp == 0 and r.overall.n_pred == 2 and r.overall.n_gold == 2
    assert r.overall.f1 == 0.0
    assert r.by_type["LOCATION"].n_gold == 0 and r.by_type["LOCATION"].n_pred == 1
    assert r.by_type["GPE"].recall == 0.0


def test_ill_formed_prediction_matches_a_well_formed_gold_entity():
    gold = [["B-GPE", "I-GPE", "O"]]
    pred = [["I-GPE", "I-GPE", "O"]]
    assert score(gold, pred).overall.f1 == 1.0


def test_micro_average_over_types():
    gold = [["B-PERSON", "O", "B-GPE"], ["B-ORGANISATION", "I-ORGANISATION"]]
    pred = [["B-PERSON", "O", "O"], ["B-ORGANISATION", "O"]]
    r = score(gold, pred)
    # 3 gold, 2 predicted, 1 correct
    assert r.overall.precision == pytest.approx(1 / 2)
    assert r.overall.recall == pytest.approx(1 / 3)
    assert r.overall.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    assert r.by_type["PERSON"].f1 == 1.0
    assert r.by_type["ORGANISATION"].precision == 0.0


def test_entities_do_not_cross_sentences():
    gold = [["O", "B-PERSON"], ["I-PERSON", "O"]]  # two one-token entities, one per sentence
    r = score(gold, [["O", "B-PERSON"], ["B-PERSON", "O"]])
    assert r.overall.n_gold == 2 and r.overall.tp == 2


def test_lengths_must_agree():
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])
    with pytest.raises(ValueError):
        score([["O"], ["O"]], [["O"]])


def test_report_lists_every_type_and_the_micro_average():
    r = score([["B-PERSON", "B-GPE"]], [["B-PERSON", "O"]])
    text = r.format()
    assert "PERSON" in text and "GPE" in text and "micro avg" in text
    assert r.to_dict()["micro"]["recall"] == 0.5

"""Pieces of ``kazextract train-stanza-ner``: KazNERD conversion and split, skip-gram vectors, the
entity scores, the command line."""
import json

import numpy as np
import pytest

from extractor.cli import main
from extractor.ner import train_stanza as ts
from extractor.ner.word_vectors import SkipGramConfig, _pairs, build_vocab, train_skipgram, write_text_vectors

# a KazNERD-like validation file with sentence ids: A/B variants of one source sentence share its number
VALID = """\
AID1 O
Астанада O
«Бәйтерек» B-ORGANISATION
холдингі O
— O
жиналыс O
. O

BID1 O
Астанада O
«Бәйтерек» B-ORGANISATION
холдингі O
- O
жиналыс O
. O

AID2 O
Ерлан B-PERSON
Қарин I-PERSON
сөйледі O
. O

AID3 O
Ақтау B-GPE
қаласы O
. O

AID4 O
Балқаш B-LOCATION
көлі O
. O
"""

TEST = """\
Тестсөз B-PERSON
жалғыз O
. O
"""


@pytest.fixture
def kaznerd_dir(tmp_path):
    (tmp_path / "with_sentID").mkdir()
    (tmp_path / "with_sentID" / "IOB2_valid2.txt").write_text(VALID, encoding="utf-8")
    (tmp_path / "IOB2_test.txt").write_text(TEST, encoding="utf-8")
    return tmp_path


def test_split_keeps_variants_together_and_never_reads_test(kaznerd_dir):
    train, held = ts.load_split(kaznerd_dir, seed=13, heldout=0.5)
    assert len(train) + len(held) == 5 and held and train
    for part in (train, held):
        ids = {s.source_id for s in part}
        assert ("1" in ids) == (sum(s.source_id == "1" for s in part) == 2)
    tokens = {t for s in train + held for t in s.tokens}
    assert "Тестсөз" not in tokens and not any(t.endswith("ID1") for t in tokens)
    assert ts.load_test(kaznerd_dir)[0].tokens[0] == "Тестсөз"


def test_stanza_json_tokens_are_normalised_like_doc_text(kaznerd_dir, tmp_path):
    train, held = ts.load_split(kaznerd_dir, seed=13, heldout=0.0)
    path = tmp_path / "train.json"
    assert ts.write_stanza_json(train, path) == 5
    doc = json.loads(path.read_text(encoding="utf-8"))
    first = doc[0]
    # the dash "—" becomes "-" as in doc.text
    assert [t["text"] for t in first] == ["Астанада", "«Бәйтерек»", "холдингі", "-", "жиналыс", "."]
    assert [t["ner"] for t in first] == ["O", "B-ORGANISATION", "O", "O", "O", "O"]
    assert ts.normalize_token("“Хабар”") == '"Хабар"'


def test_vector_corpus_is_lower_cased_training_text_only(kaznerd_dir, tmp_path):
    train, held = ts.load_split(kaznerd_dir, seed=13, heldout=0.5)
    extra = tmp_path / "extra.txt"
    extra.write_text("Жаңа Зауыт ашылды.\nЕкінші жол", encoding="utf-8")
    corpus = ts.vector_corpus(train, None, [extra])
    words = {w for s in corpus for w in s}
    assert ["жаңа", "зауыт", "ашылды", "."] in corpus and ["екінші", "жол"] in corpus
    held_only = {t.lower() for s in held for t in s.tokens} - {t.lower() for s in train for t in s.tokens}
    assert held_only and not (held_only & words)


def test_build_vocab_orders_by_frequency_and_drops_rare():
    words, counts = build_vocab([["а", "б", "а"], ["в", "б", "а"]], min_count=2)
    assert words == ["а", "б"] and counts.tolist() == [3, 2]


def test_skipgram_pairs_stay_inside_sentences_and_windows():
    ids = np.array([0, 1, 2, 3, 4, 5])
    sent_of = np.array([0, 0, 0, 1, 1, 1])
    centre, context = _pairs(ids, sent_of, window=1, rng=np.random.default_rng(0))
    pairs = set(zip(centre.tolist(), context.tolist()))
    assert pairs == {(0, 1), (1, 0), (1, 2), (2, 1), (3, 4), (4, 3), (4, 5), (5, 4)}


def test_skipgram_puts_words_of_the_same_contexts_together():
    pytest.importorskip("torch", reason="skip-gram training needs torch (optional extra [stanza])")
    rng = np.random.default_rng(1)
    groups = [["алма", "алмұрт", "өрік"], ["темір", "мыс", "болат"]]
    frames = [["піскен", "жеміс", "бақша"], ["зауыт", "балқыту", "кен"]]
    sentences = []
    for _ in range(300):
        g = int(rng.integers(2))
        sentences.append([frames[g][int(rng.integers(3))], groups[g][int(rng.integers(3))],
                          frames[g][int(rng.integers(3))]])
    words, matrix = train_skipgram(sentences, SkipGramConfig(dim=16, epochs=5, min_count=1, sample=0,
                                                              batch_size=128, lr=0.02))
    unit = matrix / np.linalg.norm(matrix, axis=1, keepdims=True)
    vec = {w: unit[i] for i, w in enumerate(words)}
    same = np.mean([vec[a] @ vec[b] for g in groups for a in g for b in g if a != b])
    across = np.mean([vec[a] @ vec[b] for a in groups[0] for b in groups[1]])
    assert same > across + 0.3


def test_vectors_become_a_stanza_pretrain(tmp_path):
    pytest.importorskip("torch", reason="optional extra [stanza] not installed")
    pytest.importorskip("stanza", reason="optional extra [stanza] not installed")
    from stanza.models.common.pretrain import Pretrain

    text = tmp_path / "v.txt"
    write_text_vectors(["алма", "3 634"], np.array([[0.5, -1.0], [2.0, 0.25]]), text)
    assert text.read_text(encoding="utf-8").splitlines()[0] == "2 2"
    n = ts.build_pretrain([["алма", "өрік", "алма"], ["өрік", "алма"]], tmp_path / "pretrain.pt",
                          SkipGramConfig(dim=4, epochs=1, min_count=1))
    assert n == 2 and not (tmp_path / "pretrain.vec.txt").exists()
    pretrain = Pretrain(str(tmp_path / "pretrain.pt"))
    assert pretrain.emb.shape == (4 + 2, 4)  # Stanza's 4 reserved rows, then our words
    assert "алма" in pretrain.vocab and "өрік" in pretrain.vocab


def test_command_needs_kaznerd(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KAZEXTRACT_KAZNERD", str(tmp_path / "no_kaznerd"))  # the default when --kaznerd is not given
    assert main(["train-stanza-ner", "-o", str(tmp_path / "m")]) == 2
    assert "give --kaznerd" in capsys.readouterr().err
    assert main(["train-stanza-ner", "-o", str(tmp_path / "m"), "--kaznerd", str(tmp_path / "none")]) == 2
    assert not (tmp_path / "m").exists()

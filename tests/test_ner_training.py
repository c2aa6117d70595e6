"""``kazextract train-ner`` bookkeeping: the held-out split, training on all of valid, and the meta.json
that says which held-out run chose the settings of a model trained on everything."""
import json

import pytest
import spacy
from spacy.tokens import DocBin

import extractor  # noqa: F401 - registers kk
from extractor.cli import main as cli_main
from extractor.ner.train_spacy import VALID_FILE, attach_selection, prepare, selection_run

# sentences we wrote, in KazNERD's with_sentID layout: a source id line (A/B renderings of one sentence)
SENTENCES = [
    ("AID1", [("Абай", "B-PERSON"), ("Семейде", "B-GPE"), ("туған", "O"), (".", "O")]),
    ("BID1", [("Абай", "B-PERSON"), ("Семейде", "B-GPE"), ("дүниеге", "O"), ("келген", "O"), (".", "O")]),
    ("AID2", [("Астана", "B-GPE"), ("қаласы", "O"), ("үлкен", "O"), (".", "O")]),
    ("AID3", [("Ұлттық", "B-ORGANISATION"), ("банк", "I-ORGANISATION"), ("есеп", "O"), ("берді", "O")]),
    ("AID4", [("Каспий", "B-LOCATION"), ("теңізі", "I-LOCATION"), ("тартылуда", "O")]),
    ("AID5", [("Мұхтар", "B-PERSON"), ("Әуезов", "I-PERSON"), ("жазды", "O")]),
]


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "kaznerd" / VALID_FILE
    path.parent.mkdir(parents=True)
    lines = []
    for sid, tokens in SENTENCES:
        lines += [f"{sid} O"] + [f"{t} {tag}" for t, tag in tokens] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "kaznerd"


def texts(path):
    nlp = spacy.blank("kk")
    return sorted(doc.text for doc in DocBin().from_disk(path).get_docs(nlp.vocab))


@pytest.mark.parametrize("all_valid", [False, True])
def test_prepare_holds_out_source_sentences_or_trains_on_all(data_dir, tmp_path, all_valid):
    summary = prepare(tmp_path / "work", data_dir, heldout=0.4, seed=1, log=lambda m: None, all_valid=all_valid)
    train, dev = texts(tmp_path / "work" / "train.spacy"), texts(tmp_path / "work" / "dev.spacy")
    assert dev and summary["split"]["heldout_in_training"] is all_valid
    everything = sorted(" ".join(t for t, _ in tokens) for _, tokens in SENTENCES)
    if all_valid:
        assert train == everything  # the held-out part is trained on too
    else:
        assert sorted(train + dev) == everything and not set(train) & set(dev)
        # both renderings of source sentence 1 are on one side
        abai = [t for t in everything if t.startswith("Абай")]
        assert set(abai) <= set(train) or set(abai) <= set(dev)
    assert summary["split"]["train_sentences"] == len(train)


def scores(f1):
    micro = {"precision": f1, "recall": f1, "f1": f1, "support": 10, "predicted": 10, "correct": 0}
    return {"micro": micro, "types": {"PERSON": dict(micro)}}


def write_meta(path, split, heldout_f1):
    path.mkdir()
    training = {"split": split, "heldout_scores": scores(heldout_f1), "config_overrides": {"training.max_steps": 6000}}
    (path / "meta.json").write_text(json.dumps({"lang": "kk", "name": "x", "kazextract_training": training}),
                                    encoding="utf-8")


def test_model_trained_on_all_valid_reports_the_scores_of_its_held_out_run(tmp_path):
    write_meta(tmp_path / "heldout_run", {"heldout_fraction": 0.1, "heldout_in_training": False}, 0.83)
    write_meta(tmp_path / "final", {"heldout_fraction": 0.1, "heldout_in_training": True}, 0.95)
    attach_selection(tmp_path / "final", tmp_path / "heldout_run")
    meta = json.loads((tmp_path / "final" / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == "0.2.0"
    assert meta["performance"]["ents_f"] == 0.83  # not 0.95, scored on sentences it was trained on
    assert meta["kazextract_training"]["selection_run"]["config_overrides"] == {"training.max_steps": 6000}
    assert meta["kazextract_training"]["heldout_scores"]["micro"]["f1"] == 0.95


def test_a_run_that_trained_on_its_held_out_part_cannot_choose_settings(tmp_path):
    write_meta(tmp_path / "final", {"heldout_fraction": 0.1, "heldout_in_training": True}, 0.95)
    with pytest.raises(ValueError, match="not a model scored on a held-out part"):
        selection_run(tmp_path / "final")


def test_selection_needs_all_valid(tmp_path, capsys):
    assert cli_main(["train-ner", "--selection", str(tmp_path), "--data", str(tmp_path)]) == 2
    assert "--all-valid" in capsys.readouterr().err


def test_training_sentences_are_joined_into_running_text(data_dir, tmp_path):
    """A capitalised sentence opener after a full stop must be seen in training as what it is in news."""
    prepare(tmp_path / "work", data_dir, heldout=0.0, seed=3, log=lambda m: None, sentences_per_doc=3)
    nlp = spacy.blank("kk")
    docs = list(DocBin().from_disk(tmp_path / "work" / "train.spacy").get_docs(nlp.vocab))
    assert len(docs) < len(SENTENCES) and all(len(d) for d in docs)
    # every sentence and every entity is still there, once
    words = sorted(t.text for d in docs for t in d)
    assert words == sorted(t for _, tokens in SENTENCES for t, _ in tokens)
    ents = sorted((e.text, e.label_) for d in docs for e in d.ents)
    assert ents == sorted([("Абай", "PERSON"), ("Абай", "PERSON"), ("Семейде", "GPE"), ("Семейде", "GPE"),
                           ("Астана", "GPE"), ("Ұлттық банк", "ORGANISATION"), ("Каспий теңізі", "LOCATION"),
                           ("Мұхтар Әуезов", "PERSON")])
    assert any(". " in d.text for d in docs)


def test_resume_config_takes_the_trained_components_of_a_model(tmp_path):
    from extractor.ner.train_spacy import SOURCE_CONFIG, resume_config

    out = resume_config(SOURCE_CONFIG, tmp_path / "old_model", tmp_path / "resume.cfg")
    cfg = spacy.util.load_config(out, interpolate=False)
    for name in ("tok2vec", "ner"):
        assert cfg["components"][name] == {"source": str((tmp_path / "old_model").resolve()), "component": name}
    assert cfg["components"]["kk_stemmer"] == {"factory": "kk_stemmer"}
    assert cfg["training"]["max_steps"] == spacy.util.load_config(SOURCE_CONFIG)["training"]["max_steps"]


@pytest.mark.parametrize("seed", [1, 4, 5])  # the organisation's sentence held out (1) or trained on (4, 5)
def test_prepare_adds_written_news_organisations_to_training_only(data_dir, tmp_path, seed):
    """--augment-orgs rewrites training sentences with an organisation, never held-out ones; --labels keeps
    the types asked for only, in both parts."""
    summary = prepare(tmp_path / "work", data_dir, heldout=0.4, seed=seed, log=lambda m: None, augment_orgs=2,
                      labels=["PERSON", "ORGANISATION"])
    nlp = spacy.blank("kk")
    train = list(DocBin().from_disk(tmp_path / "work" / "train.spacy").get_docs(nlp.vocab))
    dev = list(DocBin().from_disk(tmp_path / "work" / "dev.spacy").get_docs(nlp.vocab))
    originals = {" ".join(t for t, _ in tokens) for _, tokens in SENTENCES}
    assert {d.text for d in dev} <= originals
    bank_in_train = "Ұлттық банк есеп берді" in {d.text for d in train}
    extra = [d for d in train if d.text not in originals]
    assert bank_in_train is (seed != 1)
    assert len(extra) == (2 if bank_in_train else 0)
    assert summary.get("augmentation", {}).get("sentences", 0) == len(extra)
    for d in extra:  # the organisation was replaced, and is still tagged
        assert [e.label_ for e in d.ents] == ["ORGANISATION"] and "Ұлттық банк" not in d.text
    assert {e.label_ for d in train + dev for e in d.ents} <= {"PERSON", "ORGANISATION"}
    assert summary["labels"] == ["ORGANISATION", "PERSON"]

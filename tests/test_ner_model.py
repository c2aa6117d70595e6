"""The shipped NER model: it loads, sits in the default pipeline, and finds names in plain sentences."""
import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
import spacy

import extractor  # noqa: F401 - registers kk and its tokenizer
from extractor.pipeline import ROOT_MODEL_DIR, build_pipeline, default_model_path, model_name

NAME_LABELS = {"PERSON", "GPE", "LOCATION", "ORGANISATION"}


@pytest.fixture(scope="module")
def model_dir():
    path = default_model_path()
    assert path is not None, "the repository ships models/kk_kazextract_ner"
    return path


@pytest.fixture(scope="module")
def ner(model_dir):
    return spacy.load(model_dir)


def test_shipped_model_is_a_kk_stemmer_tok2vec_ner_pipeline(ner, model_dir):
    assert ner.lang == "kk"
    assert ner.pipe_names == ["kk_stemmer", "tok2vec", "ner"]
    assert ner.config["nlp"]["tokenizer"]["@tokenizers"] == "kazextract.KazakhTokenizer.v1"
    assert type(ner.tokenizer).__name__ == "KazakhTokenizer"
    # the four KazNERD types kazextract reads, no more (the other types cost time and give no record)
    assert set(ner.get_pipe("ner").labels) == NAME_LABELS
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["sources"][0]["name"] == "KazNERD" and "CC BY 4.0" in meta["sources"][0]["license"]


def test_meta_records_the_version_and_how_the_model_was_trained(ner, model_dir):
    """meta.json says which model this is (the pipeline writes ``kk_kazextract_ner-<version>`` into every
    output) and how it was trained: KazNERD valid only, the four labels, written-news organisation names put
    into its sentences (``--augment-orgs``) from a table the repository ships."""
    from extractor.pipeline import ROOT_MODEL_DIR

    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == "0.2.0" and ner.meta["version"] == meta["version"]
    training = meta["kazextract_training"]
    assert "test split is not used" in training["data"]
    assert set(training["labels"]) == NAME_LABELS
    aug = training["augmentation"]
    assert aug["copies"] >= 1 and aug["organisations_replaced"] > 0 and aug["dropped_unaligned"] == 0
    assert (ROOT_MODEL_DIR.parent.parent / aug["names_file"]).is_file()
    assert training["split"]["heldout_in_training"] is False


def test_model_keeps_the_stems_it_was_trained_with(ner, model_dir, monkeypatch):
    """kk_stemmer's stems are a model feature (0.1.0 fell from 82.3 to 78.4 held-out F1 when the suffix tables
    of the recognisers changed under it): the model carries its own ending list and uses it, whatever the
    language tables say today."""
    from extractor.lang.kk import stemmer as stemmer_module

    saved = (model_dir / "kk_stemmer" / stemmer_module.ENDINGS_FILE).read_text(encoding="utf-8").split()
    assert "ның" in saved and "да" in saved
    stemmer = ner.get_pipe("kk_stemmer")
    assert set(stemmer.endings) == set(saved)
    assert stemmer.stem("Маңғыстаудың") == "маңғыстау"
    # a later edit of the table (here: no endings at all) does not reach the loaded model
    monkeypatch.setattr(stemmer_module, "default_endings", lambda: ("xyz",))
    reloaded = spacy.load(model_dir)
    assert reloaded.get_pipe("kk_stemmer").stem("Маңғыстаудың") == "маңғыстау"
    assert stemmer_module.Stemmer().stem("Маңғыстаудың") == "маңғыстаудың"


def test_loaded_model_tokenizes_like_the_kk_language(ner):
    blank = spacy.blank("kk")
    for text in ("Жоба құны 5,6 млрд.теңгені құрады, 3 634 адам 50%-ға артты.", "Ә.Исекешев берді.Сонымен"):
        assert [t.text for t in ner(text)] == [t.text for t in blank(text)]


def test_default_pipeline_runs_the_model_before_the_rules():
    nlp = build_pipeline()
    assert "ner" in nlp.pipe_names
    names = nlp.pipe_names
    rules = [i for i, n in enumerate(names) if n.startswith("kx_")]
    assert rules and names.index("ner") < min(rules)
    assert re.fullmatch(r"kk_kazextract_ner-\d+\.\d+\.\d+", model_name(nlp))
    doc = nlp("Президент Қасым-Жомарт Тоқаев Астанада сөз сөйледі.")
    assert any(e.label_ == "PERSON" for e in doc.ents)


def test_rules_only_pipeline_has_no_model():
    nlp = build_pipeline(ner="none")
    assert "ner" not in nlp.pipe_names and model_name(nlp) is None


def test_spacy_backend_with_a_missing_model_fails_loudly(tmp_path):
    with pytest.raises(OSError):
        build_pipeline(ner="spacy", model_path=str(tmp_path / "nothing"))


def ents_of(ner, text, label):
    return [e.text for e in ner(text).ents if e.label_ == label]


@pytest.mark.parametrize("text,label,word", [
    ("Кеше Астанада Мемлекет басшысы Қасым-Жомарт Тоқаев шетелдік инвесторлармен кездесті.", "PERSON", "Тоқаев"),
    ("Кеше Астанада Мемлекет басшысы Қасым-Жомарт Тоқаев шетелдік инвесторлармен кездесті.", "GPE", "Астана"),
    ("Алматы облысында жаңа зауыт ашылды, оны аудан әкімі Ерлан Сапаров таныстырды.", "PERSON", "Сапаров"),
    ("Алматы облысында жаңа зауыт ашылды, оны аудан әкімі Ерлан Сапаров таныстырды.", "GPE", "Алматы"),
    ("Биыл Каспий теңізінің жағалауында балық аулау шектелді.", "LOCATION", "Каспий"),
])
def test_model_finds_names_in_sentences_we_wrote(ner, text, label, word):
    found = ents_of(ner, text, label)
    assert any(word in e for e in found), (label, [(e.text, e.label_) for e in ner(text).ents])


def test_wheel_ships_the_model(tmp_path):
    """``pip install .`` puts the model inside the package, where ``default_model_path`` finds it."""
    pytest.importorskip("setuptools")
    root = ROOT_MODEL_DIR.parent.parent
    src = tmp_path / "src"  # a copy, so that the build leaves nothing in the checkout
    for part in ("extractor", "models"):
        shutil.copytree(root / part, src / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy(root / part, src / part)
    wheel_dir = tmp_path / "wheel"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(wheel_dir), str(src)], capture_output=True, text=True, cwd=tmp_path)
    if build.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {build.stderr[-500:]}")
    (wheel,) = wheel_dir.glob("kazextract-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for part in ("config.cfg", "meta.json", "kk_stemmer/endings.txt", "ner/model", "tok2vec/model", "vocab/strings.json"):
        assert f"extractor/models/kk_kazextract_ner/{part}" in names
    assert not any(n.startswith("models/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = ("import extractor, pathlib; from extractor.pipeline import build_pipeline, default_model_path, model_name;"
             "p = default_model_path(); nlp = build_pipeline();"
             "print(pathlib.Path(extractor.__file__).parent in p.parents, 'ner' in nlp.pipe_names, model_name(nlp))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    inside, has_ner, name = out.stdout.split()
    assert inside == "True" and has_ner == "True" and name.startswith("kk_kazextract_ner-")


def test_evaluate_ner_command_scores_the_shipped_model(shared_dir, capsys, tmp_path):
    from extractor.cli import main

    out_json = tmp_path / "scores.json"
    rc = main(["evaluate-ner", "--split", "test", "--data", str(shared_dir / "data" / "kaznerd"),
               "--limit", "1000", "--json", str(out_json)])
    assert rc == 0
    printed = capsys.readouterr().out
    for label in ("PERSON", "GPE", "micro avg"):
        assert label in printed
    scores = json.loads(out_json.read_text())
    # scored on the model's four name types only: about 320 names in the first 1000 sentences
    assert scores["micro"]["support"] > 250
    # the full test split gives about 0.84; a broken alignment or model would fall far below
    assert scores["micro"]["f1"] > 0.6

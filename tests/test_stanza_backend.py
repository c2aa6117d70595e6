"""``--ner stanza``: a tiny Stanza tagger trained here on sentences written for this test, then run
through ``build_pipeline(ner="stanza")``; and how the model directory is found."""
import json

import pytest

from extractor.ner.kaznerd import Sentence
from extractor.ner.stanza_backend import StanzaModelError, locate_model, model_in

# KazNERD-style sentences (our own): [words|LABEL] marks an entity
TRAIN = """\
[Нұрлан Сейітов|PERSON] [Алматы|GPE] қаласында жаңа мектеп ашты .
[Айгүл Бекова|PERSON] [Шымкент|GPE] қаласына барды .
[Қазақстан|GPE] мен [Қытай|GPE] арасында келісім жасалды .
[Ұлттық банк|ORGANISATION] жаңа есеп жариялады .
[Денсаулық сақтау министрлігі|ORGANISATION] хабарлама таратты .
[Ертіс|LOCATION] өзенінің деңгейі көтерілді .
[Алатау|LOCATION] тауларында қар жауды .
[Марат Омаров|PERSON] [Қазақтелеком|ORGANISATION] компаниясын басқарады .
[Ақтөбе|GPE] облысында жол жөнделді .
[Ерлан Жұмабаев|PERSON] бүгін баспасөз мәслихатын өткізді .
[Каспий|LOCATION] теңізінің жағалауында балық көп .
[Атырау|GPE] қаласының әкімі [Серік Нұрланов|PERSON] сөз сөйледі .
[Назарбаев Университеті|ORGANISATION] студенттері олимпиадада жеңді .
[Ресей|GPE] делегациясы [Астана|GPE] қаласына келді .
[Балқаш|LOCATION] көлінде жаңа демалыс орны салынады .
[Гүлнар Әбенова|PERSON] кітап жазды .
[Самұрық Қазына|ORGANISATION] қоры инвестиция салды .
[Түркістан|GPE] облысында мақта жиналды .
[Бақытжан Сағынтаев|PERSON] [Қарағанды|GPE] қаласында болды .
[Жайық|LOCATION] өзені арнасынан асты .
[Қазақстан темір жолы|ORGANISATION] жаңа пойыз іске қосты .
[Өзбекстан|GPE] президенті сапармен келді .
[Дина Сейітова|PERSON] және [Арман Қали|PERSON] жарысқа қатысты .
[Павлодар|GPE] облысында зауыт салынды .
[Мемлекеттік кіріс комитеті|ORGANISATION] салық туралы айтты .
[Бурабай|LOCATION] курортына туристер келді .
[Тимур Ахметов|PERSON] [Ұлттық банк|ORGANISATION] төрағасы болды .
Бүгін ауа райы жылы болады .
Мектептерде оқу жылы басталды .
[Маңғыстау|GPE] облысында су тапшы .
"""

NO_SPACE_BEFORE = {".", ","}


def parse_marked(line: str) -> Sentence:
    tokens, tags = [], []
    rest = line.split()
    i = 0
    while i < len(rest):
        word = rest[i]
        if word.startswith("["):
            words = [word[1:]]
            while "|" not in words[-1]:
                i += 1
                words.append(rest[i])
            words[-1], label = words[-1].rstrip("]").split("|")
            tokens += words
            tags += [f"B-{label}"] + [f"I-{label}"] * (len(words) - 1)
        else:
            tokens.append(word)
            tags.append("O")
        i += 1
    return Sentence(tokens, tags)


def render(sentences):
    """Running text of the sentences (no space before punctuation, one per line) and the gold
    ``(start_char, end_char, label)`` of their entities in it."""
    text, gold = "", []
    for n, s in enumerate(sentences):
        if n:
            text += "\n"
        starts, ends = [], []
        for k, tok in enumerate(s.tokens):
            if k and tok not in NO_SPACE_BEFORE:
                text += " "
            starts.append(len(text))
            text += tok
            ends.append(len(text))
        gold += [(starts[a], ends[b - 1], label) for a, b, label in s.entities()]
    return text, gold


SENTENCES = [parse_marked(line) for line in TRAIN.splitlines()]


def kaznerd_file(sentences, ids=True):
    """KazNERD's format: ``token TAG`` lines, a blank line after each sentence; ``ids``: an id line
    first (the with_sentID files)."""
    lines = []
    for n, s in enumerate(sentences, 1):
        if ids:
            lines.append(f"AID{n} O")
        lines += [f"{t} {tag}" for t, tag in zip(s.tokens, s.tags)]
        lines.append("")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """``kazextract train-stanza-ner`` run end to end, with tiny settings, on a KazNERD-shaped folder made
    of the sentences above; returns the model directory and the sentences it trained on."""
    pytest.importorskip("torch", reason="Stanza backend: torch is not installed (optional extra [stanza])")
    pytest.importorskip("stanza", reason="Stanza backend: stanza is not installed (optional extra [stanza])")
    from extractor.cli import main
    from extractor.ner.train_stanza import load_split, quiet_stanza

    root = tmp_path_factory.mktemp("stanza_tiny")
    kaznerd = root / "kaznerd"
    (kaznerd / "with_sentID").mkdir(parents=True)
    (kaznerd / "with_sentID" / "IOB2_valid2.txt").write_text(kaznerd_file(SENTENCES), encoding="utf-8")
    train, held = load_split(kaznerd, 13, 0.1)
    (kaznerd / "IOB2_test.txt").write_text(kaznerd_file(train[:5], ids=False), encoding="utf-8")
    out = root / "model"
    rc = main(["train-stanza-ner", "-o", str(out), "--kaznerd", str(kaznerd), "--test", "--heldout", "0.1",
               "--name", "tiny", "--version", "0", "--max-steps", "240", "--eval-interval", "40",
               "--max-steps-no-improve", "1000", "--batch-size", "8", "--hidden-dim", "32",
               "--char-hidden-dim", "16", "--char-emb-dim", "16", "--lr", "0.01", "--dropout", "0.1",
               "--word-dropout", "0", "--vector-dim", "16", "--vector-epochs", "2", "--vector-min-count", "1"])
    quiet_stanza()
    assert rc == 0
    return out, train


def test_training_command_writes_a_scored_model(tiny_model):
    out, train = tiny_model
    assert {p.name for p in out.iterdir()} == {"ner.pt", "pretrain.pt", "meta.json"}
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["status"] == "trained" and meta["data"]["train_sentences"] == len(train) == 27
    assert meta["heldout"]["sentences"] == 3 and meta["test"]["sentences"] == 5
    # the test file here repeats training sentences: a model that learnt them scores them well
    assert meta["test"]["micro"]["support"] == sum(len(s.entities()) for s in train[:5])
    assert meta["test"]["micro"]["f1"] > 0.8


def test_stanza_pipeline_sets_ents_on_our_tokens(tiny_model):
    from extractor.pipeline import build_pipeline, model_name

    out, train = tiny_model
    nlp = build_pipeline(ner="stanza", model_path=str(out))
    assert model_name(nlp) == "stanza-ner-kk-tiny-0"
    names = nlp.pipe_names
    assert names.index("stanza_ner") == names.index("kk_sentencizer") + 1 < names.index("kx_names")
    # several sentences (one without entities), all with no space before the period: entity offsets
    # must be offsets of our doc.text, not of Stanza's space-joined tokens
    with_two = [s for s in train if len(s.entities()) == 2]
    without = [s for s in train if not s.entities()]
    chosen = [with_two[0], without[0], with_two[1], train[0]]
    text, gold = render(chosen)
    doc = nlp(text)
    assert [t.text for t in doc if not t.is_space] == [t for s in chosen for t in s.tokens]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == gold


def test_stanza_pipe_batches_documents_like_one_by_one(tiny_model):
    from extractor.pipeline import build_pipeline

    out, train = tiny_model
    nlp = build_pipeline(ner="stanza", model_path=str(out))
    texts = [render(train[:3])[0], "", "  \n ", render(train[3:4])[0], render(train[4:9])[0]]
    one_by_one = [[(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] for t in texts]
    batched = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=4)]
    assert batched == one_by_one
    assert one_by_one[0] == render(train[:3])[1] and one_by_one[1] == one_by_one[2] == []


def test_extractor_names_the_stanza_model(tiny_model):
    from extractor.api import Extractor, Item

    out, train = tiny_model
    result = Extractor(ner="stanza", model_path=str(out)).process(Item(text=render(train[:2])[0]))
    assert result.model == "stanza-ner-kk-tiny-0"


def test_stanza_model_from_environment(tiny_model, monkeypatch):
    out, train = tiny_model
    monkeypatch.setenv("KAZEXTRACT_STANZA_DIR", str(out))
    from extractor.pipeline import build_pipeline

    sentence = next(s for s in train if len(s.entities()) == 2)
    doc = build_pipeline(ner="stanza")(render([sentence])[0])
    assert [(e.text, e.label_) for e in doc.ents] == [(" ".join(sentence.tokens[a:b]), label)
                                                       for a, b, label in sentence.entities()]


def test_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv("KAZEXTRACT_STANZA_DIR", raising=False)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "nowhere"))
    from extractor.pipeline import build_pipeline

    with pytest.raises(StanzaModelError) as err:
        build_pipeline(ner="stanza")
    message = str(err.value)
    assert str(tmp_path / "nowhere" / "kk") in message
    assert "train-stanza-ner" in message and 'stanza.download("kk")' in message
    with pytest.raises(StanzaModelError, match="empty"):
        build_pipeline(ner="stanza", model_path=str(tmp_path / "empty"))


def test_kazextract_layout_needs_its_word_vectors(tmp_path):
    (tmp_path / "ner.pt").write_bytes(b"")
    with pytest.raises(StanzaModelError, match="pretrain.pt"):
        model_in(tmp_path)
    (tmp_path / "pretrain.pt").write_bytes(b"")
    model = model_in(tmp_path)
    assert model.ner == tmp_path / "ner.pt" and model.pretrain == tmp_path / "pretrain.pt"
    assert model.forward_charlm is None and model.name == tmp_path.name
    assert model.pipeline_options() == {"ner_model_path": str(tmp_path / "ner.pt"),
                                        "ner_pretrain_path": str(tmp_path / "pretrain.pt")}
    (tmp_path / "forward_charlm.pt").write_bytes(b"")
    (tmp_path / "backward_charlm.pt").write_bytes(b"")
    assert model_in(tmp_path).pipeline_options()["ner_backward_charlm_path"] == str(tmp_path / "backward_charlm.pt")


def test_stanza_resources_layout(tmp_path, monkeypatch):
    """What stanza.download("kk") leaves: root/resources.json, root/kk/ner/<package>.pt ..."""
    (tmp_path / "kk" / "ner").mkdir(parents=True)
    (tmp_path / "kk" / "ner" / "kaznerd.pt").write_bytes(b"")
    with pytest.raises(StanzaModelError, match="resources.json"):
        model_in(tmp_path)
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    for given in (tmp_path, tmp_path / "kk"):
        model = model_in(given)
        assert model.resources_root == tmp_path and model.name == "kaznerd"
        assert model.pipeline_options() == {"dir": str(tmp_path)}
    monkeypatch.delenv("KAZEXTRACT_STANZA_DIR", raising=False)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    assert locate_model().directory == tmp_path / "kk"
    assert model_in(tmp_path / "elsewhere") is None


def test_without_stanza_installed_the_error_says_how_to_install(tmp_path, monkeypatch):
    import sys

    (tmp_path / "ner.pt").write_bytes(b"")
    (tmp_path / "pretrain.pt").write_bytes(b"")
    monkeypatch.setitem(sys.modules, "stanza", None)  # import stanza now fails as if it were not installed
    from extractor.pipeline import build_pipeline

    with pytest.raises(StanzaModelError, match=r"pip install \.\[stanza\]"):
        build_pipeline(ner="stanza", model_path=str(tmp_path))

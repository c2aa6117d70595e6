"""The pipeline is a proper spaCy citizen: factories, nlp.pipe, save and load."""
import spacy

from extractor.document import build_document
from extractor.pipeline import build_pipeline

TEXT = "Жоба құны 5,6 млрд\nтеңгені құрады. 2015 жылы 3 634 жұмыс орны ашылды."


def values(doc):
    return [(r.type, r.text, str(getattr(r, "value", ""))) for r in build_document(doc).records]


def test_pipe_gives_what_call_gives():
    nlp = build_pipeline(ner="none")
    one = [values(nlp(t)) for t in (TEXT, TEXT[:30])]
    many = [values(d) for d in nlp.pipe([TEXT, TEXT[:30]], batch_size=2)]
    assert one == many
    assert ("money", "5,6 млрд\nтеңгені", "5600000000") in one[0]


def test_rules_pipeline_saves_and_loads(tmp_path):
    nlp = build_pipeline(ner="none")
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.pipe_names == nlp.pipe_names
    assert values(loaded(TEXT)) == values(nlp(TEXT))


def test_a_bad_publish_date_is_a_warning_and_the_values_stay():
    import extractor

    doc = extractor.extract("Өткен жылы 5,6 млрд теңге бөлінді.", published="31.12.2024", ner="none")
    assert doc.published is None
    assert any("not a date" in w and "relative dates left unresolved" in w for w in doc.warnings)
    money = [r for r in doc.records if r.type == "money"]
    assert [int(r.value) for r in money] == [5600000000]
    (date,) = [r for r in doc.records if r.type == "date"]
    assert date.relative and date.date_start is None  # found, but left unresolved

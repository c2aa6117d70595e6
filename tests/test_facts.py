"""Facts (shared/spec/facts.md): the grammar's corpora, links as record indices, the contract fields."""
import json

import pytest

from extractor.api import CHUNK_CHARS, Extractor, Item
from extractor.facts.corpus import corpora, differences
from extractor.records import Document, JobsRecord, MoneyRecord, json_schema

CORPORA = corpora()
SPEC = [(name, ex) for name, exs in CORPORA.items() if name != "heldout" for ex in exs]
# the held-out corpus is a check nobody tunes on: it must stay well above chance, not perfect
HELDOUT_FLOOR = 0.8


@pytest.fixture(scope="module")
def extractor(nlp_rules):
    ex = Extractor.__new__(Extractor)  # reuse the session's rules-only pipeline
    ex.nlp, ex.model, ex.max_chars = nlp_rules, None, 0
    return ex


@pytest.mark.parametrize("name,ex", SPEC, ids=[ex.where for _, ex in SPEC])
def test_facts_corpus(name, ex, extractor):
    assert not differences(ex, extractor.process(Item(text=ex.text))), ex.where


def test_every_dimension_has_a_corpus_and_a_heldout_set():
    assert {"measure", "status", "links", "heldout"} <= set(CORPORA)
    assert all(len(CORPORA[n]) >= 20 for n in ("measure", "status", "links", "heldout"))


def test_heldout_score(extractor):
    exs = CORPORA["heldout"]
    right = sum(not differences(ex, extractor.process(Item(text=ex.text))) for ex in exs)
    print(f"held-out facts examples fully right: {right}/{len(exs)}")
    assert right / len(exs) >= HELDOUT_FLOOR


def _amount(doc, text):
    return next(r for r in doc.records if r.type in ("money", "jobs") and r.text == text)


def test_links_are_indices_of_the_documents_records(extractor):
    text = "«ҚазАзот» ЖШС 2015 жылы Маңғыстау облысында 5,6 млрд теңге салды."
    doc = extractor.process(Item(text=text))
    money = _amount(doc, "5,6 млрд теңге")
    assert doc.records[money.org].type == "org" and doc.records[money.org].name == "ҚазАзот"
    assert doc.records[money.location].name == "Маңғыстау облысы"
    assert doc.records[money.date].text == "2015 жылы"
    assert (money.measure, money.status) == ("investment", "actual")


def test_links_follow_the_records_of_a_long_text(extractor):
    """A text over CHUNK_CHARS is processed in pieces: links of a later piece still point at its records."""
    filler = "2010 жылы жаңбыр жауды.\n" * (CHUNK_CHARS // 20 + 10)  # records in the earlier pieces
    text = filler + "«ҚазАзот» ЖШС 2015 жылы 5,6 млрд теңге салды.\n"
    doc = extractor.process(Item(text=text))
    money = _amount(doc, "5,6 млрд теңге")
    assert doc.records[money.org].name == "ҚазАзот"
    assert doc.records[money.date].text == "2015 жылы"
    assert doc.records[money.date].start > CHUNK_CHARS


def test_a_dropped_record_does_not_shift_links():
    from extractor.facts import relink

    a = MoneyRecord(text="5 теңге", start=20, end=27, sentence=0, value=5, currency="KZT", org=2)
    b = JobsRecord(text="3 адам", start=30, end=36, sentence=0, value=3, date=0)
    from extractor.records import DateRecord, OrgRecord

    d = DateRecord(text="2015 жылы", start=0, end=9, sentence=0, granularity="year")
    o = OrgRecord(text="«Береке» ЖШС", start=10, end=19, sentence=0, name="Береке", legal_form="ЖШС")
    # mention positions 0 date, 1 a mention that gave no record, 2 org, 3 money, 4 jobs
    made = {0: d, 2: o, 3: a, 4: b}
    records = [d, o, a, b]
    relink(records, made)
    assert (a.org, b.date) == (1, 0)
    c = MoneyRecord(text="7 теңге", start=40, end=47, sentence=0, value=7, currency="KZT", org=1)
    relink([c], {0: c})
    assert c.org is None  # the linked mention gave no record: no link, not a wrong one


@pytest.mark.parametrize("text", [
    "5 млрд теңге.",
    "- 5 млрд теңге ;",
    "Ол ( 300 доллар ) деп ... , , ал онда",
    "АСТАНА. KAZINFORM - 12 млн теңге",
    "Егер 5 мың доллардан",
])
def test_unclear_sentences_give_other_and_no_links(text, extractor):
    doc = extractor.process(Item(text=text))
    amounts = [r for r in doc.records if r.type in ("money", "jobs")]
    assert amounts
    for r in amounts:
        assert r.measure in ("other", "jobs") and r.org is None and r.location is None
        assert r.status in ("actual", "planned")
    Document.model_validate_json(doc.to_json())


def test_schema_has_the_fact_fields_and_a_v1_reader_keeps_working(extractor):
    schema = json_schema()
    defs = schema["$defs"]
    for model in ("MoneyRecord", "JobsRecord"):
        props = defs[model]["properties"]
        assert {"measure", "status", "org", "location", "date"} <= set(props)
    assert "investment" in json.dumps(defs["MoneyRecord"]["properties"]["measure"])
    doc = extractor.process(Item(text="«ҚазАзот» ЖШС 5,6 млрд теңге салды."))
    row = json.loads(doc.to_json())
    money = next(r for r in row["records"] if r["type"] == "money")
    # every version 1 field is there with its version 1 meaning; the new ones are only added
    v1 = {"type", "text", "start", "end", "sentence", "source", "value", "value_max", "currency", "qualifier"}
    assert v1 <= set(money) and money["value"] == 5600000000 and money["currency"] == "KZT"
    assert set(money) - v1 == {"measure", "status", "org", "location", "date"}
    # a record without facts (a pipeline without kx_facts) still validates
    MoneyRecord(text="5 теңге", start=0, end=7, sentence=0, value=5, currency="KZT")


def test_kx_facts_runs_after_the_mentions_are_final(nlp_rules):
    names = nlp_rules.pipe_names
    assert names[-1] == "kx_facts" and names.index("kx_resolve") < names.index("kx_facts")


def test_kx_facts_reads_a_doc_without_sentence_starts_as_one_sentence():
    import spacy

    import extractor.pipeline  # noqa: F401 - registers the components

    nlp = spacy.blank("kk")
    for name in ("kx_money", "kx_org", "kx_resolve", "kx_facts"):
        nlp.add_pipe(name)
    doc = nlp("«ҚазАзот» ЖШС зауытқа 5,6 млрд теңге салды.")
    assert not doc.has_annotation("SENT_START")
    money = next(m for m in doc._.kx_mentions if m.type == "money")
    assert money.attrs["measure"] == "investment" and money.attrs["status"] == "actual"
    assert doc._.kx_mentions[money.attrs["org"]].type == "org"

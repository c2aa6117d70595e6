"""The output contract: models, JSON numbers, generated schema, the spaCy entry point."""
import json
import subprocess
import sys
from decimal import Decimal

import jsonschema
import pytest

from extractor.records import Document, MoneyRecord, json_schema

CONTRACT_EXAMPLE = {"type": "money", "text": "5,6 млрд\nтеңгені", "start": 10, "end": 26, "sentence": 0,
                    "source": "rule", "value": 5600000000, "value_max": None, "currency": "KZT",
                    "qualifier": "exact"}


def doc_with(*records):
    return Document(doc_id="d", text_sha256="0" * 64, extractor_version="t", records=list(records))


def test_contract_example_round_trips():
    doc = doc_with(CONTRACT_EXAMPLE)
    out = json.loads(doc.to_json())
    # version 2 only adds fields (facts.md: null when no kx_facts ran); the version 1 ones are unchanged
    assert {k: v for k, v in out["records"][0].items() if k in CONTRACT_EXAMPLE} == CONTRACT_EXAMPLE
    assert {k: v for k, v in out["records"][0].items() if k not in CONTRACT_EXAMPLE} == dict.fromkeys(
        ("measure", "status", "org", "location", "date"))


def test_values_are_exact_decimals_in_python_and_numbers_in_json():
    rec = MoneyRecord(text="5,6 млрд теңге", start=0, end=14, sentence=0, value=Decimal("5.6") * 10**9,
                      currency="KZT")
    assert rec.value == Decimal("5600000000")
    pct = {"type": "percent", "text": "100,8%", "start": 0, "end": 6, "sentence": 0, "value": Decimal("100.8")}
    out = json.loads(doc_with(rec, pct).to_json())
    assert out["records"][0]["value"] == 5600000000 and isinstance(out["records"][0]["value"], int)
    assert out["records"][1]["value"] == 100.8
    assert '"value":100.8' in doc_with(pct).to_json()


def test_non_ascii_is_written_as_is():
    assert "теңгені" in doc_with(CONTRACT_EXAMPLE).to_json()


def test_bad_records_are_rejected():
    with pytest.raises(ValueError):
        doc_with(dict(CONTRACT_EXAMPLE, currency="теңге"))
    with pytest.raises(ValueError):
        doc_with(dict(CONTRACT_EXAMPLE, qualifier="about"))
    with pytest.raises(ValueError):
        doc_with(dict(CONTRACT_EXAMPLE, type="salary"))


def test_generated_schema_validates_real_output():
    from extractor.api import Extractor, Item

    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = Extractor(ner="none").process(Item(text="Жоба құны 5,6 млрд теңгені құрады.", doc_id="x",
                                             published="2025-12-17"))
    jsonschema.validate(json.loads(doc.to_json()), schema)
    bad = json.loads(doc.to_json())
    bad["records"] = [dict(CONTRACT_EXAMPLE, value="много")]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_schema_command_prints_the_generated_schema():
    out = subprocess.run([sys.executable, "-m", "extractor.cli", "schema"], capture_output=True, check=True)
    assert json.loads(out.stdout) == json.loads(json.dumps(json_schema()))


def test_spacy_finds_kk_through_the_entry_point():
    probe = ("from importlib.metadata import entry_points; "
             "print(any(e.name == 'kk' for e in entry_points(group='spacy_languages')))")
    # run outside the source tree so that only an installed kazextract can answer
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd="/").stdout.strip()
    if found != "True":
        pytest.skip("kazextract is not installed (the entry point exists only in an installed package)")
    code = "import spacy; nlp = spacy.blank('kk'); print(type(nlp).__name__, [t.text for t in nlp('5,6 млрд.теңгені')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/")
    assert out.stdout.strip() == "Kazakh ['5,6', 'млрд.', 'теңгені']"

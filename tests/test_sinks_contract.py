"""The contract every sink keeps (SQLite, PostgreSQL, JSON Lines, Parquet): exact round trip of the
records, keyed by doc_id and text_sha256 (no duplicates, a changed text replaces the old records),
atomic commits (nothing of an uncommitted batch survives), errors kept by location, and one document the
sink refuses does not cost the others."""
import datetime as dt
import hashlib
from decimal import Decimal

import pytest

from extractor.records import DateRecord, Document, JobsRecord, MoneyRecord, OrgRecord, PercentRecord, QuantityRecord
from extractor.sinks import REPLACED, UNCHANGED, WRITTEN, StoreError, open_sink
from sink_readers import doc_view, read_back

KINDS = ["sqlite", "postgresql", "jsonl", "parquet"]


@pytest.fixture(params=KINDS)
def target(request, tmp_path):
    kind = request.param
    if kind == "postgresql":
        return kind, request.getfixturevalue("pg_dsn")
    if kind == "parquet":
        pytest.importorskip("pyarrow")
    name = {"sqlite": "out.sqlite", "jsonl": "out.jsonl", "parquet": "out.parquet"}[kind]
    return kind, str(tmp_path / name)


def make_doc(doc_id: str, text: str, n: int = 0, title="Тақырып") -> Document:
    sha = hashlib.sha256(text.encode()).hexdigest()
    records = [
        MoneyRecord(text="5,6 млрд теңге", start=0, end=14, sentence=0, value=Decimal("5600000000") + n,
                    currency="KZT"),
        MoneyRecord(text="1,25-2,5 млн доллар", start=15, end=34, sentence=0, value=Decimal("1250000.5"),
                    value_max=Decimal("2500000"), currency="USD", qualifier="range"),
        PercentRecord(text="12,75%", start=35, end=41, sentence=1, value=Decimal("12.75"), qualifier="approx"),
        JobsRecord(text="120 тұрақты жұмыс орны", start=42, end=64, sentence=1, value=Decimal(120), permanent=True),
        QuantityRecord(text="300 мың тонна", start=65, end=78, sentence=2, value=Decimal(300000), unit="t",
                       qualifier="more_than"),
        DateRecord(text="2010-2014 жж", start=79, end=91, sentence=2, date_start=dt.date(2010, 1, 1),
                   date_end=dt.date(2014, 12, 31), granularity="year"),
        DateRecord(text="биыл", start=92, end=96, sentence=3, date_start=None, date_end=None, granularity="year",
                   relative=True),
        OrgRecord(text="«ҚазАзот» ЖШС", start=97, end=110, sentence=3, name="ҚазАзот", legal_form="ЖШС"),
    ]
    return Document(doc_id=doc_id, source=f"https://news.kz/{doc_id}", published=dt.date(2024, 3, 5), title=title,
                    text_sha256=sha, extractor_version="test", records=records[: 3 + n % 6],
                    warnings=["language: a warning"])


def stored(kind, target_):
    docs, errors = read_back(kind, target_)
    return sorted(docs, key=lambda d: d["doc_id"]), errors


def test_round_trip_is_exact(target):
    kind, t = target
    docs = [make_doc(f"d{i}", f"мәтін {i}", n=i) for i in range(6)]
    with open_sink(t) as sink:
        assert [sink.write(d, f"in.jsonl:{i + 1}") for i, d in enumerate(docs)] == [WRITTEN] * 6
    got, errors = stored(kind, t)
    assert got == [doc_view(d) for d in docs]
    assert errors == {}


def test_same_document_twice_is_stored_once(target):
    kind, t = target
    doc = make_doc("a", "бір мәтін")
    with open_sink(t) as sink:
        assert sink.write(doc, "x:1") == WRITTEN
        assert sink.write(doc, "x:1") == UNCHANGED  # in the same batch
        sink.commit()
        assert sink.write(doc, "x:2") == UNCHANGED  # after a commit
    with open_sink(t) as sink:
        assert sink.lookup(["a", "b"]) == {"a": doc.text_sha256}
        assert sink.write(doc, "x:1") == UNCHANGED  # in a later run
    got, _ = stored(kind, t)
    assert [d["doc_id"] for d in got] == ["a"]


@pytest.mark.parametrize("when", ["same batch", "later batch", "later run"])
def test_changed_text_replaces_the_old_records(target, when):
    kind, t = target
    old, new = make_doc("a", "ескі мәтін", n=5), make_doc("a", "жаңа мәтін", n=1, title="Жаңа")
    other = make_doc("b", "басқа мәтін", n=2)
    sink = open_sink(t)
    sink.write(old, "x:1")
    sink.write(other, "x:2")
    if when != "same batch":
        sink.commit()
    if when == "later run":
        sink.close()
        sink = open_sink(t)
    assert sink.write(new, "x:1") == REPLACED
    assert sink.lookup(["a"]) == {"a": new.text_sha256}
    sink.close()
    got, _ = stored(kind, t)
    assert got == [doc_view(new), doc_view(other)]


def test_uncommitted_batch_is_gone_after_a_crash(target):
    kind, t = target
    sink = open_sink(t)
    sink.write(make_doc("kept", "сақталады"), "x:1")
    sink.error("x:9", None, "broken line")
    sink.commit()
    sink.write(make_doc("lost", "жоғалады"), "x:2")
    sink.error("x:10", None, "another broken line")
    sink.abort()  # the process dies here
    with open_sink(t) as sink:
        assert set(sink.lookup(["kept", "lost"])) == {"kept"}
        assert sink.failed(["x:9", "x:10"]) == {"x:9"}
        assert sink.write(make_doc("lost", "жоғалады"), "x:2") == WRITTEN
    got, errors = stored(kind, t)
    assert [d["doc_id"] for d in got] == ["kept", "lost"]
    assert errors == {"x:9": "broken line"}


def test_errors_are_keyed_by_location_and_cleared_by_a_success(target):
    kind, t = target
    with open_sink(t) as sink:
        sink.error("in.jsonl:3", "c", "extraction failed: first")
        sink.error("in.jsonl:4", None, "malformed JSON")
        sink.commit()
        sink.error("in.jsonl:3", "c", "extraction failed: second")  # the same input fails again
        assert sink.failed(["in.jsonl:3", "in.jsonl:4", "in.jsonl:5"]) == {"in.jsonl:3", "in.jsonl:4"}
    with open_sink(t) as sink:
        sink.write(make_doc("c", "енді өтті"), "in.jsonl:3")  # retried and succeeded
        assert sink.failed(["in.jsonl:3", "in.jsonl:4"]) == {"in.jsonl:4"}
    got, errors = stored(kind, t)
    assert errors == {"in.jsonl:4": "malformed JSON"}
    assert [d["doc_id"] for d in got] == ["c"]


def test_a_document_the_sink_refuses_does_not_cost_the_batch(target):
    kind, t = target
    bad = make_doc("bad", "жаман", title="сынық \ud800 таңба")  # a lone surrogate cannot be stored as UTF-8
    with open_sink(t) as sink:
        sink.write(make_doc("before", "алдында"), "x:1")
        with pytest.raises(StoreError):
            sink.write(bad, "x:2")
        sink.write(make_doc("after", "кейін"), "x:3")
        assert set(sink.lookup(["before", "bad", "after"])) == {"before", "after"}
    got, _ = stored(kind, t)
    assert [d["doc_id"] for d in got] == ["after", "before"]

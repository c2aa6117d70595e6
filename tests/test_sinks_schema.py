"""The SQL/Parquet schema is generated from the pydantic models and follows them."""
import sqlite3
from typing import Literal, Optional

import pytest

from extractor.records import RECORD_MODELS, Document, _Record
from extractor.sinks import open_sink, schema
from test_sinks_contract import make_doc


def test_record_columns_are_the_union_of_the_record_models():
    names = [c.name for c in schema.record_columns()]
    assert names[:3] == ["doc_id", "idx", "type"]
    expected = set().union(*(m.model_fields for m in RECORD_MODELS.values()))
    # and beside each number its exact text, beside each name its search key
    assert set(names[2:]) == expected | {"value_text", "value_max_text", "name_fold"}
    assert names.index("value_text") == names.index("value") + 1
    assert names.index("name_fold") == names.index("name") + 1
    assert len(names) == len(set(names))


def test_document_columns_follow_the_document_model():
    names = [c.name for c in schema.document_columns()]
    assert set(Document.model_fields) - {"records"} <= set(names)
    assert {"location", "n_records", "written_at"} <= set(names)


def test_column_kinds_come_from_the_annotations():
    kinds = {c.name: c.kind for c in schema.RECORDS.columns}
    assert kinds["value"] == kinds["value_max"] == "numeric"  # exact numbers, never float
    assert kinds["permanent"] == kinds["relative"] == "boolean"
    assert kinds["date_start"] == "date" and kinds["start"] == "integer" and kinds["currency"] == "text"
    docs = {c.name: c for c in schema.DOCUMENTS.columns}
    assert docs["published"].kind == "date" and docs["warnings"].kind == "json"
    assert docs["doc_id"].not_null and not docs["title"].not_null
    recs = {c.name: c for c in schema.RECORDS.columns}
    # a field only some record types have must accept NULL
    assert recs["start"].not_null and not recs["currency"].not_null and not recs["value"].not_null


def test_a_field_added_to_a_record_model_becomes_a_column(monkeypatch):
    class SentimentRecord(_Record):
        type: Literal["sentiment"] = "sentiment"
        polarity: Optional[str] = None

    monkeypatch.setitem(RECORD_MODELS, "sentiment", SentimentRecord)
    cols = {c.name: c for c in schema.record_columns()}
    assert cols["polarity"].kind == "text" and not cols["polarity"].not_null


def test_conflicting_field_types_are_refused(monkeypatch):
    class Odd(_Record):
        type: Literal["odd"] = "odd"
        currency: int = 0  # text in money records

    monkeypatch.setitem(RECORD_MODELS, "odd", Odd)
    with pytest.raises(TypeError, match="currency"):
        schema.record_columns()


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_both_dialects_get_the_same_tables_and_indexes(dialect):
    stmts = schema.ddl(dialect)
    assert sum(s.startswith("CREATE TABLE") for s in stmts) == 5
    indexes = {s.split()[5] for s in stmts if s.startswith("CREATE INDEX")}
    assert {"idx_records_type", "idx_records_currency", "idx_records_dates", "idx_records_name",
            "idx_documents_published"} <= indexes


def test_an_older_database_gains_new_columns(tmp_path):
    db = tmp_path / "old.sqlite"
    conn = sqlite3.connect(db)
    for stmt in schema.ddl("sqlite"):
        conn.execute(stmt.replace('  "legal_form" TEXT,\n', ""))  # made before legal_form existed
    conn.execute("INSERT INTO kazextract_meta VALUES ('schema_version', ?)", (str(schema.SCHEMA_VERSION),))
    conn.commit()
    assert "legal_form" not in [r[1] for r in conn.execute("PRAGMA table_info(records)")]
    conn.close()
    with open_sink(str(db)) as sink:
        sink.write(make_doc("a", "мәтін", n=5), "x:1")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT legal_form FROM records WHERE type = 'org'").fetchall() == [("ЖШС",)]


def test_indexes_serve_the_queries_users_run(tmp_path):
    db = tmp_path / "q.sqlite"
    with open_sink(str(db)) as sink:
        for i in range(30):
            sink.write(make_doc(f"d{i}", f"мәтін {i}", n=i), f"x:{i}")
    conn = sqlite3.connect(db)
    conn.execute("ANALYZE")

    def plan(sql):
        return " ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + sql))

    assert "idx_records_currency" in plan("SELECT * FROM records WHERE currency = 'USD'")
    assert "idx_records_name" in plan("SELECT * FROM records WHERE type = 'org' AND name = 'ҚазАзот'")
    assert "idx_records_dates" in plan("SELECT * FROM records WHERE date_start >= '2010-01-01' AND "
                                       "date_start < '2011-01-01'")
    assert "idx_documents_published" in plan("SELECT * FROM documents WHERE published BETWEEN '2024-01-01' "
                                             "AND '2024-12-31'")
    # exact numbers: whole values come back as integers
    assert conn.execute("SELECT value FROM records WHERE type = 'money' AND currency = 'KZT' AND doc_id = 'd0'"
                        ).fetchone() == (5600000000,)


def test_writers_opening_a_fresh_database_at_once_all_succeed(tmp_path):
    """A Dask run's partitions may open a new SQLite file together: one creates the tables, the others
    find them (never 'not a kazextract database')."""
    import threading

    db = str(tmp_path / "fresh.sqlite")
    barrier, failures = threading.Barrier(6), []

    def opener(i):
        barrier.wait()
        try:
            with open_sink(db) as sink:
                sink.write(make_doc(f"d{i}", f"мәтін {i}", n=i), f"x:{i}")
        except Exception as exc:  # noqa: BLE001
            failures.append(exc)

    threads = [threading.Thread(target=opener, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone() == (6,)
    assert conn.execute("SELECT value FROM kazextract_meta WHERE key = 'schema_version'").fetchone() == (
        str(schema.SCHEMA_VERSION),)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_views_follow_a_field_added_to_a_record_model(tmp_path, monkeypatch):
    """The views are made again when the models change (a new field appears in its type's view)."""
    from extractor.records import JobsRecord

    db = str(tmp_path / "v.sqlite")
    open_sink(db).close()

    class JobsWithSector(JobsRecord):
        sector: Optional[str] = None

    monkeypatch.setitem(RECORD_MODELS, "jobs", JobsWithSector)
    monkeypatch.setattr(schema, "RECORDS", schema.Table("records", tuple(schema.record_columns()),
                                                        schema.RECORDS.key, schema.RECORDS.indexes))
    monkeypatch.setattr(schema, "TABLES", (schema.DOCUMENTS, schema.RECORDS, schema.SENTENCES, schema.ERRORS))
    open_sink(db).close()
    conn = sqlite3.connect(db)
    assert "sector" in [r[1] for r in conn.execute("PRAGMA table_info(jobs)")]
    assert "sector" not in [r[1] for r in conn.execute("PRAGMA table_info(money)")]

"""PostgreSQL specifics: exact numeric types, migration of an older database, concurrent writers,
an unreachable server. (The shared contract is in test_sinks_contract.py.)"""
import datetime as dt
import threading
from decimal import Decimal

import pytest

from extractor.sinks import SinkError, UNCHANGED, WRITTEN, open_sink, schema
from test_sinks_contract import make_doc



def test_types_are_native_and_exact(pg_dsn):
    import psycopg

    with open_sink(pg_dsn) as sink:
        sink.write(make_doc("a", "мәтін", n=5), "x:1")
    with psycopg.connect(pg_dsn) as conn:
        value, value_max = conn.execute("SELECT value, value_max FROM records WHERE currency = 'USD'").fetchone()
        assert (value, value_max) == (Decimal("1250000.5"), Decimal("2500000"))
        assert conn.execute("SELECT published FROM documents").fetchone() == (dt.date(2024, 3, 5),)
        assert conn.execute("SELECT warnings->>0 FROM documents").fetchone() == ("language: a warning",)
        assert conn.execute("SELECT permanent FROM records WHERE type = 'jobs'").fetchone() == (True,)
        types = dict(conn.execute("SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_schema = current_schema() AND table_name = 'records'").fetchall())
        assert types["value"] == "numeric" and types["date_start"] == "date" and types["relative"] == "boolean"


def test_an_older_database_gains_new_columns(pg_dsn):
    import psycopg

    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        for stmt in schema.ddl("postgresql"):
            conn.execute(stmt.replace('  "legal_form" text,\n', ""))
        conn.execute("INSERT INTO kazextract_meta VALUES ('schema_version', %s)", (str(schema.SCHEMA_VERSION),))
        assert not conn.execute("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                                "AND column_name = 'legal_form'").fetchall()
    with open_sink(pg_dsn) as sink:
        sink.write(make_doc("a", "мәтін", n=5), "x:1")
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("SELECT legal_form FROM records WHERE type = 'org'").fetchall() == [("ЖШС",)]


def test_concurrent_writers_store_a_document_once(pg_dsn):
    import psycopg

    open_sink(pg_dsn).close()
    doc = make_doc("same", "бір мәтін", n=3)
    statuses, barrier = [], threading.Barrier(4)

    def writer():
        sink = open_sink(pg_dsn)
        barrier.wait()
        statuses.append(sink.write(doc, "x:1"))
        sink.close()

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [UNCHANGED] * 3 + [WRITTEN]
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM records").fetchone() == (len(doc.records),)


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(SinkError, match=r"cannot connect to postgresql://nobody:\*\*\*@127\.0\.0\.1:9/"):
        open_sink("postgresql://nobody:secret@127.0.0.1:9/none")

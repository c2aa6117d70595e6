"""Outputs never destroy anything: an output that is an input, an errors file that is not ours, another
program's SQLite file, a database of another schema version, two runs into one target; and a full disk
stops the run with one line, leaves the database usable, and the same command then resumes exactly."""
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from archive_builders import kazakh_text, write_jsonl
from extractor.cli import main
from extractor.sinks import SinkError, open_sink, schema
from extractor.sinks.errors_file import write_errors_jsonl
from extractor.sinks.lock import lock_path, output_lock
from sink_readers import read_back
from test_sinks_contract import make_doc

FAST = ["--workers", "0", "--ner", "none", "--no-progress", "--no-count"]


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def one_line_error(capsys, *needles):
    err = capsys.readouterr().err
    assert "Traceback" not in err
    # "kazextract: ..." (a failed target during the run) or "kazextract CMD: error: ..." (a mistake)
    lines = [line for line in err.splitlines()
             if line.startswith("kazextract:") or (line.startswith("kazextract ") and ": error: " in line)]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def jl(tmp_path):
    return write_jsonl(tmp_path / "in.jsonl", [{"id": f"a{i}", "text": kazakh_text(i, 2)} for i in range(3)])


# -- an output that is an input ----------------------------------------------------------------------

def test_extract_into_its_own_input_is_refused(jl, capsys):
    before = digest(jl)
    assert main(["extract", str(jl), "-o", str(jl), "--ner", "none"]) == 2
    one_line_error(capsys, "is also an input")
    assert digest(jl) == before


def test_extract_errors_into_an_input_is_refused(jl, tmp_path, capsys):
    before = digest(jl)
    assert main(["extract", str(jl), "-o", str(tmp_path / "o.jsonl"), "--errors", str(jl), "--ner", "none"]) == 2
    one_line_error(capsys, "--errors", "is also an input")
    assert digest(jl) == before and not (tmp_path / "o.jsonl").exists()


def test_a_hard_link_to_an_input_is_the_input(jl, tmp_path, capsys):
    os.link(jl, tmp_path / "other.jsonl")
    before = digest(jl)
    assert main(["run", str(jl), "--out", str(tmp_path / "o.jsonl"), "--errors", str(tmp_path / "other.jsonl"),
                 *FAST]) == 2
    one_line_error(capsys, "is also an input")
    assert digest(jl) == before


def test_run_errors_file_that_is_the_input_is_refused_and_kept(jl, tmp_path, capsys):
    """The issue's case: nothing fails, and the errors file (here the input) used to be deleted."""
    before = digest(jl)
    assert main(["run", str(jl), "--out", str(tmp_path / "o.jsonl"), "--errors", str(jl), *FAST]) == 2
    one_line_error(capsys, "is also an input")
    assert digest(jl) == before


def test_an_output_inside_an_input_directory_is_refused(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(kazakh_text(1), encoding="utf-8")
    assert main(["run", str(corpus), "--out", str(corpus / "out.jsonl"), *FAST]) == 2
    one_line_error(capsys, "inside the input directory")
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt"]
    # a database there is not read back as input: allowed
    assert main(["run", str(corpus), "--db", str(corpus / "out.sqlite"), *FAST]) == 0


def test_errors_file_and_output_must_differ(jl, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    assert main(["run", str(jl), "--out", str(out), "--errors", str(out), *FAST]) == 2
    one_line_error(capsys, "are the same file")


# -- the errors file ---------------------------------------------------------------------------------

def test_an_unrelated_errors_file_is_refused_before_the_run_and_kept(jl, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("менің жазбаларым\n", encoding="utf-8")
    assert main(["run", str(jl), "--out", str(tmp_path / "o.jsonl"), "--errors", str(notes), *FAST]) == 2
    one_line_error(capsys, "not an errors file kazextract wrote")
    assert notes.read_text(encoding="utf-8") == "менің жазбаларым\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "notes.txt"]  # nothing created


def test_our_errors_file_is_replaced_and_removed_when_nothing_fails(tmp_path):
    path = tmp_path / "e.jsonl"
    write_errors_jsonl(path, [("x:1", "a", "broken", "2024-01-01T00:00:00+00:00")])
    assert json.loads(path.read_text())["location"] == "x:1"
    write_errors_jsonl(path, [])
    assert not path.exists()
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "a", "text": "мәтін"}\n', encoding="utf-8")
    write_errors_jsonl(other, [])  # not ours: never removed
    assert other.exists()
    with pytest.raises(SinkError, match="not an errors file"):
        write_errors_jsonl(other, [("x:1", None, "broken", "t")])
    assert other.read_text(encoding="utf-8") == '{"id": "a", "text": "мәтін"}\n'


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_errors_with_a_database_are_also_written_to_the_file(kind, tmp_path, request):
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "ok", "text": kazakh_text(1, 2)}, ensure_ascii=False) + "\n")
        f.write('{"id": "broken", "text": \n')
    target = request.getfixturevalue("pg_dsn") if kind == "postgresql" else str(tmp_path / "r.sqlite")
    errors = tmp_path / "e.jsonl"
    assert main(["run", str(src), "--db", target, "--errors", str(errors), *FAST]) == 0
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [r["location"] for r in rows] == [f"{src}:2"]
    _, stored = read_back(kind, target)
    assert set(stored) == {f"{src}:2"}
    # fixed and retried: the error goes, and so does the file kazextract wrote
    with open(src, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "ok", "text": kazakh_text(1, 2)}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": "broken", "text": kazakh_text(2, 2)}, ensure_ascii=False) + "\n")
    assert main(["run", str(src), "--db", target, "--errors", str(errors), "--retry-errors", *FAST]) == 0
    assert not errors.exists()


# -- databases kazextract did not create -------------------------------------------------------------

def foreign_sqlite(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Айгүл')")
    conn.commit()
    conn.close()
    return path


def test_another_programs_sqlite_file_is_refused_untouched(jl, tmp_path, capsys):
    db = foreign_sqlite(tmp_path / "app.db")
    before, mtime = digest(db), db.stat().st_mtime_ns
    assert main(["run", str(jl), "--db", str(db), *FAST]) == 2
    one_line_error(capsys, "is not a kazextract database", "customers")
    assert digest(db) == before and db.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db", "in.jsonl"]  # no -wal, -journal, .lock


def test_a_file_that_is_not_a_database_is_refused_untouched(jl, tmp_path, capsys):
    notes = tmp_path / "notes.db"
    notes.write_text("бұл дерекқор емес\n" * 200, encoding="utf-8")
    before = digest(notes)
    assert main(["run", str(jl), "--db", str(notes), *FAST]) == 2
    one_line_error(capsys, "not a usable SQLite database")
    assert digest(notes) == before


def old_kazextract_sqlite(path: Path, version) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE documents (doc_id TEXT PRIMARY KEY, source TEXT)")
    conn.execute("CREATE TABLE records (doc_id TEXT, idx INTEGER, value NUMERIC)")
    if version is not None:
        conn.execute("CREATE TABLE kazextract_meta (key text PRIMARY KEY, value text NOT NULL)")
        conn.execute("INSERT INTO kazextract_meta VALUES ('schema_version', ?)", (str(version),))
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("version,message", [(1, "schema version 1"), (None, "without a schema version"),
                                             (schema.SCHEMA_VERSION + 1, "newer kazextract")])
def test_a_database_of_another_schema_version_is_refused_untouched(version, message, tmp_path):
    db = old_kazextract_sqlite(tmp_path / "old.sqlite", version)
    before = digest(db)
    with pytest.raises(SinkError, match=message) as exc:
        open_sink(str(db))
    assert "\n" not in str(exc.value)
    assert digest(db) == before


def test_postgres_schema_of_version_1_or_foreign_tables_is_refused(pg_dsn):
    import psycopg

    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE documents (id int)")  # someone else's table of one of our names
    with pytest.raises(SinkError, match="is not a kazextract database .*documents"):
        open_sink(pg_dsn)
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        assert conn.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                            "current_schema() AND table_name = 'documents'").fetchall() == [("id",)]
        conn.execute("DROP TABLE documents")
        conn.execute("CREATE TABLE unrelated (id int)")  # other tables in the schema are no reason to refuse
    open_sink(pg_dsn).close()
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("UPDATE kazextract_meta SET value = '1' WHERE key = 'schema_version'")
    with pytest.raises(SinkError, match="schema version 1"):
        open_sink(pg_dsn)


def test_a_database_we_created_opens_again_and_keeps_its_version(tmp_path):
    db = str(tmp_path / "ok.sqlite")
    with open_sink(db) as sink:
        sink.write(make_doc("a", "мәтін", n=2), "x:1")
    with open_sink(db) as sink:
        assert sink.lookup(["a"]) == {"a": make_doc("a", "мәтін").text_sha256}
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT value FROM kazextract_meta WHERE key = 'schema_version'").fetchone() == (
        str(schema.SCHEMA_VERSION),)


# -- one run at a time -------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["sqlite", "jsonl", "parquet", "postgresql"])
def test_a_second_run_into_the_same_target_is_refused(kind, jl, tmp_path, capsys, request):
    if kind == "parquet":
        pytest.importorskip("pyarrow")
    target = (request.getfixturevalue("pg_dsn") if kind == "postgresql"
              else str(tmp_path / {"sqlite": "r.sqlite", "jsonl": "r.jsonl", "parquet": "r.parquet"}[kind]))
    option = "--out" if kind in ("jsonl", "parquet") else "--db"
    with output_lock(target):
        assert main(["run", str(jl), option, target, *FAST]) == 2
        one_line_error(capsys, "another kazextract run is writing to")
    assert main(["run", str(jl), option, target, *FAST]) == 0
    docs, _ = read_back(kind, target)
    assert sorted(d["doc_id"] for d in docs) == ["a0", "a1", "a2"]
    if kind != "postgresql":
        assert not lock_path(target).exists()


def test_a_killed_run_leaves_no_stale_lock(tmp_path):
    target = str(tmp_path / "r.sqlite")
    code = ("import sys, time; from extractor.sinks.lock import output_lock\n"
            "with output_lock(sys.argv[1]):\n    print('locked', flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, target], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(SinkError, match=f"process {proc.pid} holds"):
            with output_lock(target):
                pass
        proc.kill()
        proc.wait()
        with output_lock(target):  # the kernel released the dead holder's lock
            pass
    finally:
        proc.kill()
        proc.wait()


# -- faults ------------------------------------------------------------------------------------------

class FullDisk:
    """An sqlite3 connection whose writes fail with SQLite's 'database or disk is full' once armed."""

    def __init__(self, conn):
        self._conn, self.armed = conn, False

    def execute(self, sql, *args):
        if self.armed and sql.lstrip().upper().startswith(("INSERT", "COMMIT")):
            # what SQLite does on SQLITE_FULL: it rolls back the transaction itself
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def executemany(self, sql, rows):
        return self.execute(sql) if self.armed else self._conn.executemany(sql, rows)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_disk_full_in_sqlite_is_one_error_naming_the_cause(tmp_path):
    db = str(tmp_path / "r.sqlite")
    sink = open_sink(db)
    sink.write(make_doc("a", "бірінші", n=1), "x:1")
    sink.commit()
    sink.conn = full = FullDisk(sink.conn)
    full.armed = True
    with pytest.raises(SinkError, match="database or disk is full") as exc:
        sink.write(make_doc("b", "екінші", n=2), "x:2")
    assert "rollback" not in str(exc.value) and "\n" not in str(exc.value)
    sink.abort()  # as the runner does: no second error hides the first
    with open_sink(db) as again:  # usable, and holds exactly the committed batch
        assert again.lookup(["a", "b"]) == {"a": make_doc("a", "бірінші").text_sha256}
        assert again.write(make_doc("b", "екінші", n=2), "x:2") == "written"


@pytest.fixture
def small_disk(tmp_path):
    """A 600 KiB tmpfs (needs root and mount); skipped where it cannot be mounted."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()[:100]}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.mark.parametrize("kind", ["sqlite", "jsonl"])
def test_a_full_disk_stops_the_run_and_the_same_command_resumes_exactly(kind, small_disk, tmp_path, capsys):
    n = 160
    src = write_jsonl(tmp_path / f"many-{uuid.uuid4().hex[:6]}.jsonl",
                      [{"id": f"d{i:03d}", "text": kazakh_text(i, 30)} for i in range(n)])
    name = "r.sqlite" if kind == "sqlite" else "r.jsonl"
    option = "--db" if kind == "sqlite" else "--out"
    target = small_disk / name
    args = ["run", str(src), option, str(target), "--commit-every", "10", *FAST]
    assert main(args) == 2
    line = one_line_error(capsys)
    assert ("database or disk is full" in line) or ("No space left on device" in line)
    stored, _ = read_back(kind, str(target))
    assert 0 < len(stored) < n and len({d["doc_id"] for d in stored}) == len(stored)
    if kind == "sqlite":
        conn = sqlite3.connect(target)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
    # space freed: the same command finishes, and the result is what a clean run gives
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    assert main(args) == 0
    clean = tmp_path / ("clean.sqlite" if kind == "sqlite" else "clean.jsonl")
    assert main(["run", str(src), option, str(clean), *FAST]) == 0
    got, errors = read_back(kind, str(target))
    want, _ = read_back(kind, str(clean))
    assert errors == {}
    assert sorted(got, key=lambda d: d["doc_id"]) == sorted(want, key=lambda d: d["doc_id"])
    assert len(got) == n


def test_disk_full_in_postgres_is_one_error_naming_the_cause(pg_dsn):
    import psycopg
    from psycopg import errors

    class FullServer:
        def __init__(self, conn):
            self._conn = conn

        def execute(self, sql, *args):
            if sql.lstrip().upper().startswith("INSERT"):
                raise errors.DiskFull("could not extend file \"base/1/2\": No space left on device")
            return self._conn.execute(sql, *args)

        def __getattr__(self, name):
            return getattr(self._conn, name)

    sink = open_sink(pg_dsn)
    sink.write(make_doc("a", "бірінші", n=1), "x:1")
    sink.commit()
    real = sink.conn
    sink.conn = FullServer(real)
    with pytest.raises(SinkError, match="No space left on device") as exc:
        sink.write(make_doc("b", "екінші", n=2), "x:2")
    assert "\n" not in str(exc.value)
    sink.conn = real
    sink.abort()
    with open_sink(pg_dsn) as again:
        assert again.lookup(["a", "b"]) == {"a": make_doc("a", "бірінші").text_sha256}
    with psycopg.connect(pg_dsn) as conn:
        assert conn.execute("SELECT count(*) FROM records WHERE doc_id = 'b'").fetchone() == (0,)


def test_a_lost_postgres_connection_stops_the_run_with_one_line(pg_dsn):
    """The server goes away mid-run: lookups, errors and writes all say so in one line (no traceback, and
    no document is blamed for it)."""
    sink = open_sink(pg_dsn)
    sink.write(make_doc("a", "бірінші", n=1), "x:1")
    sink.commit()
    sink.conn.close()  # as if the server had closed the connection
    for call in (lambda: sink.lookup(["a"]), lambda: sink.error("x:2", None, "broken"),
                 lambda: sink.write(make_doc("b", "екінші"), "x:3"), sink.commit):
        with pytest.raises(SinkError, match="cannot write to postgresql://") as exc:
            call()
        assert "\n" not in str(exc.value)
    sink.abort()

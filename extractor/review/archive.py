"""The figures of an archive (``kazextract report``), computed by SQL aggregates in the database.

SQLite and PostgreSQL outputs of ``kazextract run`` are queried where they are (read-only); nothing is
loaded into memory but the aggregates, so a report on millions of documents needs as much memory as one on
ten. JSON Lines and Parquet outputs are streamed into a temporary SQLite file with the columns the report
uses, and queried the same way: one set of queries, the same figures for every sink.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Set, Tuple

from . import ReviewError

TOP = 15  # organisations, places, reasons shown


@dataclass
class Figures:
    source: str
    documents: int
    records: int
    errors: int
    records_per_type: List[Tuple[str, int]]
    documents_per_month: List[Tuple[str, int]]
    money_per_month: List[Tuple[str, str, int, Decimal]]  # month, currency, count, sum
    money_by_currency: List[Tuple[str, int, Decimal]]
    money_by_measure: Optional[List[Tuple[str, str, int, Decimal]]]  # measure, currency, count, sum
    top_orgs: List[Tuple[str, int, int]]  # name, documents, mentions
    top_places: List[Tuple[str, int, int]]
    jobs_by_status: List[Tuple[str, int, Decimal]]  # status ('all' without facts), records, sum
    errors_by_reason: List[Tuple[str, int]]
    warnings_by_reason: List[Tuple[str, int]]
    facts: bool = False
    notes: List[str] = field(default_factory=list)


class Database:
    """A read-only connection to the three tables, with the few SQL fragments that differ by dialect."""

    def __init__(self, conn, dialect: str, name: str):
        self.conn, self.dialect, self.name = conn, dialect, name

    def query(self, sql: str, params=()) -> list:
        if self.dialect == "postgresql":
            with self.conn.cursor() as cur:
                cur.execute(sql.replace("?", "%s"), params)
                return cur.fetchall()
        return self.conn.execute(sql, params).fetchall()

    def tables(self) -> Set[str]:
        if self.dialect == "postgresql":
            rows = self.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        else:
            rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r[0] for r in rows}

    def columns(self, table: str) -> Set[str]:
        if self.dialect == "postgresql":
            rows = self.query("SELECT column_name FROM information_schema.columns "
                              "WHERE table_schema = current_schema() AND table_name = ?", (table,))
            return {r[0] for r in rows}
        return {r[1] for r in self.query(f"PRAGMA table_info({table})")}

    # dialect fragments
    def month(self, col: str) -> str:
        if self.dialect == "postgresql":
            return f"to_char({col}, 'YYYY-MM')"
        return f"substr({col}, 1, 7)"

    def total(self, col: str) -> str:
        # SQLite's sum() stops with an error on a 64-bit overflow; total() does not (a float, for display)
        return f"sum({col})" if self.dialect == "postgresql" else f"total({col})"

    def reason_class(self, col: str) -> str:
        """The part of a reason before its first colon (``malformed JSON: Expecting ...`` → ``malformed JSON``)."""
        if self.dialect == "postgresql":
            return f"split_part({col}, ':', 1)"
        return f"CASE WHEN instr({col}, ':') > 0 THEN substr({col}, 1, instr({col}, ':') - 1) ELSE {col} END"

    def warnings_rows(self) -> str:
        if self.dialect == "postgresql":
            return "SELECT jsonb_array_elements_text(warnings) AS w FROM documents"
        return "SELECT j.value AS w FROM documents, json_each(documents.warnings) AS j"


def _dec(x) -> Decimal:
    if x is None:
        return Decimal(0)
    return x if isinstance(x, Decimal) else Decimal(str(x))


def figures(db: Database) -> Figures:
    missing = {"documents", "records", "errors"} - db.tables()
    if missing:
        raise ReviewError(f"{db.name} is not a kazextract output (no {', '.join(sorted(missing))} table)")
    q = db.query
    n_docs = q("SELECT count(*) FROM documents")[0][0]
    n_errors = q("SELECT count(*) FROM errors")[0][0]
    if not n_docs and not n_errors:
        raise ReviewError(f"{db.name} holds no documents and no errors: nothing to report")
    cols = db.columns("records")
    facts = {"measure", "status"} <= cols and bool(
        q("SELECT count(*) FROM records WHERE type IN ('money', 'jobs') AND status IS NOT NULL")[0][0])
    entity = 'coalesce("key", name)' if "key" in cols else "name"
    label = "min(name)"
    month = db.month("d.published")

    def top(t: str):
        rows = q(f"SELECT {label}, count(DISTINCT doc_id) AS n, count(*) FROM records WHERE type = ? "
                 f"GROUP BY {entity} ORDER BY n DESC, {label} LIMIT {TOP}", (t,))
        return [(r[0], r[1], r[2]) for r in rows]

    def reasons(sql_rows: str, col: str):
        rows = q(f"SELECT {db.reason_class(col)} AS c, count(*) AS n FROM ({sql_rows}) AS x "
                 f"GROUP BY c ORDER BY n DESC, c LIMIT {TOP}")
        return [(r[0], r[1]) for r in rows]

    if facts:
        jobs = q(f"SELECT coalesce(status, 'unknown') AS s, count(*), {db.total('value')} FROM records "
                 "WHERE type = 'jobs' GROUP BY s ORDER BY s")
        measure = q(f"SELECT coalesce(measure, 'unknown') AS m, currency, count(*) AS n, {db.total('value')} "
                    "FROM records WHERE type = 'money' GROUP BY m, currency ORDER BY n DESC, m, currency")
    else:
        jobs = q(f"SELECT 'all', count(*), {db.total('value')} FROM records WHERE type = 'jobs'")
        measure = None
    return Figures(
        source=db.name, documents=n_docs, records=q("SELECT count(*) FROM records")[0][0], errors=n_errors,
        records_per_type=[(r[0], r[1]) for r in q("SELECT type, count(*) AS n FROM records GROUP BY type ORDER BY n DESC, type")],
        documents_per_month=[(r[0] or "unknown", r[1]) for r in
                             q(f"SELECT {db.month('published')} AS m, count(*) FROM documents GROUP BY m ORDER BY m")],
        money_per_month=[(r[0] or "unknown", r[1], r[2], _dec(r[3])) for r in
                         q(f"SELECT {month} AS m, r.currency, count(*), {db.total('r.value')} FROM records r "
                           "JOIN documents d ON d.doc_id = r.doc_id WHERE r.type = 'money' "
                           "GROUP BY m, r.currency ORDER BY m, r.currency")],
        money_by_currency=[(r[0], r[1], _dec(r[2])) for r in
                           q(f"SELECT currency, count(*) AS n, {db.total('value')} FROM records WHERE type = 'money' "
                             "GROUP BY currency ORDER BY n DESC, currency")],
        money_by_measure=None if measure is None else [(r[0], r[1], r[2], _dec(r[3])) for r in measure],
        top_orgs=top("org"), top_places=top("location"),
        jobs_by_status=[(r[0], r[1], _dec(r[2])) for r in jobs if r[1]],
        errors_by_reason=reasons("SELECT reason FROM errors", "reason"),
        warnings_by_reason=reasons(db.warnings_rows(), "w"),
        facts=facts)


# -- opening a sink ------------------------------------------------------------------------------------

@contextmanager
def open_database(target: str) -> Iterator[Database]:
    """The database behind a ``run`` output: SQLite path, PostgreSQL URL, ``.jsonl`` file or ``.parquet``
    directory (the last two streamed into a temporary SQLite file)."""
    from ..sinks import SinkError, sink_kind

    try:
        kind = sink_kind(target)
    except SinkError as exc:
        raise ReviewError(str(exc)) from None
    if kind == "postgresql":
        from ..sinks.postgres import redact

        try:
            import psycopg
        except ImportError:
            raise ReviewError("a PostgreSQL report needs psycopg: pip install 'kazextract[postgres]'") from None
        try:
            conn = psycopg.connect(target, connect_timeout=10, autocommit=True)
        except Exception as exc:  # noqa: BLE001 - psycopg's many connection errors
            raise ReviewError(f"cannot connect to {redact(target)}: {str(exc).strip()}") from None
        try:
            conn.execute("SET default_transaction_read_only = on")
            yield Database(conn, "postgresql", redact(target))
        finally:
            conn.close()
        return
    path = Path(target)
    if not path.exists():
        raise ReviewError(f"{target}: no such file or directory")
    if kind == "sqlite":
        if path.is_dir():
            raise ReviewError(f"{target} is a directory, not an SQLite database")
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as exc:
                raise ReviewError(f"{target} is not an SQLite database ({exc})") from None
            yield Database(conn, "sqlite", str(path))
        finally:
            conn.close()
        return
    tmp = Path(tempfile.mkdtemp(prefix="kazextract-report-"))
    try:
        conn = sqlite3.connect(str(tmp / "report.sqlite"))
        try:
            _load(conn, path, kind)
            yield Database(conn, "sqlite", str(path))
        finally:
            conn.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# the columns the report reads, and how a temporary copy of a file output holds them
DOC_COLUMNS = ("doc_id", "published", "warnings")
RECORD_COLUMNS = ("doc_id", "idx", "type", "value", "currency", "name", "key", "measure", "status")
TEMP_DDL = (
    "CREATE TABLE documents (doc_id TEXT PRIMARY KEY, published TEXT, warnings TEXT)",
    "CREATE TABLE records (doc_id TEXT, idx INTEGER, type TEXT, value NUMERIC, currency TEXT, name TEXT, key TEXT, "
    "measure TEXT, status TEXT, PRIMARY KEY (doc_id, idx))",
    "CREATE TABLE errors (reason TEXT)",
)
TEMP_INDEXES = ("CREATE INDEX t_type ON records (type, name)",)
BATCH = 5000


def _load(conn: sqlite3.Connection, path: Path, kind: str) -> None:
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    for stmt in TEMP_DDL:
        conn.execute(stmt)
    rows_of = _jsonl_rows if kind == "jsonl" else _parquet_rows
    sql = {"documents": "INSERT OR REPLACE INTO documents VALUES (?, ?, ?)",
           "records": f"INSERT OR REPLACE INTO records VALUES ({', '.join('?' * len(RECORD_COLUMNS))})",
           "errors": "INSERT INTO errors VALUES (?)"}
    pending: Dict[str, list] = {t: [] for t in sql}
    for table, row in rows_of(path):
        pending[table].append(row)
        if len(pending[table]) >= BATCH:
            conn.executemany(sql[table], pending[table])
            pending[table] = []
    for table, rows in pending.items():
        conn.executemany(sql[table], rows)
    for stmt in TEMP_INDEXES:
        conn.execute(stmt)
    conn.commit()


def _number(v):
    return None if v is None else str(v)


def _jsonl_rows(path: Path):
    from ..sinks.jsonl import default_errors_path

    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line, parse_float=Decimal)
                doc_id = str(d["doc_id"])
            except (ValueError, KeyError, TypeError):
                raise ReviewError(f"{path}:{lineno}: not a kazextract output line") from None
            yield "documents", (doc_id, d.get("published"), json.dumps(d.get("warnings") or [], ensure_ascii=False))
            for idx, r in enumerate(d.get("records") or []):
                yield "records", (doc_id, idx, r.get("type"), _number(r.get("value")), r.get("currency"),
                                  r.get("name"), r.get("key"), r.get("measure"), r.get("status"))
    errors = default_errors_path(path)
    if errors.exists():
        with open(errors, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    try:
                        yield "errors", (str(json.loads(line).get("reason")),)
                    except (ValueError, AttributeError):
                        continue


def _parquet_rows(path: Path):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ReviewError("a Parquet report needs pyarrow: pip install 'kazextract[parquet]'") from None
    wanted = {"documents": DOC_COLUMNS, "records": RECORD_COLUMNS, "errors": ("reason",)}
    for table, columns in wanted.items():
        for part in sorted((path / table).glob("*.parquet")):
            f = pq.ParquetFile(part)
            have = set(f.schema_arrow.names)
            read = [c for c in columns if c in have]
            for batch in f.iter_batches(columns=read, batch_size=BATCH):
                data = batch.to_pydict()
                for i in range(batch.num_rows):
                    row = [data[c][i] if c in data else None for c in columns]
                    if table == "documents":
                        row[1] = None if row[1] is None else row[1].isoformat()
                    elif table == "records":
                        row[3] = _number(row[3])
                    yield table, tuple(row)

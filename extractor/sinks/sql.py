"""What the SQLite and PostgreSQL sinks share: the tables of :mod:`.schema`, one transaction per batch of
documents, each document's rows written inside a savepoint (a document the database refuses is rolled
back alone and reported; the batch goes on). Documents and their "done" state are the same rows, so a
batch's documents are either all stored or (after a crash) all absent, and the next run redoes exactly
those.

A failure of the database itself (disk full, I/O error, lost connection) is not a document's: it stops
the run with :class:`SinkError` (one line naming the cause); the open transaction is rolled back, so the
database holds the earlier batches and the same command resumes exactly.

Before anything is written, the database is checked (:func:`.schema.check_existing`): one that
kazextract did not create, or of another schema version, is refused and left as it is."""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Set

from ..records import Document
from . import schema
from .base import REPLACED, UNCHANGED, WRITTEN, Sink, SinkError, StoreError, utcnow
from .errors_file import check_errors_file, write_errors_jsonl

LOOKUP_CHUNK = 500


class SqlSink(Sink):
    dialect = ""
    placeholder = "?"

    def __init__(self, where: str, errors_path=None):
        self.where = where
        self.errors_path = errors_path
        if errors_path is not None:
            check_errors_file(errors_path)
        ph = self.placeholder
        self._insert = {t.name: f"INSERT INTO {t.name} ({', '.join(schema.quote(n) for n in t.names)}) "
                                f"VALUES ({', '.join([ph] * len(t.columns))})"
                        for t in schema.TABLES}
        self._in_txn = False

    def close(self):
        """Commit what is pending, export the errors to ``--errors FILE`` (when given) and close the
        connection (again: nothing)."""
        if self.conn is None:
            return
        self.commit()
        try:
            self._export_errors()
        finally:
            self.conn.close()
            self.conn = None

    # -- to implement ---------------------------------------------------------------------------
    def _execute(self, sql: str, params=()):
        raise NotImplementedError

    def _executemany(self, sql: str, rows: List[tuple]):
        raise NotImplementedError

    def _query(self, sql: str, params=()) -> list:
        raise NotImplementedError

    def _begin(self):
        raise NotImplementedError

    def _savepoint(self, action: str):
        """``begin``, ``release`` or ``rollback`` the savepoint around one document."""
        raise NotImplementedError

    def _upsert_document(self, row: tuple, sha: str) -> Optional[str]:
        """Store the document row unless a row with the same sha exists: WRITTEN, REPLACED or UNCHANGED."""
        raise NotImplementedError

    def _upsert_error(self, row: tuple):
        raise NotImplementedError

    def _in_list(self, column: str, n: int) -> str:
        raise NotImplementedError

    def _list_param(self, values: List[str]) -> tuple:
        raise NotImplementedError

    # -- shared ---------------------------------------------------------------------------------
    def _existing_columns(self, table: str) -> List[str]:
        raise NotImplementedError

    def _relations(self) -> List[str]:
        """The tables and views of the database (SQLite) or of the current schema (PostgreSQL)."""
        raise NotImplementedError

    def _is_fault(self, exc: BaseException) -> bool:
        """True when ``exc`` is the database's failure (disk full, I/O error, connection lost), not one
        document's: the run must stop (one line, exit 2) instead of recording the document as failed."""
        raise NotImplementedError

    def _fault(self, exc: BaseException) -> SinkError:
        cause = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return SinkError(f"cannot write to {self.where}: {cause} (the batch in progress was not stored; the "
                         "database keeps every earlier batch: fix the cause and run the same command to resume)")

    def _setup_schema(self):
        """Inside a transaction that holds the schema lock: refuse a database we did not create or of
        another schema version, else create what is missing (tables, columns of newer record fields,
        views)."""
        present = self._relations()
        version = None
        if "kazextract_meta" in present:
            found = self._query("SELECT value FROM kazextract_meta WHERE key = 'schema_version'")
            version = found[0][0] if found else None
        schema.check_existing(self.where, present, version, whole_database=self.dialect == "sqlite")
        for stmt in schema.ddl(self.dialect):
            self._execute(stmt)
        self._migrate()
        ph = self.placeholder
        upsert = (f"INSERT INTO kazextract_meta (key, value) VALUES ({ph}, {ph}) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        self._execute(upsert, ("schema_version", str(schema.SCHEMA_VERSION)))
        found = self._query("SELECT value FROM kazextract_meta WHERE key = 'views'")
        signature = schema.views_signature()
        if not found or found[0][0] != signature:
            for stmt in schema.view_ddl():
                self._execute(stmt)
            self._execute(upsert, ("views", signature))

    def _migrate(self):
        """Add the columns a newer version of the record models has to an existing database."""
        for table in schema.TABLES:
            for col in schema.missing_columns(table, self._existing_columns(table.name)):
                self._execute(f"ALTER TABLE {table.name} ADD COLUMN {schema.column_sql(col, self.dialect)}")

    def _chunks(self, values: Iterable[str]):
        values = list(dict.fromkeys(v for v in values if v is not None))
        for i in range(0, len(values), LOOKUP_CHUNK):
            yield values[i:i + LOOKUP_CHUNK]

    def _read(self, sql: str, params) -> list:
        try:
            return self._query(sql, params)
        except Exception as exc:  # noqa: BLE001
            if self._is_fault(exc):
                raise self._fault(exc) from None
            raise

    def lookup(self, doc_ids: Iterable[str]) -> Dict[str, str]:
        out = {}
        for chunk in self._chunks(doc_ids):
            sql = f"SELECT doc_id, text_sha256 FROM documents WHERE {self._in_list('doc_id', len(chunk))}"
            out.update(self._read(sql, self._list_param(chunk)))
        return out

    def failed(self, locations: Iterable[str]) -> Set[str]:
        out = set()
        for chunk in self._chunks(locations):
            sql = f"SELECT location FROM errors WHERE {self._in_list('location', len(chunk))}"
            out.update(r[0] for r in self._read(sql, self._list_param(chunk)))
        return out

    def write(self, doc: Document, location: Optional[str]) -> str:
        self._begin()
        now = utcnow()
        drow = schema.as_tuple(schema.DOCUMENTS, schema.document_row(doc, location, now), self.dialect)
        rrows = [schema.as_tuple(schema.RECORDS, r, self.dialect) for r in schema.record_rows(doc)]
        srows = [schema.as_tuple(schema.SENTENCES, r, self.dialect) for r in schema.sentence_rows(doc)]
        try:
            self._savepoint("begin")
            status = self._upsert_document(drow, doc.text_sha256)
            if status != UNCHANGED:
                if status == REPLACED:
                    self._execute(f"DELETE FROM records WHERE doc_id = {self.placeholder}", (doc.doc_id,))
                    self._execute(f"DELETE FROM sentences WHERE doc_id = {self.placeholder}", (doc.doc_id,))
                if rrows:
                    self._executemany(self._insert["records"], rrows)
                if srows:
                    self._executemany(self._insert["sentences"], srows)
                if location is not None:
                    self._execute(f"DELETE FROM errors WHERE location = {self.placeholder}", (location,))
        except Exception as exc:  # noqa: BLE001 - the database refused this document only, or failed
            if self._is_fault(exc):
                raise self._fault(exc) from None
            try:
                self._savepoint("rollback")
            except Exception as again:  # noqa: BLE001 - the transaction itself is gone
                raise self._fault(exc) from again
            raise StoreError(f"{type(exc).__name__}: {exc}".strip()) from exc
        try:
            self._savepoint("release")
        except Exception as exc:  # noqa: BLE001
            raise self._fault(exc) from None
        return status

    def error(self, location: str, doc_id: Optional[str], reason: str) -> None:
        try:
            self._begin()
            self._upsert_error(schema.as_tuple(schema.ERRORS, schema.error_row(location, doc_id, reason,
                                                                                 utcnow()), self.dialect))
        except (StoreError, SinkError):
            raise
        except Exception as exc:  # noqa: BLE001
            if self._is_fault(exc):
                raise self._fault(exc) from None
            raise StoreError(f"{type(exc).__name__}: {exc}".strip()) from exc

    def commit(self) -> None:
        try:
            self._commit()
        except SinkError:
            raise
        except Exception as exc:  # noqa: BLE001 - a failed COMMIT is never one document's fault
            raise self._fault(exc) from None

    def _commit(self) -> None:
        raise NotImplementedError

    def _export_errors(self) -> None:
        """``--errors FILE`` with a database: the errors table also as JSON Lines."""
        if self.errors_path is not None:
            rows = self._query("SELECT location, doc_id, reason, failed_at FROM errors ORDER BY location")
            write_errors_jsonl(self.errors_path, [(loc, doc_id, reason, at if isinstance(at, str) else
                                                   at.isoformat()) for loc, doc_id, reason, at in rows])

    def count(self, table: str) -> int:
        return self._query(f"SELECT count(*) FROM {table}")[0][0]


__all__ = ["SqlSink", "StoreError", "WRITTEN", "REPLACED", "UNCHANGED"]

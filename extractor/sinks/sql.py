"""What the SQLite and PostgreSQL sinks share: the tables of :mod:`.schema`, one transaction per batch of
documents, each document's rows written inside a savepoint (a document the database refuses is rolled
back alone and reported; the batch goes on). Documents and their "done" state are the same rows, so a
batch's documents are either all stored or (after a crash) all absent, and the next run redoes exactly
those."""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Set

from ..records import Document
from . import schema
from .base import REPLACED, UNCHANGED, WRITTEN, Sink, StoreError, utcnow

LOOKUP_CHUNK = 500


class SqlSink(Sink):
    dialect = ""
    placeholder = "?"

    def __init__(self):
        ph = self.placeholder
        self._insert = {t.name: f"INSERT INTO {t.name} ({', '.join(schema.quote(n) for n in t.names)}) "
                                f"VALUES ({', '.join([ph] * len(t.columns))})"
                        for t in schema.TABLES}
        self._in_txn = False

    def close(self):
        """Commit what is pending and close the connection (again: nothing)."""
        if self.conn is None:
            return
        self.commit()
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

    def _migrate(self):
        """Add the columns a newer version of the record models has to an existing database."""
        for table in schema.TABLES:
            for col in schema.missing_columns(table, self._existing_columns(table.name)):
                self._execute(f"ALTER TABLE {table.name} ADD COLUMN {schema.column_sql(col, self.dialect)}")

    def _chunks(self, values: Iterable[str]):
        values = list(dict.fromkeys(v for v in values if v is not None))
        for i in range(0, len(values), LOOKUP_CHUNK):
            yield values[i:i + LOOKUP_CHUNK]

    def lookup(self, doc_ids: Iterable[str]) -> Dict[str, str]:
        out = {}
        for chunk in self._chunks(doc_ids):
            sql = f"SELECT doc_id, text_sha256 FROM documents WHERE {self._in_list('doc_id', len(chunk))}"
            out.update(self._query(sql, self._list_param(chunk)))
        return out

    def failed(self, locations: Iterable[str]) -> Set[str]:
        out = set()
        for chunk in self._chunks(locations):
            sql = f"SELECT location FROM errors WHERE {self._in_list('location', len(chunk))}"
            out.update(r[0] for r in self._query(sql, self._list_param(chunk)))
        return out

    def write(self, doc: Document, location: Optional[str]) -> str:
        self._begin()
        now = utcnow()
        drow = schema.as_tuple(schema.DOCUMENTS, schema.document_row(doc, location, now), self.dialect)
        rrows = [schema.as_tuple(schema.RECORDS, r, self.dialect) for r in schema.record_rows(doc)]
        self._savepoint("begin")
        try:
            status = self._upsert_document(drow, doc.text_sha256)
            if status != UNCHANGED:
                if status == REPLACED:
                    self._execute(f"DELETE FROM records WHERE doc_id = {self.placeholder}", (doc.doc_id,))
                if rrows:
                    self._executemany(self._insert["records"], rrows)
                if location is not None:
                    self._execute(f"DELETE FROM errors WHERE location = {self.placeholder}", (location,))
        except Exception as exc:  # noqa: BLE001 - the database refused this document only
            self._savepoint("rollback")
            raise StoreError(f"{type(exc).__name__}: {exc}".strip()) from exc
        self._savepoint("release")
        return status

    def error(self, location: str, doc_id: Optional[str], reason: str) -> None:
        self._begin()
        self._upsert_error(schema.as_tuple(schema.ERRORS, schema.error_row(location, doc_id, reason, utcnow()),
                                           self.dialect))

    def count(self, table: str) -> int:
        return self._query(f"SELECT count(*) FROM {table}")[0][0]


__all__ = ["SqlSink", "StoreError", "WRITTEN", "REPLACED", "UNCHANGED"]

"""SQLite, the embedded default (``--db results.sqlite``).

The database runs in WAL mode with ``synchronous=NORMAL``: a committed batch survives the process being
killed; after a power cut the last batches may be missing, never half there, and the next run redoes
them. Several processes may write the same file (a Dask run on one machine): each batch takes the write
lock for the time of its transaction and the others wait (up to ``timeout`` seconds).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import List, Optional

from . import schema
from .base import REPLACED, UNCHANGED, WRITTEN, SinkError
from .sql import SqlSink


class SqliteSink(SqlSink):
    dialect = "sqlite"
    placeholder = "?"
    shared = True

    def __init__(self, path, timeout: float = 120.0):
        super().__init__()
        self.path = Path(path)
        self.errors_where = f"the errors table of {self.path}"
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise SinkError(f"cannot open the SQLite database {self.path}: {exc}") from None
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("BEGIN IMMEDIATE")
            for stmt in schema.ddl("sqlite"):
                self.conn.execute(stmt)
            self._migrate()
            self.conn.execute("INSERT OR IGNORE INTO kazextract_meta VALUES ('schema_version', ?)",
                              (str(schema.SCHEMA_VERSION),))
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise SinkError(f"{self.path} is not a usable SQLite database: {exc}") from None
        doc_cols = ", ".join(schema.quote(n) for n in schema.DOCUMENTS.names)
        self._replace_doc = (f"INSERT OR REPLACE INTO documents ({doc_cols}) "
                             f"VALUES ({', '.join('?' * len(schema.DOCUMENTS.columns))})")
        err_cols = ", ".join(schema.quote(n) for n in schema.ERRORS.names)
        self._replace_err = f"INSERT OR REPLACE INTO errors ({err_cols}) VALUES (?, ?, ?, ?)"

    def _execute(self, sql, params=()):
        self.conn.execute(sql, params)

    def _executemany(self, sql, rows):
        self.conn.executemany(sql, rows)

    def _query(self, sql, params=()):
        return self.conn.execute(sql, params).fetchall()

    def _existing_columns(self, table: str) -> List[str]:
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")]

    def _in_list(self, column, n):
        return f"{column} IN ({', '.join('?' * n)})"

    def _list_param(self, values):
        return tuple(values)

    def _begin(self):
        if not self._in_txn:
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_txn = True

    def _savepoint(self, action):
        if action == "begin":
            self.conn.execute("SAVEPOINT doc")
        elif action == "release":
            self.conn.execute("RELEASE doc")
        else:
            self.conn.execute("ROLLBACK TO doc")
            self.conn.execute("RELEASE doc")

    def _upsert_document(self, row: tuple, sha: str) -> Optional[str]:
        old = self.conn.execute("SELECT text_sha256 FROM documents WHERE doc_id = ?", (row[0],)).fetchone()
        if old is not None and old[0] == sha:
            return UNCHANGED
        self.conn.execute(self._replace_doc, row)
        return REPLACED if old is not None else WRITTEN

    def _upsert_error(self, row):
        self.conn.execute(self._replace_err, row)

    def commit(self):
        if self._in_txn:
            self.conn.execute("COMMIT")
            self._in_txn = False

    def abort(self):
        if self.conn is None:
            return
        if self._in_txn:
            self.conn.execute("ROLLBACK")
            self._in_txn = False
        self.conn.close()
        self.conn = None

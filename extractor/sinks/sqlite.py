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


# SQLite result codes that are the database's failure, not one document's: BUSY (after the timeout),
# LOCKED, NOMEM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
FAULT_CODES = {5, 6, 7, 8, 10, 11, 13, 14, 26}


class SqliteSink(SqlSink):
    dialect = "sqlite"
    placeholder = "?"
    shared = True

    def __init__(self, path, timeout: float = 120.0, errors_path=None):
        self.path = Path(path)
        super().__init__(str(self.path), errors_path)
        self.errors_where = f"the errors table of {self.path}" + (f" and {errors_path}" if errors_path else "")
        if self.path.is_dir():
            raise SinkError(f"{self.path} is a directory, not an SQLite database file")
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise SinkError(f"cannot open the SQLite database {self.path}: {exc}") from None
        try:
            # look before writing anything: another program's file is left exactly as it is
            present = self._relations()
            version = (self._query("SELECT value FROM kazextract_meta WHERE key = 'schema_version'")
                       if "kazextract_meta" in present else [])
            schema.check_existing(self.where, present, version[0][0] if version else None, whole_database=True)
            self.conn.execute("BEGIN IMMEDIATE")
            self._setup_schema()  # again, under the write lock (another process may have created it since)
            self.conn.execute("COMMIT")
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
        except SinkError:
            self._close_quietly()
            raise
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise SinkError(f"{self.path} is not a usable SQLite database ({exc}); kazextract does not change "
                            "files it did not create: choose another --db") from None
        doc_cols = ", ".join(schema.quote(n) for n in schema.DOCUMENTS.names)
        self._replace_doc = (f"INSERT OR REPLACE INTO documents ({doc_cols}) "
                             f"VALUES ({', '.join('?' * len(schema.DOCUMENTS.columns))})")
        err_cols = ", ".join(schema.quote(n) for n in schema.ERRORS.names)
        self._replace_err = f"INSERT OR REPLACE INTO errors ({err_cols}) VALUES (?, ?, ?, ?)"

    def _close_quietly(self):
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        self.conn.close()
        self.conn = None

    def _relations(self) -> List[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")]

    def _is_fault(self, exc) -> bool:
        if not isinstance(exc, sqlite3.Error) or isinstance(exc, sqlite3.IntegrityError):
            return False
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in FAULT_CODES
        return isinstance(exc, sqlite3.OperationalError) and "disk" in str(exc)

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
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._fault(exc) from None
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

    def _commit(self):
        if self._in_txn:
            self._in_txn = False
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def abort(self):
        if self.conn is None:
            return
        self._in_txn = False
        self._close_quietly()

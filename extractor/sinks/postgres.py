"""PostgreSQL (``--db postgresql://user:password@host/dbname``), the same tables as SQLite.

Written in transactions of a batch of documents; each document in a savepoint. ``INSERT ... ON CONFLICT
(doc_id) DO UPDATE ... WHERE text_sha256 IS DISTINCT FROM ...`` makes writing the same document twice a
no-op and locks the row, so several writers (a Dask run) can store the same document at once without
duplicating it. The tables go in the connection's current schema (set ``?options=-csearch_path%3Dname``
in the URL to use another one).
"""
from __future__ import annotations

from typing import List, Optional

from . import schema
from .base import REPLACED, UNCHANGED, WRITTEN, SinkError
from .sql import SqlSink


def redact(dsn: str) -> str:
    """The URL without its password, for messages."""
    import re

    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)


class PostgresSink(SqlSink):
    dialect = "postgresql"
    placeholder = "%s"
    shared = True

    def __init__(self, dsn: str, connect_timeout: int = 10, errors_path=None):
        super().__init__(redact(dsn), errors_path)
        try:
            import psycopg
        except ImportError:
            raise SinkError("the PostgreSQL sink needs psycopg: pip install 'kazextract[postgres]'") from None
        self.dsn = dsn
        self.errors_where = f"the errors table of {redact(dsn)}" + (f" and {errors_path}" if errors_path else "")
        try:
            self.conn = psycopg.connect(dsn, connect_timeout=connect_timeout, autocommit=False)
        except psycopg.Error as exc:
            raise SinkError(f"cannot connect to {redact(dsn)}: {str(exc).strip()}") from None
        try:
            with self.conn.transaction():
                # several workers may open the same fresh database at once
                self.conn.execute("SELECT pg_advisory_xact_lock(hashtext('kazextract schema'))")
                self._setup_schema()
        except SinkError:
            self.conn.close()
            self.conn = None
            raise
        except psycopg.Error as exc:
            self.conn.close()
            self.conn = None
            raise SinkError(f"cannot set up the tables in {redact(dsn)}: {str(exc).strip().splitlines()[0]}") from None
        cols = schema.DOCUMENTS.names
        quoted = ", ".join(schema.quote(n) for n in cols)
        updates = ", ".join(f"{schema.quote(n)} = EXCLUDED.{schema.quote(n)}" for n in cols if n != "doc_id")
        self._upsert_doc = (f"INSERT INTO documents ({quoted}) VALUES ({', '.join(['%s'] * len(cols))}) "
                            f"ON CONFLICT (doc_id) DO UPDATE SET {updates} "
                            "WHERE documents.text_sha256 IS DISTINCT FROM EXCLUDED.text_sha256 "
                            "RETURNING (xmax = 0) AS inserted")
        ecols = schema.ERRORS.names
        eupdates = ", ".join(f"{schema.quote(n)} = EXCLUDED.{schema.quote(n)}" for n in ecols if n != "location")
        self._upsert_err = (f"INSERT INTO errors ({', '.join(schema.quote(n) for n in ecols)}) "
                            f"VALUES ({', '.join(['%s'] * len(ecols))}) ON CONFLICT (location) DO UPDATE SET {eupdates}")
        self._savepoints = []

    def _execute(self, sql, params=()):
        self.conn.execute(sql, params)

    def _executemany(self, sql, rows):
        with self.conn.cursor() as cur:
            cur.executemany(sql, rows)

    def _query(self, sql, params=()):
        return self.conn.execute(sql, params).fetchall()

    def _relations(self) -> List[str]:
        rows = self.conn.execute("SELECT table_name FROM information_schema.tables "
                                 "WHERE table_schema = current_schema()").fetchall()
        return [r[0] for r in rows]

    def _is_fault(self, exc) -> bool:
        import psycopg

        # class 53 (disk full, out of memory), 57/58 (shutdown, I/O), 08 (connection) are OperationalErrors
        return isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError))

    def _existing_columns(self, table: str) -> List[str]:
        rows = self.conn.execute("SELECT column_name FROM information_schema.columns "
                                 "WHERE table_schema = current_schema() AND table_name = %s", (table,)).fetchall()
        return [r[0] for r in rows]

    def _in_list(self, column, n):
        return f"{column} = ANY(%s)"

    def _list_param(self, values):
        return (list(values),)

    def _begin(self):
        self._in_txn = True  # psycopg opens the transaction with the first statement

    def _savepoint(self, action):
        if action == "begin":
            self.conn.execute("SAVEPOINT doc")
        elif action == "release":
            self.conn.execute("RELEASE SAVEPOINT doc")
        else:
            self.conn.execute("ROLLBACK TO SAVEPOINT doc")
            self.conn.execute("RELEASE SAVEPOINT doc")

    def _upsert_document(self, row: tuple, sha: str) -> Optional[str]:
        found = self.conn.execute(self._upsert_doc, row).fetchone()
        if found is None:
            return UNCHANGED
        return WRITTEN if found[0] else REPLACED

    def _upsert_error(self, row):
        self.conn.execute(self._upsert_err, row)

    def _commit(self):
        self._in_txn = False
        self.conn.commit()  # lookups open a transaction too

    def abort(self):
        if self.conn is None:
            return
        try:
            self.conn.rollback()
        except Exception:  # noqa: BLE001 - the connection may be gone (the reason we abort)
            pass
        finally:
            self.conn.close()
            self.conn = None

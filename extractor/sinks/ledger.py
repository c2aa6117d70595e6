"""The state file of a file sink (JSON Lines, Parquet): which documents the output holds, where, and the
errors; an SQLite database committed right after the output it describes was flushed to disk.

Tables: ``done(doc_id, text_sha256, pos)`` (``pos``: the line's byte offset in a JSON Lines file, the part
number in a Parquet dataset), ``errors(location, doc_id, reason, failed_at)``, ``dirty(pos)`` (Parquet parts
holding a replaced document) and ``state(key, value)`` (the committed size of the output, ...).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Dict, Iterable, List, Set, Tuple

from .base import SinkError

CHUNK = 500


class Ledger:
    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=120, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("CREATE TABLE IF NOT EXISTS done (doc_id TEXT PRIMARY KEY, text_sha256 TEXT NOT NULL, "
                              "pos INTEGER NOT NULL)")
            self.conn.execute("CREATE INDEX IF NOT EXISTS done_pos ON done (pos)")
            self.conn.execute("CREATE TABLE IF NOT EXISTS errors (location TEXT PRIMARY KEY, doc_id TEXT, "
                              "reason TEXT NOT NULL, failed_at TEXT NOT NULL)")
            self.conn.execute("CREATE TABLE IF NOT EXISTS dirty (pos INTEGER PRIMARY KEY)")
            self.conn.execute("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value)")
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise SinkError(f"{self.path} is not a usable state file: {exc}") from None

    def get(self, key: str, default=None):
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return default if row is None or row[0] is None else row[0]

    def set(self, key: str, value) -> None:
        """Inside a transaction."""
        self.conn.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (key, value))

    def begin(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self):
        self.conn.execute("COMMIT")

    def rollback(self):
        if self.conn.in_transaction:  # SQLite may have rolled back by itself (disk full)
            self.conn.execute("ROLLBACK")

    @staticmethod
    def _chunks(values: Iterable[str]):
        values = list(dict.fromkeys(values))
        for i in range(0, len(values), CHUNK):
            yield values[i:i + CHUNK]

    def lookup(self, doc_ids: Iterable[str]) -> Dict[str, Tuple[str, int]]:
        out = {}
        for chunk in self._chunks(doc_ids):
            rows = self.conn.execute(f"SELECT doc_id, text_sha256, pos FROM done WHERE doc_id IN "
                                     f"({', '.join('?' * len(chunk))})", chunk)
            out.update((d, (s, p)) for d, s, p in rows)
        return out

    def failed(self, locations: Iterable[str]) -> Set[str]:
        out = set()
        for chunk in self._chunks(locations):
            rows = self.conn.execute(f"SELECT location FROM errors WHERE location IN "
                                     f"({', '.join('?' * len(chunk))})", chunk)
            out.update(r[0] for r in rows)
        return out

    def record(self, done: List[Tuple[str, str, int]], errors: List[tuple], cleared: Iterable[str]) -> None:
        """Inside a transaction: documents now in the output, errors, locations whose error is gone."""
        self.conn.executemany("INSERT OR REPLACE INTO done VALUES (?, ?, ?)", done)
        self.conn.executemany("INSERT OR REPLACE INTO errors VALUES (?, ?, ?, ?)", errors)
        self.conn.executemany("DELETE FROM errors WHERE location = ?", [(c,) for c in cleared])

    def errors(self):
        return self.conn.execute("SELECT location, doc_id, reason, failed_at FROM errors ORDER BY location")

    def count(self, table: str) -> int:
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def close(self):
        self.conn.close()


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable."""
    try:
        fd = os.open(str(path), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(f) -> None:
    f.flush()
    os.fsync(f.fileno())


def remove(paths: Iterable[Path]) -> None:
    for p in paths:
        try:
            p.unlink()
        except FileNotFoundError:
            pass

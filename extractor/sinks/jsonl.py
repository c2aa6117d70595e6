"""JSON Lines (``--out records.jsonl``): one contract document per line, as ``kazextract extract`` writes.

Next to the output: ``records.jsonl.state.sqlite`` (the ledger: which documents the file holds, at which
byte offset, the errors) and, when documents failed, ``records.errors.jsonl`` (rewritten at the end of
each run). Lines are in the order documents finish, not the input order.

Exactly once after a crash: the ledger's committed ``size`` is the end of the last batch that was written
and synced; on start the file is truncated to it. Compaction (when documents were replaced) copies the
live lines to ``records.jsonl.compact.tmp``, records the new offsets and ``pending_size`` in one ledger
transaction, then renames the copy over the output; a crash in between is finished on the next start.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional, Tuple

from ..records import Document
from .base import SinkError
from .errors_file import check_errors_file
from .files import Entry, FileSink
from .ledger import Ledger, fsync_dir, fsync_file, remove


def default_errors_path(path: Path) -> Path:
    name = path.name
    stem = name[: -len(".jsonl")] if name.endswith(".jsonl") else name
    return path.with_name(stem + ".errors.jsonl")


class JsonlSink(FileSink):
    commit_docs = 500
    commit_seconds = 2.0

    def __init__(self, path, errors_path: Optional[Path] = None):
        self.path = Path(path)
        self.where = str(self.path)
        state = self.path.with_name(self.path.name + ".state.sqlite")
        if self.path.exists() and self.path.stat().st_size and not state.exists():
            raise SinkError(f"{self.path} exists and was not written by 'kazextract run' (no {state.name} next "
                            "to it): move it away or choose another --out")
        errors_path = Path(errors_path) if errors_path else default_errors_path(self.path)
        check_errors_file(errors_path)  # before anything is created
        super().__init__(Ledger(state), errors_path)
        self.errors_where = str(errors_path)
        self._tmp = self.path.with_name(self.path.name + ".compact.tmp")
        self._recover_compaction()
        self.size = int(self.ledger.get("size", 0))
        mode = "r+b" if self.path.exists() else "w+b"
        self.f = open(self.path, mode)
        actual = os.fstat(self.f.fileno()).st_size
        if actual < self.size:
            self.f.close()
            raise SinkError(f"{self.path} is shorter ({actual} bytes) than its state file says ({self.size}): it "
                            f"was changed outside kazextract; remove {state.name} to start over")
        if actual > self.size:  # a batch written but never committed: the next run redoes it
            self.f.truncate(self.size)
            fsync_file(self.f)

    def _recover_compaction(self):
        pending = self.ledger.get("pending_size")
        if pending is None:
            remove([self._tmp])  # an unfinished copy: the output is still the old file
            return
        if self._tmp.exists():
            os.replace(self._tmp, self.path)
            fsync_dir(self.path.parent)
        self.ledger.begin()
        self.ledger.set("size", int(pending))
        self.ledger.set("pending_size", None)
        self.ledger.commit()

    def _serialize(self, doc: Document, location):
        return (doc.to_json() + "\n").encode("utf-8")

    def _flush(self, entries: List[Tuple[str, Entry]]):
        self.f.seek(self.size)
        pos, done = self.size, []
        for doc_id, e in entries:
            self.f.write(e.payload)
            done.append((doc_id, e.sha, pos))
            pos += len(e.payload)
        fsync_file(self.f)
        self.ledger.set("size", pos)
        self.size = pos
        return done

    def _compact(self):
        if not int(self.ledger.get("superseded", 0)):
            return
        conn = self.ledger.conn
        self.ledger.begin()
        try:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS moved (doc_id TEXT PRIMARY KEY, pos INTEGER)")
            conn.execute("DELETE FROM moved")
            new_pos, batch = 0, []
            with open(self.path, "rb") as src, open(self._tmp, "wb") as dst:
                for doc_id, pos in conn.cursor().execute("SELECT doc_id, pos FROM done ORDER BY pos"):
                    src.seek(pos)
                    line = src.readline()
                    dst.write(line)
                    batch.append((doc_id, new_pos))
                    new_pos += len(line)
                    if len(batch) >= 10000:
                        conn.executemany("INSERT INTO moved VALUES (?, ?)", batch)
                        batch = []
                conn.executemany("INSERT INTO moved VALUES (?, ?)", batch)
                fsync_file(dst)
            conn.execute("UPDATE done SET pos = (SELECT pos FROM moved WHERE moved.doc_id = done.doc_id)")
            self.ledger.set("pending_size", new_pos)
            self.ledger.set("superseded", 0)
            self.ledger.commit()
        except BaseException:
            self.ledger.rollback()
            remove([self._tmp])
            raise
        self.f.close()
        os.replace(self._tmp, self.path)
        fsync_dir(self.path.parent)
        self.ledger.begin()
        self.ledger.set("size", new_pos)
        self.ledger.set("pending_size", None)
        self.ledger.commit()
        self.size = new_pos
        self.f = open(self.path, "r+b")

    def _finish(self):
        self.export_errors_jsonl(self.errors_path)

    def _discard(self):
        if self.f.closed or self.ledger.get("pending_size") is not None:
            return
        try:
            self.f.close()  # first: a write still buffered must not land after the cut
        except OSError:
            pass  # the disk is full: the buffer is dropped, the file descriptor closed all the same
        os.truncate(self.path, int(self.ledger.get("size", 0)))

    def _release(self):
        if not self.f.closed:
            self.f.close()

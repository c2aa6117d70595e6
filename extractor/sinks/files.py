"""What the file sinks (JSON Lines, Parquet) share: a buffer of the batch being written and a
:class:`~.ledger.Ledger` next to the output.

A commit first writes the batch to the output and forces it to disk, then records in the ledger (one
SQLite transaction) which documents it holds and where. A crash between the two leaves output the ledger
does not know about; the next start cuts it away (JSON Lines: truncate to the committed size; Parquet:
delete the uncommitted parts), so no document is lost or written twice.

A document whose text changed (same ``doc_id``, new ``text_sha256``) is written again and the ledger
points at the new copy; the old copy is removed when the sink is closed (compaction), so a finished run's
output holds each ``doc_id`` once.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

from ..records import Document
from .base import REPLACED, UNCHANGED, WRITTEN, Sink, SinkError, StoreError, utcnow
from .errors_file import check_errors_file, write_errors_jsonl
from .ledger import Ledger


@dataclass
class Entry:
    payload: object  # what the sink writes for the document (bytes of a JSON line, Arrow tables ...)
    sha: str
    location: Optional[str]
    replaces: Optional[int]  # ledger position of the copy this one replaces


class FileSink(Sink):
    where = "the output"
    def __init__(self, ledger: Ledger, errors_path: Optional[Path] = None):
        if errors_path is not None:
            try:
                check_errors_file(errors_path)
            except SinkError:
                ledger.close()
                raise
        self.ledger = ledger
        self.errors_path = errors_path
        self.buffer: Dict[str, Entry] = {}
        self.err_buffer: Dict[str, tuple] = {}
        self.cleared: Set[str] = set()
        self.closed = False

    # -- to implement -----------------------------------------------------------------------------
    def _serialize(self, doc: Document, location: Optional[str]) -> object:
        raise NotImplementedError

    def _flush(self, entries: List[Tuple[str, Entry]]) -> List[Tuple[str, str, int]]:
        """Write the entries to the output durably; return the ledger rows ``(doc_id, sha, pos)``.
        Called inside the ledger transaction; may :meth:`Ledger.set` state."""
        raise NotImplementedError

    def _compact(self) -> None:
        """Remove superseded copies of replaced documents from the output."""

    def _finish(self) -> None:
        """After the last commit and compaction (export the errors ...)."""

    def _release(self) -> None:
        """Close files."""

    def _discard(self) -> None:
        """On abort: cut away output written after the last commit, when that is cheap (the next start
        does it anyway)."""

    # -- shared -----------------------------------------------------------------------------------
    def lookup(self, doc_ids: Iterable[str]) -> Dict[str, str]:
        doc_ids = list(doc_ids)
        out = {d: sha for d, (sha, _) in self.ledger.lookup(doc_ids).items()}
        out.update((d, self.buffer[d].sha) for d in doc_ids if d in self.buffer)
        return out

    def failed(self, locations: Iterable[str]) -> Set[str]:
        locations = list(locations)
        out = self.ledger.failed(locations) - self.cleared
        out.update(loc for loc in locations if loc in self.err_buffer)
        return out

    def write(self, doc: Document, location: Optional[str]) -> str:
        pending = self.buffer.get(doc.doc_id)
        if pending is not None:
            if pending.sha == doc.text_sha256:
                return UNCHANGED
            replaces, status = pending.replaces, REPLACED
        else:
            stored = self.ledger.lookup([doc.doc_id]).get(doc.doc_id)
            if stored is not None and stored[0] == doc.text_sha256:
                return UNCHANGED
            replaces = stored[1] if stored is not None else None
            status = REPLACED if stored is not None else WRITTEN
        try:
            payload = self._serialize(doc, location)
        except Exception as exc:  # noqa: BLE001 - e.g. text with lone surrogates cannot be UTF-8
            raise StoreError(f"cannot serialise: {type(exc).__name__}: {exc}") from exc
        self.buffer[doc.doc_id] = Entry(payload, doc.text_sha256, location, replaces)
        if location is not None:
            self.err_buffer.pop(location, None)
            self.cleared.add(location)
        return status

    def error(self, location: str, doc_id: Optional[str], reason: str) -> None:
        self.err_buffer[location] = (location, doc_id, reason, utcnow().isoformat())
        self.cleared.discard(location)

    def commit(self) -> None:
        if not (self.buffer or self.err_buffer or self.cleared):
            return
        entries = list(self.buffer.items())
        self.ledger.begin()
        try:
            done = self._flush(entries) if entries else []
            replaced = sum(1 for _, e in entries if e.replaces is not None)
            if replaced:
                self.ledger.set("superseded", int(self.ledger.get("superseded", 0)) + replaced)
            self.ledger.record(done, list(self.err_buffer.values()), self.cleared)
            self.ledger.commit()
        except BaseException as exc:
            try:
                self.ledger.rollback()
            except sqlite3.Error:
                pass  # SQLite rolled back by itself (disk full ...)
            if isinstance(exc, (OSError, sqlite3.Error)):
                # the output's failure, not a document's (disk full, I/O error): one line, and the next run
                # cuts away what this batch wrote and redoes it
                cause = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                raise SinkError(f"cannot write to {self.where}: {cause} (the batch in progress was not stored; "
                                "fix the cause and run the same command to resume)") from None
            raise
        self.buffer.clear()
        self.err_buffer.clear()
        self.cleared.clear()

    def close(self) -> None:
        if self.closed:
            return
        self.commit()
        try:
            self._compact()
            self._finish()
        except (OSError, sqlite3.Error) as exc:
            self.abort()
            cause = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise SinkError(f"cannot finish {self.where}: {cause} (every committed document is kept; fix the "
                            "cause and run the same command again)") from None
        self._release()
        self.ledger.close()
        self.closed = True

    def abort(self) -> None:
        if self.closed:
            return
        self.buffer.clear()
        self.err_buffer.clear()
        try:
            self._discard()
        except (OSError, sqlite3.Error):
            pass
        self._release()
        self.ledger.close()
        self.closed = True

    def export_errors_jsonl(self, path: Path) -> None:
        """Write the ledger's errors as JSON Lines (replacing the file atomically); when there are none,
        remove the file if kazextract wrote it (see :mod:`.errors_file`)."""
        write_errors_jsonl(path, self.ledger.errors())

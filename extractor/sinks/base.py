"""What every sink does, and the guarantees the batch runner relies on.

A sink stores processed documents and the input documents that failed. The runner is its only writer
(in a Dask run, each partition has its own sink object) and calls, in any order:

* :meth:`Sink.lookup` / :meth:`Sink.failed`: which documents are already stored (``doc_id`` →
  ``text_sha256``) and which input locations already have an error, to skip them on a resumed run;
* :meth:`Sink.write`: store a document. Keyed by ``doc_id``: the same ``doc_id`` with the same
  ``text_sha256`` is ``"unchanged"`` (nothing written); with another text it is ``"replaced"`` (the old
  records go); otherwise ``"written"``;
* :meth:`Sink.error`: store an input document that failed (keyed by its location: a later failure of
  the same location replaces the row, a later success removes it);
* :meth:`Sink.commit`: make everything since the last commit durable, atomically: after a crash at any
  moment (``kill -9``) the sink holds exactly the documents of the committed batches, so re-running the
  same inputs writes each missing document once and skips the others;
* :meth:`Sink.close`: commit and finish (file sinks compact replaced documents and export the errors).

A failure of the target itself (disk full, I/O error, a lost connection) is not a document's: ``write``,
``error``, ``commit`` and ``close`` raise :class:`SinkError` with one line naming the cause, what was not
committed is rolled back, and the same run started again resumes exactly.
"""
from __future__ import annotations

import datetime as dt
from typing import Dict, Iterable, Optional, Set

from ..records import Document

WRITTEN, REPLACED, UNCHANGED = "written", "replaced", "unchanged"


class StoreError(Exception):
    """The sink refused one document (the message says why); the run records it as failed and goes on."""


class SinkError(Exception):
    """The sink cannot be used at all (unreachable database, an output file that is not ours ...)."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Sink:
    #: commit after this many documents or this many seconds, whichever comes first
    commit_docs: int = 500
    commit_seconds: float = 2.0
    #: where failed documents end up, for the summary
    errors_where: str = "errors"
    #: whether several processes may write to it at once (a Dask run)
    shared: bool = False

    def lookup(self, doc_ids: Iterable[str]) -> Dict[str, str]:
        raise NotImplementedError

    def failed(self, locations: Iterable[str]) -> Set[str]:
        raise NotImplementedError

    def write(self, doc: Document, location: Optional[str]) -> str:
        raise NotImplementedError

    def error(self, location: str, doc_id: Optional[str], reason: str) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        """Give up without committing (what was not committed is redone by the next run)."""
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None or exc_type is KeyboardInterrupt:
            self.close()
        else:
            self.abort()

"""The batch run: read inputs, skip what the sink already holds, process the rest in workers, write the
results (this process is the only writer), commit regularly, report.

Flow and bounds::

    reader ──chunks of ≤ read_chunk documents──▶ lookups in the sink (resume) ──tasks──▶ workers
        ▲ (pulled only when a worker slot is free)                                        │
        └──────────── sink.write / sink.error ◀── results, in the order they finish ◀─────┘

Memory stays bounded whatever the archive size: the reader is pulled one chunk at a time, and at most
``2 × workers`` tasks (each ≤ ``task_docs`` documents and about ``task_chars`` characters) are in flight.

Resume: a document is skipped when the sink holds its ``doc_id`` with the same ``text_sha256`` (documents
without an id get ``doc_id`` = the first 16 hex digits of ``text_sha256``; a WARC page, whose text is known
only after boilerplate removal, when the sink holds its ``WARC-Record-ID``), or when its input location
already has an error (unless ``retry_errors``). Because sinks commit documents and their done state
atomically, rerunning after a crash at any moment stores every input document exactly once.

Ctrl-C and SIGTERM stop the run cleanly: finished documents are committed, the summary says
"interrupted", and the same command resumes.
"""
from __future__ import annotations

import resource
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator, List, Optional, Sequence

from ..document import text_sha256
from ..io.inputs import FieldMap, iter_inputs
from ..io.reads import InputError, Item
from ..io.safe import make_item, safe_id
from ..io.warc import HtmlPage
from ..sinks.base import UNCHANGED, REPLACED, Sink, StoreError
from .executors import make_executor
from .progress import Progress
from .summary import Summary
from .worker import DONE, Unit, WorkerConfig, peak_rss_kb


@dataclass
class RunOptions:
    workers: int = 1
    task_docs: int = 16
    task_chars: int = 400_000
    read_chunk: int = 256
    retry_errors: bool = False
    progress: str = "auto"  # bar | lines | off | auto
    count: bool = True  # count the inputs for the progress bar's total and ETA
    show_errors: int = 10  # failures printed on standard error (all go to the sink)
    commit_every: Optional[int] = None  # documents per commit (default: the sink's)
    fields: FieldMap = field(default_factory=FieldMap)


def clean(s: Optional[str]) -> Optional[str]:
    """A string any sink can store (no lone surrogates, no NUL)."""
    if s is None:
        return None
    return s.encode("utf-8", "replace").decode("utf-8").replace("\x00", "\\0")


class _Stop:
    """SIGINT/SIGTERM → a flag the loop checks between steps (so a document is never half written); a
    second signal stops at once."""

    def __init__(self):
        self.requested = False
        self._old = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._old[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, frame):
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc):
        for sig, old in self._old.items():
            signal.signal(sig, old)


def _chunks(reads: Iterable, size: int, max_chars: int) -> Iterator[list]:
    chunk, chars = [], 0
    for r in reads:
        chunk.append(r)
        chars += len(r.text) if isinstance(r, Item) else len(r.html) if isinstance(r, HtmlPage) else 0
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


class _Run:
    def __init__(self, sink: Sink, options: RunOptions, summary: Summary, progress: Progress):
        self.sink = sink
        self.options = options
        self.summary = summary
        self.progress = progress
        self.uncommitted = 0
        self.last_commit = time.monotonic()
        self.shown_errors = 0
        self.started = time.monotonic()

    # -- before the workers -----------------------------------------------------------------------
    def plan(self, chunk: list) -> List[List[Unit]]:
        """Skip what is done, record read errors, and group the rest into tasks."""
        units = []
        for r in chunk:
            try:
                units.append(self._unit(r))
            except Exception as exc:  # noqa: BLE001 - an odd read is an error row, never the end of the run
                where = clean(getattr(r, "location", None) or getattr(r, "doc_id", None) or repr(r)[:200])
                units.append((Unit(InputError(where, f"unreadable input: {type(exc).__name__}: {exc}"), where,
                                   None), None))
        self.summary.read += len(units)
        done = self.sink.lookup([u.doc_id for u, _ in units if u.doc_id is not None])
        failed = set() if self.options.retry_errors else self.sink.failed([u.location for u, _ in units])
        tasks, task, chars, skipped = [], [], 0, 0
        for unit, sha in units:
            if unit.location in failed:
                self.summary.skipped_failed += 1
                skipped += 1
            elif isinstance(unit.read, InputError):
                self.fail(unit.location, unit.doc_id, unit.read.reason)
                skipped += 1
            elif (done.get(unit.doc_id) == sha) if sha is not None else (unit.doc_id in done):
                # a WARC page is an immutable capture: its record id alone says it is done, so its text
                # is not taken out of the HTML again
                self.summary.skipped_done += 1
                skipped += 1
            else:
                task.append(unit)
                chars += unit.size
                if len(task) >= self.options.task_docs or chars >= self.options.task_chars:
                    tasks.append(task)
                    task, chars = [], 0
        if task:
            tasks.append(task)
        if skipped:
            self.progress.update(skipped, self.postfix())
            self.uncommitted += skipped
        return tasks

    @staticmethod
    def _unit(r):
        if isinstance(r, Item):  # its key is known now; a WARC page's text only after boilerplate removal
            if not isinstance(r.text, str):
                raise TypeError(f"text is {type(r.text).__name__}, not a string")
            if r.doc_id is not None and not isinstance(r.doc_id, str):
                r.doc_id = str(r.doc_id)
            # the readers give storable strings; items handed in by a caller are made so here
            r = make_item(r.text, doc_id=r.doc_id, source=r.source, title=r.title, published=r.published,
                          location=r.location, warnings=r.warnings)
            sha = text_sha256(r.text)
            r.doc_id = r.doc_id or sha[:16]
            return Unit(r, r.location or r.doc_id, r.doc_id), sha
        if isinstance(r, (HtmlPage, InputError)):
            return Unit(r, r.location, safe_id(r.doc_id)[0]), None
        raise TypeError(f"not an input document: {type(r).__name__}")

    # -- after the workers ------------------------------------------------------------------------
    def handle(self, finished) -> None:
        if finished and not self.summary.first_result_seconds:
            self.summary.first_result_seconds = time.monotonic() - self.started
        for units, results, (pid, rss) in finished:
            self.summary.note_worker(pid, rss)
            for kind, location, doc_id, payload in results:
                if kind == DONE:
                    try:
                        status = self.sink.write(payload, location)
                    except (StoreError, UnicodeError) as exc:
                        self.fail(location, doc_id, f"cannot store: {exc}")
                        continue
                    if status == UNCHANGED:
                        self.summary.skipped_done += 1
                    else:
                        self.summary.written += 1
                        self.summary.replaced += status == REPLACED
                        self.summary.records.update(r.type for r in payload.records)
                else:
                    self.fail(location, doc_id, payload)
            self.uncommitted += len(results)
            self.progress.update(len(results), self.postfix())

    def fail(self, location, doc_id, reason) -> None:
        location, doc_id, reason = clean(location) or "?", clean(doc_id), clean(str(reason))
        self.sink.error(location, doc_id, reason)
        self.summary.failed += 1
        if self.shown_errors < self.options.show_errors:
            self.progress.write(f"kazextract: failed: {location}: {reason}")
            self.shown_errors += 1
            if self.shown_errors == self.options.show_errors:
                self.progress.write(f"kazextract: further failures are not shown; all are in "
                                    f"{self.summary.errors_where}")

    def postfix(self) -> str:
        s = self.summary
        return f"written {s.written}, skipped {s.skipped_done + s.skipped_failed}, failed {s.failed}"

    def maybe_commit(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or self.uncommitted >= self.sink.commit_docs or (
                self.uncommitted and now - self.last_commit >= self.sink.commit_seconds):
            self.sink.commit()
            self.uncommitted = 0
            self.last_commit = now


def _skip_notice(progress: Progress, shown: int = 5):
    """Tell about the first files of a directory that are not inputs (by their suffix)."""
    seen = [0]

    def on_skip(path):
        seen[0] += 1
        if seen[0] <= shown:
            more = " (further ones are not shown)" if seen[0] == shown else ""
            progress.write(f"kazextract: skipped {path}: not .txt, .jsonl(.gz) or .warc(.gz){more}")

    return on_skip


def run_batch(inputs: Sequence[str], sink: Sink, config: WorkerConfig, options: RunOptions = RunOptions(),
              reads: Optional[Iterable] = None, executor=None, target: str = "") -> Summary:
    """Process ``inputs`` (or the given ``reads``: Items, HtmlPages, InputErrors) into ``sink``, then close
    it. Returns the summary; ``summary.interrupted`` when stopped by Ctrl-C/SIGTERM."""
    started = time.monotonic()
    cpu_before = [sum(getattr(resource.getrusage(who), f) for f in ("ru_utime", "ru_stime"))
                  for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    if options.commit_every:
        sink.commit_docs = max(1, options.commit_every)
    summary = Summary(workers=options.workers, target=target, errors_where=sink.errors_where)
    progress = Progress(options.progress, inputs, options.count)
    if reads is None:
        reads = iter_inputs(inputs, options.fields, config.published, defer_html=True,
                            on_skip=_skip_notice(progress))
    run = _Run(sink, options, summary, progress)
    executor = executor or make_executor(config, options.workers)
    try:
        with _Stop() as stop:
            for chunk in _chunks(reads, options.read_chunk, 64 * options.task_chars):
                for task in run.plan(chunk):
                    while executor.full() and not stop.requested:
                        run.handle(executor.collect(block=True))
                        run.maybe_commit()
                    if stop.requested:
                        break
                    executor.submit(task)
                run.handle(executor.collect(block=False))
                run.maybe_commit()
                if stop.requested:
                    break
            while executor.pending() and not stop.requested:
                run.handle(executor.collect(block=True))
                run.maybe_commit()
            summary.interrupted = stop.requested
            if stop.requested:
                executor.terminate()
            else:
                executor.close()
            sink.close()
    except BaseException:
        executor.terminate()
        sink.abort()
        raise
    finally:
        progress.close()
        summary.seconds = time.monotonic() - started
        summary.main_peak_rss_kb = peak_rss_kb()
        main, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        summary.cpu_seconds_main = main.ru_utime + main.ru_stime - cpu_before[0]
        summary.cpu_seconds_workers = children.ru_utime + children.ru_stime - cpu_before[1]  # workers joined
    return summary


__all__ = ["run_batch", "RunOptions", "Summary", "WorkerConfig"]

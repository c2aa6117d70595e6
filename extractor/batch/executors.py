"""Running tasks (lists of :class:`~.worker.Unit`) inline or in worker processes, with a bound on the work
in flight (so memory stays bounded whatever the archive size) and recovery from a worker that dies.

Results come back in the order tasks finish, not the order they were submitted: the sinks are keyed by
``doc_id``, so order does not matter to them, and a long document does not hold back the others.
"""
from __future__ import annotations

import collections
import multiprocessing
import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Deque, Dict, List, Optional, Tuple

from .deadline import limit_for
from .worker import (FAILED, Unit, WorkerBroken, WorkerConfig, count_documents_done, init_worker, load_extractor,
                     peak_rss_kb, process_units)

# (units, results, (pid, peak RSS KiB))
Finished = Tuple[List[Unit], list, Tuple[int, int]]

DIED = ("the worker process died while processing this document (killed, out of memory, or a crash in native "
        "code)")
# a task may run this long past its documents' limits before its worker is killed (the worker's own timer
# handles overruns in Python code; this catches code stuck in native code)
WATCHDOG_GRACE_S = 30.0
# A worker process is replaced by a fresh one after this many documents: whatever a long-lived Python process
# keeps (allocator free space that fragmentation will not give back, spaCy's hash tables, caches near their
# bounds) goes back to the system with the process, so a worker's memory stays within one cycle's growth
# however long the archive. The pool is drained (no new tasks for a moment), closed and started again.
RECYCLE_EVERY_DOCS = 50_000


class InlineExecutor:
    """Processes each task as it is submitted, in this process (``--workers 0``, Dask partitions)."""

    workers = 0

    def __init__(self, config: WorkerConfig):
        self.config = config
        self._done: Deque[Finished] = collections.deque()

    def full(self) -> bool:
        return bool(self._done)

    def pending(self) -> int:
        return len(self._done)

    def submit(self, units: List[Unit]) -> None:
        results = process_units(load_extractor(self.config), self.config, units)
        count_documents_done(len(units))
        self._done.append((units, results, (os.getpid(), peak_rss_kb())))

    def collect(self, block: bool) -> List[Finished]:
        out = list(self._done)
        self._done.clear()
        return out

    def terminate(self) -> None:
        pass

    def close(self) -> None:
        pass


class PoolExecutor:
    """``workers`` processes, each loading the pipeline once. At most ``in_flight`` tasks are queued or
    running. When a worker dies (SIGKILL, out of memory, a segfault), the tasks that were in flight are
    retried one document at a time, so the document that kills a worker is found and reported as failed
    and the others are processed. A task that overruns its time budget (twice the sum of its documents'
    limits plus :data:`WATCHDOG_GRACE_S`, counted from when the pool handed it on) has its workers killed,
    and is then found the same way and reported as too slow."""

    def __init__(self, config: WorkerConfig, workers: int, in_flight: Optional[int] = None, task=None):
        """``task``: the function a worker runs on a list of units (tests put a crashing one here)."""
        self.task = task or _task
        self.config = config
        self.workers = workers
        self.in_flight = in_flight or 2 * workers
        self._ctx = multiprocessing.get_context("spawn")
        self._pool = self._new_pool()
        self._futures: Dict[Future, List[Unit]] = {}
        self._retry: Deque[List[Unit]] = collections.deque()  # single-unit tasks after a crash
        self._failed_early: List[Finished] = []
        self._running_since: Dict[Future, float] = {}
        self._killed_for_time = False
        self.watchdog_grace = WATCHDOG_GRACE_S
        self.watchdog_factor = 2.0  # times the sum of the task's document limits
        self.recycle_every = RECYCLE_EVERY_DOCS  # documents per worker before its process is replaced
        self.recycles = 0
        self._docs_in_pool = 0

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._ctx, initializer=init_worker,
                                   initargs=(self.config, os.getpid()))

    def _draining(self) -> bool:
        """The pool has had its share of documents: no new task until it is replaced (see collect)."""
        return bool(self.recycle_every) and self._docs_in_pool >= self.recycle_every * self.workers

    def full(self) -> bool:
        """No room for another task now. A drained pool is replaced here, when the next task needs it (the
        end of a run starts no pool for nothing)."""
        if self._draining():
            if self._futures or self._retry:
                return True
            self._pool.shutdown(wait=True)
            self._pool = self._new_pool()
            self._docs_in_pool = 0
            self.recycles += 1
        limit = 1 if self._retry else self.in_flight
        return len(self._futures) + len(self._retry) >= limit

    def pending(self) -> int:
        return len(self._futures) + len(self._retry) + len(self._failed_early)

    def submit(self, units: List[Unit]) -> None:
        if self._retry:  # recovering from a crash: queue behind the suspects
            self._retry.extend([u] for u in units)
            self._feed()
            return
        self._futures[self._pool.submit(self.task, units)] = units
        self._docs_in_pool += len(units)

    def _feed(self):
        while self._retry and not self._futures:
            units = self._retry.popleft()
            self._futures[self._pool.submit(self.task, units)] = units

    def collect(self, block: bool) -> List[Finished]:
        out, self._failed_early = self._failed_early, []
        if not self._futures:
            self._feed()
        if not self._futures:
            return out
        done, _ = wait(list(self._futures), timeout=0.5 if block else 0, return_when=FIRST_COMPLETED)
        self._watch()
        broken = []
        for fut in done:
            units = self._futures.pop(fut)
            self._running_since.pop(fut, None)
            try:
                results, stats = fut.result()
            except BrokenProcessPool:
                broken.append(units)
                continue
            except WorkerBroken:
                raise
            out.append((units, results, stats))
        if broken:
            self._recover(broken)
        self._feed()
        return out

    def _budget(self, units: List[Unit]) -> float:
        limits = [limit_for(u.size, self.config.doc_timeout) for u in units]
        if None in limits:
            return float("inf")
        return self.watchdog_factor * sum(limits) + self.watchdog_grace  # type: ignore[arg-type]

    def _watch(self) -> None:
        """Kill the workers when a task has overrun its budget (see the class docstring)."""
        now = time.monotonic()
        for fut, units in self._futures.items():
            if fut.running():
                since = self._running_since.setdefault(fut, now)
                if now - since > self._budget(units):
                    self._killed_for_time = True
                    for proc in multiprocessing.active_children():
                        try:
                            proc.kill()
                        except Exception:  # noqa: BLE001 - already gone
                            pass
                    return

    def _recover(self, broken: List[List[Unit]]):
        """The pool lost a worker: every task in flight failed with it."""
        suspects = list(broken) + list(self._futures.values())
        self._futures.clear()
        self._running_since.clear()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        self._docs_in_pool = 0
        killed_for_time, self._killed_for_time = self._killed_for_time, False
        alone = [units for units in suspects if len(units) == 1]
        if len(suspects) == 1 and alone:  # this document, run alone, killed its worker (or was killed)
            unit = alone[0][0]
            budget = self._budget([unit])
            reason = (f"took longer than {budget:.3g} s and did not answer its own time limit (stuck in native "
                      "code?): its worker was stopped (--doc-timeout)") if killed_for_time else DIED
            self._failed_early.append(([unit], [(FAILED, unit.location, unit.doc_id, reason)], (0, 0)))
            return
        retry = [[u] for units in suspects for u in units]
        self._retry.extendleft(reversed(retry))

    def terminate(self) -> None:
        """Stop now (Ctrl-C): kill the workers; unfinished tasks are redone by the next run.

        Every worker process this process started is killed, not only those the current pool lists: a
        worker of a pool replaced after a crash, or one started while the signal arrived, can be blocked
        writing its result into a pipe nobody reads any more, and the interpreter would wait for it at exit
        for ever."""
        procs = multiprocessing.active_children()  # the pool's workers and any left from a replaced pool
        self._pool.shutdown(wait=False, cancel_futures=True)
        for proc in procs:
            try:
                proc.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass
        for proc in procs:
            proc.join(timeout=5)
        self._futures.clear()
        self._running_since.clear()

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def _task(units):
    from .worker import run_task

    return run_task(units)


def make_executor(config: WorkerConfig, workers: int):
    return InlineExecutor(config) if workers <= 0 else PoolExecutor(config, workers)

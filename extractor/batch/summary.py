"""What a batch run did: documents read, written, skipped, failed; records per type; speed and memory."""
from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Counter, Dict


@dataclass
class Summary:
    read: int = 0
    written: int = 0
    replaced: int = 0  # of ``written``: documents whose earlier text (same doc_id) was replaced
    skipped_done: int = 0  # already in the sink with the same text
    skipped_failed: int = 0  # failed in an earlier run (``--retry-errors`` retries them)
    failed: int = 0
    records: Counter = field(default_factory=collections.Counter)
    seconds: float = 0.0
    workers: int = 0
    interrupted: bool = False
    target: str = ""
    errors_where: str = ""
    worker_peak_rss_kb: Dict[int, int] = field(default_factory=dict)  # per worker process id
    main_peak_rss_kb: int = 0
    partitions: int = 0  # Dask runs
    first_result_seconds: float = 0.0  # start-up: workers started and pipelines loaded
    cpu_seconds_main: float = 0.0  # CPU time (user + system) of the main process
    cpu_seconds_workers: float = 0.0  # and of its worker processes, all together

    @property
    def accounted(self) -> int:
        return self.written + self.skipped_done + self.skipped_failed + self.failed

    @property
    def docs_per_second(self) -> float:
        return self.accounted / self.seconds if self.seconds > 0 else 0.0

    def note_worker(self, pid: int, rss_kb: int) -> None:
        if pid:
            self.worker_peak_rss_kb[pid] = max(self.worker_peak_rss_kb.get(pid, 0), rss_kb)

    def merge(self, other: "Summary") -> "Summary":
        for name in ("read", "written", "replaced", "skipped_done", "skipped_failed", "failed", "partitions"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.records.update(other.records)
        for pid, kb in other.worker_peak_rss_kb.items():
            self.note_worker(pid, kb)
        self.interrupted = self.interrupted or other.interrupted
        return self

    def as_dict(self) -> dict:
        return {
            "read": self.read, "written": self.written, "replaced": self.replaced,
            "skipped_done": self.skipped_done, "skipped_failed": self.skipped_failed, "failed": self.failed,
            "records": dict(sorted(self.records.items())), "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2), "workers": self.workers,
            "interrupted": self.interrupted, "target": self.target, "errors": self.errors_where,
            "worker_peak_rss_mib": {str(pid): round(kb / 1024, 1) for pid, kb in self.worker_peak_rss_kb.items()},
            "main_peak_rss_mib": round(self.main_peak_rss_kb / 1024, 1), "partitions": self.partitions,
            "first_result_seconds": round(self.first_result_seconds, 3),
            "cpu_seconds_main": round(self.cpu_seconds_main, 2),
            "cpu_seconds_workers": round(self.cpu_seconds_workers, 2),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Summary":
        s = cls(**{k: d[k] for k in ("read", "written", "replaced", "skipped_done", "skipped_failed", "failed",
                                     "workers", "interrupted", "target", "partitions") if k in d})
        s.records.update(d.get("records", {}))
        s.seconds = d.get("seconds", 0.0)
        s.errors_where = d.get("errors", "")
        s.worker_peak_rss_kb = {int(p): int(mib * 1024) for p, mib in d.get("worker_peak_rss_mib", {}).items()}
        s.main_peak_rss_kb = int(d.get("main_peak_rss_mib", 0) * 1024)
        return s

    def report(self) -> str:
        mins, secs = divmod(self.seconds, 60)
        took = f"{int(mins)} min {secs:.0f} s" if mins else f"{secs:.1f} s"
        n = len(self.worker_peak_rss_kb) or self.workers
        who = (f"{n} worker" + ("s" if n != 1 else "")) if self.workers else "in-process"
        head = "interrupted" if self.interrupted else "finished"
        lines = [f"kazextract run: {head} after {took} ({self.docs_per_second:.1f} documents/s, {who})"
                 + (f" -> {self.target}" if self.target else "")]

        def row(label, n, note=""):
            lines.append(f"  {label:<17}{n:>10}" + (f"  {note}" if note else ""))

        row("documents read", self.read)
        row("written", self.written, f"({self.replaced} replaced an older text)" if self.replaced else "")
        row("skipped", self.skipped_done, "already done")
        if self.skipped_failed:
            row("skipped", self.skipped_failed, "failed in an earlier run (--retry-errors retries them)")
        row("failed", self.failed, f"-> {self.errors_where}" if self.failed and self.errors_where else "")
        total = sum(self.records.values())
        row("records", total, ", ".join(f"{t} {n}" for t, n in self.records.most_common()))
        if self.worker_peak_rss_kb and self.workers:
            worst = max(self.worker_peak_rss_kb.values()) / 1024
            lines.append(f"  peak memory: {worst:.0f} MiB per worker process, {self.main_peak_rss_kb / 1024:.0f} MiB "
                         "main process")
        elif self.main_peak_rss_kb:
            lines.append(f"  peak memory: {self.main_peak_rss_kb / 1024:.0f} MiB")
        if self.interrupted:
            lines.append("  run the same command again to resume: finished documents are skipped")
        return "\n".join(lines)

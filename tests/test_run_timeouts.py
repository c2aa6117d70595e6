"""The per-document time limit (--doc-timeout): a document that overruns is an error row with the reason,
the others are processed, in the main process (--workers 0, extract) and in worker processes (where the
main process kills a worker stuck beyond the reach of the worker's own timer)."""
import json
import subprocess
import sys
import time
from pathlib import Path

from archive_builders import kazakh_text, write_jsonl
from extractor.batch.deadline import DocTimeout, deadline, limit_for
from extractor.batch.executors import PoolExecutor
from extractor.batch.runner import RunOptions, run_batch
from extractor.batch.worker import DONE, FAILED, WorkerConfig, process_items
from extractor.io.reads import Item
from extractor.sinks import open_sink
from sink_readers import read_back
from slow_task import MARKER, hang_on_marker

ROOT = Path(__file__).resolve().parent.parent
SLOW = "БАЯУ ҚҰЖАТ"


class _SlowOnMarker:
    """Stands in for an Extractor whose pipeline never ends on one document (a loop in Python code)."""

    def __init__(self):
        self.processed = []

    def _one(self, item):
        if SLOW in item.text:
            while True:
                time.sleep(0.05)
        self.processed.append(item.doc_id)
        return type("Doc", (), {"doc_id": item.doc_id})()

    def pipe(self, items, batch_size=1):
        for item in items:
            yield self._one(item)

    def process(self, item):
        return self._one(item)


def test_the_limit_grows_with_the_length():
    assert limit_for(0, 60) == 60 and limit_for(100_000, 60) == 70
    assert limit_for(10**6, 0) is None and limit_for(10**6, None) is None


def test_deadline_raises_in_the_block_and_is_disarmed_after():
    try:
        with deadline(0.1):
            while True:
                time.sleep(0.01)
    except DocTimeout:
        pass
    else:  # pragma: no cover
        raise AssertionError("the deadline did not fire")
    time.sleep(0.2)  # no late alarm after the block


def test_a_document_that_overruns_fails_alone_and_the_others_are_processed():
    ex = _SlowOnMarker()
    items = [Item(text=f"Мәтін {i}. " + (SLOW if i == 1 else ""), doc_id=f"d{i}", location=f"x:{i}")
             for i in range(3)]
    results = process_items(ex, items, doc_timeout=0.3)
    assert [r[0] for r in results] == [DONE, FAILED, DONE]
    assert results[1][1:3] == ("x:1", "d1") and "took longer than" in results[1][3]
    assert "d0" in ex.processed and "d2" in ex.processed


def test_run_inline_turns_an_overrun_into_an_error_row(tmp_path, monkeypatch):
    from extractor.api import Extractor

    real_pipe, real_process = Extractor.pipe, Extractor.process

    def slow_pipe(self, items, batch_size=32):
        items = list(items)
        if any(SLOW in it.text for it in items):
            while True:
                time.sleep(0.05)
        return real_pipe(self, items, batch_size)

    def slow_process(self, item):
        while SLOW in item.text:
            time.sleep(0.05)
        return real_process(self, item)

    monkeypatch.setattr(Extractor, "pipe", slow_pipe)
    monkeypatch.setattr(Extractor, "process", slow_process)
    texts = [kazakh_text(i) + (f" {SLOW}." if i == 4 else "") for i in range(8)]
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)])
    config = WorkerConfig(ner="none", doc_timeout=0.5)
    summary = run_batch([str(src)], open_sink(str(tmp_path / "r.sqlite")), config,
                        RunOptions(workers=0, progress="off", task_docs=4))
    assert (summary.written, summary.failed) == (7, 1)
    docs, errors = read_back("sqlite", str(tmp_path / "r.sqlite"))
    assert sorted(d["doc_id"] for d in docs) == sorted(f"d{i}" for i in range(8) if i != 4)
    assert list(errors) == [f"{src}:5"] and "took longer than" in errors[f"{src}:5"]


def test_a_worker_stuck_beyond_its_timer_is_killed_and_the_document_reported(tmp_path):
    texts = [kazakh_text(i) + (f" {MARKER}." if i == 2 else "") for i in range(6)]
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)])
    config = WorkerConfig(ner="none", doc_timeout=60)
    executor = PoolExecutor(config, workers=1, task=hang_on_marker)
    executor.watchdog_factor, executor.watchdog_grace = 0, 8.0  # a task may run 8 s
    db = tmp_path / "r.sqlite"
    summary = run_batch([str(src)], open_sink(str(db)), config, RunOptions(workers=1, progress="off", task_docs=3),
                        executor=executor)
    assert (summary.written, summary.failed) == (5, 1)
    _, errors = read_back("sqlite", str(db))
    assert list(errors) == [f"{src}:3"] and "took longer than" in errors[f"{src}:3"]


def test_doc_timeout_option_reaches_extract(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": kazakh_text(1)}])
    proc = subprocess.run([sys.executable, "-m", "extractor.cli", "extract", "--ner", "none", "--doc-timeout", "30",
                           str(src)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["doc_id"] == "a"

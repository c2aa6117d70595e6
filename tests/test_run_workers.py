"""Worker processes: a document that kills its worker is found and reported, the others are processed;
results do not depend on the number of workers; memory stays bounded by the work in flight."""

from archive_builders import kazakh_text, write_jsonl
from crashing_task import MARKER, crash_on_marker
from extractor.batch.executors import DIED, PoolExecutor
from extractor.batch.runner import RunOptions, run_batch
from extractor.batch.worker import WorkerConfig
from extractor.sinks import open_sink
from sink_readers import read_back

CONFIG = WorkerConfig(ner="none")


def test_a_document_that_kills_its_worker_fails_alone(tmp_path):
    texts = [kazakh_text(i) + (f" {MARKER}." if i in (7, 19) else "") for i in range(30)]
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)])
    db = tmp_path / "r.sqlite"
    executor = PoolExecutor(CONFIG, workers=2, task=crash_on_marker)
    summary = run_batch([str(src)], open_sink(str(db)), CONFIG, RunOptions(workers=2, progress="off", task_docs=4),
                        executor=executor)
    assert (summary.written, summary.failed) == (28, 2)
    docs, errors = read_back("sqlite", str(db))
    assert sorted(d["doc_id"] for d in docs) == sorted(f"d{i}" for i in range(30) if i not in (7, 19))
    assert errors == {f"{src}:8": DIED, f"{src}:20": DIED}


def test_results_do_not_depend_on_the_number_of_workers(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": kazakh_text(i, sentences=3 + i % 9)}
                                               for i in range(60)])
    stored = {}
    for workers in (0, 2):
        out = tmp_path / f"w{workers}.jsonl"
        summary = run_batch([str(src)], open_sink(str(out)), CONFIG,
                            RunOptions(workers=workers, progress="off", task_docs=3))
        assert summary.written == 60
        docs, _ = read_back("jsonl", str(out))
        stored[workers] = sorted(docs, key=lambda d: d["doc_id"])
    assert stored[0] == stored[2]


def test_work_in_flight_is_bounded(tmp_path):
    """The reader is pulled only as fast as the workers finish: never more than 2 x workers tasks wait."""
    seen = []

    class Watching(PoolExecutor):
        def submit(self, units):
            super().submit(units)
            seen.append(len(self._futures) + len(self._retry))

    def reads():
        for i in range(200):
            from extractor.api import Item

            yield Item(text=kazakh_text(i), doc_id=f"d{i}", location=f"gen:{i}")

    executor = Watching(CONFIG, workers=2)
    summary = run_batch([], open_sink(str(tmp_path / "r.sqlite")), CONFIG,
                        RunOptions(workers=2, progress="off", task_docs=2, read_chunk=16), reads=reads(),
                        executor=executor)
    assert summary.written == 200
    assert max(seen) <= 4


def test_a_worker_does_not_grow_with_the_strings_it_has_seen(monkeypatch):
    """Every article brings new strings (numbers, names); the worker's vocabulary must not keep them, but for
    a bounded number of forms met in two documents (extractor.batch.kept_forms; here each number but the
    first 17 comes twice, as n and as n + 17: far more than the bound)."""
    from extractor.api import Extractor, Item
    from extractor.batch import kept_forms
    from extractor.batch.worker import Unit, process_units

    monkeypatch.setattr(kept_forms, "KEEP_FORMS", 200)
    extractor = Extractor(ner="none")

    def units(start):
        return [Unit(Item(text=f"Жоба {n} құны {n + 17} млн теңге, шарт №A{n}B.", doc_id=f"d{n}", location=f"x:{n}"),
                     f"x:{n}", f"d{n}") for n in range(start, start + 50)]

    process_units(extractor, CONFIG, units(0))
    size = len(extractor.nlp.vocab.strings)
    results = [r for start in range(1000, 4000, 50) for r in process_units(extractor, CONFIG, units(start))]
    kept = extractor.nlp.tokenizer.form_counter
    assert kept.full and len(kept.kept) == 200 and not kept.counts  # the bound was reached: counting stopped
    assert len(extractor.nlp.vocab.strings) - size <= 3 * 200  # a kept chunk's tokens: a few strings each
    size = len(extractor.nlp.vocab.strings)
    for start in range(5000, 5500, 50):  # once the bound is reached, nothing at all stays
        process_units(extractor, CONFIG, units(start))
    assert len(extractor.nlp.vocab.strings) == size
    # and the results are those of processing outside a memory zone
    other = Extractor(ner="none")
    for kind, location, doc_id, doc in results[::97]:
        n = int(doc_id[1:])
        alone = other.process(Item(text=f"Жоба {n} құны {n + 17} млн теңге, шарт №A{n}B.", doc_id=doc_id))
        assert doc.model_dump() == alone.model_dump()


def test_a_worker_process_is_replaced_after_its_share_of_documents(tmp_path, monkeypatch):
    """Memory a long-lived process keeps (fragmentation, hash tables) goes back with the process: after
    recycle_every documents per worker the pool is drained and started anew; nothing is lost or repeated."""
    from crashing_task import note_pid

    pids = tmp_path / "pids.txt"
    monkeypatch.setenv("KX_TEST_PID_FILE", str(pids))
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": kazakh_text(i)} for i in range(24)])
    executor = PoolExecutor(CONFIG, workers=1, task=note_pid)
    executor.recycle_every = 8
    out = tmp_path / "r.jsonl"
    summary = run_batch([str(src)], open_sink(str(out)), CONFIG, RunOptions(workers=1, progress="off", task_docs=2),
                        executor=executor)
    assert (summary.written, summary.failed) == (24, 0)
    docs, _ = read_back("jsonl", str(out))
    assert sorted(d["doc_id"] for d in docs) == sorted(f"d{i}" for i in range(24))
    ran = pids.read_text().split()
    assert len(ran) == 12  # every task ran once
    assert executor.recycles >= 2 and len(set(ran)) == executor.recycles + 1
    # each process ran at most its share (8 documents = 4 tasks of 2)
    assert max(ran.count(p) for p in set(ran)) <= 4

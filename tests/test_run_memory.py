"""A worker's memory does not grow with the words it meets: each task runs in spaCy's memory zone (the new
strings leave the vocabulary), and the pipeline is built anew after RENEW_EVERY_DOCS documents (spaCy's hash
tables never shrink). bench/worker_memory.py measures the curve."""
from archive_builders import kazakh_text
from extractor.batch import worker
from extractor.batch.executors import InlineExecutor
from extractor.batch.worker import DONE, Unit, WorkerConfig, load_extractor, process_units
from extractor.io.reads import Item

CONFIG = WorkerConfig(ner="none")


def _units(start, n, fresh=True):
    out = []
    for i in range(start, start + n):
        word = "".join("қазақстан"[(i * 7 + k) % 9] for k in range(6)) + f"бек{i}"  # a word never seen before
        text = kazakh_text(i) + (f" {word.capitalize()} ауылында {i + 3} үй салынды." if fresh else "")
        item = Item(text=text, doc_id=f"m{i}", location=f"x:{i}")
        out.append(Unit(item, item.location, item.doc_id))
    return out


def test_a_task_leaves_no_new_strings_in_the_vocabulary():
    ex = load_extractor(CONFIG)
    process_units(ex, CONFIG, _units(0, 4))  # warm up
    before = len(ex.nlp.vocab.strings)
    results = process_units(ex, CONFIG, _units(100, 16))
    assert all(r[0] == DONE for r in results)
    assert len(ex.nlp.vocab.strings) == before


def test_the_pipeline_is_built_anew_after_many_documents_and_gives_the_same_results(monkeypatch):
    monkeypatch.setattr(worker, "RENEW_EVERY_DOCS", 20)
    monkeypatch.setitem(worker._STATE, "docs", 0)
    executor = InlineExecutor(CONFIG)
    first = load_extractor(CONFIG)
    renewals = worker._STATE["renewals"]
    done = []
    for start in range(0, 48, 8):
        executor.submit(_units(start, 8))
        done += [r for _, results, _ in executor.collect(block=True) for r in results]
    # checked before each task: 24 documents done when the 4th starts, 24 again after the 6th
    assert worker._STATE["renewals"] - renewals == 1
    assert load_extractor(CONFIG) is not first
    assert worker._STATE["renewals"] - renewals == 2
    again = process_units(load_extractor(CONFIG), CONFIG, _units(0, 8))
    assert [r[3].model_dump() for r in again] == [r[3].model_dump() for r in done[:8]]

"""A worker's memory does not grow with the words it meets: each task runs in spaCy's memory zone (the new
strings leave the vocabulary), every cache of word forms has a maximum size (extractor.batch.memory), and the
pipeline is built anew after RENEW_EVERY_DOCS documents (spaCy's hash tables never shrink), the old one's
memory given back. bench/worker_memory.py measures the curve."""
import gc
import importlib
import pkgutil
import weakref

import extractor
from archive_builders import kazakh_text
from extractor.batch import memory, worker
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


def test_a_task_leaves_no_new_strings_in_the_vocabulary_but_those_of_kept_frequent_forms():
    ex = load_extractor(CONFIG)
    process_units(ex, CONFIG, _units(0, 4))  # warm up
    strings = ex.nlp.vocab.strings
    before, kept_before = len(strings), len(ex.nlp.tokenizer.form_counter.kept)
    units = _units(100, 16)
    results = process_units(ex, CONFIG, units)
    assert all(r[0] == DONE for r in results)
    fresh = [u.read.text.split()[-5] for u in units]  # the made-up word of each document, met once
    assert fresh[0].endswith("бек100") and not any(w in strings for w in fresh)
    # a task may end with a sweep that keeps the chunks met in two documents (extractor.batch.kept_forms):
    # their tokens' strings stay, a few per chunk at most; nothing else does
    kept = len(ex.nlp.tokenizer.form_counter.kept) - kept_before
    assert len(strings) - before <= 3 * kept


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


# caches that are allowed more than WORD_CACHE_MAX entries, and why: none of them runs in a worker
LARGER_CACHES = {"extractor.ner.train_stanza": "training only: tags the training corpus once"}


def _all_extractor_modules():
    names = [extractor.__name__]
    for info in pkgutil.walk_packages(extractor.__path__, extractor.__name__ + "."):
        names.append(info.name)
    loaded = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional dependency (stanza, dask, psycopg...) not installed
            continue
        loaded.append(name)
    return loaded


def test_every_cache_in_extractor_has_a_maximum_size_within_the_budget():
    modules = _all_extractor_modules()
    assert len(modules) > 50  # the walk found the package (a broken import must not make this test empty)
    caches = dict(memory.lru_caches())
    assert len(caches) > 50 and "extractor.lang.kk.morph.parses" in caches
    unbounded = [name for name, fn in caches.items() if fn.cache_parameters()["maxsize"] is None]
    assert unbounded == []  # lru_cache(maxsize=None) / functools.cache keep every word form for ever
    too_big = [(name, fn.cache_parameters()["maxsize"]) for name, fn in caches.items()
               if fn.cache_parameters()["maxsize"] > memory.WORD_CACHE_MAX
               and not any(name.startswith(m + ".") for m in LARGER_CACHES)]
    assert too_big == []


def test_the_phrase_memo_keeps_at_most_the_budget_of_fresh_forms_and_still_finds_phrases():
    from extractor.dimensions.phrases import PhraseLexicon, make_phrase

    lexicon = PhraseLexicon([make_phrase("теңге", "KZT", inflect=True),
                             make_phrase("доллар", "USD", inflect=True)])
    letters = "абвгдежзийклмнопрстуфхцчшыіэюяәғқңөұүһ"
    n = 2 * memory.WORD_CACHE_MAX + 1000
    for i in range(n):  # made-up words, each looked up once
        word, k = "", i
        while True:
            word += letters[k % len(letters)]
            k //= len(letters)
            if not k:
                break
        lexicon.candidates_of(word + "тау", True)
        assert len(lexicon._memo) <= memory.WORD_CACHE_MAX + 1
    assert [p.payload for p in lexicon.candidates_of("теңгеден", True)] == ["KZT"]
    assert [p.payload for p in lexicon.candidates_of("долларға", True)] == ["USD"]


def _form_table_size():
    from extractor.lang.kk import forms

    return forms.TABLE_SIZE


# module-level tables that hold word forms by design, each with its bound: one entry per form, dropped
# when full (the one analysis per form shared by the layers)
BOUNDED_TABLES = {"extractor.lang.kk.forms.TABLE": _form_table_size}


def _container_sizes():
    """Sizes of the dicts, lists and sets that extractor's modules hold at their top level."""
    import sys

    out = {}
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("extractor"):
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, (dict, list, set)) and not attr.startswith("__"):
                out[f"{name}.{attr}"] = len(value)
    return out


def test_no_module_level_table_grows_with_new_word_forms():
    ex = load_extractor(CONFIG)
    process_units(ex, CONFIG, _units(1000, 16))  # every rule has run once: lazy tables are loaded
    before = _container_sizes()
    cached = memory.cached_entries()
    results = process_units(load_extractor(CONFIG), CONFIG, _units(2000, 32))
    assert all(r[0] == DONE for r in results)
    after = _container_sizes()
    grown = {k: (before.get(k), n) for k, n in after.items()
             if n > before.get(k, 0) and k != "extractor.batch.worker._STATE" and k not in BOUNDED_TABLES}
    assert grown == {}
    # the tables that do take new forms stay within their bound (test_the_form_table_is_within_the_budget...)
    for k, bound in BOUNDED_TABLES.items():
        assert after[k] <= bound() <= memory.WORD_CACHE_MAX, k
    assert memory.cached_entries() > cached  # the caches did see the new forms (the check above is not empty)


def test_a_renewal_frees_the_old_pipeline_and_gives_memory_back(monkeypatch):
    released = []
    monkeypatch.setattr(worker, "release_freed_memory", lambda: released.append(1) or True)
    monkeypatch.setattr(worker, "RENEW_EVERY_DOCS", 8)
    monkeypatch.setitem(worker._STATE, "docs", 0)  # a pipeline an earlier test left is not renewed by this load
    first = load_extractor(CONFIG)
    old_nlp = weakref.ref(first.nlp)
    monkeypatch.setitem(worker._STATE, "docs", 8)
    del first
    second = load_extractor(CONFIG)
    gc.collect()
    assert old_nlp() is None and second.nlp is not None
    assert released == [1]


def test_release_freed_memory_runs_here():
    # glibc on Linux: malloc_trim is found and called; elsewhere it says it could not
    import platform

    assert memory.release_freed_memory() is (platform.system() == "Linux" and platform.libc_ver()[0] == "glibc")


def test_a_loaded_pipeline_is_kept_out_of_the_collectors_walks_and_given_back_on_renewal(monkeypatch):
    # gc.freeze after a load: a full collection no longer walks the pipeline's objects (CPU time); before a
    # renewal they are unfrozen, else the old pipeline's cycles would stay for ever (checked by the test above)
    monkeypatch.setattr(worker, "RENEW_EVERY_DOCS", 8)
    monkeypatch.setitem(worker._STATE, "docs", 0)
    try:
        load_extractor(CONFIG)
        assert gc.get_freeze_count() > 10_000
        unfrozen = []
        monkeypatch.setattr(worker, "unsettle", lambda: unfrozen.append(gc.get_freeze_count()) or gc.unfreeze())
        monkeypatch.setitem(worker._STATE, "docs", 8)
        load_extractor(CONFIG)
        assert unfrozen and unfrozen[0] > 10_000  # the old pipeline was given back to the collector
        assert gc.get_freeze_count() > 10_000  # and the new one frozen in its turn
    finally:
        gc.unfreeze()


def test_the_form_table_is_within_the_budget_and_keeps_its_newest_forms(monkeypatch):
    from extractor.lang.kk import forms

    assert forms.TABLE_SIZE <= memory.WORD_CACHE_MAX
    monkeypatch.setattr(forms, "TABLE_SIZE", 100)
    forms.clear()
    for i in range(1000):  # made-up forms, each met once
        forms.form_of(f"сөз{i}")
        assert forms.size() <= 100
    assert forms.table_get("сөз999") is not None and forms.table_get("сөз0") is None


def test_the_stemmers_tables_of_forms_are_within_the_budget(monkeypatch):
    # the kk_stemmer component keeps two per-instance tables of forms (its stems by text, its lemmas by the
    # form's hash): module-level scans do not see them, so their bound is checked here
    import spacy
    from extractor.lang.kk import stemmer

    assert stemmer._CACHE_SIZE <= memory.WORD_CACHE_MAX
    monkeypatch.setattr(stemmer, "_CACHE_SIZE", 50)
    nlp = spacy.blank("kk")
    st = nlp.add_pipe("kk_stemmer")
    def word(n):  # a made-up form of letters only, one per n
        return "ауыл" + "".join("абвгдежзик"[int(c)] for c in str(n)) + "дағы"

    for i in range(40):  # each form met once
        doc = nlp(" ".join(word(i * 10 + k) for k in range(10)))
        assert len(st._cache) <= 50 and len(st._by_orth) <= 50
    assert doc[0].lemma_ == stemmer.stem(doc[0].text)  # the tables still answer after being emptied

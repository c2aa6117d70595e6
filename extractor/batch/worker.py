"""The work done for each document, in a worker process (or inline): HTML → text for WARC pages, the
pipeline, and failures turned into results, so that one bad document never stops the others. Each
document runs under the time limit of :mod:`.deadline` (``WorkerConfig.doc_timeout``); one that overruns is
a failure ("took longer than …") and the others go on.

A worker process loads the pipeline once (:func:`init_worker`), then handles tasks (lists of units) with
:func:`run_task`. It ignores Ctrl-C and SIGTERM (the parent decides when to stop) and exits by itself when
the parent process dies (``kill -9``), so no orphan keeps working.
"""
from __future__ import annotations

import contextlib
import gc
import os
import resource
import signal
import threading
import time
from dataclasses import dataclass
from typing import List, Optional, Tuple

from ..api import DEFAULT_MAX_CHARS, Extractor, Item
from ..document import text_sha256
from ..io.reads import InputError
from ..io.warc import MIN_ARTICLE_CHARS, HtmlPage, page_to_item
from .deadline import DEFAULT_DOC_TIMEOUT, DocTimeout, deadline, limit_for, timeout_reason
from .kept_forms import counter_of, keep_frequent_forms
from .memory import release_freed_memory, settle_loaded_pipeline, unsettle

# result kinds
DONE, FAILED = "done", "failed"


@dataclass(frozen=True)
class WorkerConfig:
    ner: str = "auto"
    model_path: Optional[str] = None
    max_chars: int = DEFAULT_MAX_CHARS
    published: Optional[str] = None  # for WARC pages whose metadata gives no date
    min_article_chars: int = MIN_ARTICLE_CHARS
    doc_timeout: Optional[float] = DEFAULT_DOC_TIMEOUT  # seconds per document (+1 s per 10,000 chars); 0: none


@dataclass
class Unit:
    """One input document on its way to a worker: an Item, or an HtmlPage still to be turned into one."""

    read: object
    location: str
    doc_id: Optional[str]

    @property
    def size(self) -> int:
        r = self.read
        return len(r.text) if isinstance(r, Item) else len(r.html) if isinstance(r, HtmlPage) else 0


# (kind, location, doc_id, payload): payload is a Document for DONE, the reason for FAILED
Result = Tuple[str, str, Optional[str], object]


def _fail(location, doc_id, reason) -> Result:
    return (FAILED, location, doc_id, reason)


def prepare(unit: Unit, config: WorkerConfig):
    """The unit's Item, or a finished Result (a page without an article)."""
    read = unit.read
    if isinstance(read, HtmlPage):
        read = page_to_item(read, config.published, config.min_article_chars)
        if isinstance(read, InputError):
            return _fail(read.location, read.doc_id, read.reason)
        if read.doc_id is None:
            read.doc_id = text_sha256(read.text)[:16]
    return read


def process_units(extractor: Extractor, config: WorkerConfig, units: List[Unit]) -> List[Result]:
    results: List[Optional[Result]] = []
    items: List[Tuple[int, Item]] = []
    for unit in units:
        limit = limit_for(unit.size, config.doc_timeout)
        try:
            with deadline(limit):
                prepared = prepare(unit, config)
        except DocTimeout:
            prepared = _fail(unit.location, unit.doc_id, timeout_reason(limit))
        except Exception as exc:  # noqa: BLE001
            prepared = _fail(unit.location, unit.doc_id, f"cannot prepare the document: {type(exc).__name__}: {exc}")
        if isinstance(prepared, Item):
            items.append((len(results), prepared))
            results.append(None)
        else:
            results.append(prepared)
    if items:
        # spaCy keeps every new string (numbers, names, typos) in its vocabulary for good: over millions of
        # articles a worker would grow without bound. In a memory zone they are freed when the task ends;
        # nothing of a spaCy Doc outlives it (the results are pydantic Documents). The forms met often stay
        # (memory_zone, .kept_forms), a bounded number.
        with memory_zone(extractor):
            _run_pipeline(extractor, items, results, config.doc_timeout)
    return results  # type: ignore[return-value]


@contextlib.contextmanager
def memory_zone(extractor: Extractor):
    """``extractor.nlp.memory_zone()`` (spaCy ≥ 3.8), or a context that does nothing. After the zone, the
    word forms met often in zones so far are made permanent now and then (:mod:`.kept_forms`): inside a zone
    spaCy caches no tokenization and frees every lexeme, so without them each task split and analysed its
    every word anew."""
    nlp = extractor.nlp
    zone = getattr(nlp, "memory_zone", None)
    if zone is None:
        yield
        return
    counter_of(nlp)
    with zone():
        yield
    keep_frequent_forms(nlp)


def _run_pipeline(extractor: Extractor, items: List[Tuple[int, Item]], results: list,
                  doc_timeout: Optional[float] = None) -> None:
    for slot, outcome in zip((slot for slot, _ in items), process_items(extractor, [it for _, it in items],
                                                                        doc_timeout)):
        results[slot] = outcome


def process_items(extractor: Extractor, items: List[Item], doc_timeout: Optional[float] = None) -> List[Result]:
    """Items through the pipeline, one result each, in order: ``(DONE, location, doc_id, Document)`` or
    ``(FAILED, location, doc_id, reason)``. The items go through ``nlp.pipe`` together (allowed as long as
    the longest one alone); when that fails or overruns, one by one, each under its own limit, so that the
    document at fault is found and the others are processed."""
    limits = [limit_for(len(it.text), doc_timeout) for it in items]
    try:
        with deadline(max(limits) if None not in limits else None):
            docs = list(extractor.pipe(items, batch_size=len(items)))
        return [(DONE, it.location, doc.doc_id, doc) for it, doc in zip(items, docs)]
    except DocTimeout:
        if len(items) == 1:  # it overran alone: no need to try it again
            return [_fail(items[0].location, items[0].doc_id, timeout_reason(limits[0]))]
    except Exception:  # noqa: BLE001 - find the culprit one by one
        pass
    out: List[Result] = []
    for item, limit in zip(items, limits):
        try:
            with deadline(limit):
                doc = extractor.process(item)
            out.append((DONE, item.location, doc.doc_id, doc))
        except DocTimeout:
            out.append(_fail(item.location, item.doc_id, timeout_reason(limit)))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            out.append(_fail(item.location, item.doc_id, f"extraction failed: {type(exc).__name__}: {exc}"))
    return out


def peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# -- worker processes ------------------------------------------------------------------------------

_STATE = {"extractor": None, "config": None, "error": None, "loads": 0, "docs": 0, "renewals": 0}
# A memory zone frees the strings and lexemes of a task, but spaCy's hash tables (preshed maps of the string
# store and the vocabulary) never shrink, and a freed cell is reused only when a new key probes past it, so
# they still double now and then (see .memory). A process builds its pipeline anew after this many documents
# (about 1 s with the rules only) and gives the old one's memory back (release_freed_memory).
RENEW_EVERY_DOCS = 50_000


def _watch_parent(parent: int):
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def init_worker(config: WorkerConfig, parent: Optional[int] = None):
    # Ctrl-C and SIGTERM reach the whole process group; the main process handles them (it stops cleanly and
    # kills its workers). A worker that died of them would look like a document that crashed its worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if parent is not None:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        load_extractor(config)
    except Exception as exc:  # noqa: BLE001 - reported to the parent with the first task
        _STATE["error"] = f"the pipeline could not be loaded: {type(exc).__name__}: {exc}"


_LOAD_LOCK = threading.Lock()


def load_extractor(config: WorkerConfig) -> Extractor:
    """The pipeline for ``config``, loaded once per process (and again only for another configuration)."""
    with _LOAD_LOCK:
        renew = _STATE["extractor"] is not None and _STATE["docs"] >= RENEW_EVERY_DOCS
        if _STATE["extractor"] is None or _STATE["config"] != config or renew:
            unsettle()  # the old pipeline's objects were frozen out of the collector's reach
            _STATE["extractor"] = None  # the old pipeline is freed before the new one is built
            if renew:
                gc.collect()  # spaCy's objects hold reference cycles: freed now, reused by the new pipeline
            _STATE["extractor"] = Extractor(ner=config.ner, model_path=config.model_path, max_chars=config.max_chars)
            _STATE["config"] = config
            _STATE["docs"] = 0
            if renew:
                _STATE["renewals"] += 1
                release_freed_memory()  # what the new pipeline did not reuse goes back to the system
            else:
                _STATE["loads"] += 1
            settle_loaded_pipeline()
        return _STATE["extractor"]


def count_documents_done(n: int) -> None:
    """Documents processed by this process's pipeline (it is built anew after :data:`RENEW_EVERY_DOCS`)."""
    _STATE["docs"] += n


def pipeline_loads() -> int:
    """How many times this process loaded a pipeline (1 in a healthy worker; renewals after
    :data:`RENEW_EVERY_DOCS` documents are not counted)."""
    return _STATE["loads"]


class WorkerBroken(RuntimeError):
    """The worker cannot process anything (its pipeline did not load)."""


def run_task(units: List[Unit]):
    """A task in a worker process: ``(results, (pid, peak RSS in KiB))``."""
    if _STATE["error"] is not None:
        raise WorkerBroken(_STATE["error"])
    results = process_units(load_extractor(_STATE["config"]), _STATE["config"], units)
    count_documents_done(len(units))
    return results, (os.getpid(), peak_rss_kb())

"""A worker's memory over millions of documents (issue 12): what grows, and giving back what was freed.

What a worker keeps between documents, and what bounds it:

* spaCy's string store and vocabulary: every task runs in ``nlp.memory_zone()`` (:mod:`.worker`), which
  frees the strings and lexemes the task added. Their hash tables (preshed maps) still double now and then,
  as a freed cell is reused only when a new key happens to probe past it (about 8 MiB per table after
  8 million lexemes, that is some 80,000 news articles): the worker builds its pipeline anew every
  ``worker.RENEW_EVERY_DOCS`` documents.
* The frequent word forms kept across zones (:mod:`.kept_forms`): inside a zone spaCy caches no
  tokenization, so the chunks of text met in two documents are tokenized once outside one and stay, at most
  ``kept_forms.KEEP_FORMS`` (10,000) per pipeline with their lexemes and strings, a few MiB.
* The rules' caches of word forms (``functools.lru_cache`` on functions of a word, and the phrase
  lexicons' memo of candidates): each has a maximum size, none above :data:`WORD_CACHE_MAX` entries
  (``tests/test_run_memory.py`` checks every cache of ``extractor``). They were the growth that README's
  curve showed until 100,000 documents: 65,536 forms per cache and 50,000 per phrase memo (11 of them)
  would take 120 to 190 MiB when full (82 MiB for the lru_caches, measured cache by cache). Now the
  Python objects alive in a worker level off after about 8,000 documents of new words
  (``sys._debugmallocstats``: 67 MiB at 4,000, 72 at 8,000, 70 to 72 up to 24,000).
* Free space inside the allocators: as cache entries are replaced, pymalloc's pools and glibc's heap keep
  holes (1 MiB of them after 4,000 documents, 10 MiB after 24,000), so RSS still moves by a few MiB
  while the live objects stay the same. When the pipeline is renewed, the old hash tables (allocated with
  ``mmap``) go back to the system at once; :func:`release_freed_memory` then collects what is left in
  reference cycles and asks glibc to return the heap pages left free (``malloc_trim``: 3 MiB after
  20,000 documents).

``bench/worker_memory.py`` prints the resulting curve (README, "Workers and memory").
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import sys
from typing import Callable, Iterator, Optional, Tuple

# The largest number of entries one cache of word forms may hold. On real news (1,500 documents of KazNERD
# sentences) the parses of words hit 58 % of the look-ups at 16,384 entries against 60 % at 65,536, with no
# difference in CPU time; at 65,536 that one cache kept 15 MiB.
WORD_CACHE_MAX = 16_384


def lru_caches(prefix: str = "extractor") -> Iterator[Tuple[str, Callable]]:
    """``(qualified name, function)`` of every ``functools.lru_cache`` defined in the loaded modules whose
    name starts with ``prefix``: module-level functions and methods of module-level classes."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == prefix or name.startswith(prefix + ".")):
            continue
        for attr, value in list(vars(module).items()):
            if _is_lru(value) and getattr(value, "__module__", None) == name:
                yield f"{name}.{attr}", value
            elif isinstance(value, type) and value.__module__ == name:
                for cattr, cvalue in list(vars(value).items()):
                    if isinstance(cvalue, (staticmethod, classmethod)):
                        cvalue = cvalue.__func__
                    if _is_lru(cvalue):
                        yield f"{name}.{attr}.{cattr}", cvalue


def _is_lru(value) -> bool:
    return callable(value) and hasattr(value, "cache_info") and hasattr(value, "cache_parameters")


def cached_entries() -> int:
    """Entries held by all caches of word forms (``lru_cache``s of ``extractor`` with more than one entry
    allowed, and the phrase lexicons' memos): what :data:`WORD_CACHE_MAX` bounds."""
    n = sum(fn.cache_info().currsize for _, fn in lru_caches()
            if (fn.cache_parameters()["maxsize"] or 2) > 1)
    phrases = sys.modules.get("extractor.dimensions.phrases")
    if phrases is not None:
        n += sum(len(getattr(o, "_memo", ())) for o in gc.get_objects() if isinstance(o, phrases.PhraseLexicon))
    return n


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Optional[Callable[[int], int]]:
    """glibc's ``malloc_trim``, or None (musl, macOS, Windows)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_freed_memory() -> bool:
    """Free what is unreachable now (an old pipeline's reference cycles) and give glibc's free pages back to
    the system. True when ``malloc_trim`` was available."""
    gc.collect()
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def settle_loaded_pipeline() -> None:
    """Move everything alive now (a freshly loaded pipeline: its tables, lexicons, model) out of the
    garbage collector's reach (``gc.freeze``). Those objects live as long as the process; without this
    every full collection walks all of them again, about 8 % of rules-only CPU time on news. Call
    :func:`unsettle` before dropping the pipeline, so that its cycles can be collected."""
    gc.collect()
    gc.freeze()


def unsettle() -> None:
    """Give frozen objects back to the collector (before a pipeline is dropped and rebuilt)."""
    gc.unfreeze()


"""Frequent word forms kept in the vocabulary across memory zones, so that a worker's tasks stay fast.

Every task of ``kazextract run`` (and every batch of ``extract``) runs in ``nlp.memory_zone()``
(:mod:`.worker`): the strings and lexemes it adds are freed when it ends, so memory stays flat. But inside a
zone spaCy's tokenizer saves nothing in its cache of word forms (``Tokenizer._save_cached`` returns at once
``if self.vocab.in_memory_zone``), and the lexemes made there are freed at the exit. So every word of every
task, ``және`` and ``жылы`` included, was split again with the prefix, suffix and infix rules and got a new
lexeme (its shape, its ``like_num``, its norm...): on the development articles in tasks of 16 documents,
41,000 lexemes made and 65,600 chunks split per 400 documents against 3,500 and 13,200 without zones, and
rules only ran a third slower (``bench/speed_ratio.py --zones``).

Here the Kazakh tokenizer counts, inside zones, in how many documents each chunk of text between spaces
occurs (a chunk is the key of spaCy's tokenizer cache: ``Алматыда,`` as written). After a zone, from time to
time, the chunks met in at least :data:`MIN_DOCS` documents are tokenized once outside any zone: their
strings and lexemes are permanent and the tokenizer caches their tokens, exactly what it does for every chunk
when no zone is used (``extract`` without zones, the benchmarks): the tokens are the same, only found
sooner. At most :data:`KEEP_FORMS` chunks are kept (spaCy's own bound on its cache, ``max_cache_size``), a few
MiB, and they go with the pipeline when the worker builds it anew; once that many are kept the counting stops.
When the table of counts passes half of :data:`~.memory.WORD_CACHE_MAX` forms at a sweep, its counts are
halved (those of 1 dropped): it stays within about that bound plus :data:`SWEEP_DOCS` documents' forms.

On KazNERD's validation sentences in documents of 15 sentences, a stream of 746 documents in tasks of 16,
the kept chunks covered 67 % of the words met (75 % in the second half), where keeping every chunk met twice
in the first half would cover 74 % of the second.
"""
from __future__ import annotations

from collections import Counter
from typing import List, Optional

from .memory import WORD_CACHE_MAX

# Chunks kept for good per pipeline: spaCy's tokenizer caches at most ``max_cache_size`` (10,000) chunks.
KEEP_FORMS = 10_000
# A chunk is kept once it occurs in this many documents (2 kept 75 % of the words in the simulation above
# where 3 kept 69 %).
MIN_DOCS = 2
# Longer chunks are not counted (a word with its signs is shorter): the table must not hold a hostile input's
# megabyte without a space.
MAX_FORM_CHARS = 48
# Documents counted between two sweeps (a sweep also happens when the table reaches WORD_CACHE_MAX forms): a
# sweep reads the whole table: a few ms for WORD_CACHE_MAX forms.
SWEEP_DOCS = 32


class FormCounts:
    """In how many documents each chunk occurred (a chunk counted once per document), with the chunks
    already kept. Called with each document's text by the tokenizer while it runs in a memory zone."""

    def __init__(self, keep: Optional[int] = None, min_docs: Optional[int] = None,
                 sweep_docs: Optional[int] = None, max_counted: Optional[int] = None):
        # the module's settings when made (None), so that a benchmark or a test can change them
        self.keep = KEEP_FORMS if keep is None else keep
        self.min_docs = MIN_DOCS if min_docs is None else min_docs
        self.sweep_docs = SWEEP_DOCS if sweep_docs is None else sweep_docs
        self.max_counted = WORD_CACHE_MAX if max_counted is None else max_counted
        self.counts: Counter = Counter()
        self.kept: set = set()
        self.docs = 0  # documents counted since the last sweep

    @property
    def full(self) -> bool:
        return len(self.kept) >= self.keep

    def __call__(self, text: str) -> None:
        if len(self.kept) < self.keep:
            longest = MAX_FORM_CHARS
            self.counts.update({f for f in text.split() if len(f) <= longest}.difference(self.kept))
            self.docs += 1

    def due(self) -> bool:
        return not self.full and (self.docs >= self.sweep_docs or len(self.counts) >= self.max_counted)

    def sweep(self) -> List[str]:
        """The chunks to keep now (most frequent first, within what room is left). When the table holds more
        than half of ``max_counted`` forms, the other counts are halved (those of 1 dropped)."""
        room = self.keep - len(self.kept)
        counts, kept, need = self.counts, self.kept, self.min_docs
        new = sorted((f for f, n in counts.items() if n >= need and f not in kept), key=counts.__getitem__,
                     reverse=True)[:max(0, room)]
        kept.update(new)
        if self.full:
            self.counts = Counter()  # nothing more will be kept: the counting stops
        elif len(counts) - len(new) > self.max_counted // 2:  # the table fills up: forget the rarest
            self.counts = Counter({f: n >> 1 for f, n in counts.items() if n > 1 and f not in kept})
        else:
            for f in new:
                del counts[f]
        self.docs = 0
        return new


def counter_of(nlp) -> Optional[FormCounts]:
    """The tokenizer's :class:`FormCounts`, made on first use; None when the tokenizer does not count
    (not the Kazakh tokenizer)."""
    tok = nlp.tokenizer
    if not hasattr(tok, "form_counter"):
        return None
    if tok.form_counter is None:
        tok.form_counter = FormCounts()
    return tok.form_counter


def keep_frequent_forms(nlp) -> int:
    """After a memory zone (never inside one): when a sweep is due, tokenize the chunks met often enough,
    outside any zone, so that their strings, lexemes and tokenizer cache entries stay. How many were kept."""
    counts = getattr(nlp.tokenizer, "form_counter", None)
    if counts is None or not counts.due() or nlp.vocab.in_memory_zone:
        return 0
    forms = counts.sweep()
    split = nlp.tokenizer.keep_form
    for form in forms:
        split(form)
    return len(forms)

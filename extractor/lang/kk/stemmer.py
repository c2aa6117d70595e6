"""``kk_stemmer``: a crude stem of every word as ``token.lemma_``.

Kazakh glues case, possessive and plural endings to the word (``Алматы``, ``Алматыда``, ``Алматының``),
so a statistical model trained on little data sees most inflected forms of a name only once. The
stem (the endings of ``data/stem_endings.tsv`` cut off, longest first and again, while five letters
remain) gives it one feature shared by all of them: ``алмат``. It is no real lemma: it may cut a stem
short (``бірін`` of ``бірінші``), but it cuts the same way every time, which is what a feature needs.

Because the stems are a feature of a trained model, the component saves its ending list with the
pipeline (``kk_stemmer/endings.txt``) and a loaded model uses its own list: improving the language
tables for the recognisers (``morph.py``) never changes what a shipped model sees.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, Tuple

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from .tables import column

MIN_STEM = 5
ENDINGS_TABLE = "stem_endings"
ENDINGS_FILE = "endings.txt"
# word forms remembered per stemmer, as every cache of word forms (extractor.batch.memory.WORD_CACHE_MAX)
_CACHE_SIZE = 16_384


@lru_cache(maxsize=1)
def default_endings() -> Tuple[str, ...]:
    return column(ENDINGS_TABLE, "ending")


class Stemmer:
    def __init__(self, name: str = "kk_stemmer", endings: Iterable[str] = ()):
        self.name = name
        self.set_endings(endings or default_endings())

    def set_endings(self, endings: Iterable[str]) -> None:
        cleaned = {e.strip().lower() for e in endings}
        cleaned.discard("")  # cutting "" would empty the word
        self.endings = tuple(sorted(cleaned, key=lambda e: (-len(e), e)))
        # the endings by length, longest first: a word's tail of each length looked up in one set (the same
        # ending as the first of ``endings`` that fits, since two endings of one length cannot both fit)
        self._lengths = tuple(sorted({len(e) for e in cleaned}, reverse=True))
        self._ending_set = frozenset(cleaned)
        self._cache: Dict[str, str] = {}
        self._by_orth: Dict[int, Tuple[int, str]] = {}  # a form's hash -> its lemma's hash and text

    def stem(self, word: str) -> str:
        lower = word.lower()
        if not lower.isalpha():
            return lower
        known = self._cache.get(lower)
        if known is not None:
            return known
        w = lower
        lengths, endings = self._lengths, self._ending_set
        cut = True
        while cut:
            cut = False
            for n in lengths:
                if len(w) - n >= MIN_STEM and w[-n:] in endings:
                    w = w[:-n]
                    cut = True
                    break
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        self._cache[lower] = w
        return w

    def __call__(self, doc: Doc) -> Doc:
        """Every token's ``lemma_`` set to :meth:`stem` of its text. A form is stemmed once per stemmer (its
        lemma's hash kept by the form's hash), and the lemmas are written in one array (``Doc.from_array``)
        instead of token by token."""
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        add, known = strings.add, self._by_orth
        orths = doc.to_array(ORTH)
        lemmas = []
        added = set()  # lemmas put in this Doc's string store (a memory zone may have freed earlier ones)
        for orth in orths.tolist():
            got = known.get(orth)
            if got is None:
                if len(known) >= _CACHE_SIZE:
                    known.clear()
                lemma = self.stem(strings[orth])
                got = known[orth] = (add(lemma), lemma)
                added.add(orth)
            elif got[0] != orth and orth not in added:
                add(got[1])
                added.add(orth)
            lemmas.append(got[0])
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=orths.dtype).reshape(-1, 1))
        return doc

    # the ending list travels with the pipeline: a model keeps the stems it was trained with
    def to_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / ENDINGS_FILE).write_text("\n".join(self.endings) + "\n", encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()):
        file = Path(path) / ENDINGS_FILE
        if file.exists():
            self.set_endings(file.read_text(encoding="utf-8").splitlines())
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return "\n".join(self.endings).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self.set_endings(data.decode("utf-8").splitlines())
        return self


_default = None


def stem(word: str) -> str:
    """The stem of ``word`` with the current ending table (what a newly trained model sees)."""
    global _default
    if _default is None:
        _default = Stemmer()
    return _default.stem(word)


@Language.factory("kk_stemmer")
def make_stemmer(nlp: Language, name: str):
    return Stemmer(name)

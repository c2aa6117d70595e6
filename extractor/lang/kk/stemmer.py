"""``kk_stemmer``: a crude stem of every word as ``token.lemma_``.

Kazakh glues case, possessive and plural endings to the word (``Алматы``, ``Алматыда``, ``Алматының``),
so a statistical model trained on little data sees most inflected forms of a name only once. The
stem (:func:`extractor.lang.kk.morph.strip_endings`, keeping at least five letters) gives it one
feature shared by all of them: ``алмат``. It is no real lemma: it may cut a stem short (``бірін`` of
``бірінші``), but it cuts the same way every time, which is what a feature needs.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .morph import strip_endings

MIN_STEM = 5


def stem(word: str) -> str:
    lower = word.lower()
    if not lower.isalpha():
        return lower
    return strip_endings(lower, MIN_STEM)


class Stemmer:
    def __init__(self, name: str = "kk_stemmer"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.lemma_ = stem(token.text)
        return doc


@Language.factory("kk_stemmer")
def make_stemmer(nlp: Language, name: str):
    return Stemmer(name)

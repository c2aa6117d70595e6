"""The names layer's words read off a spaCy ``Doc``'s tokens, with each word form analysed once.

A names *word* (:data:`.text.WORD_RE`: letters and digits, with hyphens, apostrophes and dots between
them) is not always one token of the ``kk`` tokenizer: ``Е.Сапаров`` is the two tokens ``Е.`` and
``Сапаров``, ``«ҚазАзот»`` three tokens and one word, ``1,5`` one token and two words. So the words are
derived from the *chunks* of the Doc: a run of tokens written with no whitespace between them (spaCy
splits a text on whitespace first, then cuts each piece into tokens; ``token.whitespace_`` tells where a
chunk ends). No word crosses whitespace, so the words of a text are exactly the words of its chunks, each
shifted by the chunk's offset: the same ``i``, ``start``, ``end`` and ``text`` as :data:`.text.WORD_RE`
over the whole text gives (``tests/test_names_doc_words.py`` holds the two equal over generated texts and
the development corpus).

The split of a chunk and the analysis of each of its words (case-folded form, written as a name or not)
are computed once per chunk form and kept in the shared form table (:func:`chunk_words`,
:attr:`extractor.lang.kk.forms.Form.words`), so a form met again costs one look-up.
Because the chunks hold whole words, no boundary of the tokenizer ever has to be mended: the only
fallback is for a text that is not the Doc's (:func:`doc_words` gives ``None`` and the caller uses
:func:`.text.regex_words`).

Speed (measured on the 2-core development machine, the 39 corpus texts, ``gc`` frozen): building the
words takes 15-25 % less time than the regex pass once the forms are cached, and about 1.7 times its time
where every form is new (a chunk seen for the first time costs a few microseconds of Python, a regex match
over the whole text well under one); on KazNERD sentences joined 20 to a document, where each chunk is one
word and a fifth of the chunks are new, about 1.3 times. The words are one or two per cent of ``kx_org``
and ``kx_names``; what this module brings is one split of the text, the tokenizer's, not speed.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex
from spacy.attrs import IDX, SPACY
from spacy.tokens import Doc

from ..lang.kk import forms as _forms
from .text import WORD_RE, Word, capitalised_form

# one word of a chunk: (offset in the chunk, end offset, text, casefolded text, written as a name)
Piece = Tuple[int, int, str, str, bool]


# a chunk of one word, with at most one sign before and one after it (``сөзі,``, ``«Нұр``, ``(2024)``): a
# sign that is no letter or digit never belongs to a word, so the group is the chunk's only word
_ONE_WORD = regex.compile(r"[^\p{L}\p{N}]?([\p{L}\p{N}]+)[^\p{L}\p{N}]?")


# how many chunks were split (the form table missed): read by the tests
stats = {"chunks": 0}


def chunk_words(chunk: str) -> Tuple[Piece, ...]:
    """The words of one whitespace-free chunk, with their offsets in it and their per-form analysis,
    worked out once per chunk form (the form table)."""
    try:
        got = _forms.TABLE[chunk].words
    except KeyError:
        got = None
    return _chunk_words(chunk) if got is None else got


def _chunk_words(chunk: str) -> Tuple[Piece, ...]:
    """Split ``chunk`` and keep the result on its entry of the form table."""
    got = _forms.form_of(chunk).words = _words_now(chunk)
    return got


def _words_now(chunk: str) -> Tuple[Piece, ...]:
    stats["chunks"] += 1
    m = _ONE_WORD.fullmatch(chunk)  # the usual chunk, matched once instead of a search for every word
    if m is not None:
        s, e = m.span(1)
        t = chunk[s:e]
        return ((s, e, t, t.casefold(), capitalised_form(t)),)
    out = []
    for m in WORD_RE.finditer(chunk):
        t = m.group()
        s, e = m.span()
        out.append((s, e, t, t.casefold(), capitalised_form(t)))
    return tuple(out)


def chunk_spans(doc: Doc, text: str) -> Tuple[List[int], List[int]]:
    """The starts and ends of the chunks of ``doc`` (whose text is ``text``): a chunk ends before the space
    of a token followed by one (``token.whitespace_``), and the next chunk starts at the next token."""
    if not len(doc):
        return [], []
    arr = doc.to_array([IDX, SPACY])
    idx, spaced = arr[:, 0], arr[:, 1]
    after = idx[1:][spaced[:-1] == 1]  # the first token of every chunk but the first
    return [0] + after.tolist(), (after - 1).tolist() + [len(text) - int(spaced[-1])]


def doc_words(doc: Doc, text: str) -> Optional[List[Word]]:
    """The names words of ``text`` (``doc``'s text), derived from ``doc``'s tokens; ``None`` when the
    tokens do not span ``text`` (a text that is not the Doc's: the caller splits it with the regex)."""
    if len(doc):
        last = doc[-1]
        if last.idx + len(last) + len(last.whitespace_) != len(text):
            return None
    elif text:
        return None
    out: List[Word] = []
    new, append = object.__new__, out.append
    table = _forms.TABLE
    i = 0
    for start, end in zip(*chunk_spans(doc, text)):
        chunk = text[start:end]
        if chunk.isdigit() and chunk.isascii():  # one number: no need to keep every number form in the table
            pieces = ((0, end - start, chunk, chunk, False),)
        else:
            try:
                pieces = table[chunk].words
            except KeyError:
                pieces = None
            if pieces is None:
                pieces = _chunk_words(chunk)
        for s, e, t, low, cap in pieces:
            w = new(Word)
            d = w.__dict__
            d["i"], d["start"], d["end"], d["text"], d["lower"], d["capitalised"] = \
                i, start + s, start + e, t, low, cap
            append(w)
            i += 1
    return out


__all__ = ["chunk_spans", "chunk_words", "doc_words"]

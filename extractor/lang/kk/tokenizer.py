"""The Kazakh tokenizer: normalise, tokenize with spaCy's rules, then join space-grouped numbers.

``KazakhTokenizer`` is a spaCy :class:`~spacy.tokenizer.Tokenizer` that

1. normalises the text (:mod:`extractor.normalize`) and keeps the text as received and the offset map
   on the Doc (``doc._.kk_raw`` and ``doc._.kk_offsets``), so that any span can be traced back;
2. splits it with the Kazakh prefix, suffix and infix rules and the abbreviation exceptions;
3. merges thousands written with spaces into one token (``3 634``, ``60 435,9``), but only when the
   first group has one to three digits and each later group exactly three: ``2015 жылы 3 634`` keeps
   the year apart.
"""
from __future__ import annotations

from typing import Optional

import regex
from spacy.tokenizer import Tokenizer
from spacy.attrs import NORM
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from . import numbers as N
from .normalize import OffsetMap, normalize

# a run this long of signs with no letter, digit or space between them (``««««``, ``______``) is cut into
# one token per sign before spaCy's affix rules see it: they search the whole remaining string for a
# suffix once per sign split off, which takes time quadratic in the run's length
LONG_SIGN_RUN = 32
_SIGN_RUN = regex.compile(r"[^\p{L}\p{N}\p{M}\s]{%d,}" % LONG_SIGN_RUN)
_FIRST_GROUP = regex.compile(rf"^{N.SIGN}{N.FIRST_GROUP}$")
_NEXT_GROUP = regex.compile(rf"^{N.GROUP}$")
_DIGIT_SPACE_DIGIT = regex.compile(r"[0-9] [0-9]")
_LAST_GROUP = regex.compile(rf"^{N.GROUP}(?:{N.DECIMAL})?{N.TOKEN_TAIL}$")

for _name in ("kk_raw", "kk_offsets", "kk_text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached by the tokenizer (spaCy rebuilds ``doc.text`` from the tokens on every access)."""
    cached = doc._.kk_text
    if cached is None:
        cached = doc.text
        doc._.kk_text = cached
    return cached


def original_text(doc: Doc) -> str:
    """The text as received (before normalisation)."""
    return doc._.kk_raw if doc._.kk_raw is not None else doc_text(doc)


def offset_map(doc: Doc) -> OffsetMap:
    """Map from ``doc.text`` positions to positions in :func:`original_text`."""
    if doc._.kk_offsets is None:
        n = len(doc_text(doc))
        return OffsetMap(norm_length=n, orig_length=n)
    return OffsetMap.from_lists(doc._.kk_offsets)


def grouped_number_spans(doc: Doc):
    """Token index ranges ``(i, j)`` of numbers written with space-grouped thousands."""
    spans = []
    n = len(doc)
    if n < 2:
        return spans
    # each token's text and whitespace read once (a ``doc[i]`` builds a Token object every time)
    texts, spaced = [], []
    for t in doc:
        texts.append(t.text)
        spaced.append(t.whitespace_ == " ")
    first, nxt, last = _FIRST_GROUP.match, _NEXT_GROUP.match, _LAST_GROUP.match
    i = 0
    while i < n:
        if spaced[i] and first(texts[i]):
            j = i + 1
            while j < n and nxt(texts[j]) and spaced[j - 1]:
                if not spaced[j] or j + 1 >= n or not nxt(texts[j + 1]):
                    break
                j += 1
            if j < n and spaced[j - 1] and last(texts[j]):
                spans.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return spans


# up to this many grouped numbers are merged with spaCy's retokenizer; past it the doc is built anew
# (the retokenizer looks each span up in a list of those already marked: quadratic in their number, which
# took minutes on a few megabytes of numbers)
MERGE_IN_PLACE_MAX = 64


def merge_spans(doc: Doc, spans, in_place_max: Optional[int] = None) -> Doc:
    """``doc`` with each token range of ``spans`` (sorted, not overlapping) merged into one token."""
    if len(spans) <= (MERGE_IN_PLACE_MAX if in_place_max is None else in_place_max):
        with doc.retokenize() as retok:
            for i, j in spans:
                retok.merge(doc[i:j])
        return doc
    # the same tokens as the retokenizer gives: a merged token has the lexeme of its text and its last
    # token's space; the other tokens keep their norm (set by the abbreviation exceptions)
    words, spaces, kept = [], [], []
    toks = list(doc)
    k = 0
    for i, j in spans:
        for t in toks[k:i]:
            kept.append((len(words), t.norm))
            words.append(t.text)
            spaces.append(bool(t.whitespace_))
        words.append(doc[i:j].text)
        spaces.append(bool(toks[j - 1].whitespace_))
        k = j
    for t in toks[k:]:
        kept.append((len(words), t.norm))
        words.append(t.text)
        spaces.append(bool(t.whitespace_))
    out = Doc(doc.vocab, words=words, spaces=spaces)
    norms = out.to_array([NORM])
    for pos, norm in kept:
        norms[pos] = norm
    out.from_array([NORM], norms)
    return out


class KazakhTokenizer(Tokenizer):
    normalize_text = True
    # Called with each normalised text tokenized inside a memory zone (spaCy caches nothing there); the batch
    # workers set it to count the chunks worth keeping (extractor.batch.kept_forms). None: nothing counted.
    form_counter = None

    def __call__(self, text):  # noqa: D102 - see the module docstring
        norm = normalize(text) if self.normalize_text else None
        src = norm.text if norm is not None else text
        if self.form_counter is not None and self.vocab.in_memory_zone:
            self.form_counter(src)
        doc = self._split(src)
        # a grouped number needs a digit, one space, a digit: most texts have none, and then no token is read
        spans = grouped_number_spans(doc) if _DIGIT_SPACE_DIGIT.search(src) else ()
        if spans:
            doc = merge_spans(doc, spans)
        if norm is not None:
            doc._.kk_raw = text
            doc._.kk_offsets = None if norm.offsets.is_identity else norm.offsets.to_lists()
        doc._.kk_text = src
        return doc

    def keep_form(self, chunk: str) -> Doc:
        """Tokenize one chunk of normalised text (no space in it) as :meth:`__call__` does; called outside a
        memory zone, its strings and lexemes stay and spaCy caches its tokens (kept_forms)."""
        return self._split(chunk)

    def _split(self, text: str) -> Doc:
        """spaCy's rules, except that long runs of signs (see :data:`LONG_SIGN_RUN`) become one token per sign."""
        runs = list(_SIGN_RUN.finditer(text))
        if not runs:
            return super().__call__(text)
        docs, pos = [], 0
        for m in runs:
            s, e = m.span()
            if s > pos:
                docs.append(super().__call__(text[pos:s]))
            spaces = [False] * (e - s)
            if e < len(text) and text[e] == " ":  # one space after the run belongs to its last sign
                spaces[-1] = True
                e += 1
            docs.append(Doc(self.vocab, words=list(m.group()), spaces=spaces))
            pos = e
        if pos < len(text):
            docs.append(super().__call__(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    # A saved pipeline keeps no tokenizer data: the rules (some are Python functions, which spaCy
    # cannot serialise) are rebuilt from the kk language by the registered factory, so a loaded model
    # always tokenizes exactly like the installed kazextract.
    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        return self

    def to_disk(self, path, *, exclude=tuple()):
        pass

    def from_disk(self, path, *, exclude=tuple()):
        return self


@registry.tokenizers("kazextract.KazakhTokenizer.v1")
def create_kazakh_tokenizer(normalize: bool = True):
    def make(nlp):
        d = nlp.Defaults
        tok = KazakhTokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(d.prefixes).search,
            suffix_search=compile_suffix_regex(d.suffixes).search,
            infix_finditer=compile_infix_regex(d.infixes).finditer,
            token_match=d.token_match,
            url_match=d.url_match,
        )
        tok.normalize_text = normalize
        return tok

    return make

"""Align KazNERD's token-level IOB2 annotation with the tokens of our own ``kk`` tokenizer, both ways.

KazNERD gives one entity per run of whitespace-free tokens. We rebuild a text by joining the tokens
with single spaces, run our tokenizer on it (which normalises the text and may merge tokens, e.g.
``3 634`` or ``%-ға``) and carry the entities over as character spans:

* :func:`to_doc`: a KazNERD sentence becomes a spaCy ``Doc`` of our tokenizer with ``doc.ents`` set
  (training data). An entity whose edge falls inside one of our tokens cannot be represented; its
  tokens are marked *missing* (unknown) rather than ``O`` so that training neither learns it nor
  learns that it is not an entity, and the failure is returned with a reason.
* :func:`to_tags`: entities predicted on such a ``Doc`` become IOB2 tags of the KazNERD tokens again
  (evaluation on KazNERD's own token sequence).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.kk.tokenizer import offset_map
from .kaznerd import Sentence


def sentence_text(tokens: Sequence[str]) -> Tuple[str, List[int]]:
    """The tokens joined by single spaces and the start offset of each token."""
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    return " ".join(tokens), starts


class NormalisedPositions:
    """Positions of the original text carried to ``doc.text`` (the tokenizer normalises the text)."""

    def __init__(self, doc: Doc):
        omap = offset_map(doc)
        self.orig_of = [omap.to_original(i) for i in range(len(doc.text))]
        self.identity = omap.is_identity

    def __call__(self, orig: int) -> int:
        """Number of normalised characters that come from before ``orig``: a span boundary."""
        return orig if self.identity else bisect.bisect_left(self.orig_of, orig)


@dataclass
class AlignFailure:
    label: str
    text: str  # the KazNERD entity text
    tokens: Tuple[str, ...]  # our tokens that cover it
    edge: str  # "start", "end" or "start and end": which edge falls inside one of our tokens
    why: str

    def __str__(self):
        return f"{self.label} {self.text!r} -> {list(self.tokens)}: {self.edge} inside our token ({self.why})"


def _why(tokens: Sequence[str]) -> str:
    if any(" " in t for t in tokens):
        return "space-grouped number merged into one token"
    if any("%" in t for t in tokens):
        return "percent sign kept with its number or suffix"
    if any("-" in t for t in tokens):
        return "hyphenated form kept as one token"
    return "other token boundary"


def to_doc(nlp: Language, sentence: Sentence) -> Tuple[Doc, List[AlignFailure]]:
    """``nlp.make_doc`` of the sentence text with KazNERD's entities as ``doc.ents``."""
    text, starts = sentence_text(sentence.tokens)
    doc = nlp.make_doc(text)
    pos = NormalisedPositions(doc)
    ents: List[Span] = []
    missing: List[Span] = []
    failures: List[AlignFailure] = []
    for a, b, label in sentence.entities():
        cs, ce = starts[a], starts[b - 1] + len(sentence.tokens[b - 1])
        ns, ne = pos(cs), pos(ce)
        span = doc.char_span(ns, ne, label=label)
        if span is not None:
            ents.append(span)
            continue
        cover = doc.char_span(ns, ne, alignment_mode="expand")
        toks = tuple(t.text for t in cover) if cover is not None else ()
        start_inside = cover is not None and cover.start_char != ns
        end_inside = cover is not None and cover.end_char != ne
        edge = "start and end" if start_inside and end_inside else "start" if start_inside else "end"
        failures.append(AlignFailure(label, text[cs:ce], toks, edge, _why(toks)))
        if cover is not None:
            missing.append(cover)
    taken = {i for s in ents for i in range(s.start, s.end)}
    unknown = [doc[i:i + 1] for s in missing for i in range(s.start, s.end) if i not in taken]
    doc.set_ents(ents, missing=unknown, default="outside")
    return doc, failures


def to_tags(doc: Doc, tokens: Sequence[str], spans: Optional[Sequence[Span]] = None) -> List[str]:
    """IOB2 tags of the KazNERD ``tokens`` for the entities of ``doc`` (a doc of their joined text).

    A predicted span covers every KazNERD token it touches; a token already covered by an earlier
    span keeps that span's tag.
    """
    text, starts = sentence_text(tokens)
    omap = offset_map(doc)
    tags = ["O"] * len(tokens)
    for span in doc.ents if spans is None else spans:
        s, e = omap.span(span.start_char, span.end_char)
        first = bisect.bisect_right(starts, s) - 1
        last = bisect.bisect_right(starts, max(s, e - 1)) - 1
        if first < 0 or any(tags[i] != "O" for i in range(first, last + 1)):
            continue
        tags[first] = f"B-{span.label_}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{span.label_}"
    return tags

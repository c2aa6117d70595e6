"""A sentence as the facts grammar reads it: its words in order, which mention each word belongs to,
and the clause each word stands in.

Clauses: Kazakh puts the finite verb last, so a sentence is one clause unless something cuts it:
``;``, a conditional verb (``... таппаса, онда ...``: the condition is a clause of its own), a
contrasting conjunction (``ал``, ``бірақ``, ``алайда``, ``онда``) or the reporting tail that starts at
``деп``. Commas alone do not cut: ``X АЭА ... 30 млрд теңге тартылды, 223 млрд теңгенің өнімі
өндірілді`` shares its subject. A dateline (``АСТАНА. KAZINFORM —``: capitals up to a dash at the
start) is marked so that no amount links to its names.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import List, Optional, Sequence

from ..mentions import Mention
from .lexicon import link_role, status_of_word

DASHES = {"—", "–", "-"}
SEGMENT_MARKS = {",", ";", ":", "(", ")"}


@dataclass
class Word:
    text: str
    lower: str
    start: int
    end: int
    punct: bool
    mention: Optional[int] = None  # index into the document's mentions
    clause: int = 0
    segment: int = 0  # part of the clause between commas and brackets
    final: bool = False  # punctuation, the sentence's end, деп or an auxiliary follows: where a finite verb stands
    dateline: bool = False


@dataclass
class Sentence:
    start: int
    end: int
    words: List[Word]
    mentions: List[int] = field(default_factory=list)  # indices of the mentions that start here
    first_token: int = 0

    def span_of(self, k: int):
        """(first, last) word positions of mention ``k``, or None when no word of this sentence is in it."""
        idx = [i for i, w in enumerate(self.words) if w.mention == k]
        return (idx[0], idx[-1]) if idx else None


@lru_cache(maxsize=4096)
def _is_punct(text: str) -> bool:
    return not any(c.isalnum() for c in text)


def _mark_final(words: List[Word]) -> None:
    for i, w in enumerate(words):
        if w.punct:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        w.final = (nxt is None or (nxt.punct and nxt.text not in ("«", "\"", "“")) or link_role(nxt.lower) == "report"
                   or status_of_word(nxt.lower, final=False, after=True) == "auxiliary")


def _mark_clauses(words: List[Word]) -> None:
    clause = segment = 0
    for i, w in enumerate(words):
        role = None if w.punct or w.mention is not None else link_role(w.lower)
        if role == "break" or (role == "report" and w.lower == "деп"):
            clause += 1
        if w.punct and w.text in SEGMENT_MARKS or role is not None and role in ("break", "report"):
            segment += 1
        w.clause, w.segment = clause, segment
        if w.text == ";" or (not w.punct and w.mention is None and w.final
                             and status_of_word(w.lower, final=True, after=True) == "condition"):
            clause += 1


def _mark_dateline(words: List[Word]) -> None:
    for i, w in enumerate(words):
        if w.text in DASHES and i > 0:
            head = [x for x in words[:i] if not x.punct]
            if head and all(x.text.isupper() or not any(c.isalpha() for c in x.text) for x in head):
                for x in words[:i + 1]:
                    x.dateline = True
            return
        if not w.punct and not (w.text.isupper() or not any(c.isalpha() for c in w.text)):
            return


def sentences_of(doc, mentions: Sequence[Mention], wanted: Optional[set] = None, spans=None) -> List[Sentence]:
    """The sentences of ``doc`` (a spaCy Doc with sentence starts; or the sentence ``spans`` given) that
    hold a mention in ``wanted`` (indices into ``mentions``, which are sorted by start); all sentences
    when ``wanted`` is None."""
    starts = [m.start for m in mentions]
    out = []
    if spans is None:  # a pipeline without a sentence splitter: the whole text is one sentence
        spans = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in spans:
        s0, s1 = sent.start_char, sent.end_char
        lo, hi = bisect.bisect_left(starts, s0), bisect.bisect_left(starts, s1)
        inside = list(range(lo, hi))
        if wanted is not None and not any(k in wanted for k in inside):
            continue
        words = []
        for t in sent:
            if not t.is_space:
                text, idx = t.text, t.idx  # each read of a Token attribute builds it again
                words.append(Word(text, text.lower(), idx, idx + len(text), _is_punct(text)))
        # which mention each word is in (mentions of one sentence are few: a plain scan)
        for w in words:
            for k in inside:
                m = mentions[k]
                if m.start <= w.start < m.end:
                    w.mention = k
                    if m.type in ("money", "jobs", "percent", "quantity", "date"):
                        break  # a value mention wins a word it shares with a name
        _mark_final(words)
        _mark_clauses(words)
        _mark_dateline(words)
        out.append(Sentence(s0, s1, words, inside, sent.start))
    return out


def list_lead(doc, sent: Sentence, mentions: Sequence[Mention]) -> Optional[Sentence]:
    """The sentence that introduces a list (it ends in ``:``) when ``sent`` is one of its items (it starts
    with a dash): ``шығыстары ... бағытталды:`` / ``- әлеуметтік қолдауға 8,3 трлн теңге;``."""
    if not sent.words or sent.words[0].text not in DASHES:
        return None
    i = sent.first_token
    while i > 0:
        prev = doc[i - 1].sent
        toks = [t for t in prev if not t.is_space]
        if not toks:
            return None
        if toks[-1].text == ":":
            return sentences_of(doc, mentions, spans=[prev])[0]
        if toks[0].text not in DASHES:
            return None
        i = prev.start
    return None

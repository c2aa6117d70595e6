"""What a money amount measures: the best cue of ``facts_measures.tsv`` in its sentence.

Every word outside the sentence's mentions is tried against the cue table (the longest cue that
matches a word is the word's cue; a cue may ask for a case, ``бюджетке`` tax but ``бюджеттен``
funding, and for a side of the amount: a verb cue stands after it). The cue with the highest
weight wins, then the nearest, but a strong cue in the amount's own segment (between commas) comes
first: ``30 млрд теңге қаражат тартылды, ..., бюджетке салық ... түсті`` is an investment. An item of a
list takes the cues of the sentence that introduces the list. No cue: ``other``."""
from __future__ import annotations

from typing import List, Optional, Tuple

from ..lang.kk.morph import parses
from .lexicon import Cue, cues_starting
from .sentence import Sentence

OTHER = "other"
STRONG = 2  # weight of a cue that wins its segment


def _has_case(word: str, case: str) -> bool:
    return any(p.case_name == case for p in parses(word))


def sentence_cues(sent: Sentence) -> List[Tuple[int, int, Cue]]:
    """(first word, last word, cue) for every word of ``sent`` that starts a cue."""
    words = sent.words
    out = []
    for i, w in enumerate(words):
        if w.punct or w.mention is not None:
            continue
        best: Optional[Tuple[int, Cue]] = None
        for cue in cues_starting(w.lower):
            n = len(cue.words)
            if i + n > len(words):
                continue
            span = words[i:i + n]
            if n > 1 and (any(x.punct or x.mention is not None for x in span)
                          or not all(test(x.lower) for test, x in zip(cue.words[1:], span[1:]))):
                continue
            if cue.case and not _has_case(span[-1].text, cue.case):
                continue
            if best is None or cue.length > best[1].length:
                best = (i + n - 1, cue)
        if best is not None:
            out.append((i, best[0], best[1]))
    return out


def measure_of(sent: Sentence, first: int, last: int, cues=None, lead: Optional[Sentence] = None) -> str:
    """Measure code of the money amount on words ``first..last`` of ``sent``. A strong cue (weight 2 or 3) in
    the amount's own segment (between commas or brackets) wins; then the highest weight, the own clause,
    the nearest. ``lead``: the sentence that introduces the list ``sent`` is an item of; its cues come last."""
    if cues is None:
        cues = sentence_cues(sent)
    w = sent.words
    best, best_score = OTHER, None
    for i, j, cue in cues:
        if j < first:
            side, dist = "before", first - j
        elif i > last:
            side, dist = "after", i - last
        else:
            continue
        if cue.where != "any" and cue.where != side:
            continue
        score = (cue.weight >= STRONG and w[i].segment == w[first].segment, cue.weight,
                 w[i].clause == w[first].clause, -dist)
        if best_score is None or score > best_score:
            best, best_score = cue.measure, score
    if best_score is None and lead is not None:
        lead_cues = sentence_cues(lead)
        if lead_cues:
            best = max(lead_cues, key=lambda c: (c[2].weight, c[0]))[2].measure
    return best

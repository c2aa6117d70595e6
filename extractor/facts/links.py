"""Which organisation, place and date of its sentence an amount belongs to (facts.md, "links").

Candidates are the sentence's org, location and date mentions in the amount's clause, less those the
grammar rules out:

* names of a dateline (``АСТАНА. KAZINFORM —``) and sources of the information: a name followed by a
  source word, close by or in the same phrase (``X ақпараты бойынша``, ``X-тің дерегінше``, ``X баспасөз
  қызметі``, ``X басшысының айтуынша,``) or standing after a reporting word (``..., деп хабарлады X``);
* a name followed by a topic or comparison word (``X туралы``, ``X-пен салыстырғанда``);
* an organisation that is the subject of a verb of finding (``X ... анықтады``);
* a place that only qualifies another name: one overlapping or just before an organisation
  (``Маңғыстау облысы әкімдігі``), or a genitive just before another place (``Қызылорда облысының Шиелі
  ауданында``: the district);
* a date that is a comparison base (``2017 жылғыдан``).

Of the rest, the organisation is the owner in the genitive or the subject (nominative) before the amount,
else another case before it (ablative: who it comes from; locative, dative), each time the nearest; with
none before, one in the nominative, genitive or locative after it in its phrase. The place and the date
are the nearest before the amount, else the first after it in its phrase (not past a comma); of a pair of places
(``Қазақстан мен Қытай арасындағы``) the first side; a date span written as two dates (``2015 жылдан
2019 жылға дейін``) links its start.

Links are indices of mentions while the pipeline runs; :func:`relink` turns them into indices of the
document's records.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence

import regex

from ..mentions import Mention
from .lexicon import link_role
from .morph_case import NOMINATIVE, mention_case
from .sentence import Sentence

LINK_FIELDS = ("org", "location", "date")
SOURCE_WINDOW = 3  # words after a name in which a source word makes it a source
ORG_CASE_RANK = {NOMINATIVE: 0, "genitive": 0, "ablative": 1, "locative": 1, "locative_attr": 1, "dative": 1}
AFTER_ORG_CASES = {NOMINATIVE, "genitive", "locative", "locative_attr"}
COMPARISON_DATE = regex.compile(r"(?:ғы|гі|қы|кі)(?:дан|ден|тан|тен)$", regex.IGNORECASE)


class _Cand:
    __slots__ = ("k", "first", "last", "case")

    def __init__(self, k, first, last, case):
        self.k, self.first, self.last, self.case = k, first, last, case


def _excluded(sent: Sentence, first: int, last: int, m: Mention) -> bool:
    words = sent.words
    if words[first].dateline:
        return True
    after = [w for w in words[last + 1:] if not w.punct][:SOURCE_WINDOW]
    roles = [link_role(w.lower) if w.mention is None else None for w in after]
    if "source" in roles:
        return True
    if roles and roles[0] == "topic":
        return True
    # a phrase that ends in a source word: «Береке» ЖШС басқарма төрағасының айтуынша, ...
    seg = words[last].segment
    if any(w.segment == seg and w.mention is None and not w.punct and link_role(w.lower) == "source"
           for w in words[last + 1:]):
        return True
    if m.type != "date" and any(not w.punct and w.mention is None and link_role(w.lower) == "report"
                                for w in words[:first]):
        return True
    return False


def _candidates(sent: Sentence, mentions: Sequence[Mention], kind: str, clause: int) -> List[_Cand]:
    out = []
    for k in sent.mentions:
        m = mentions[k]
        if m.type != kind:
            continue
        span = sent.span_of(k)
        if span is None or sent.words[span[0]].clause != clause:
            continue
        if _excluded(sent, span[0], span[1], m):
            continue
        case = mention_case(m_text(sent, span), m.attrs.get("name")) if kind != "date" else ""
        out.append(_Cand(k, span[0], span[1], case))
    return out


def m_text(sent: Sentence, span) -> str:
    return " ".join(w.text for w in sent.words[span[0]:span[1] + 1])


def _next_word(sent: Sentence, last: int):
    rest = [w for w in sent.words[last + 1:] if w.text not in ("«", "\"", "“")]
    return rest[0] if rest else None


def _qualifier_place(sent: Sentence, c: _Cand, mentions: Sequence[Mention]) -> bool:
    m = mentions[c.k]
    if any(mentions[j].type == "org" and mentions[j].start < m.end and m.start < mentions[j].end
           for j in sent.mentions if j != c.k):
        return True
    nxt = _next_word(sent, c.last)
    if nxt is None or nxt.mention is None:
        return False
    other = mentions[nxt.mention]
    return other.type == "org" or (other.type == "location" and c.case == "genitive")


def _finding_subject(sent: Sentence, c: _Cand, last_amount: int) -> bool:
    return c.case == NOMINATIVE and any(not w.punct and w.mention is None and link_role(w.lower) == "finding"
                                        for w in sent.words[last_amount + 1:])


def _nearest_before(cands: List[_Cand], first: int) -> Optional[_Cand]:
    before = [c for c in cands if c.last < first]
    return max(before, key=lambda c: c.last) if before else None


def _first_after(cands: List[_Cand], last: int, sent: Sentence) -> Optional[_Cand]:
    """The first candidate after the amount in its own segment (after a comma it is another statement:
    ``..., бұл Алматыдағыдан көп``)."""
    seg = sent.words[last].segment
    after = [c for c in cands if c.first > last and sent.words[c.first].segment == seg]
    return min(after, key=lambda c: c.first) if after else None


def link_org(sent: Sentence, mentions: Sequence[Mention], first: int, last: int) -> Optional[int]:
    clause = sent.words[first].clause
    cands = [c for c in _candidates(sent, mentions, "org", clause) if not _finding_subject(sent, c, last)]
    before = [c for c in cands if c.last < first and c.case in ORG_CASE_RANK]
    if before:
        return min(before, key=lambda c: (ORG_CASE_RANK[c.case], first - c.last)).k
    c = _first_after([c for c in cands if c.case in AFTER_ORG_CASES], last, sent)
    return c.k if c else None


def link_location(sent: Sentence, mentions: Sequence[Mention], first: int, last: int) -> Optional[int]:
    clause = sent.words[first].clause
    cands = [c for c in _candidates(sent, mentions, "location", clause) if not _qualifier_place(sent, c, mentions)]
    c = _nearest_before(cands, first) or _first_after(cands, last, sent)
    if c is None:
        return None
    # the second side of a pair (Қазақстан мен Қытай арасындағы): the amount is the first side's
    if c.first >= 2 and link_role(sent.words[c.first - 1].lower) == "pair":
        pair = [d for d in cands if d.last == c.first - 2]
        if pair:
            return pair[0].k
    return c.k


def link_date(sent: Sentence, mentions: Sequence[Mention], first: int, last: int) -> Optional[int]:
    clause = sent.words[first].clause
    cands = [c for c in _candidates(sent, mentions, "date", clause)
             if not COMPARISON_DATE.search(m_text(sent, (c.first, c.last)))]
    c = _nearest_before(cands, first) or _first_after(cands, last, sent)
    if c is None:
        return None
    # a span written as two dates links its start: the date just before it, with nothing but a dash between
    prev = [d for d in cands if d.last < c.first and all(w.punct for w in sent.words[d.last + 1:c.first])]
    return max(prev, key=lambda d: d.last).k if prev else c.k


# -- from mention indices to record indices ----------------------------------------------------------

def relink(records: list, made: Dict[int, object]) -> None:
    """``made`` maps mention positions to the records built from them; ``records`` is the document's
    final, sorted list. Link fields that hold mention positions get the linked record's index (or
    None when the linked mention gave no record)."""
    position = {id(r): i for i, r in enumerate(records)}
    for r in records:
        for f in LINK_FIELDS:
            k = getattr(r, f, None) if r.type in ("money", "jobs") else None
            if k is not None:
                target = made.get(k)
                setattr(r, f, position[id(target)] if target is not None else None)


def shift_links(record, offset: int) -> dict:
    """Updates that move ``record``'s links by ``offset`` (records of a long text's later piece)."""
    if record.type not in ("money", "jobs"):
        return {}
    return {f: getattr(record, f) + offset for f in LINK_FIELDS if getattr(record, f, None) is not None}

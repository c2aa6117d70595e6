"""The jobs recogniser: workplaces created or planned, and people employed.

* workplaces: ``3 634 жұмыс орнын``, ``68 мыңнан астам жаңа жұмыс орнын``, ``1000-нан астам тұрақты
  жұмыс орны`` (permanent);
* people employed: a number of people with an employment phrase after it: ``8 308 адам тұрақты
  жұмыспен`` (қамтылады), ``260-тан астам адамды жұмыспен`` (қамтиды), ``22 адам жұмыс істейді``, ``10-15
  адамға жұмыс`` (береміз), or before it: ``жұмыс істейтін 500 адам``;
* head counts: ``қызметкерлердің саны 3,7 млн адамды құрады``.

``permanent`` is true for тұрақты, false for уақытша, null otherwise. People without employment words
are not jobs (``189 адам қаза тапқан``). The words are in ``lang/kk/data/job_words.tsv`` and
``job_phrases.tsv``; the grammar is :mod:`..measure`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

from ...lang.kk.morph import ending_rows
from ...lang.kk.tables import load_table
from ...mentions import Context, Mention
from .. import qualifiers as Q
from ..measure import MeasureGrammar, clean
from ..numeral import read_number, read_range
from ..numeral.reader import last_word
from ..phrases import Phrase, PhraseLexicon, make_phrase
from ..analysis import analysis_for, register_triggers
from ..tokens import Tok

_PERMANENT = {"true": True, "false": False, "": None}
# what may not follow the number of a head count: it is a share or another measure
_NOT_A_HEADCOUNT = ("%", "пайыз", "процент", "есе")
# the cases a counted person word takes in a head count (қызметкерлер саны 500 адам / адамды / адамға)
_COUNT_CASES = ("nominative", "accusative", "dative", "ablative")


@dataclass(frozen=True)
class Employment:
    phrase: Phrase
    next_stems: Tuple[str, ...]
    span_next: bool  # the mention ends with the following word (22 адам жұмыс істейді)
    person_cases: Tuple[str, ...]  # the cases the person word may carry before it


@dataclass(frozen=True)
class _Lexicon:
    units: PhraseLexicon  # workplace and person words
    persons: PhraseLexicon
    modifiers: PhraseLexicon
    headcount: PhraseLexicon
    lead: PhraseLexicon
    employment: Tuple[Employment, ...]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    rows = load_table("job_words")

    def lex(*roles, inflect=False):
        return PhraseLexicon(make_phrase(r["phrase"], r["role"] if r["role"] != "modifier" else
                                         _PERMANENT[r["permanent"]], inflect=inflect)
                             for r in rows if r["role"] in roles)

    employment = tuple(Employment(make_phrase(r["phrase"]), tuple(s for s in r["next"].split("|") if s),
                                  r["span"] == "next", tuple(r["person_case"].split()))
                       for r in load_table("job_phrases"))
    return _Lexicon(lex("workplace", "person", inflect=True), lex("person", inflect=True), lex("modifier"),
                    lex("headcount"), lex("lead"), employment)


def _modifiers_at(toks: Sequence[Tok], k: int, limit: int = 2) -> int:
    mods = lexicon().modifiers
    n = 0
    while n < limit and k < len(toks) and not toks[k].glued and toks[k].gap_ok:
        m = mods.match(toks, k)
        if m is None:
            break
        k, n = m[1], n + 1
    return k


@lru_cache(maxsize=1)
def _case_endings() -> Tuple[Tuple[str, str], ...]:
    rows = dict.fromkeys((e.ending, e.case) for e in ending_rows())  # table order within a length
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1024)
def person_case(rest: str) -> str:
    """The case of a person word from what follows its stem: ``ды`` → accusative, ``""`` → nominative;
    a derivative (``адамдық`` "for N people") or anything else is no person case."""
    if not rest:
        return "nominative"
    for ending, case in _case_endings():
        if rest.endswith(ending):
            return case
    return "other"


def _person_case_at(toks: Sequence[Tok], j: int, unit: Phrase) -> str:
    t = toks[j - 1]
    part = unit.parts[-1]
    return person_case(t.low[len(part):]) if t.low.startswith(part) else "other"


def employment_after(toks: Sequence[Tok], j: int, case: str = "nominative") -> Optional[int]:
    """After a person word in ``case``: [тұрақты] + an employment phrase (+ its verb); the end of the
    mention."""
    k = _modifiers_at(toks, j)
    if k >= len(toks) or toks[k].glued or not toks[k].gap_ok:
        return None
    for e in lexicon().employment:
        if case not in e.person_cases:
            continue
        end = PhraseLexicon([e.phrase]).match(toks, k)
        if end is None:
            continue
        end = end[1]
        if not e.next_stems:
            return end
        if end < len(toks) and not toks[end].glued and toks[end].gap_ok and toks[end].kind == "word" \
                and toks[end].low.startswith(e.next_stems):
            return end + 1 if e.span_next else end
    return None


def _unit_tail(toks: Sequence[Tok], j: int, unit: Phrase) -> Optional[int]:
    if unit.payload == "workplace":
        return j
    return employment_after(toks, j, _person_case_at(toks, j, unit))


@lru_cache(maxsize=1)
def grammar() -> MeasureGrammar:
    lx = lexicon()
    return MeasureGrammar(lx.units, trigger="jobs", modifiers=lx.modifiers, unit_tail=_unit_tail)


def _permanent(toks: Sequence[Tok], first: int, last: int) -> Optional[bool]:
    mods = lexicon().modifiers
    for k in range(first, last):
        m = mods.match(toks, k)
        if m is not None and m[0].payload is not None:
            return m[0].payload
    return None


def _mention(toks, first, last, value, value_max, qualifier) -> Mention:
    return Mention("jobs", toks[first].start, toks[last - 1].end,
                   {"value": clean(value), "value_max": None if value_max is None else clean(value_max),
                    "qualifier": qualifier, "permanent": _permanent(toks, first, last)})


def _counted(toks: Sequence[Tok], k: int, *, need_person: bool):
    """[qualifier] NUMBER [qualifier] [person] at ``k``: ``(first, last, value, value_max, qualifier)``."""
    first = k
    qualifier = "exact"
    q = Q.before_at(toks, k)
    if q is not None:
        qualifier, k = q
    rng = read_range(toks, k)
    if rng is not None:
        value, value_max, end, word = rng.low, rng.high, rng.end, rng.amount.last_word
        qualifier = "range"
    else:
        num = read_number(toks, k, signed=False)
        if num is None:
            return None
        value, value_max, end, word = num.amount.value, None, num.end, num.amount.last_word
    if end < len(toks) and (toks[end].text in _NOT_A_HEADCOUNT or toks[end].low.startswith(_NOT_A_HEADCOUNT[1:])):
        return None
    mid = Q.after(toks, end, Q.case_of(word))
    if mid is not None and qualifier == "exact":
        qualifier, end = mid
    person = lexicon().persons.match(toks, end) if end < len(toks) and not toks[end].glued else None
    if person is not None and _person_case_at(toks, person[1], person[0]) not in _COUNT_CASES:
        return None  # 80 адамдық команда: "a team for 80", 28 адаммен: "with 28 people"
    if person is not None:
        end = person[1]
        post = Q.after(toks, end, Q.case_of(last_word(toks, end - 1, end)))
        if post is not None and qualifier == "exact":
            qualifier, end = post
    elif need_person:
        return None
    return first, end, value, value_max, qualifier


@lru_cache(maxsize=1)
def _first_words() -> frozenset:
    """The first words of the head-count and lead phrases (a cheap test before matching them)."""
    lx = lexicon()
    return frozenset(p.parts[0] for p in lx.headcount.phrases + lx.lead.phrases)


def _is_first_word(low: str, is_word: bool) -> bool:
    return low in _first_words()


# the tokens a head-count or lead phrase may start at, from the document analysis
register_triggers("jobs_heads", _is_first_word)


def find(text: str, ctx: Optional[Context] = None) -> List[Mention]:
    a = analysis_for(text, ctx.doc if ctx else None)
    toks = a.toks
    out = []
    for f in grammar().find(text, a):
        m = _mention(toks, f.first, f.last, f.value, f.value_max, f.qualifier)
        if f.head is not None:  # 5 және 7 тұрақты жұмыс орны: the listed number shares the amount's words
            m.attrs["permanent"] = _permanent(toks, f.head.first, f.head.last)
        out.append(m)
    lx = lexicon()
    for i in a.triggers("jobs_heads"):
        t = toks[i]
        for lex, need_person in ((lx.headcount, False), (lx.lead, True)):
            if not lex.candidates(t):
                continue
            m = lex.match(toks, i)
            if m is None or m[1] >= len(toks) or toks[m[1]].glued or not toks[m[1]].gap_ok:
                continue
            got = _counted(toks, m[1], need_person=need_person)
            if got is None:
                continue
            first, last, value, value_max, qualifier = got
            if not need_person and last == first + 1 and toks[first].kind == "num" and \
                    not lexicon().persons.match(toks, last - 1):
                # a bare number after "қызметкерлер саны" must carry its case or a person word
                if Q.case_of(toks[first].text) == "any":
                    continue
            start = i if need_person else first
            out.append(_mention(toks, start, last, value, value_max, qualifier))
    out.sort(key=lambda m: m.start)
    return out

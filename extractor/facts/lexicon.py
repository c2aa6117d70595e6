"""The facts grammar's word tables (``extractor/lang/kk/data/facts_*.tsv``), read once.

A cue word of a table matches a text word in one of three ways (the table's ``match`` column):
``noun`` (the stem with any chain of noun endings, :func:`~extractor.lang.kk.morph.ending_chain_pattern`),
``prefix`` (the word starts with it: verb stems, derived words) or ``word`` (the whole word).

What the tables say of one word form (the cues it starts, the status markers and the link role it
matches) is worked out once per form and kept in the shared form table
(:attr:`extractor.lang.kk.forms.Form.facts`), with the other layers' answers for that form.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Tuple

import regex

from ..lang.kk.forms import form_of, table_get
from ..lang.kk.morph import ending_chain_pattern
from ..lang.kk.tables import load_table

MEASURES = ("investment", "funding", "cost", "revenue", "tax", "trade", "credit", "income", "loss", "other")
STATUSES = ("planned", "actual", "aorist", "present", "regular", "payment", "auxiliary", "condition", "none")
LINK_ROLES = ("source", "report", "finding", "topic", "break", "pair")
WHERE = ("before", "after", "any")
VOICED = {"к": "г", "қ": "ғ"}
VOWELS = frozenset("аәеоөұүыі")


@lru_cache(maxsize=1)
def _ending_chain():
    """Any chain of noun endings (morph's pattern), compiled once for every noun cue."""
    return regex.compile(ending_chain_pattern(), regex.IGNORECASE)


def _word_matcher(form: str, match: str):
    """A predicate on a lower-case word."""
    form = form.lower()
    if match == "word":
        return lambda w: w == form
    if match == "prefix":
        return lambda w: w.startswith(form)
    if match == "noun":
        chain = _ending_chain()
        voiced = form[:-1] + VOICED[form[-1]] if form[-1:] in VOICED else None

        def noun(w: str) -> bool:
            if w.startswith(form):
                return chain.fullmatch(w, len(form)) is not None
            # a stem's final к/қ voices before a vowel: салық → салығы, берешек → берешегі
            return (voiced is not None and w.startswith(voiced) and len(w) > len(voiced)
                    and w[len(voiced)] in VOWELS and chain.fullmatch(w, len(voiced) + 1) is not None)
        return noun
    if match == "regex":
        pat = regex.compile(form)
        return lambda w: pat.fullmatch(w) is not None
    raise ValueError(f"unknown match kind {match!r}")


@dataclass(frozen=True)
class Cue:
    words: Tuple  # one predicate per cue word
    length: int  # letters of the cue: the longest cue wins a word
    case: str
    measure: str
    where: str
    weight: int


@lru_cache(maxsize=1)
def measure_cues() -> Tuple[Cue, ...]:
    out = []
    for r in load_table("facts_measures"):
        if r["measure"] not in MEASURES or r["where"] not in WHERE:
            raise ValueError(f"facts_measures.tsv: bad row {r}")
        words = tuple(_word_matcher(w, r["match"] if i == len(r["cue"].split()) - 1 else "prefix")
                      for i, w in enumerate(r["cue"].split()))
        out.append(Cue(words, len(r["cue"]), r["case"], r["measure"], r["where"], int(r["weight"])))
    return tuple(out)


@dataclass(frozen=True)
class Marker:
    test: object
    status: str
    where: str
    final: bool


@lru_cache(maxsize=1)
def status_markers() -> Tuple[Marker, ...]:
    out = []
    for r in load_table("facts_status"):
        if r["status"] not in STATUSES or r["where"] not in WHERE:
            raise ValueError(f"facts_status.tsv: bad row {r}")
        out.append(Marker(_word_matcher(r["form"], r["match"]), r["status"], r["where"], r["final"] == "yes"))
    return tuple(out)


@lru_cache(maxsize=1)
def _link_rows():
    out = []
    for r in load_table("facts_links"):
        if r["role"] not in LINK_ROLES:
            raise ValueError(f"facts_links.tsv: bad row {r}")
        out.append((_word_matcher(r["form"], r["match"]), r["role"]))
    return tuple(out)


class _FactsForm:
    """The facts tables' answers for one lower-case word form, each worked out when first asked (a word
    whose link role is asked is not always one whose cues are)."""

    __slots__ = ("word", "_cues", "_markers", "_role")

    def __init__(self, word: str):
        self.word = word
        self._cues = self._markers = self._role = _NOT_YET

    @property
    def cues(self) -> Tuple[Cue, ...]:
        got = self._cues
        if got is _NOT_YET:
            word = self.word
            got = self._cues = tuple(c for c in measure_cues() if c.words[0](word))
        return got

    @property
    def markers(self) -> Tuple[Marker, ...]:
        """The rows of ``facts_status.tsv`` that match the word, in the table's order."""
        got = self._markers
        if got is _NOT_YET:
            word = self.word
            got = self._markers = tuple(m for m in status_markers() if m.test(word))
        return got

    @property
    def role(self) -> Optional[str]:
        got = self._role
        if got is _NOT_YET:
            word = self.word
            got = self._role = next((role for test, role in _link_rows() if test(word)), None)
        return got


_NOT_YET = object()


def _facts_of(word: str) -> _FactsForm:
    f = table_get(word) or form_of(word)
    got = f.facts
    if got is None:
        got = f.facts = _FactsForm(word)
    return got


def cues_starting(word: str) -> Tuple[Cue, ...]:
    """The cues whose first word matches ``word`` (lower case); read once per distinct word."""
    return _facts_of(word).cues


def status_of_word(word: str, final: bool, after: bool) -> Optional[str]:
    """The status the first matching row of ``facts_status.tsv`` gives ``word`` (lower case), or None."""
    for m in _facts_of(word).markers:
        if m.final and not final:
            continue
        if not after and m.where == "after":
            continue
        return m.status
    return None


def has_status(word: str, status: str) -> bool:
    """Whether a row of ``status`` matches ``word`` (lower case), wherever it stands."""
    return any(m.status == status for m in _facts_of(word).markers)


def link_role(word: str) -> Optional[str]:
    """The role ``facts_links.tsv`` gives ``word`` (lower case), or None."""
    return _facts_of(word).role

"""Where the date rules may begin, read from the document analysis instead of one regex pass per pattern.

A rule's start pattern (:mod:`.rule`) begins either with a letter (a whole word: a month name, an
ordinal, a relative word, a Roman numeral) or with a digit or ``«`` (a day, a year, a decade). Before,
each start pattern ran ``finditer`` over the whole text (a case-insensitive alternation behind a
look-behind costs about the same at every character). Here

* the word starts come from the document's candidate index (:mod:`..analysis`): each start pattern is a
  trigger set whose per-form test is the pattern matched at the start of the word, so a form is tested
  once per process (until the per-form table is cleared), not once per occurrence;
* the digit starts come from one pass of a small character-class pattern shared by all rules;

and every candidate is confirmed by the start pattern itself at its place in the text, so the positions
are exactly those ``finditer`` gives. A text with a combining mark inside a word (a start may follow the
mark) takes the old way: ``finditer`` of each start pattern.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex

from ..analysis import TextAnalysis, register_triggers, register_word_pattern

# every start pattern matches only at a letter (a word start), a digit or «
# (the look-behind after the character: the engine then scans for the character class alone, 7x faster
# than a look-behind tried at every position)
_NON_WORD_START = regex.compile(r"[0-9«](?<![0-9][0-9])")
_MARK = regex.compile(r"\p{M}")
# a start pattern that may begin at a digit or « names one in its source outside a look-behind
_LOOKBEHIND = regex.compile(r"\(\?<[!=](?:[^()]|\([^()]*\))*\)")
_DIGIT_IN_SOURCE = regex.compile(r"\[[0-9]|\\d|\\p\{N|«|[0-9]")
_HAS_MARK = "date_starts:mark"


def _has_mark(low: str, is_word: bool) -> bool:
    return is_word and _MARK.search(low) is not None


register_triggers(_HAS_MARK, _has_mark)


class StartIndex:
    """The start patterns of a rule list, each a trigger set of the document analysis."""

    def __init__(self, patterns: List["regex.Pattern"]):
        self.patterns: Tuple["regex.Pattern", ...] = tuple(dict.fromkeys(patterns))
        self.names: Tuple[str, ...] = tuple(f"date_starts:{k}" for k in range(len(self.patterns)))
        self._index = {p: k for k, p in enumerate(self.patterns)}
        self.digits: Tuple[bool, ...] = tuple(may_start_at_digit(p.pattern) for p in self.patterns)
        for name, p in zip(self.names, self.patterns):
            register_word_pattern(name, p)

    def positions(self, a: TextAnalysis) -> "StartPositions":
        """Each start pattern → the positions of ``a.text`` where it matches (as its ``finditer`` gives),
        computed when a rule first asks (a rule whose words the text lacks never does)."""
        return StartPositions(self, a)

    def _of(self, p: "regex.Pattern", a: TextAnalysis, digits: List[int]) -> List[int]:
        text = a.text
        if a.triggers(_HAS_MARK):
            return [m.start() for m in p.finditer(text)]
        k = self._index[p]
        toks = a.toks
        cands = [toks[i].start for i in a.triggers(self.names[k])]
        if self.digits[k] and digits:
            cands = sorted(cands + digits) if cands else digits
        match = p.match
        return [c for c in cands if match(text, c) is not None]


class StartPositions(dict):
    """Start pattern → its positions in one text, filled in on first :meth:`get` (see :meth:`.rule.Rule.matches`)."""

    def __init__(self, index: StartIndex, a: TextAnalysis):
        super().__init__()
        self._ix = index
        self._a = a
        self._digits: Optional[List[int]] = None

    def get(self, p, default=None):
        got = super().get(p)
        if got is None and p in self._ix._index:
            if self._digits is None:
                self._digits = [m.start() for m in _NON_WORD_START.finditer(self._a.text)]
            got = self[p] = self._ix._of(p, self._a, self._digits)
        return default if got is None else got


def may_start_at_digit(source: str) -> bool:
    """The pattern ``source`` names a digit or ``«`` outside its look-behinds (it may begin with one)."""
    return _DIGIT_IN_SOURCE.search(_LOOKBEHIND.sub("", source)) is not None

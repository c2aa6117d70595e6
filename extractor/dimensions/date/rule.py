"""A date rule: one compiled pattern and the function that reads its matches.

A rule may name the words it ``needs``: every match of its pattern contains all the words of at least one
of these groups (lower case; a table form of several words gives one group). A text containing none of
the groups cannot match, and the rule skips it without running its pattern: a substring test over the
text is much cheaper than a regex pass of a large pattern. The groups come from the same tables as the
pattern (:func:`needs_of`), so a new table row cannot be missed.

A rule may also name where its matches can ``start``: a small pattern matching (at least) at every
position where a match of the rule begins (:data:`DIGIT_START` for the rules that begin with a number).
The rule then tries its pattern only there, in text order, as ``finditer`` would (after a match, at the
next start past its end): a regex pass of a large pattern costs about the same at every character, a
pass of the small one much less. The positions of one start pattern are computed once per text, from the
document analysis (:mod:`.starts`): a start pattern must therefore match only at the first letter of a
word, at a digit or at ``«``, and name its digits (``[0-9]``, ``\\d``, ``«``) outside its look-behinds
(tests/test_value_analysis.py checks the positions against each pattern's ``finditer``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Tuple

import regex

from ...grammar import WORD_START
from . import lexicon as lx
from .readings import Item

Handler = Callable[["regex.Match", str], List[Item]]


Needs = Tuple[Tuple[str, ...], ...]
# every rule that begins with a day, a year or a decade number begins at a digit (or «15» қараша's
# quote) with no digit before it
DIGIT_START = regex.compile(r"(?<![\p{N}])(?:[0-9]|«(?=[0-9]))")
# trying the pattern at a start costs a Python call, a finditer pass a little per character: with more
# than one start in this many characters (a text of numbers only) finditer is cheaper, and gives the same
DENSE_STARTS = 16


def start_pattern(source: str) -> "regex.Pattern":
    """A start pattern (case-insensitive, as the rules are) from the regex a rule's matches begin with."""
    return regex.compile(source, regex.IGNORECASE)


def first_words(forms: Iterable[str]) -> str:
    """Whole-word start of any of ``forms`` (their first words): where a rule beginning with them starts."""
    return WORD_START + lx.alternation({f.split()[0] for f in forms if f.strip()})


def needs_of(forms: Iterable[str]) -> Needs:
    """Word groups of table forms (``осы ай`` → ``("осы", "ай")``), lower case: what a match must contain."""
    return tuple(sorted({tuple(f.lower().split()) for f in forms if f.strip()}))


@dataclass
class Rule:
    name: str
    source: str  # the pattern's source, compiled on first use (a run whose texts never have the words a
    # rule needs never pays for compiling it: the large date patterns take a good part of start-up)
    read: Handler
    needs: Needs = ()
    starts: Optional["regex.Pattern"] = None
    _compiled: Optional["regex.Pattern"] = field(default=None, repr=False, compare=False)

    @property
    def pattern(self) -> "regex.Pattern":
        if self._compiled is None:
            self._compiled = lx.compile(self.source)
        return self._compiled

    def may_match(self, low: str, seen: Optional[Dict[str, bool]] = None) -> bool:
        """False when the lower-cased text has none of the word groups the rule needs. ``seen``: what
        is known of this text so far, word → contained (filled in here; rules share their words: the
        month names are needed by four rules, and each is looked for once per text)."""
        if not self.needs:
            return True
        if seen is None:
            return any(all(w in low for w in group) for group in self.needs)
        for group in self.needs:
            for w in group:
                got = seen.get(w)
                if got is None:
                    got = seen[w] = w in low
                if not got:
                    break
            else:
                return True
        return False

    def matches(self, text: str, positions: Optional[Dict["regex.Pattern", List[int]]] = None):
        """The matches of the pattern in ``text``, as ``finditer`` gives them; ``positions``: the start
        positions found so far for this text, by start pattern (filled in here)."""
        if self.starts is None:
            yield from self.pattern.finditer(text)
            return
        if positions is None:
            positions = {}
        starts = positions.get(self.starts)
        if starts is None:
            starts = positions[self.starts] = [m.start() for m in self.starts.finditer(text)]
        if len(starts) * DENSE_STARTS > len(text):
            yield from self.pattern.finditer(text)
            return
        match, done = self.pattern.match, 0
        for p in starts:
            if p < done:
                continue
            m = match(text, p)
            if m is not None:
                yield m
                done = max(m.end(), p + 1)

    def items(self, text: str, low: Optional[str] = None,
              positions: Optional[Dict["regex.Pattern", List[int]]] = None,
              seen: Optional[Dict[str, bool]] = None) -> Iterator[List[Item]]:
        """Each match's items (a match may give several records, or none). ``low``: ``text.lower()``,
        when the caller has it; ``positions``: see :meth:`matches`; ``seen``: see :meth:`may_match`."""
        if self.needs and not self.may_match(text.lower() if low is None else low, seen):
            return
        for m in self.matches(text, positions):
            items = self.read(m, text)
            if items:
                yield items


def compile_rule(name: str, source: str, read: Handler, needs: Needs = (),
                 starts: Optional["regex.Pattern"] = None) -> Rule:
    return Rule(name, source, read, needs, starts)

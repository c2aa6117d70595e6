"""A date rule: one compiled pattern and the function that reads its matches.

A rule may name the words it ``needs``: every match of its pattern contains all the words of at least one
of these groups (lower case; a table form of several words gives one group). A text containing none of
the groups cannot match, and the rule skips it without running its pattern: a substring test over the
text is much cheaper than a regex pass of a large pattern. The groups come from the same tables as the
pattern (:func:`needs_of`), so a new table row cannot be missed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, List, Optional, Tuple

import regex

from . import lexicon as lx
from .readings import Item

Handler = Callable[["regex.Match", str], List[Item]]


Needs = Tuple[Tuple[str, ...], ...]


def needs_of(forms: Iterable[str]) -> Needs:
    """Word groups of table forms (``осы ай`` → ``("осы", "ай")``), lower case: what a match must contain."""
    return tuple(sorted({tuple(f.lower().split()) for f in forms if f.strip()}))


@dataclass
class Rule:
    name: str
    pattern: "regex.Pattern"
    read: Handler
    needs: Needs = ()

    def may_match(self, low: str) -> bool:
        """False when the lower-cased text has none of the word groups the rule needs."""
        return not self.needs or any(all(w in low for w in group) for group in self.needs)

    def items(self, text: str, low: Optional[str] = None) -> Iterator[List[Item]]:
        """Each match's items (a match may give several records, or none). ``low``: ``text.lower()``,
        when the caller has it."""
        if self.needs and not self.may_match(text.lower() if low is None else low):
            return
        for m in self.pattern.finditer(text):
            items = self.read(m, text)
            if items:
                yield items


def compile_rule(name: str, source: str, read: Handler, needs: Needs = ()) -> Rule:
    return Rule(name, lx.compile(source), read, needs)

"""A date rule: one compiled pattern and the function that reads its matches."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, List

import regex

from . import lexicon as lx
from .readings import Item

Handler = Callable[["regex.Match", str], List[Item]]


@dataclass
class Rule:
    name: str
    pattern: "regex.Pattern"
    read: Handler

    def items(self, text: str) -> Iterator[List[Item]]:
        """Each match's items (a match may give several records, or none)."""
        for m in self.pattern.finditer(text):
            items = self.read(m, text)
            if items:
                yield items


def compile_rule(name: str, source: str, read: Handler) -> Rule:
    return Rule(name, lx.compile(source), read)

"""Small composable grammar pieces that compile to one regular expression.

In the spirit of Yargy: a rule is built from named parts, each part from a data table, and the
whole compiles to a single ``regex`` pattern that runs over the normalised text::

    NUMBER = rule(r"[0-9]+(?:,[0-9]+)?").named("number")
    SCALE = words(column("scales", "word"), inflected=True).named("scale")
    MONEY = seq(NUMBER, SCALE.optional(), CURRENCY)
    for m in MONEY.finditer(text): m.group("number"), m.group("scale"), ...

Words are matched case-insensitively and only as whole words (no letter or digit right before or
after). ``inflected=True`` lets a word carry any chain of Kazakh endings (``мың`` matches
``мыңнан``), using :mod:`extractor.lang.kk.morph`.
"""
from __future__ import annotations

from functools import cached_property
from typing import Iterable, Optional

import regex

from .lang.kk.morph import ending_chain_pattern

# whitespace between words of one mention: spaces, or one line break (scraped text)
GAP = r"[ \t]*\n?[ \t]*(?<=\s)"
WORD_START = r"(?<![\p{L}\p{N}])"
WORD_END = r"(?![\p{L}\p{N}])"


class Rule:
    """A piece of grammar: regex source plus combinators."""

    def __init__(self, source: str):
        self.source = source

    # combinators -----------------------------------------------------------------------------
    def named(self, name: str) -> "Rule":
        return Rule(f"(?P<{name}>{self.source})")

    def optional(self) -> "Rule":
        return Rule(f"(?:{self.source})?")

    def repeat(self, min_: int = 0, max_: Optional[int] = None) -> "Rule":
        return Rule(f"(?:{self.source}){{{min_},{'' if max_ is None else max_}}}")

    def __or__(self, other: "Rule") -> "Rule":
        return Rule(f"(?:{self.source}|{_src(other)})")

    def __add__(self, other: "Rule") -> "Rule":
        """Concatenation with nothing in between (``NUMBER + PERCENT_SIGN``)."""
        return Rule(f"{self.source}{_src(other)}")

    def __repr__(self) -> str:
        return f"Rule({self.source[:60]!r}{'...' if len(self.source) > 60 else ''})"

    # matching --------------------------------------------------------------------------------
    @cached_property
    def compiled(self):
        return regex.compile(self.source, regex.IGNORECASE | regex.VERSION1)

    def finditer(self, text: str, pos: int = 0, endpos: Optional[int] = None, overlapped: bool = False):
        return self.compiled.finditer(text, pos, len(text) if endpos is None else endpos, overlapped=overlapped)

    def fullmatch(self, text: str):
        return self.compiled.fullmatch(text)

    def match(self, text: str, pos: int = 0):
        return self.compiled.match(text, pos)


def _src(r) -> str:
    return r.source if isinstance(r, Rule) else r


def rule(source: str) -> Rule:
    return Rule(f"(?:{source})")


def words(forms: Iterable[str], inflected: bool = False, whole: bool = True) -> Rule:
    """Any of ``forms`` (longest first), as a whole word; with ``inflected`` any endings may follow."""
    uniq = sorted({f for f in forms if f}, key=len, reverse=True)
    if not uniq:
        raise ValueError("words(): no forms")
    alts = "|".join(_word_source(f) for f in uniq)
    body = f"(?:{alts})"
    if inflected:
        body += ending_chain_pattern()
    if whole:
        body = WORD_START + body + WORD_END
    return Rule(f"(?:{body})")


def _word_source(form: str) -> str:
    # spaces inside a multi-word form match any gap; a period may be followed directly by a word
    parts = [regex.escape(p) for p in form.split(" ")]
    return GAP.join(parts)


def seq(*parts, gap: str = GAP) -> Rule:
    """Parts separated by whitespace (one line break allowed); ``None`` parts are skipped."""
    srcs = [_src(p) for p in parts if p is not None]
    return Rule("(?:" + gap.join(srcs) + ")")


def either(*parts) -> Rule:
    return Rule("(?:" + "|".join(_src(p) for p in parts) + ")")

"""Reading a matched number into an exact :class:`~decimal.Decimal`.

:func:`parse_amount` takes the text of one amount (as :data:`.grammar.AMOUNT` matches it) and
computes its value the way Kazakh composes numbers: units and tens add up inside a group (``жиырма
бес`` 25), ``жүз`` multiplies the unit before it (``екі жүз`` 200), a scale word multiplies the group
before it and scales must fall (``бір трлн 57 млн``), ``жарым`` adds a half of what it follows (``үш
жарым`` 3.5, ``миллион жарым`` 1 500 000), ``жарты``/``ширек`` take a part of what follows (``жарты
миллион``), ``бүтін`` joins a whole and a fraction (``екі бүтін оннан бес`` 2.5).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import List, Optional, Tuple

import regex

from ..tokens import is_ending_chain
from .lexicon import NumberWord, blocking_suffixes, by_ordinal, by_word

_BLOCK = regex.compile(r"(?:%s)" % "|".join(regex.escape(x) for x in blocking_suffixes()), regex.IGNORECASE)


def blocked(ending: str) -> bool:
    """An ending that makes a number an ordinal, a collective or "thousands of" (5-ші, мыңдаған)."""
    return _BLOCK.match(ending) is not None


@dataclass(frozen=True)
class Amount:
    """A parsed amount. ``scale``: the last scale word's value (``5,6 млрд`` → 10⁹; None without one);
    ``last_word``: the last written word or digit group with its ending (for case agreement)."""

    value: Decimal
    scale: Optional[Decimal]
    last_word: str


def digits_value(s: str) -> Decimal:
    """``"60 435,9"`` → Decimal('60435.9'); spaces group thousands, a comma or period marks decimals."""
    return Decimal(s.replace(" ", "").replace(",", "."))


@lru_cache(maxsize=1)
def _longest_word() -> int:
    return max(len(w) for w in by_word())


@lru_cache(maxsize=16384)
def word_value(token: str) -> Optional[NumberWord]:
    """The number word an inflected token is (``мыңнан`` → мың), None if it is none or not a cardinal."""
    t = token.lower()
    words = by_word()
    if t.endswith("."):
        w = words.get(t[:-1])
        return w if w is not None and w.abbr else None
    for n in range(min(len(t), _longest_word()), 0, -1):
        w = words.get(t[:n])
        if w is None:
            continue
        rest = t[n:]
        if not rest or (not blocked(rest) and is_ending_chain(rest)):
            return w
    return None


class _Reader:
    """Accumulates one number left to right; ``None`` from :meth:`value` means it is not well formed."""

    def __init__(self):
        self.total = Decimal(0)
        self.group: Optional[Decimal] = None  # the group being built (before its scale word)
        self.smallest: Optional[Decimal] = None  # the last unit/ten/hundred added to the group
        self.last_scale: Optional[Decimal] = None
        self.last_kind: Optional[str] = None
        self.pre_fraction = False
        self.ok = True

    def digits(self, v: Decimal):
        if self.group is not None:
            self.ok = False
        self.group, self.smallest, self.last_kind = v, Decimal(1), "digits"

    def word(self, w: NumberWord):
        g, k, v = self.group, w.kind, w.value
        if k in ("unit", "ten", "zero"):
            if g is not None and (self.smallest is None or v >= self.smallest or self.last_kind == "digits"
                                  or self.pre_fraction):
                self.ok = False
            self.group = (g or Decimal(0)) + v
            self.smallest = v if v else Decimal(1)
        elif k == "hundred":
            if g is None:
                self.group = v
            elif g < 10 and self.last_kind in ("unit", "zero") and not self.pre_fraction:
                self.group = g * v
            else:
                self.ok = False
            self.smallest = v
        elif k == "scale":
            if self.last_scale is not None and v >= self.last_scale:
                self.ok = False
            self.total += (g if g is not None else Decimal(1)) * v
            self.group, self.smallest, self.last_scale, self.pre_fraction = None, None, v, False
        elif k == "fraction" and w.word == "жарым":
            if g is not None:
                place = Decimal(100) if self.last_kind == "hundred" else Decimal(1)
                self.group = g + v * place
            elif self.last_scale is not None:
                self.total += v * self.last_scale
            else:
                self.ok = False
            self.smallest = Decimal(0)  # nothing may follow inside the group
        elif k == "fraction":  # жарты, ширек: a part of what follows
            if g is not None:
                self.ok = False
            self.group, self.smallest, self.pre_fraction = v, Decimal(0), True
        else:
            self.ok = False
        self.last_kind = k

    def value(self) -> Optional[Decimal]:
        if not self.ok or (self.group is None and self.last_scale is None):
            return None
        return self.total + (self.group or Decimal(0))


def read_items(items: List[Tuple[str, str]], sign: int = 1) -> Optional[Amount]:
    """The amount of a sequence of ``("num", "5,6")`` / ``("word", "млрд")`` items, or None."""
    r = _Reader()
    for kind, tok in items:
        if kind == "num":
            r.digits(digits_value(tok))
        else:
            w = word_value(tok)
            if w is None:
                return None
            r.word(w)
    value = r.value()
    if value is None:
        return None
    scale = None
    for kind, tok in reversed(items):
        w = word_value(tok) if kind == "word" else None
        if w is not None and w.kind == "scale":
            scale = w.value
            break
    return Amount(value * sign, scale, items[-1][1])


_ORDINAL_DIGITS = regex.compile(r"^([0-9]+)-(?:%s)" % _BLOCK.pattern, regex.IGNORECASE)


def ordinal_value(text: str) -> Optional[int]:
    """The value of an ordinal: ``5-ші`` → 5, ``бесінші`` → 5, ``жиырма бесінші`` → 25, ``екіншісі`` → 2
    (endings after the ordinal are allowed). None when ``text`` is not an ordinal."""
    parts = text.strip().split()
    if not parts:
        return None
    last = parts[-1].lower()
    m = _ORDINAL_DIGITS.match(last)
    if m:
        return int(m.group(1)) if len(parts) == 1 else None
    for form, w in sorted(by_ordinal().items(), key=lambda kv: -len(kv[0])):
        if last.startswith(form) and (last == form or is_ending_chain(last[len(form):])):
            r = _Reader()
            for p in parts[:-1]:
                pw = by_word().get(p.lower())
                if pw is None:
                    return None
                r.word(pw)
            r.word(w)  # the ordinal word ends the number: жиырма бесінші
            v = r.value()
            return None if v is None or v != v.to_integral_value() else int(v)
    return None


# parse_amount / parse_number read tokens, so they live in .reader (which builds on this module); this
# module imports nothing from .reader
__all__ = ["Amount", "blocked", "digits_value", "ordinal_value", "read_items", "word_value"]

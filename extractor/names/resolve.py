"""Short and variant forms of a person's name, resolved to the fullest form in the same text.

``Е.Сапаров`` or ``Сапаров`` after ``Ерлан Сапаров`` → ``Ерлан Сапаров``; ``З.Ахметов`` after
``Зәки Ахметов`` → ``Зәки Ахметов``. A name that fits two different full names stays as it is.
Two more habits of Kazakh news are followed: a person first named ``Құрман Абдрахман`` and later
``Құрман Тұрғанұлы`` (first name and patronymic) is one person when no other full name has that first
name; a surname misspelt by one letter next to the same first name (``Алимұхаммед Кұттұмұратұлы``)
is the earlier spelling, and one cut off (a scraped text that ends mid-word) the whole one; a first name
alone (``Меруерттің``) is the one full name that starts with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

import regex

from .lexicon import is_patronymic


@dataclass(frozen=True)
class NameParts:
    initials: Tuple[str, ...]  # Е (from Е.Сапаров)
    words: Tuple[str, ...]  # full words, surname last

    @property
    def surname(self) -> str:
        return self.words[-1].casefold() if self.words else ""

    @property
    def given(self) -> Tuple[str, ...]:
        return self.words[:-1]

    @property
    def full(self) -> bool:
        return len(self.words) >= 2


_NAME_SPLIT = regex.compile(r"\s+|(?<=\.)")
_INITIALS = regex.compile(r"(?:\p{Lu}\.-?)+")
_CAPITAL = regex.compile(r"\p{Lu}")


def split_name(name: str) -> NameParts:
    initials, words = [], []
    for tok in _NAME_SPLIT.split(name.strip()):
        tok = tok.strip()
        if not tok:
            continue
        if _INITIALS.fullmatch(tok):
            initials.extend(_CAPITAL.findall(tok))
        else:
            words.append(tok)
    return NameParts(tuple(initials), tuple(words))


def _compatible(short: NameParts, full: NameParts) -> bool:
    if short.surname != full.surname or len(short.words) + len(short.initials) > len(full.words) + 1:
        return False
    given = [g.casefold() for g in full.given]
    for g in short.given:
        if g.casefold() not in given:
            return False
    for k, ini in enumerate(short.initials):
        if k >= len(full.given) or not full.given[k][:1].casefold() == ini.casefold():
            return False
    return True


def _one_letter_apart(a: str, b: str) -> bool:
    if len(a) != len(b) or a == b:
        return False
    return sum(x != y for x, y in zip(a, b)) == 1


def _cut_short(short: str, full: str) -> bool:
    """``short`` is ``full`` cut off (a text that ends mid-word: ``Мырзаб`` of ``Мырзабаева``); four letters at least."""
    return len(short) >= 4 and len(full) > len(short) and full.startswith(short)


def _pick(cands: List[str]) -> Optional[str]:
    """The one full name among ``cands`` (a longer one that holds a shorter counts once)."""
    uniq = sorted(set(cands), key=len, reverse=True)
    if not uniq:
        return None
    top = uniq[0]
    top_words = set(w.casefold() for w in split_name(top).words)
    for other in uniq[1:]:
        if not set(w.casefold() for w in split_name(other).words) <= top_words:
            return None
    return top


def resolve_persons(names: Iterable[str]) -> Dict[str, str]:
    """Map every name (in text order) to the fullest form it stands for in this text."""
    order: List[str] = []
    for n in names:
        if n not in order:
            order.append(n)
    parts = {n: split_name(n) for n in order}
    full = [n for n in order if parts[n].full]
    out: Dict[str, str] = {}
    for n in order:
        p = parts[n]
        target = _pick([f for f in full if f != n and _compatible(p, parts[f])
                        and len(parts[f].words) > len(p.words)])
        if target is None and len(p.words) == 1 and not p.initials:
            # a first name alone after the full name (Меруерттің after Меруерт Жақсыбекова)
            target = _pick([f for f in full if parts[f].given and parts[f].given[0].casefold() == p.surname])
        if target is None and p.full and len(p.words) == 2:
            first = p.words[0].casefold()
            same_first = [f for f in full if f != n and parts[f].words[0].casefold() == first]
            earlier = [f for f in same_first if order.index(f) < order.index(n)]
            typo = [f for f in earlier if _one_letter_apart(parts[f].surname, p.surname)]
            cut = {parts[f].surname: f for f in same_first if _cut_short(p.surname, parts[f].surname)}
            if typo:
                target = typo[0]
            elif len(cut) == 1:
                target = next(iter(cut.values()))
            elif is_patronymic(p.words[-1]):
                others = [f for f in same_first if not is_patronymic(parts[f].words[-1])]
                if len({parts[f].surname for f in others}) == 1:
                    target = others[0]
        out[n] = target or n
    # follow chains (Сапаров → Е.Сапаров → Ерлан Сапаров)
    for n in out:
        seen = {n}
        while out[n] != n and out[n] in out and out[out[n]] != out[n] and out[out[n]] not in seen:
            seen.add(out[n])
            out[n] = out[out[n]]
    return out

"""Head nouns that end names (``data/name_heads.tsv``): ``облысы`` in ``Маңғыстау облысына``,
``министрлігі`` in ``Қоғамдық даму министрлігі``, ``кітапхана`` in ``Ұлттық академиялық кітапхананың``.

A head is found in any case form (``облысының``, ``ауданында``, ``әкімдігінің``); the possessive form
follows a noun or a name, the bare form only an adjective (``Ұлттық банк``, but ``кітапханаға тапсырды``
is no name).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from ..lang.kk.morph import hyphen_base, parses
from .lexicon import Head, heads, looks_adjective
from .text import TextInfo, Word


@dataclass(frozen=True)
class HeadMatch:
    first: Word  # first word of the head (кен in кен орнында)
    last: Word  # the inflected last word
    head: Head
    base: str  # the head in the nominative: облысы, кен орны, кітапхана
    bare: bool  # the form without the possessive was used

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.last.end


@lru_cache(maxsize=1)
def _index() -> Tuple[Dict[str, List[Head]], Dict[str, List[Head]]]:
    poss: Dict[str, List[Head]] = {}
    bare: Dict[str, List[Head]] = {}
    # the longest head first: шағын ауданы before ауданы
    for h in sorted(heads(), key=lambda h: -len(h.head.split())):
        poss.setdefault(h.head.split()[-1].casefold(), []).append(h)
        if h.bare:
            bare.setdefault(h.bare.casefold(), []).append(h)
    return poss, bare


@lru_cache(maxsize=65536)
def _bases(word: str) -> Tuple[str, ...]:
    """Base forms ``word`` may have, the one with the longest case ending first."""
    hb = hyphen_base(word)
    if hb is not None:
        return (hb,)
    ps = sorted(parses(word), key=lambda p: -len(p.case))
    out: List[str] = []
    for p in ps:
        if p.base not in out:
            out.append(p.base)
    return tuple(out)


def head_at(info: TextInfo, w: Word) -> Optional[HeadMatch]:
    """The head noun that ends at word ``w``, if any (remembered on ``info``)."""
    memo = info.memo.setdefault("head_at", {})
    if w.i not in memo:
        memo[w.i] = _head_at(info, w)
    return memo[w.i]


def _head_at(info: TextInfo, w: Word) -> Optional[HeadMatch]:
    poss, bare = _index()
    for base in _bases(w.text):
        key = base.casefold()
        for h in poss.get(key, []):
            words = h.head.split()
            first = w
            ok = True
            for want in reversed(words[:-1]):
                prev = info.prev(first)
                if prev is None or prev.lower != want.casefold() or not info.adjacent(prev, first):
                    ok = False
                    break
                first = prev
            if ok:
                text = " ".join(words[:-1] + [base])
                return HeadMatch(first, w, h, text, False)
        for h in bare.get(key, []):
            prev = info.prev(w)
            if prev is not None and info.adjacent(prev, w) and looks_adjective(prev.text, place_attr=False):
                return HeadMatch(w, w, h, base, True)
    return None


def find_heads(info: TextInfo, entity: Optional[str] = None) -> List[HeadMatch]:
    out = []
    for w in info.words:
        if not w.text[:1].isalpha():
            continue
        m = head_at(info, w)
        if m is not None and (entity is None or m.head.entity == entity):
            out.append(m)
    return out

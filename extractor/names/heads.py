"""Head nouns that end names (``data/name_heads.tsv``): ``облысы`` in ``Маңғыстау облысына``,
``министрлігі`` in ``Энергетика министрлігі``, ``кітапхана`` in ``Мемлекеттік академиялық кітапхананың``.

A head is found in any case form (``облысының``, ``ауданында``, ``әкімдігінің``); the possessive form
follows a noun or a name, the bare form only an adjective (``Ұлттық банк``, but ``кітапханаға тапсырды``
is no name), ``жөніндегі`` (``Судың сапасын бақылау жөніндегі басқарма``) or ``атты`` (``«Дән Плюс» атты
компания``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import Dict, FrozenSet, List, Optional, Tuple

import regex

from ..lang.kk.morph import DEVOICING, ending_rows, hyphen_base, parses, plural_endings
from .lexicon import Head, heads, looks_adjective, name_markers, named_after, purpose_links, strip_possessive
from .text import TextInfo, Word

_TEXT, _LOWER = attrgetter("text"), attrgetter("lower")


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


@lru_cache(maxsize=1024)
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
    """The head noun that ends at word ``w``, if any."""
    return _heads_of(info).get(w.i)


def _heads_of(info: TextInfo) -> Dict[int, HeadMatch]:
    """Every head noun of the text by the index of its last word, found in one pass and remembered on
    ``info`` (the rules ask :func:`head_at` of most words, several times each); a word none of whose base
    forms ends a head of the table (most words) is passed over after one cached lookup."""
    found = info.memo.get("heads")
    if found is None:
        found = {}
        # the per-form lookup mapped over the words without a Python step per word: few words pass
        for w in compress(info.words, map(_head_bases, map(_TEXT, info.words))):
            m = _head_at(info, w)
            if m is not None:
                found[w.i] = m
        info.memo["heads"] = found
    return found


@lru_cache(maxsize=16384)
def _head_bases(word: str) -> Tuple[Tuple[str, str], ...]:
    """The base forms of ``word`` that end a head of the table, with their case-folded key (most words: none,
    and the word is looked up once)."""
    if not _may_end_head(word):
        return ()
    poss, bare = _index()
    return tuple((b, b.casefold()) for b in _bases(word) if b.casefold() in poss or b.casefold() in bare)


def one_word_head_entity(word: str) -> Optional[str]:
    """The entity of the one-word head noun of the table that ``word`` is, bare or with the possessive, in any
    case form (``Университеттің`` → org, ``көшесінде`` → location); ``None`` for any other word."""
    poss, bare = _index()
    for _, key in _head_bases(word.casefold()):
        for h in poss.get(key, []) + bare.get(key, []):
            if " " not in h.head:
                return h.entity
    return None


@lru_cache(maxsize=1)
def _head_keys() -> Tuple[FrozenSet[str], Tuple[int, ...], FrozenSet[str]]:
    """The case-folded last words of the heads (and bare forms), their lengths, and their beginnings as
    long as the shortest of them."""
    poss, bare = _index()
    keys = frozenset(poss) | frozenset(bare)
    lengths = tuple(sorted({len(k) for k in keys}))
    return keys, lengths, frozenset(k[:lengths[0]] for k in keys)


def _may_end_head(word: str) -> bool:
    """Whether some beginning of ``word`` is a head's last word. Every base form :func:`_bases` gives is a
    beginning of the word (stem + plural + possessive, or the part before a hyphen), so a word for which
    this is false has no head base, and the morphology is not asked (most words of a text)."""
    keys, lengths, beginnings = _head_keys()
    folded = word.casefold()
    if len(folded) != len(word):  # a letter that folds to two: try every beginning
        return any(word[:k].casefold() in keys for k in range(1, len(word) + 1))
    # every key is at least lengths[0] long, so a word that begins no key that way has none (most words:
    # one set lookup for a form not seen before)
    return folded[:lengths[0]] in beginnings and any(folded[:k] in keys for k in lengths if k <= len(folded))


def _head_at(info: TextInfo, w: Word) -> Optional[HeadMatch]:
    poss, bare = _index()
    for base, key in _head_bases(w.text):
        for h in poss.get(key, []):
            words = h.head.split()
            first = w
            ok = True
            written = []
            for want in reversed(words[:-1]):
                prev = info.prev(first)
                if prev is None or prev.lower != want.casefold() or not info.adjacent(prev, first):
                    ok = False
                    break
                first = prev
                written.insert(0, prev.text)
            if ok:
                text = " ".join(written + [base])  # as written: Қарулы күштері
                return HeadMatch(first, w, h, text, False)
        for h in bare.get(key, []):
            prev = info.prev(w)
            # after an adjective (Ұлттық банк), what the body does (Жекешелендіру жөніндегі офис), 'named'
            # («Дән Плюс» атты компания) or 'named after' (Абай атындағы университет)
            if prev is not None and info.adjacent(prev, w) \
                    and (looks_adjective(prev.text, place_attr=False) or prev.lower in purpose_links()
                         or prev.lower in name_markers() or prev.lower in named_after()):
                return HeadMatch(w, w, h, base, True)
    return None


def find_heads(info: TextInfo, entity: Optional[str] = None) -> List[HeadMatch]:
    return [m for m in _heads_of(info).values()
            if m.last.text[:1].isalpha() and (entity is None or m.head.entity == entity)]


@lru_cache(maxsize=1)
def _head_stems() -> Dict[str, str]:
    """Stems of the head nouns (``облыс`` of ``облысы``) → entity. Both splits of an ending in -сы/-сі
    are kept (облыс-ы, but көше-сі); a voiced last sound turns voiceless where an ending follows
    (мектеб-і, мектеп-тер)."""
    # morph's table, and б as well: a head noun's б is always a voiced п (мектеб-і), not a name's (Арабы)
    devoice = {**DEVOICING, "б": "п"}
    out: Dict[str, str] = {}
    for h in heads():
        if h.bare and len(h.bare) > 3:  # the bare form takes the plural too: кәсіпорын-дар, банк-тер
            bare = h.bare.casefold()
            out.setdefault(bare, h.entity)
        for stem in _possessive_stems(h.head.split()[-1].casefold(), 2, devoice):
            out.setdefault(stem, h.entity)
    return out


def _possessive_stems(last: str, min_len: int, devoice: Dict[str, str]) -> Tuple[str, ...]:
    """The stems of a head noun written with the possessive -ы/-і (``облысы``), of ``min_len`` letters or
    more: both splits of an ending in -сы/-сі (облыс-ы, but көше-сі), each also with its last sound
    devoiced as it is before an ending (мектеб-і, мектеп-тер); none for a head without the possessive."""
    if last[-1:] not in ("ы", "і"):
        return ()
    out: List[str] = []
    for stem in (last[:-1], last[:-2]):
        if len(stem) >= min_len:
            out += (stem, stem[:-1] + devoice.get(stem[-1], stem[-1]))
    return tuple(out)


def _alternation(strings) -> str:
    """A regex alternation of ``strings``, the longest first."""
    return "|".join(map(regex.escape, sorted(set(strings), key=lambda x: (-len(x), x))))


def _plural_stem_pattern(min_stem: int) -> str:
    """A head noun's stem (``min_stem`` letters or more) as group 1, then the plural ending."""
    return r"^(%s)(?:%s)" % (_alternation(s for s in _head_stems() if len(s) >= min_stem),
                             _alternation(plural_endings()))


@lru_cache(maxsize=1)
def _plural_pattern() -> regex.Pattern:
    return regex.compile(_plural_stem_pattern(1) + "[ыі]")


def plural_org_heads(info: TextInfo) -> List[Word]:
    """The words of the text written in lower case that are an organisation's head noun in the plural
    (``компаниялары``), found with the per-form lookup mapped over the words (few words pass it)."""
    return [w for w in compress(info.words, map(_plural_entity, map(_LOWER, info.words)))
            if w.text[:1].islower() and _plural_entity(w.lower) == "org"]


def plural_head_entity(w: Word) -> Optional[str]:
    """``location`` or ``org`` when ``w`` is a head noun in the plural (``компаниялары``,
    ``кәсіпорындарына``, ``облыстары``)."""
    return _plural_entity(w.lower)


@lru_cache(maxsize=16384)
def _plural_entity(low: str) -> Optional[str]:
    """:func:`plural_head_entity` of a case-folded form, kept per form."""
    m = _plural_pattern().match(low)
    return _head_stems()[m.group(1)] if m else None


@lru_cache(maxsize=1)
def _singular_place_heads() -> Dict[str, str]:
    """The stems of the one-word place heads (``облыс``, ``аудан``, ``қала``) → the head (``облысы``)."""
    out: Dict[str, str] = {}
    for h in heads():
        last = h.head.casefold()
        if h.entity != "location" or not h.in_name or " " in last:
            continue
        for stem in _possessive_stems(last, 4, DEVOICING):  # not ара 'between' of аралары, ала of алаңы
            out.setdefault(stem, h.head)
    return out


def plural_place_heads(info: TextInfo) -> List[Tuple[Word, str]]:
    """The words of the text written in lower case that are a place's head noun in the plural with the
    possessive (``облыстарында``, ``аудандарының``, ``қалаларындағы``), each with its singular head
    (``облысы``). One scan finds the plural with the possessive (a few words of a text), then the word's
    beginning must be a place head's stem."""
    out = []
    stems = _singular_place_heads()
    for m in _plural_possessive_scan().finditer(info.text):
        i = info.word_index_at(m.start())
        if i >= len(info.words):
            continue
        w = info.words[i]
        stem = info.text[w.start:m.start()]
        if w.start < m.start() and stem[:1].islower() and stem in stems:
            out.append((w, stems[stem]))
    return out


@lru_cache(maxsize=1)
def _plural_possessive_scan() -> regex.Pattern:
    """The plural ending right before ы/і (облыс-тар-ы-нда)."""
    return regex.compile(r"(?:%s)[ыі]" % _alternation(plural_endings()))


@lru_cache(maxsize=1)
def _plural_noun_pattern() -> regex.Pattern:
    """A head noun's stem of four letters or more, the plural, then at most the possessive and a case
    ending: ``әкімдіктерге``, ``министрліктерден``, ``ауылдарының``."""
    cases = _alternation(e.ending for e in ending_rows() if e.use == "case")
    return regex.compile(_plural_stem_pattern(4) + r"(?:[ыі])?(?:%s)?$" % cases)


@lru_cache(maxsize=16384)
def plural_head_noun(word: str) -> Optional[str]:
    """``location`` or ``org`` when ``word`` is a head noun in the plural, with or without the possessive, in
    any case (``Әкімдіктерге`` 'to the akimats', ``Университеттерден``, ``Ауылдарына``): a common noun for
    many bodies or places, never a name by itself."""
    m = _plural_noun_pattern().match(word.casefold())
    return _head_stems()[m.group(1)] if m else None


def head_entity(info: TextInfo, w: Word) -> Optional[str]:
    """``location`` or ``org`` when ``w`` ends a head noun, also in the plural (``Павлодар облыстары``,
    ``Өзбекстан Республикаларының``)."""
    hm = head_at(info, w)
    if hm is not None:
        return hm.head.entity
    return _plural_entity(w.lower)


@lru_cache(maxsize=1)
def _head_forms() -> Tuple[str, ...]:
    return tuple(sorted({h.head.split()[-1].casefold() for h in heads() if len(h.head) >= 5}))


def head_like(info: TextInfo, w: Word) -> bool:
    """A head noun in any form, also the bare forms the rules leave alone as too common (``Жоғарғы
    кеңеске``, ``онкологиялық орталықтың``) and compounds (``телерадиокешенінің``): enough where a
    model already says a name is there."""
    if head_entity(info, w) is not None:
        return True
    stem = w.stem
    if stem in _head_stems() or strip_possessive(stem) in _head_stems():
        return True
    return any(stem.endswith(h) and len(stem) > len(h) + 2 for h in _head_forms())

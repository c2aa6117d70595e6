"""Checks on the names a statistical model finds, before they meet the rule findings.

The shipped model learnt from TV-news transcripts (KazNERD). On written news it also tags
capitalised ordinary words (``Алайда``, ``Мысалы``, ``Көптеген`` first in a sentence), confuses
types (a woman's name ``Гүлнұрдың`` as a place) and cuts or stretches spans. The checks here are
general and need no particular model; every model span passes through them in this order:

1. **shape** — a name has a letter, starts with a capital letter (or a number before a capitalised
   word: ``31 арна``) and holds no clock time or date-like number (``7:38-де``);
2. **edges** — words first in a sentence that are ordinary words are cut off the front (``Туристерге
   және қала`` → ``және қала``, then dropped: a name starts with a capital) unless a head noun ends
   the name (``Сыртқы істер министрлігі``), and an office word at
   the end (``Павлодар облысының әкімі``) is cut off the end: an office is no part of a place's or an
   organisation's name;
3. **ordinary words** — a name of one word that is a common word (``data/common_words.tsv``, counted
   in KazNERD) or that this text also writes in lower case, is dropped unless it is a gazetteer name
   or a first name, or the text writes it with a capital inside a sentence elsewhere and never in
   lower case;
4. **type** — the rules' tables outrank the model: a name that ends in a place's head noun is a
   place (``Түркістан облысының`` tagged as an organisation); a "person" with a head noun in it is
   no person (``Өзбекстан Республикаларының``); a "person" written in capitals is an organisation
   (``NHL``); a "place" or "organisation" that is a listed first name, or a word of a person's name
   found in the same text, and no gazetteer name, is that person (``Гүлнұрдың``, ``Альвареске``
   after ``Сауль Альварес``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import FrozenSet, Iterable, List, Optional, Tuple

import regex

from ..lang.kk.morph import base_form, ending_rows, strip_endings
from ..lang.kk.tables import load_table
from .heads import head_at
from .lexicon import first_names, heads, lookup, surname_strength
from .text import TextInfo, Word

CLOCK = regex.compile(r"\d[:.]\d")
LETTER = regex.compile(r"\p{L}")
NUMBER = regex.compile(r"^\p{N}+$")
VOWELS = set("аәеоөұүыіэюяиу")
_DEVOICE = {"б": "п", "ғ": "қ", "г": "к"}


def strip_possessive(word: str) -> str:
    """``облысы`` → ``облыс``, ``басшысы`` → ``басшы``, ``әкімі`` → ``әкім`` (3rd-person possessive)."""
    if word[-2:] in ("сы", "сі") and len(word) > 3 and word[-3] in VOWELS:
        return word[:-2]
    if word[-1:] in ("ы", "і") and len(word) > 2 and word[-2] not in VOWELS:
        return word[:-1]
    return word


@dataclass(frozen=True)
class Span:
    """A model name: ``kind`` is person, location or org; offsets into the normalised text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class CommonWords:
    forms: FrozenSet[str]
    stems: FrozenSet[str]
    titles: FrozenSet[str]


@lru_cache(maxsize=1)
def common_words() -> CommonWords:
    """The ordinary words and office words of ``data/common_words.tsv`` (KazNERD counts) and the office
    words of ``data/name_stop_words.tsv`` (role ``title``)."""
    rows = load_table("common_words")
    titles = {r["word"] for r in rows if r["kind"] == "title"}
    titles |= {r["word"].casefold() for r in load_table("name_stop_words") if r["role"] == "title"}
    return CommonWords(frozenset(r["word"] for r in rows if r["kind"] == "form"),
                       frozenset(r["word"] for r in rows if r["kind"] == "stem"),
                       frozenset(titles))


def is_common(word: str) -> bool:
    """A word KazNERD writes as an ordinary word and (almost) never as a name by itself."""
    low = word.casefold()
    cw = common_words()
    return low in cw.forms or strip_endings(low) in cw.stems


def is_title(word: str) -> bool:
    """An office word: ``әкімі``, ``министрінің``, ``төрағасы``."""
    stem = strip_endings(word.casefold())
    titles = common_words().titles
    return stem in titles or strip_possessive(stem) in titles


def known_name(word: str) -> bool:
    """A gazetteer place or organisation, or a listed first name, in any case form."""
    for kind in ("location", "org"):
        if lookup(word, kind) is not None or lookup(base_form(word, kind), kind) is not None:
            return True
    names = first_names()
    return word.casefold() in names or base_form(word, "person").casefold() in names


def _name_elsewhere(info: TextInfo, w: Word) -> bool:
    """The text writes ``w``'s lemma as a name at another place (with a capital inside a sentence, or
    as all a quotation holds: «Береке» ЖШС ... Берекеге) and never in lower case."""
    stem = strip_endings(w.lower)
    if stem in info.lower_stems:
        return False
    return any(o.i != w.i and o.capitalised and (not info.starts_sentence(o) or _quoted(info, o))
               and strip_endings(o.lower) == stem for o in info.words)


def _opens_quote(info: TextInfo, w: Word) -> bool:
    """The word opens a quotation: «Жас Отан» (a quoted name is a name however it starts)."""
    q = info.in_quote(w.start)
    return q is not None and q.inner_start == w.start


def _quoted(info: TextInfo, w: Word) -> bool:
    """The word is all a quotation holds: «Ауыл» партиясы, "Парасат" ордені."""
    q = info.in_quote(w.start)
    return q is not None and q.inner_start == w.start and q.inner_end == w.end


def _before_head(info: TextInfo, w: Word) -> bool:
    """Capitalised inside a sentence before a head noun: the word names the place or body (Алматы облысы
    Талап ауылдық округіне); first in a sentence the capital says nothing (Академик кітапханасы)."""
    nxt = info.next(w)
    if nxt is None or not info.adjacent(w, nxt) or info.starts_sentence(w):
        return False
    for k in (nxt, info.next(nxt)):  # a head of one or two words: ауылдық округі
        if k is not None and (hm := head_at(info, k)) is not None and hm.first.i == nxt.i:
            return True
    return False


def _supported(info: TextInfo, w: Word) -> bool:
    """Something besides the model says the word is a name: a table, quotes or a head noun."""
    return known_name(w.text) or _quoted(info, w) or _before_head(info, w)


def ordinary_word(info: TextInfo, w: Word) -> bool:
    """A word that is no name by itself in this text (see the module docstring, check 3)."""
    if _supported(info, w):
        return False
    common = is_common(w.text) or (info.starts_sentence(w) and strip_endings(w.lower) in info.lower_stems)
    return common and not _name_elsewhere(info, w)


def unsupported_opener(info: TextInfo, w: Word, kind: str) -> bool:
    """A word in title case first in its sentence, where a capital says nothing, that nothing else
    shows to be a name: no gazetteer name, first name or surname (``Ерубаев``), not quoted, not a
    person named before a comma or dash (``Лиза, австралиялық саяхатшы``), and not written with a
    capital inside a sentence elsewhere in the text."""
    if not info.starts_sentence(w) or w.latin or w.text.isupper() or _supported(info, w):
        return False
    if surname_strength(base_form(w.text, "person")) == "strong":
        return False
    if kind == "person" and info.text[w.end:w.end + 2].strip()[:1] in (",", "-"):
        return False
    return not _name_elsewhere(info, w)


def plausible_shape(info: TextInfo, words: List[Word], text: str) -> bool:
    if not words or not LETTER.search(text) or CLOCK.search(text):
        return False
    first = words[0]
    if NUMBER.match(first.text):  # 31 арна: a number, then a name word
        return len(words) > 1 and words[1].capitalised
    return first.capitalised and LETTER.match(first.text) is not None


def _all_caps(words: List[Word]) -> bool:
    return all(len(w.text) >= 2 and w.text.isupper() for w in words)


@lru_cache(maxsize=1)
def _plural_heads() -> Tuple[regex.Pattern, dict]:
    """Head nouns in the plural (``Павлодар облыстары``, ``Өзбекстан Республикаларының``): the head's
    stem (``облыс`` of ``облысы``), a plural ending and a possessive."""
    stems = {}
    for h in heads():
        last = h.head.split()[-1].casefold()
        # облыс-ы or облы-сы: both stems (only the real one takes a plural); a voiced last sound is
        # voiceless before the plural (мектеб-і → мектептері, одағ-ы → одақтары)
        for stem in (last[:-1], last[:-2]):
            if last[-1:] in ("ы", "і") and len(stem) > 1:
                stems.setdefault(stem, h.entity)
                stems.setdefault(stem[:-1] + _DEVOICE.get(stem[-1], stem[-1]), h.entity)
    plurals = sorted({e.ending for e in ending_rows() if e.case == "plural"}, key=len, reverse=True)
    pattern = regex.compile(r"^(%s)(?:%s)[ыі]" % ("|".join(map(regex.escape, sorted(stems, key=len, reverse=True))),
                                                 "|".join(map(regex.escape, plurals))))
    return pattern, stems


def _head_entity(info: TextInfo, w: Word) -> Optional[str]:
    """``location`` or ``org`` when ``w`` is (the last word of) a head noun, singular or plural."""
    hm = head_at(info, w)
    if hm is not None:
        return hm.head.entity
    pattern, stems = _plural_heads()
    m = pattern.match(w.lower)
    return stems[m.group(1)] if m else None


def _name_like(w: Word) -> bool:
    """A word that may be part of a person's name: a first name, a surname, or a word that is neither a
    common word nor a place or organisation of the gazetteer."""
    base = base_form(w.text, "person")
    if base.casefold() in first_names() or surname_strength(base):
        return True
    gaz = any(lookup(w.text, k) or lookup(base_form(w.text, k), k) for k in ("location", "org"))
    return not gaz and not is_common(w.text)


def person_words(names: Iterable[str]) -> FrozenSet[str]:
    """The casefolded words of people's names (``Сауль Альварес`` → сауль, альварес)."""
    out = set()
    for n in names:
        out.update(p.casefold() for p in regex.split(r"[\s.]+", n) if len(p) > 1)
    return frozenset(out)


def _words(info: TextInfo, start: int, end: int) -> List[Word]:
    """The words that overlap ``start:end`` (a model span may end inside a word: ``Palu`` of ``Palu's``)."""
    i = info.word_index_at(start)
    out = []
    while i < len(info.words) and info.words[i].start < end:
        if info.words[i].end > start:
            out.append(info.words[i])
        i += 1
    return out


def check_span(info: TextInfo, span: Span, persons: FrozenSet[str] = frozenset()) -> Optional[Span]:
    """The span as it should be kept (maybe cut or retyped), or ``None`` to drop it. ``persons``: the
    words of people's names found in the same text (:func:`person_words`)."""
    words = _words(info, span.start, span.end)
    if not words:
        return None
    first_word, last_word = words[0], words[-1]
    # 2. edges: ordinary words first in a sentence (unless a head noun ends the name: Сыртқы істер
    # министрлігі), an office word last
    headed = _head_entity(info, words[-1]) is not None
    while len(words) > 1 and not headed and info.starts_sentence(words[0]) and not _opens_quote(info, words[0]) \
            and ordinary_word(info, words[0]) \
            and strip_endings(words[0].lower) != words[0].lower:
        words = words[1:]
        if not words[0].capitalised:
            return None
    if span.kind in ("org", "location"):
        while len(words) > 1 and is_title(words[-1].text):
            words = words[:-1]
    if not words:
        return None
    span = replace(span, start=span.start if words[0] is first_word else words[0].start,
                   end=span.end if words[-1] is last_word else words[-1].end)
    # 1. shape
    if not plausible_shape(info, words, info.text[span.start:span.end]):
        return None
    # 3. ordinary words
    if len(words) == 1 and (ordinary_word(info, words[0]) or unsupported_opener(info, words[0], span.kind)):
        return None
    # 4. type
    last_head = _head_entity(info, words[-1])
    if span.kind == "person":
        if _all_caps(words):
            return replace(span, kind="org")
        if any(_head_entity(info, w) for w in words[:-1]) or not any(_name_like(w) for w in words):
            return None
        if last_head is not None:
            return replace(span, kind=last_head)
        return span
    if last_head == "location" and span.kind == "org":
        return replace(span, kind="location")
    if len(words) == 1:
        w = words[0]
        base = base_form(w.text, "person").casefold()
        gaz = any(lookup(w.text, k) or lookup(base_form(w.text, k), k) for k in ("location", "org"))
        if not gaz and (base in first_names() or base in persons):
            return replace(span, kind="person")
    return span


def check_spans(info: TextInfo, spans: Iterable[Span], person_names: Iterable[str] = ()) -> List[Span]:
    """The model spans to keep (see :func:`check_span`); ``person_names``: people found by rule. The
    people the model finds (kept ones) count too."""
    spans = list(spans)
    first = [check_span(info, s) for s in spans]
    found = {info.text[s.start:s.end] for s in first if s is not None and s.kind == "person"}
    known = person_words(list(person_names) + [base_form(n, "person") for n in found])
    out: List[Span] = []
    for s in spans:
        kept = check_span(info, s, known)
        if kept is not None:
            out.append(kept)
    return out

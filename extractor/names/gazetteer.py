"""Find gazetteer names in a text, with their case endings: ``Қазақстанның`` is Қазақстан,
``Астанадағы`` Астана, ``АҚШ-тың`` АҚШ, ``ҚазАқпарат`` an organisation.

A name matches as a whole word, written with a capital (Latin names in any letter case: KAZINFORM),
followed by nothing or by a case ending that fits it (``Қытайлық`` 'Chinese' is no mention of
Қытай). Names marked ``ambiguous`` are skipped at the start of a sentence and ``head`` names are only
found with their head noun (see :mod:`.heads`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, List, Tuple

import regex

from ..lang.kk.morph import case_suffix_pattern, hyphen_base, parses
from ..spans import keep_longest
from .lexicon import Entry, gazetteer
from .text import TextInfo

WORD_START = r"(?<![\p{L}\p{N}])"
WORD_END = r"(?![\p{L}\p{N}])"
_CANDIDATE_START = regex.compile(r"(?<![\p{L}\p{N}])[\p{Lu}\p{Latin}\p{N}]")


@dataclass(frozen=True)
class GazMatch:
    start: int
    end: int
    entry: Entry
    surface: str


def _entry_source(name: str) -> str:
    return r"[ \t]+".join(regex.escape(p) for p in name.split())


@lru_cache(maxsize=1)
def _names() -> Tuple[str, Dict[str, List[Entry]]]:
    """The source of the matcher (every name, the longest first, then a case ending) and the entries by key."""
    entries = [e for e in gazetteer() if e.match != "head"]
    by_key: Dict[str, List[Entry]] = {}
    for e in entries:
        by_key.setdefault(" ".join(e.name.casefold().split()), []).append(e)
    names = sorted(by_key, key=len, reverse=True)
    alts = "|".join(_entry_source(n) for n in names)
    return r"%s(?P<name>%s)(?P<ending>%s)%s" % (WORD_START, alts, case_suffix_pattern(), WORD_END), by_key


@lru_cache(maxsize=1)
def _full_case_pattern() -> regex.Pattern:
    return regex.compile(_names()[0], regex.IGNORECASE | regex.VERSION1)


@lru_cache(maxsize=1)
def _simple_case_pattern() -> regex.Pattern:
    # the keys are case-folded, so they hold no letter that folds to two; on a text without one either,
    # full case folding matches exactly what simple folding does, and this compiles four times faster
    # (the gazetteer pattern was the largest part of a one-file run's start-up)
    return regex.compile("(?-f)" + _names()[0], regex.IGNORECASE | regex.VERSION1)


def _folds_to_two(text: str) -> bool:
    """Whether ``text`` has a letter whose case folding has two or more letters (``ß`` → ``ss``, ``ﬁ`` →
    ``fi``): every other letter folds to one."""
    return len(text.casefold()) != len(text)


def _matcher_for(text: str) -> regex.Pattern:
    """The gazetteer pattern for ``text``: full case folding where the text needs it, else the same matches
    from a pattern that is cheaper to build."""
    return _full_case_pattern() if _folds_to_two(text) else _simple_case_pattern()


def _matcher() -> Tuple[regex.Pattern, Dict[str, List[Entry]]]:
    """The full-case pattern and the entries by key."""
    return _full_case_pattern(), _names()[1]


def ending_fits(name: str, ending: str) -> bool:
    """Whether ``ending`` (as written after ``name``) is a case ending that fits it."""
    if not ending:
        return True
    last = name.split()[-1]
    word = last + ending
    if ending[0] in "-'’":
        return hyphen_base(word) == last
    return any(p.base == last and p.case == ending for p in parses(word))


def _written_right(entry: Entry, surface: str) -> bool:
    """Cyrillic names need their capitals (Ақ жол the party, not 'ақ жол'); Latin ones any case."""
    if entry.latin:
        return True
    for want, have in zip(entry.name.split(), surface.split()):
        if want[:1].isupper() and not have[:1].isupper():
            return False
    return True


@lru_cache(maxsize=4096)
def _single(key: str) -> regex.Pattern:
    return regex.compile(r"(?P<name>%s)(?P<ending>%s)%s" % (_entry_source(key), case_suffix_pattern(), WORD_END),
                         regex.IGNORECASE | regex.VERSION1)


@lru_cache(maxsize=4096)
def _shorter_keys(key: str) -> Tuple[str, ...]:
    """The gazetteer names that ``key`` starts with, longest first."""
    return tuple(sorted((k for k in _names()[1] if key.startswith(k) and k != key), key=len, reverse=True))


def _accept(info: TextInfo, start: int, surface: str, ending: str, entries: List[Entry]):
    if not ending_fits(surface, ending):
        return None
    for entry in entries:
        if not _written_right(entry, surface):
            continue
        if entry.match == "ambiguous" and info.starts_sentence_at(start):
            continue
        return entry
    return None


def _inside_longer_quote(info: TextInfo, start: int, end: int) -> bool:
    """A name inside a longer quoted title is part of that title («Google Maps» картасы, "Пушкин және
    Абай" кеші); a quote that holds only the name is the name («Kazinform»)."""
    q = info.in_quote(start)
    return q is not None and (q.inner_start, q.inner_end) != (start, end)


def find_gazetteer(text: str, info: TextInfo = None) -> List[GazMatch]:
    """Gazetteer names in ``text``: the longest valid name at each place, no overlaps."""
    info = info or TextInfo(text)
    if "gazetteer" not in info.memo:
        info.memo["gazetteer"] = {"found": _find(text, info)}
    return list(info.memo["gazetteer"]["found"])


# how many letters of a name's first word the quick test before the large pattern compares
_PREFIX = 4


@lru_cache(maxsize=1)
def _beginnings() -> Tuple[FrozenSet[str], FrozenSet[str], Tuple[int, ...], FrozenSet[str]]:
    """The first words of the names shorter than :data:`_PREFIX` letters, the first :data:`_PREFIX` letters
    of the other first words, the lengths of the short ones, and the short ones' beginnings as long as the
    shortest; case-folded."""
    firsts = {k.split(" ")[0] for k in _names()[1]}
    short = frozenset(f for f in firsts if len(f) < _PREFIX)
    lengths = tuple(sorted({len(f) for f in short}))
    return short, frozenset(f[:_PREFIX] for f in firsts if len(f) >= _PREFIX), lengths, \
        frozenset(f[:lengths[0]] for f in short)


def _may_start_name(text: str, s: int) -> bool:
    """Whether a name may begin at ``s``: on a text without letters that fold to two, the simple-case
    pattern matches a key's letters exactly where ``str.casefold`` makes them equal, so a place where the
    text's word does not begin as some name's first word does (its first four letters, or all of a shorter
    first word) is passed over without running the large pattern (about four candidates in five)."""
    short, long, lengths, short_heads = _beginnings()
    head = text[s:s + _PREFIX].casefold()
    return head in long or (bool(lengths) and head[:lengths[0]] in short_heads
                            and any(head[:n] in short for n in lengths))


def _find(text: str, info: TextInfo) -> List[GazMatch]:
    pattern, by_key = _matcher_for(text), _names()[1]
    found = []
    # names start with a capital (or a Latin letter or a digit) at a word start, or after a hyphen
    starts = (c.start() for c in _CANDIDATE_START.finditer(text))
    if pattern is _simple_case_pattern():
        starts = (s for s in starts if _may_start_name(text, s))
    for m in (pattern.match(text, s) for s in starts):
        if m is None:
            continue
        surface, ending = m.group("name"), m.group("ending")
        key = " ".join(surface.casefold().split())
        entry = _accept(info, m.start(), surface, ending, by_key[key])
        if entry is None:  # try the shorter names that start here (Ресей in "Ресей федерациясы")
            for shorter in _shorter_keys(key):
                m2 = _single(shorter).match(text, m.start())
                if m2:
                    entry = _accept(info, m.start(), m2.group("name"), m2.group("ending"), by_key[shorter])
                    if entry is not None:
                        m, surface = m2, m2.group("name")
                        break
        if entry is not None and not _inside_longer_quote(info, m.start(), m.start() + len(surface)):
            found.append(GazMatch(m.start(), m.end(), entry, surface))
    return keep_longest(found)

"""Sports clubs named by a quoted name in a sports text (annotation.md: named sports clubs are orgs).

Sports news names a club by its quoted name, often with no head word after it, with its case ending or the
possessive inside the quotes, and with its city before it as an adjective or in the genitive:
``алматылық «Қайрат»``, ``Павлодардың «Ертіс» және «Ақтөбе» клубы``, ``Қостанайдың «Тобылы» мен
Қарағандының «Шахтері»`` → Тобыл, Шахтер; ``«Барыс» маусымда жиырма командадан озды``.

In a text with a sports word (``data/sports_words.tsv``, role ``sport``: футбол, чемпионат, ...):

* a quoted name that is a club of ``data/sports_clubs.tsv`` (the top leagues' clubs), in any case form or
  with the possessive, is that club, also when the name is a city's: a quoted city there is the club;
* a quoted name listed with a club (joined by a comma or a joiner, a city adjective or genitive between
  allowed) is a club too, and so is one right before a club word (role ``club_word``: клубы, командасы)
  that follows a list;
* a quoted name after its city (an adjective made from a place or a place in the genitive) that ends its
  clause or is followed by a club word is a club: ``шымкенттік «Жас қыран», ...``;
* a quoted name followed by a word for a place named after it (role ``not_club``: «Астана» стадионында) is
  none.

The span is the quoted text when it is the name, the whole quotation when the quotes hold an ending
(``«Тобылы»``, as :func:`extractor.names.orgs.inflected_quotes` writes ``«Қайратқа»``); the name is the
nominative base form.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Tuple

import regex

from ...lang.kk.morph import base_form, ending_rows
from ...lang.kk.tables import load_table
from ..gazetteer import ending_fits
from ..lexicon import adjective_endings, list_joiners, lookup
from ..text import Quote, TextInfo
from .finding import OrgFinding



@lru_cache(maxsize=4)
def _endings(case: str) -> Tuple[str, ...]:
    """The endings of ``case`` in ``data/case_endings.tsv`` (``possessive3``: -сы, -і; ``genitive``: -ның, -тің)."""
    return tuple(sorted({e.ending for e in ending_rows() if e.case == case}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _place_adjective() -> regex.Pattern:
    """An adjective made from a place (алматылық, шымкенттік, семейлік, елордалық): a base and one of the
    relational endings of ``data/adjective_endings.tsv`` that end in a consonant (-лық, -тік; not -ғы, -гі,
    which make adjectives of time and position words)."""
    endings = sorted((e for e in adjective_endings() if e[-1:] in "қк"), key=len, reverse=True)
    return regex.compile(r"^(?P<base>\p{Ll}{3,})(?:%s)$" % "|".join(regex.escape(e) for e in endings))


@lru_cache(maxsize=1)
def _clubs() -> Dict[str, str]:
    return {r["name"].casefold(): r["name"] for r in load_table("sports_clubs")}


@lru_cache(maxsize=1)
def _club_pattern() -> regex.Pattern:
    alts = "|".join(regex.escape(n) for n in sorted(_clubs(), key=len, reverse=True))
    return regex.compile(r"(?P<name>%s)(?P<rest>\p{Ll}{0,8})" % alts, regex.IGNORECASE | regex.VERSION1)


@lru_cache(maxsize=1)
def _words() -> Tuple[Tuple[str, ...], FrozenSet[str], Tuple[str, ...], FrozenSet[str], FrozenSet[str]]:
    roles: Dict[str, list] = {"sport": [], "club_word": [], "not_club": [], "city_noun": [], "versus": []}
    for r in load_table("sports_words"):
        if r["role"] not in roles:
            raise ValueError(f"sports_words.tsv: unknown role {r['role']!r} for {r['word']!r}")
        roles[r["role"]].append(r["word"].casefold())
    return (tuple(roles["sport"]), frozenset(roles["club_word"]), tuple(roles["not_club"]), frozenset(roles["city_noun"]),
            frozenset(roles["versus"]))


def club_name(quoted: str) -> Optional[str]:
    """The club of ``data/sports_clubs.tsv`` that the quoted text names in any case form or with the
    possessive (``Тобылы``, ``Ордабасымен``, ``Елімайды``, ``Тобылына`` → the table's name), else ``None``."""
    m = _club_pattern().fullmatch(quoted)
    if m is None:
        return None
    name, rest = _clubs()[m.group("name").casefold()], m.group("rest")
    if not rest or rest in _endings("possessive3") or ending_fits(name, rest):
        return name
    for p in _endings("possessive3"):  # possessive + case: Тобылына
        if rest.startswith(p) and ending_fits(name + p, rest[len(p):]):
            return name
    return None


def sports_text(info: TextInfo) -> bool:
    """Whether a word of the text starts with a sports word (``Футболдан``, ``чемпионатының``)."""
    found = info.memo.get("sports_text")
    if found is None:
        sport = _words()[0]
        found = info.memo["sports_text"] = any(w.lower.startswith(sport) for w in info.words)
    return found


def _word_after(info: TextInfo, q: Quote) -> Optional[str]:
    w = info.word_after_quote(q)
    return w.lower if w is not None else None


def _club_word(word: Optional[str]) -> bool:
    if word is None:
        return False
    club_words = _words()[1]
    return word in club_words or any(word.startswith(c) for c in club_words if len(c) > 3)


def _names_a_place(info: TextInfo, q: Quote) -> bool:
    nxt = _word_after(info, q)
    return nxt is not None and nxt.startswith(_words()[2])


def _owner_word(info: TextInfo, text: str) -> bool:
    """A city before a club's name: an adjective made from a place of the gazetteer or a city noun
    (``алматылық``, ``шымкенттік``, ``елордалық``; not ``халықаралық``) or a place in the genitive
    (``Павлодардың``)."""
    m = _place_adjective().match(text)
    if m is not None:
        base = m.group("base")
        return base in _words()[3] or lookup(base[:1].upper() + base[1:], "location") is not None
    return text[:1].isupper() and text.endswith(_endings("genitive")) \
        and lookup(base_form(text, "location"), "location") is not None


def _joined(info: TextInfo, a: Quote, b: Quote) -> bool:
    """Whether quotation ``b`` follows ``a`` in one list: a comma, a joiner or the dash of a match between
    (``«Қайрат» – «Жас қыран»``), and a city before ``b`` allowed (``«Ертіс» және «Ақтөбе»``, ``«Қайрат», семейлік «Елімай»``, ``«Тобылы» мен Қарағандының
    «Шахтері»``)."""
    gap = info.text[a.end:b.start].split()
    if gap and gap[-1] not in (",",) and _owner_word(info, gap[-1]):
        gap = gap[:-1]
    if not gap:
        return False
    joined = " ".join(gap)
    if joined.startswith(","):
        joined = joined[1:].strip()
    return joined == "" or joined.casefold() in list_joiners() or joined in _words()[4]


def _name_like(q: Quote) -> bool:
    return bool(q.text) and q.text[:1].isupper() and len(q.text.split()) <= 3


def find_clubs(info: TextInfo) -> List[OrgFinding]:
    if not info.quotes or not sports_text(info):
        return []
    quotes = info.quotes
    names: Dict[int, str] = {}
    for k, q in enumerate(quotes):
        if not _name_like(q) or _names_a_place(info, q):
            continue
        name = club_name(q.text)
        if name is not None:
            names[k] = name
    for k, q in enumerate(quotes):  # a city before a quoted name that ends its clause: алматылық «Жас қыран»,
        if k in names or not _name_like(q) or _names_a_place(info, q):
            continue
        i = info.word_index_at(q.start) - 1  # the word before the quotation, spaces only between
        before = info.words[i] if i >= 0 and not info.text[info.words[i].end:q.start].strip() else None
        after = _word_after(info, q)
        if before is not None and _owner_word(info, before.text) and (after is None or _club_word(after)):
            names[k] = base_form(q.text, "org")
    # a list with one club is a list of clubs; a club word after a list holds for all of it
    k = 0
    while k < len(quotes):
        j = k
        while j + 1 < len(quotes) and _joined(info, quotes[j], quotes[j + 1]):
            j += 1
        items = range(k, j + 1)
        if j > k and (any(i in names for i in items) or _club_word(_word_after(info, quotes[j]))):
            for i in items:
                q = quotes[i]
                if i not in names and _name_like(q) and not _names_a_place(info, q):
                    names[i] = base_form(q.text, "org")
        k = j + 1
    out = []
    for k, name in sorted(names.items()):
        q = quotes[k]
        # the quotation's text when it is the name; the whole quotation when it holds an ending (as
        # orgs.inflected_quotes writes «Қайратқа»)
        out.append(OrgFinding(q.inner_start, q.inner_end, name) if q.text == name else OrgFinding(q.start, q.end, name))
    return out

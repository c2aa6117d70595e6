"""Places by rule: gazetteer names, names with a place head noun, and the dateline.

* gazetteer: ``Қазақстанның`` → Қазақстан, ``Астанадағы`` → Астана, ``ШҚО-да`` → ШҚО;
* head nouns (``data/name_heads.tsv``, entity ``location``): the capitalised name before the head,
  the head in the nominative: ``Жамбыл облысына`` → Жамбыл облысы, ``Сейфуллин көшесіндегі`` →
  Сейфуллин көшесі, ``Нұрсат 2 шағын ауданындағы`` → Нұрсат 2 шағын ауданы, ``Қабанбай батыр
  көшесі``; ``Батыс Қазақстан облысы``; ``Көктем және Шұғыла шағын ауданы`` gives both; a quoted name
  before a building (``"Достық" сарайында`` → Достық сарайы);
  a descriptor head (``Сингапур елінде``) only for a gazetteer place, without the head;
* the dateline ``АСТАНА. KAZINFORM —``: the city, spelled as the gazetteer spells it (Астана);
* a name 'called' a place (``Ақсай деген ауылда`` → Ақсай) and the other names of a list of places
  (``Ақтау, Ақсу, Төребай және Шымкент`` → Төребай too);
* an unknown name inside a sentence with the locative turned attribute (``Жидебайдағы мұражай`` → Жидебай);
* regional news: a village written ``аулы`` named ``ауылы`` (``data/place_head_spellings.tsv``), rural districts
  (``ауыл округі``, ``ауылдық округі``), dams, and roads named by their two ends (``Атырау – Бейнеу күрежолы``,
  ``data/route_heads.tsv``); a person's surname after a listed first name stays out of a place's name;
* a place and its head in a heading written in capitals take the name the text gives that place, else
  normal capitalisation (``ҚОСКӨЛ ОКРУГІНДЕ`` → Қоскөл ауылдық округі);
* a country's abbreviation takes the full name where the text writes it (``ҚХР-мен`` beside ``Қытай Халық
  Республикасы``, ``data/country_abbreviations.tsv``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

import regex

from ..lang.kk.morph import VOWELS, base_form, ending_rows, harmony, plural_endings, strip_endings
from ..lang.kk.tables import load_table
from ..spans import keep_longest
from .gazetteer import find_gazetteer
from .heads import HeadMatch, find_heads, head_at, head_entity, plural_head_noun, plural_place_heads
from .lexicon import (called_place_nouns, called_words, canonical_location, directions, epithets, first_names, is_common,
                      is_title,
                      is_currency_noun, is_event_noun, is_place_noun,
                      list_joiners, looks_adjective, lookup, place_matches, strip_possessive, settlement_nouns, speech_verbs,
                      surname_strength)
from .text import LATIN, TextInfo, Word, stop_words

DATELINE = regex.compile(r"(?m)^[ \t]*(?P<city>\p{Lu}[\p{Lu}\-]+(?:[ \t]\p{Lu}[\p{Lu}\-]+)?)\.[ \t]*"
                         r"(?P<agency>[\p{L}][\p{L}.]+)[ \t]*-")
NUMBER_WORD = regex.compile(r"^\p{N}+\p{L}?$")
# gazetteer kinds of a place whose name a district, a region or a village may share (Талғар the town and
# Талғар ауданы): a head in the plural after such a name names the head's kind
SETTLEMENT_KINDS = frozenset({"city", "district", "region"})


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    name: str
    how: str  # gazetteer | head | dateline | list


def _name_word(info: TextInfo, w: Word) -> bool:
    return w.capitalised and not info.ordinary_word(w) and w.lower not in stop_words().generic \
        and head_at(info, w) is None


def _words_before(info: TextInfo, first: Word) -> List[Word]:
    """The name right before a head word: one capitalised word, with an epithet, number, direction
    or the rest of a multi-word gazetteer name in front of it."""
    prev = info.prev(first)
    if prev is None or not info.adjacent(prev, first):
        return []
    words: List[Word] = []
    if NUMBER_WORD.match(prev.text):  # Нұрсат 2 шағын ауданы
        p2 = info.prev(prev)
        if p2 is None or not info.adjacent(p2, prev) or not _name_word(info, p2) \
                or base_form(p2.text, "location") != p2.text:  # Еуропаның 5 қаласы: five of Europe's cities
            return []
        words, prev = [p2, prev], p2
    elif prev.lower in epithets():  # Қабанбай батыр көшесі
        p2 = info.prev(prev)
        if p2 is None or not info.adjacent(p2, prev) or not _name_word(info, p2):
            return []
        words, prev = [p2, prev], p2
    elif _name_word(info, prev):
        words = [prev]
        p2 = info.prev(prev)  # a person's whole name: Мұхтар Әуезов көшесі, Қаныш Сәтбаев каналы
        if _after_first_name(info, prev) \
                and surname_strength(prev.text) and lookup(prev.text, "location") is None:  # not Сәтбаев қаласы
            words = [p2, prev]
        elif p2 is not None and _two_word_name(info, p2, prev):  # Ролан Гаррос аренасы
            words = [p2, prev]
    else:
        return []
    return _with_front(info, words)


def _unknown_name_word(info: TextInfo, w: Word) -> bool:
    """A capitalised word in its base form that no table knows, written as a name (``Гаррос``,
    ``Қазан-Богородтық``; not an abbreviation such as ``ЖШС``): no place, organisation, surname, title, first
    word of a sentence nor ordinary word."""
    return _name_word(info, w) and not w.latin and not info.starts_sentence(w) \
        and all(part[:1].isupper() and part[1:].islower() for part in w.text.split("-")) \
        and base_form(w.text, "location") == w.text and not place_matches(w.text) \
        and lookup(w.text, "org") is None and not surname_strength(w.text) and not is_title(w.text) \
        and w.lower not in directions() and w.lower not in epithets()


def _two_word_name(info: TextInfo, first: Word, second: Word) -> bool:
    """Whether ``first second`` before a place's head is one name of two words that no table knows: a
    foreign person's whole name (``Ролан Гаррос аренасы``), a town's name before a dedication (``Перовск
    Қазан-Богородтық шіркеуі``). Each word is an unknown name in the nominative inside the sentence, so a
    known place (``Ресейдің Барнауыл``, ``Алматы Абай``), a surname (``Тоқаев Абай даңғылында``), an
    inflected word or a sentence's first word before the name stays out; so does a word after a listed first
    name, the end of a person's name (``әкім Арман Бекет Талдыбұлақ ауылдық округінде``: Бекет is the
    person's)."""
    return info.adjacent(first, second) and first.capitalised and _unknown_name_word(info, first) \
        and _unknown_name_word(info, second) and not _after_first_name(info, first)


def _after_first_name(info: TextInfo, w: Word) -> bool:
    """Whether a capitalised listed first name stands right before ``w`` (``Арман Бекет``)."""
    p = info.prev(w)
    return p is not None and info.adjacent(p, w) and p.capitalised and p.lower in first_names()


def _with_front(info: TextInfo, words: List[Word]) -> List[Word]:
    """``words`` with the direction or the rest of a multi-word gazetteer name in front of them: Шығыс
    Қазақстан, Батыс Ява; Мағжан Жұмабаев (a gazetteer name of two or three words)."""
    while True:
        p = info.prev(words[0])
        if p is None or not info.adjacent(p, words[0]):
            break
        if p.lower in directions() and p.capitalised:
            words.insert(0, p)
            continue
        joined = " ".join(x.text for x in [p] + words)
        if lookup(joined, "location") is not None:
            words.insert(0, p)
            continue
        break
    return words


def _item_before(info: TextInfo, first: Word, commas: bool) -> List[Word]:
    """The item of a list of names that ends right before ``first`` (an item of the list): a list joiner
    (``мен``, ``және``) or, with ``commas``, a comma, then a name in the nominative (``Жамбыл``, ``Солтүстік
    Қазақстан``); ``[]`` when there is none. A word that opens the sentence before a comma is an item only
    when the gazetteer knows it (not ``Мәселен, ...`` 'for example', nor a vocative)."""
    prev = info.prev(first)
    if prev is None:
        return []
    if prev.lower in list_joiners() and info.adjacent(prev, first):
        last = info.prev(prev)
        if last is None or not info.adjacent(last, prev):
            return []
    elif commas and info.gap(prev, first).strip() == ",":
        last = prev
        if info.starts_sentence(last) and not place_matches(base_form(last.text, "location")):
            return []
    else:
        return []
    if not _name_word(info, last):
        return []
    if base_form(last.text, "location") != last.text:
        # a name that only looks like an ablative, between two names in the nominative before a plural head
        # (Қаражал, Арыстан және Жаңатас кеніштері: the mine Арыстан, not 'from Арыс')
        if not commas or not _ablative_look(last):
            return []
        before = _item_before(info, last, commas)
        if not before or base_form(before[-1].text, "location") != before[-1].text:
            return []
    return _with_front(info, [last])


@lru_cache(maxsize=1)
def _ablative_endings() -> frozenset:
    """The ablative endings of ``data/case_endings.tsv`` (-тан, -ден, ...)."""
    return frozenset(e.ending for e in ending_rows() if e.case == "ablative")


def _ablative_look(w: Word) -> bool:
    """Whether ``w`` reads as a name in the ablative (``Арыстан``: Арыс + -тан). Inside a list of names in the
    nominative that share a plural head, such a word is a name of its own: an ablative item would break
    the list's one case form (``Астанадан, Алматыдан және ...``: no list)."""
    base = base_form(w.text, "location")
    return w.text.startswith(base) and w.text[len(base):].casefold() in _ablative_endings()


def _listed_place(words: List[Word], head: str, plural: bool) -> Optional[Place]:
    """One item of a list of names that a place's head ends (``Жамбыл`` of ``Жамбыл мен Павлодар
    облыстарында``): that name with the head (Жамбыл облысы), on the item's words. A name written in capitals
    is an abbreviation that holds its head already (``БҚО``). A place the gazetteer knows without that head
    keeps its own name (the gazetteer finds it) before a head in the singular, where it is a place of another
    kind (``Нұр-Сұлтан және Ақмола облысы``: the city and the region); the plural says every item is of the
    head's kind (``Талғар мен Еңбекшіқазақ аудандары``: the districts, not the town Талғар), but a sea, an
    island or a country is named without the head (``Бали және Ява аралдары``: Бали, Ява)."""
    name = " ".join(w.text for w in words)
    if name.isupper():
        return None
    full = f"{name} {standard_head(head)}"
    if lookup(full, "location") is None and place_matches(name) - {"head"}:
        known = lookup(name, "location")
        if not plural or known is None or known.kind not in SETTLEMENT_KINDS:
            return None
    return Place(words[0].start, words[-1].end, full, "head")


def _list_places(info: TextInfo, words: List[Word], head: str, plural: bool) -> List[Place]:
    """The other items of the list whose last item is ``words``, each with ``head``: before a head in the
    plural a list of any length (``Жамбыл, Қостанай мен Павлодар облыстары``), before one in the singular
    one name joined by a joiner (``Павлодар мен Батыс Қазақстан облысы``; a comma there is no list:
    ``Мәселен, Ақтөбе облысы``)."""
    out: List[Place] = []
    item = _item_before(info, words[0], plural)
    for _ in range(8 if plural else 1):
        if not item:
            break
        p = _listed_place(item, head, plural)
        if p is None:
            break
        out.append(p)
        item = _item_before(info, item[0], plural)
    return out


def settlement_places(info: TextInfo) -> List[Place]:
    """Names before a common noun for a settlement (``елді мекен``, ``data/name_stop_words.tsv``, role
    ``settlement``), which says what they are without being part of the name: ``Жаңабазар елді мекенінде`` →
    Жаңабазар; before the plural, every item of the list (``Айдаркөл, Баспанды және Жоласар елді
    мекендерінде``)."""
    out: List[Place] = []
    folded = None
    for phrase in settlement_nouns():
        first, _, last = phrase.partition(" ")
        if folded is None:
            folded = info.text.casefold()  # once for every phrase
        if first not in folded:
            continue
        for w in info.words:
            if w.lower != first:
                continue
            nxt = info.next(w) if last else w
            if nxt is None or (last and (not info.adjacent(w, nxt) or not nxt.lower.startswith(last))):
                continue
            words = _words_before(info, w)
            if not words or base_form(words[-1].text, "location") != words[-1].text:
                continue
            plural = plural_head_noun(nxt.text) is not None or nxt.lower[len(last):].startswith(plural_endings())
            items = [words]
            item = _item_before(info, words[0], plural)
            for _ in range(8 if plural else 0):
                if not item:
                    break
                items.append(item)
                item = _item_before(info, item[0], plural)
            for it in items:
                name = " ".join(x.text for x in it)
                out.append(Place(it[0].start, it[-1].end, canonical_location(name), "head"))
    return out


def _says_place(word: str) -> bool:
    """A common noun for a place in any case form: ``ауылда``, ``қалада``, ``жерде``, ``өзенінің``."""
    stem = strip_endings(word.casefold())
    return is_place_noun(word) or stem in called_place_nouns() or strip_possessive(stem) in called_place_nouns()


@lru_cache(maxsize=1)
def _called_pattern() -> regex.Pattern:
    """A 'called' word (role ``called``) after a name and before a lower-case word: where the rule looks."""
    return regex.compile(r"(?:%s)(?= \p{Ll})" % "|".join(sorted(called_words(), key=len, reverse=True)))


def called_places(info: TextInfo) -> List[Place]:
    """A name before 'called' and a common noun for a place (``data/name_stop_words.tsv``, roles ``called``,
    ``called_place``, ``place_noun``): ``Ақсай деген ауылда``, ``Көксу аталатын өзенге`` → Ақсай, Көксу, named
    without the noun; the name in the nominative, no listed first name."""
    out: List[Place] = []
    for m in _called_pattern().finditer(info.text):
        w = info.words[info.word_index_at(m.start())]
        if w.start != m.start() or w.end != m.end():
            continue
        nxt = info.next(w)
        if nxt is None or not info.adjacent(w, nxt) or nxt.capitalised or not _says_place(nxt.text):
            continue
        words = _words_before(info, w)
        if not words or info.in_quote(words[0].start) is not None \
                or base_form(words[-1].text, "location") != words[-1].text \
                or (len(words) == 1 and words[0].lower in first_names()):
            continue
        name = " ".join(x.text for x in words)
        out.append(Place(words[0].start, words[-1].end, canonical_location(name), "head"))
    return out


def _list_units(info: TextInfo, found: List[Place]) -> List[List[Tuple[int, int, Optional[Word]]]]:
    """Runs of list items: a found place or one capitalised word, each joined to the next by a comma or a list
    joiner (``мен``, ``және``); an item is ``(start, end, word)``, ``word`` ``None`` for a found place."""
    by_start = {p.start: p for p in found}
    runs: List[List[Tuple[int, int, Optional[Word]]]] = []
    run: List[Tuple[int, int, Optional[Word]]] = []
    i, words = 0, info.words
    while i < len(words):
        w = words[i]
        p = by_start.get(w.start)
        if p is not None:
            unit, i = (p.start, p.end, None), i + 1
            while i < len(words) and words[i].end <= p.end:
                i += 1
        elif w.capitalised and not w.latin and w.text[1:].islower():
            unit, i = (w.start, w.end, w), i + 1
        elif run and w.lower in list_joiners() and info.text[run[-1][1]:w.start].strip() == "":
            i += 1  # checked with the gap before the next item
            continue
        else:
            if len(run) > 2:
                runs.append(run)
            run, i = [], i + 1
            continue
        if run:
            between = info.text[run[-1][1]:unit[0]]
            if between.strip() != "," and between.strip() not in list_joiners():
                if len(run) > 2:
                    runs.append(run)
                run = []
        run.append(unit)
    if len(run) > 2:
        runs.append(run)
    return runs


def _list_goes_on(text: str, end: int) -> bool:
    """Whether a comma or a list joiner follows the name ending at ``end``."""
    after = text[end:end + 12].lstrip(" ")
    if after.startswith(","):
        return True
    word = after.split(None, 1)[:1]
    return bool(word) and word[0] in list_joiners()


def list_places(info: TextInfo, found: List[Place]) -> List[Place]:
    """The other items of a list of three or more names, at least two and half of them places found already:
    ``Ақтау, Ақсу, Төребай және Шымкент`` → Төребай too (a town the gazetteer lacks); an item that is a listed
    first name, a surname, an organisation or an ordinary word stays out."""
    if len(found) < 2:
        return []
    if not any(_list_goes_on(info.text, p.end) for p in found):
        return []  # a run with two found places has one followed by a comma or a joiner: look only then
    out: List[Place] = []
    for run in _list_units(info, found):
        known = sum(1 for u in run if u[2] is None)
        if known < 2 or 2 * known < len(run):
            continue
        for _, _, w in run:
            if w is None or not _name_word(info, w) or w.lower in first_names() or w.lower in directions() \
                    or is_common(w.text) \
                    or surname_strength(w.text) or lookup(w.text, "org") is not None:
                continue
            out.append(Place(w.start, w.end, base_form(w.text, "location"), "list"))
    return out


@lru_cache(maxsize=1)
def _where_endings() -> Tuple[str, ...]:
    """The locative turned attribute of ``data/case_endings.tsv`` after a stem's own sound (``-дағы``,
    ``-тегі``; not ``-ндағы`` of a possessive)."""
    return tuple(sorted({e.ending for e in ending_rows() if e.case == "locative_attr" and "poss3" not in e.after}))


@lru_cache(maxsize=1)
def _where_pattern() -> regex.Pattern:
    """The locative turned attribute at the end of a word (the word is checked after)."""
    return regex.compile(r"(?:%s)(?![\p{L}\p{N}-])" % "|".join(_where_endings()))


def where_places(info: TextInfo, found: List[Place]) -> List[Place]:
    """An unknown name inside a sentence with the locative turned attribute, 'the ... in X': ``Жидебайдағы
    мұражай``, ``Көктөбедегі саябақ`` → Жидебай, Көктөбе; not a listed first name, a surname, an organisation
    (``Парламенттегі``), a common word or a direction, nor a word inside quotes or one already found."""
    taken = {p.start for p in found}
    out: List[Place] = []
    for m in _where_pattern().finditer(info.text):
        w = info.words[info.word_index_at(m.start())]
        if w.end != m.end() or not w.capitalised or w.latin or not w.text[1:].islower() or w.start in taken \
                or info.starts_sentence(w) or info.in_quote(w.start) is not None:
            continue
        stem = w.text[:-4]
        if len(stem) < 4 or stem.casefold() in first_names() or stem.casefold() in directions() \
                or is_common(stem) or surname_strength(stem) or lookup(stem, "org") is not None \
                or not _name_word(info, w):
            continue
        out.append(Place(w.start, w.end, stem, "gazetteer"))
    return out


def plural_head_places(info: TextInfo) -> List[Place]:
    """Places before a place's head noun in the plural: ``Жамбыл, Қостанай мен Павлодар облыстарында``
    → Жамбыл облысы, Қостанай облысы, Павлодар облысы; each span is the item's words (the head is all the
    items', not the last one's)."""
    out: List[Place] = []
    for w, head in plural_place_heads(info):
        words = _words_before(info, w)  # Павлодар, Батыс Қазақстан, Әйтеке би
        if not words or base_form(words[-1].text, "location") != words[-1].text \
                or info.in_quote(words[0].start) is not None:
            continue
        if not _item_before(info, words[0], True):
            continue  # one name before a plural head: Ресей облыстары 'Russia's regions'
        mine = _listed_place(words, head, True)
        if mine is not None:
            out.append(mine)
        out.extend(_list_places(info, words, head, True))
    return out


def _in_capitals(info: TextInfo, start: int, end: int) -> bool:
    """Whether the name and its head at ``start:end`` are all written in capitals (a heading)."""
    surface = info.text[start:end]
    return surface.isupper() and " " in surface.strip()


def _written_as_name(name: str) -> str:
    """A name written in capitals as a name is written: each word and each part after a hyphen with one
    capital (``ҚАРАСУ`` → Қарасу, ``ЕСКІ ҚАЛА`` → Ескі Қала)."""
    return " ".join("-".join(p[:1] + p[1:].lower() for p in w.split("-")) for w in name.split())


def _heading_names(found: List[Place]) -> List[Place]:
    """Places of a heading in capitals named as the text names them elsewhere: the place whose name starts
    with the heading's name words and ends with its head's last word (``ҚАРАСУ ОКРУГІНДЕ`` and ``Қарасу
    ауылдық округі`` in the text → Қарасу ауылдық округі); else the heading's words as a name."""
    out = []
    for p in found:
        if p.how == "capitals":
            words = p.name.casefold().split()
            same = [q.name for q in found if q.how == "head" and q.name.casefold().split()[-1] == words[-1]
                    and q.name.casefold().split()[:len(words) - 1] == words[:-1]]
            p = Place(p.start, p.end, same[0] if same else p.name, "head")
        out.append(p)
    return out


@lru_cache(maxsize=1)
def country_abbreviations() -> dict:
    """``data/country_abbreviations.tsv``: a country's abbreviation → its full official name."""
    return {r["abbr"]: r["name"] for r in load_table("country_abbreviations")}


def _abbreviations_in_full(found: List[Place]) -> List[Place]:
    """A country's abbreviation named with the full name where the text also writes that full name (``ҚХР-мен``
    beside ``Қытай Халық Республикасында`` → Қытай Халық Республикасы); an abbreviation alone keeps its name."""
    full = country_abbreviations()
    written = {p.name.casefold() for p in found}
    return [Place(p.start, p.end, full[p.name], p.how) if p.name in full and full[p.name].casefold() in written
            else p for p in found]


@lru_cache(maxsize=1)
def route_heads() -> frozenset:
    """``data/route_heads.tsv``: the heads of roads named by their two ends (``тас жолы``, ``күрежолы``)."""
    return frozenset(r["head"] for r in load_table("route_heads"))


_DASH = frozenset({"–", "—", "-"})


def _route_start(info: TextInfo, first: Word) -> Optional[Word]:
    """The name of a road's first end before a dash and the name ``first`` of its other end (``Атырау`` of
    ``Атырау – Астрахань күрежолы``): a known place or another capitalised name inside the sentence, in the
    nominative, on the same line; else ``None``."""
    prev = info.prev(first)
    if prev is None or info.gap(prev, first).strip() not in _DASH or "\n" in info.gap(prev, first):
        return None
    if not prev.capitalised or base_form(prev.text, "location") != prev.text or info.in_quote(prev.start) is not None \
            or not (place_matches(prev.text) or (_name_word(info, prev) and not info.starts_sentence(prev))):
        return None
    return prev


@lru_cache(maxsize=1)
def _head_spellings() -> dict:
    """``data/place_head_spellings.tsv``: a head's other spelling → the spelling a place's name takes."""
    return {r["written"]: r["standard"] for r in load_table("place_head_spellings")}


def standard_head(head: str) -> str:
    """The head in a place's name: ``аулы`` → ауылы (``Қарасу аулында`` → Қарасу ауылы); other heads unchanged."""
    return _head_spellings().get(head, head)


def head_places(info: TextInfo, hm: HeadMatch) -> List[Place]:
    if info.in_quote(hm.start) is not None:
        return []
    q = info.quote_closing_before(hm.first.start)
    if q is not None:  # "Достық" сарайында
        if not hm.head.in_name:
            return []
        return [Place(q.start, hm.end, f"{q.text} {hm.base}", "head")]
    words = _words_before(info, hm.first)
    if not words:
        return []
    name = " ".join(w.text for w in words)
    start_word = _route_start(info, words[0]) if hm.head.head in route_heads() else None
    if start_word is not None:  # Атырау – Астрахань күрежолы: the road between two towns
        name = f"{start_word.text} – {name}"
        words = [start_word] + words
    if not hm.head.in_name:  # Сингапур елі → Сингапур, for known places only
        e = lookup(name, "location")
        return [Place(words[0].start, hm.end, e.name, "head")] if e else []
    if _in_capitals(info, words[0].start, hm.end):  # a heading: ҚАРАСУ ОКРУГІНДЕ → Қарасу округі
        return [Place(words[0].start, hm.end, f"{_written_as_name(name)} {standard_head(hm.base.lower())}", "capitals")]
    out = [Place(words[0].start, hm.end, f"{name} {standard_head(hm.base)}", "head")]
    # Көктем және Шұғыла шағын ауданы; Павлодар мен Батыс Қазақстан облысының
    out.extend(_list_places(info, words, hm.base, False))
    return out


@lru_cache(maxsize=1)
def _first_person_endings() -> Tuple[Tuple[str, str, str], ...]:
    """(possessive + case ending, harmony, sound before it) of ``data/first_person_possessive.tsv``, the
    longest first."""
    out = []
    for r in load_table("first_person_possessive"):
        for case in [""] + r["cases"].split():
            out.append((r["poss"] + case, r["harmony"], r["after"]))
    return tuple(sorted(set(out), key=lambda e: -len(e[0])))


@lru_cache(maxsize=1)
def _first_person_tail() -> regex.Pattern:
    """A 1st-person possessive (and a case ending) at the end of a word."""
    return regex.compile("(?:%s)$" % "|".join(sorted({e for e, _, _ in _first_person_endings()}, key=len,
                                                     reverse=True)))


@lru_cache(maxsize=16384)  # a function of the word and the tables: kept per form
def _possessed_name(low: str) -> Optional[str]:
    """The gazetteer place the case-folded word ``low`` names with a 1st-person possessive
    (``қазақстанымыздың`` 'of our Kazakhstan' → Қазақстан), or ``None``."""
    if len(low) < 6 or _first_person_tail().search(low) is None:
        return None
    for ending, vowel, after in _first_person_endings():
        stem = low[:-len(ending)]
        if not low.endswith(ending) or len(stem) < 4:
            continue
        if (stem[-1] in VOWELS) != (after == "vowel") or harmony(stem) not in (vowel, None):
            continue
        e = lookup(stem, "location")
        if e is not None and e.match == "bare":
            return e.name
    return None


def possessed_places(info: TextInfo) -> List[Place]:
    """Gazetteer places with a 1st-person possessive: ``Қазақстанымыздың болашағы`` → Қазақстан (looked up
    once per capitalised form of the text)."""
    hits = {}
    for low in info.capitalised_words:
        name = _possessed_name(low)
        if name is not None:
            hits[low] = name
    if not hits:
        return []
    return [Place(w.start, w.end, hits[w.lower], "gazetteer") for w in info.words
            if w.capitalised and not w.latin and w.lower in hits]


def dateline_agency(agency: str) -> bool:
    """Whether the word after ``CITY.`` names an agency: a listed organisation, a Latin-script name or one in
    capitals (``Kazinform``, ``Aqtobe.kz``, ``ҚАЗАҚПАРАТ``), not an ordinary first word (``Бүгін``)."""
    return lookup(agency, "org") is not None or bool(LATIN.match(agency)) or (len(agency) > 2 and agency.isupper())


@dataclass(frozen=True)
class Dateline:
    city: str
    city_start: int
    city_end: int
    agency: str  # without its final dots
    agency_start: int


def _datelines(text: str) -> List[Dateline]:
    out = []
    for m in DATELINE.finditer(text):
        agency = m.group("agency").rstrip(".")
        if dateline_agency(agency):
            out.append(Dateline(m.group("city"), m.start("city"), m.end("city"), agency, m.start("agency")))
    return out


def datelines(info: TextInfo) -> List[Dateline]:
    """The datelines of the text (``CITY. Agency —``) whose word after the city names an agency, found once
    and kept on ``info``: the places read the city, the organisations the agency."""
    found = info.memo.get("datelines")
    if found is None:
        found = info.memo["datelines"] = _datelines(info.text)
    return found


def dateline_places(text: str, info: Optional[TextInfo] = None) -> List[Place]:
    out = []
    for d in datelines(info) if info is not None else _datelines(text):
        city = d.city
        name = canonical_location(city)
        if name == city:  # not in the gazetteer: write it as a name (ҚЫЗЫЛЖАР → Қызылжар)
            name = "-".join(p[:1] + p[1:].lower() for p in city.split("-"))
        out.append(Place(d.city_start, d.city_end, name, "dateline"))
    return out


def in_event_title(info: TextInfo, end: int) -> bool:
    """Whether the place ending at ``end`` opens an event's title: an event noun follows it, right after or
    after one adjective (``Азия чемпионатында``, ``Астана халықаралық форумына``); ``data/name_stop_words.tsv``,
    role ``event``."""
    w = info.word_ending_at(end)
    nxt = info.next(w) if w is not None else None
    if nxt is None or not info.adjacent(w, nxt):
        return False
    if not nxt.capitalised and looks_adjective(nxt.text):
        after = info.next(nxt)
        if after is not None and info.adjacent(nxt, after) and is_event_noun(after.text):
            return True
    return is_event_noun(nxt.text)


def names_currency(info: TextInfo, end: int) -> bool:
    """Whether the place ending at ``end`` names a currency: a currency word of ``data/currencies.tsv``
    follows it (``АҚШ долларының бағасы``, ``Гонконг доллары``): no location."""
    w = info.word_ending_at(end)
    nxt = info.next(w) if w is not None else None
    return nxt is not None and info.adjacent(w, nxt) and not nxt.capitalised and is_currency_noun(nxt.text)


def names_a_thing(info: TextInfo, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` is all a quotation holds and a lower-case word that is no place's
    head follows the quotation: the name of a project, a product or a building (``«Сарыарқа» газ құбыры``,
    ``«Беларусь» тракторлары``, ``«Астана» концерт залы``), not the place. A place's head keeps it a place
    (``«Алтын дала» ықшамауданы``), and so do a common noun for a place (``«Нұр-Сұлтан» шаһары``) and a verb
    of saying or naming (``«Қазақстан» деді``)."""
    q = info.in_quote(start)
    if q is None or (q.inner_start, q.inner_end) != (start, end):
        return False
    nxt = info.word_after_quote(q)
    return nxt is not None and nxt.text[:1].islower() and nxt.text[:1].isalpha() and nxt.lower not in speech_verbs() \
        and head_entity(info, nxt) != "location" and not is_place_noun(nxt.text)


@lru_cache(maxsize=1)
def _month_names() -> frozenset:
    """The month names of ``data/months.tsv`` (қазан, наурыз, ...)."""
    return frozenset(r["name"].casefold() for r in load_table("months"))


@lru_cache(maxsize=1)
def _month_units() -> frozenset:
    """The word for 'month' after a month name (``data/date_words.tsv``, role ``month_unit``: қазан айында)."""
    return frozenset(r["word"].casefold() for r in load_table("date_words") if r["role"] == "month_unit")


_DAY_BEFORE = regex.compile(r"(?<![\p{N}.,:/-])\p{N}{1,2}[ \t]+$")
_YEAR_AFTER = regex.compile(r"^,?[ \t]+[12]\p{N}{3}(?![\p{N}])")


def month_not_place(info: TextInfo, start: int, end: int, name: str) -> bool:
    """Whether the place ``name`` at ``start:end``, spelled like a month (``Қазан`` the city and the month
    October, ``data/months.tsv``), is the month here: a day's number right before it (``31 Қазан``), a year
    right after it (``Қазан, 2022``) or the word 'month' after it (``Қазан айында``). Without that evidence
    the place stays (``Қазан қаласында``, ``Қазанда өтті``)."""
    if name.casefold() not in _month_names():
        return False
    text = info.text
    if _DAY_BEFORE.search(text, max(0, start - 8), start) or _YEAR_AFTER.match(text[end:end + 12]):
        return True
    w = info.word_ending_at(end)
    nxt = info.next(w) if w is not None else None
    return nxt is not None and info.adjacent(w, nxt) and not nxt.capitalised \
        and strip_possessive(strip_endings(nxt.lower)) in _month_units()


def find_places(text: str, info: Optional[TextInfo] = None) -> List[Place]:
    """Places in ``text``; overlapping findings keep the longest. A place that opens an event's title
    (``Азия чемпионатында``), names a currency (``АҚШ доллары``), quoted, a thing (``«Сарыарқа» газ
    құбыры``) or, spelled like a month, the month of a date (``31 Қазан, 2022``) is none."""
    info = info or TextInfo(text)
    found: List[Place] = []
    for g in find_gazetteer(text, info):
        if g.entry.entity == "location" and text[g.start:g.end] == g.entry.name and in_event_title(info, g.end):
            continue
        if g.entry.entity == "location" and names_currency(info, g.end):
            continue
        if g.entry.entity == "location" and names_a_thing(info, g.start, g.start + len(g.surface)):
            continue
        if g.entry.entity == "location" and month_not_place(info, g.start, g.end, g.entry.name):
            continue
        if g.entry.entity == "location":
            found.append(Place(g.start, g.end, g.entry.name if not g.entry.latin else g.surface, "gazetteer"))
    for hm in find_heads(info, "location"):
        found.extend(head_places(info, hm))
    found.extend(plural_head_places(info))
    found.extend(settlement_places(info))
    found.extend(called_places(info))
    found.extend(possessed_places(info))
    found.extend(dateline_places(text, info))
    found = _heading_names(found)
    found.extend(list_places(info, found))
    found.extend(where_places(info, found))
    found = _abbreviations_in_full(found)
    # a listed name with its head (Павлодар облысы) outranks the same words as a gazetteer name (Павлодар)
    return keep_longest(found, rank=lambda p: (-(p.end - p.start), p.how != "dateline", p.how != "head", p.start))

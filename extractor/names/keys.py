"""The canonical ``key`` of a name record: the same string for the same entity in every document.

* case-folded, spaces single, quotes off: ``«Алтын Дән»`` and ``АЛТЫН ДӘН`` → ``алтын дән``;
* organisations: a place's head in the genitive as in the nominative (``Атырау облысының әкімдігі`` and
  ``Атырау облысы әкімдігі``), a country prefix off (``ҚР``, ``Қазақстан Республикасының``: ``ҚР Ұлттық банкі``,
  ``Ұлттық банк`` and ``Ұлттық банкінің`` → ``ұлттық банк``), the gazetteer's spelling of an alias
  (``data/gazetteer_orgs.tsv``), the full name of an official abbreviation (``data/org_abbreviations.tsv``:
  ``ТЖМ`` → ``төтенше жағдайлар министрлігі``; also after the words the full name opens with: ``әл-Фараби
  атындағы ҚазҰУ``) and the known variants of ``data/name_aliases.tsv``
  (Latin and Cyrillic names of one agency, ``KAZINFORM``);
* places: the gazetteer's spelling, the variants of ``data/name_aliases.tsv`` (``ШҚО``), and ``қаласы`` off
  (a city is written with or without it); a region keeps its ``облысы`` (``Қарағанды`` the city and
  ``Қарағанды облысы`` the region are two keys);
* people: the name with a space after each initial's dot taken out (``Е. Сапаров`` → ``е.сапаров``).

In one text, an organisation written once with its owner place or the person it is named after and elsewhere
without it is one entity under the full name (:func:`fuller_org_names`: ``Алматы Мемлекеттік қуыршақ театры``
and ``Мемлекеттік қуыршақ театры``).

The name itself is already in the base form (:func:`extractor.lang.kk.morph.base_form`).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Iterable, Tuple

import regex

from ..lang.kk.tables import load_table
from ..lang.kk.morph import base_form
from .lexicon import abbreviation_expansions, canonical_location, heads, lookup, named_after, org_aliases

QUOTES = regex.compile(r"[«»\"“”„']")
COUNTRY_PREFIX = regex.compile(r"^(?:ҚР|қр|Қазақстан Республикасы(?:ның)?)\s+", regex.IGNORECASE)
CITY_WORD = regex.compile(r"\s+қаласы$")
INITIAL_SPACE = regex.compile(r"(?<=\b\p{L}\.)\s+")


@lru_cache(maxsize=1)
def _aliases() -> Dict[Tuple[str, str], str]:
    return {(r["entity"], " ".join(r["alias"].casefold().split())): r["name"] for r in load_table("name_aliases")}


@lru_cache(maxsize=1)
def _abbreviations() -> Dict[str, str]:
    return {a.casefold(): n for a, n in abbreviation_expansions().items()}


@lru_cache(maxsize=1)
def _genitive_place_heads() -> regex.Pattern:
    """A place head in the genitive inside an organisation's name (``облысының``, ``ауданының``)."""
    words = sorted({h.head.split()[-1].casefold() for h in heads() if h.entity == "location"}, key=len, reverse=True)
    return regex.compile(r"\b(%s)(?:ның|нің)\b" % "|".join(map(regex.escape, words)))


@lru_cache(maxsize=1)
def alias_spellings() -> frozenset:
    """The spellings ``data/name_aliases.tsv`` gives its entities (``Парламент Мәжілісі``), case-folded."""
    return frozenset(" ".join(r["name"].casefold().split()) for r in load_table("name_aliases"))


def _fold(name: str) -> str:
    return " ".join(QUOTES.sub(" ", name).split()).casefold()


def org_key(name: str) -> str:
    key = _fold(COUNTRY_PREFIX.sub("", _fold(name)))
    key = _genitive_place_heads().sub(r"\1", key)  # Атырау облысының әкімдігі = Атырау облысы әкімдігі
    key = _expanded_after_its_prefix(key)
    for _ in range(3):  # an alias may lead to an abbreviation or another alias: ТШО → Теңізшевройл
        new = _fold(org_aliases().get(key, key))
        new = _fold(_abbreviations().get(new, new))
        new = _fold(_aliases().get(("org", new), new))
        if new == key:
            break
        key = new
    return key


def _expanded_after_its_prefix(key: str) -> str:
    """An abbreviation written after the words its full name opens with is that full name: ``әл-Фараби
    атындағы ҚазҰУ`` → ``әл-фараби атындағы қазақ ұлттық университеті`` (the key of ``ҚазҰУ`` alone)."""
    prefix, _, last = key.rpartition(" ")
    full = _abbreviations().get(last)
    if prefix and full is not None and _fold(full).startswith(prefix + " "):
        return _fold(full)
    return key


def _owner_prefix(prefix: str) -> bool:
    """Words an organisation's full name opens with before its short form: a place (``Алматы``, ``ШҚО``,
    ``Атырау облысының``), not a country, or a person and ``атындағы`` (``әл-Фараби атындағы``)."""
    words = prefix.split()
    if words[-1].casefold() in named_after():
        return True
    if not words[0][:1].isupper():
        return False
    place = lookup(base_form(prefix, "location"), "location")
    if place is not None:
        # a country's body and the same words alone may be two countries' (Жапония Экономика министрлігі)
        return place.kind != "country"
    place_heads = {h.head.casefold() for h in heads() if h.entity == "location"}
    return len(words) > 1 and _genitive_place_heads().sub(r"\1", words[-1].casefold()) in place_heads


def fuller_org_names(names: Iterable[str]) -> Dict[str, str]:
    """The organisations of one text written once with their owner and elsewhere without it (annotation.md:
    one record per entity): ``Алматы Мемлекеттік қуыршақ театры`` and ``Мемлекеттік қуыршақ театры``, ``ШҚО
    Қоғамдық кеңесі`` and ``Қоғамдық кеңесі``, ``әл-Фараби атындағы ҚазҰУ`` and ``ҚазҰУ`` → the short name
    maps to the full one. The owner is a place or a person the body is named after (:func:`_owner_prefix`);
    a short name that two full names end with (two regions' akimats) stays as it is."""
    uniq = sorted({" ".join(n.split()) for n in names}, key=len)
    out: Dict[str, str] = {}
    for short in uniq:
        if not short[:1].isupper():
            continue
        tail = " " + short.casefold()
        fuller = {n for n in uniq if n.casefold().endswith(tail) and _owner_prefix(n[:len(n) - len(tail)])}
        if len(fuller) == 1:
            out[short] = fuller.pop()
    return out


def location_key(name: str) -> str:
    key = _fold(canonical_location(" ".join(name.split())))
    key = _fold(_aliases().get(("location", key), key))
    return CITY_WORD.sub("", key)


def person_key(name: str) -> str:
    return _fold(INITIAL_SPACE.sub("", name))


@lru_cache(maxsize=16384)  # a function of the name and the tables, asked of every name of every document
def entity_key(kind: str, name: str) -> str:
    """The key of a ``kind`` (org, location, person) record named ``name`` (its base form)."""
    if kind == "org":
        return org_key(name)
    if kind == "location":
        return location_key(name)
    if kind == "person":
        return person_key(name)
    raise ValueError(f"no key for records of type {kind!r}")

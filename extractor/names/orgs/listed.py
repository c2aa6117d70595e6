"""Organisations named without a head noun: listed ones, web sites and datelines.

* the gazetteer's organisations (``data/gazetteer_orgs.tsv``: ``Үкіметтің``, ``Kazinform``; a Latin name
  in capitals takes the gazetteer's spelling: ``KAZINFORM`` → Kazinform) and the
  official abbreviations (``data/org_abbreviations.tsv``: ``ІІМ-нің``, ``ТЖМ``, ``ЕАЭО-ға``), in any case
  form, and the full names they stand for as written (``Еуропадағы қауіпсіздік және ынтымақтастық
  ұйымында``, which no head rule can start); an abbreviated body right after its country, region or city is one
  name (``ШҚО МКД``, ``Алматы ІІД``, ``Ресей ІІМ``);
* a listed body in its possessive form (an alias of the gazetteer) after the home country's prefix, which is
  no part of the name (``ҚР Парламенті`` → Парламент, ``ҚР Парламенті Сенатының`` → Парламент Сенаты);
(web sites named by their domain are read by :mod:`.media`);
* the agency of a dateline (``ТАРАЗ. Kazinform —``, ``АҚТӨБЕ. Aqtobe.kz —``), also one the gazetteer does
  not list.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List

import regex

from ...lang.kk.morph import case_suffix_pattern

from ..gazetteer import GazMatch, ending_fits, find_gazetteer
from ..lexicon import canonical_org, home_prefixes, lookup, org_aliases
from ..locations import datelines
from ..text import TextInfo
from .finding import OrgFinding

LATIN_WORD = regex.compile(r"\p{Latin}")


def _gazetteer_org(info: TextInfo, g: GazMatch, matches: List[GazMatch]) -> OrgFinding:
    name = g.surface if g.entry.latin and not g.surface.isupper() else g.entry.name  # KAZINFORM → Kazinform
    start = g.start
    if g.entry.name.isupper():  # an abbreviated body right after its country, region or city: ШҚО МКД
        for loc in matches:
            if loc.entry.entity == "location" and loc.end < g.start and not info.text[loc.end:g.start].strip(" \t") \
                    and loc.surface == info.text[loc.start:loc.end] and loc.entry.kind in ("region", "city", "country") \
                    and not (loc.entry.kind == "country" and g.entry.kind == "international"):
                # a country before an organisation of states is one of its members (Ресей мен Беларусь ЕАЭО
                # шеңберінде), not its owner
                name, start = f"{loc.surface} {name}", loc.start
    return OrgFinding(start, g.end, canonical_org(name))


@lru_cache(maxsize=1)
def _alias_pattern() -> regex.Pattern:
    """The Cyrillic aliases of ``data/gazetteer_orgs.tsv`` (``Парламенті``, ``Ұлттық банкі``), each with a case
    ending; matched at a word's start."""
    names = sorted({a for a in org_aliases() if not LATIN_WORD.search(a)}, key=len, reverse=True)
    alts = "|".join(r"[ \t]+".join(regex.escape(p) for p in a.split()) for a in names)
    return regex.compile(r"(?P<name>%s)(?P<ending>%s)(?![\p{L}\p{N}])" % (alts, case_suffix_pattern()),
                         regex.IGNORECASE | regex.VERSION1)


def _prefixed_aliases(info: TextInfo) -> List[OrgFinding]:
    """A listed body in its possessive form after the home country's prefix (``data/name_stop_words.tsv``, role
    ``home_prefix``, written before a body's name and not part of it): ``ҚР Парламенті`` → Парламент,
    ``ҚР Парламентінің``, ``ҚР Мәжілісі`` (the forms are the aliases of ``data/gazetteer_orgs.tsv``); after
    another country (``АҚШ Парламенті``) it is no body of the gazetteer."""
    out = []
    prefixes = home_prefixes()
    for w in info.words:
        if w.lower not in prefixes:  # a rare word: the aliases are tried only after one
            continue
        nxt = info.next(w)
        if nxt is None or not info.adjacent(w, nxt) or not nxt.capitalised:
            continue
        m = _alias_pattern().match(info.text, nxt.start)
        if m is None or not ending_fits(m.group("name"), m.group("ending")):
            continue
        out.append(OrgFinding(m.start(), m.end(), canonical_org(m.group("name"))))
    return out


def find_listed_orgs(info: TextInfo) -> List[OrgFinding]:
    matches = find_gazetteer(info.text, info)
    out = [_gazetteer_org(info, g, matches) for g in matches if g.entry.entity == "org"]
    out += _prefixed_aliases(info)
    for d in datelines(info):
        entry = lookup(d.agency, "org")
        out.append(OrgFinding(d.agency_start, d.agency_start + len(d.agency),
                              entry.name if entry else canonical_org(d.agency)))
    return out

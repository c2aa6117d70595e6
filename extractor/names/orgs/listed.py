"""Organisations named without a head noun: listed ones, web sites and datelines.

* the gazetteer's organisations (``data/gazetteer_orgs.tsv``: ``Үкіметтің``, ``Kazinform``; a Latin name
  in capitals takes the gazetteer's spelling: ``KAZINFORM`` → Kazinform) and the
  official abbreviations (``data/org_abbreviations.tsv``: ``ІІМ-нің``, ``ТЖМ``, ``ЕАЭО-ға``), in any case
  form, and the full names they stand for as written (``Еуропадағы қауіпсіздік және ынтымақтастық
  ұйымында``, which no head rule can start); an abbreviated body right after its region or city is one name
  (``ШҚО МКД``, ``Алматы ІІД``);
* a web site named as a source, written with its domain (``Tengrinews.kz``, ``Baq.kz-ке``, ``Egemen.kz``);
* the agency of a dateline (``ТАРАЗ. Kazinform —``, ``АҚТӨБЕ. Aqtobe.kz —``), also one the gazetteer does
  not list.
"""
from __future__ import annotations

from typing import List

import regex

from ..gazetteer import GazMatch, find_gazetteer
from ..lexicon import canonical_org, lookup
from ..locations import datelines
from ..text import TextInfo
from .finding import OrgFinding

DOMAIN = regex.compile(r"(?<![\p{L}\p{N}.@/])(?P<name>\p{Lu}[\p{Latin}\p{N}-]*\.(?:kz|com|ru|org|net|info|uz|kg))"
                       r"(?:-\p{Ll}{1,6})?(?![\p{L}\p{N}./])")


def _gazetteer_org(info: TextInfo, g: GazMatch, matches: List[GazMatch]) -> OrgFinding:
    name = g.surface if g.entry.latin and not g.surface.isupper() else g.entry.name  # KAZINFORM → Kazinform
    start = g.start
    if g.entry.name.isupper():  # an abbreviated body right after its region or city: ШҚО МКД
        for loc in matches:
            if loc.entry.entity == "location" and loc.end < g.start and not info.text[loc.end:g.start].strip(" \t") \
                    and loc.surface == info.text[loc.start:loc.end] and loc.entry.kind in ("region", "city"):
                name, start = f"{loc.surface} {name}", loc.start
    return OrgFinding(start, g.end, canonical_org(name))


def find_listed_orgs(info: TextInfo) -> List[OrgFinding]:
    matches = find_gazetteer(info.text, info)
    out = [_gazetteer_org(info, g, matches) for g in matches if g.entry.entity == "org"]
    for m in DOMAIN.finditer(info.text):
        out.append(OrgFinding(m.start(), m.end(), m.group("name")))
    for d in datelines(info):
        entry = lookup(d.agency, "org")
        out.append(OrgFinding(d.agency_start, d.agency_start + len(d.agency),
                              entry.name if entry else canonical_org(d.agency)))
    return out

"""The organisation recogniser (rules): records ``org`` with ``name`` and ``legal_form``.

What it finds, each with its own module:

* :mod:`.legal` a legal form with a quoted or capitalised name: ``«ҚазАзот» ЖШС`` → ҚазАзот, ЖШС;
  ``"Элеватор Агрофуд" жауапкершілігі шектеулі серіктестігі`` → ЖШС; ``ЖШС «X»``;
* :mod:`.institutions` a name ending in a head noun: ``Маңғыстау облысы әкімдігі``, ``Қоғамдық даму
  министрлігі``, ``«Отандастар» қоры`` → Отандастар, ``Lion Air компаниясы`` → Lion Air;
* gazetteer organisations (``Үкімет``, ``ҚазАқпарат``, ``Kazinform``, ``Instagram``), including the agency
  of a dateline (``АСТАНА. KAZINFORM —``); an abbreviated body after its region is one name (``ШҚО МКД``).

A quoted name alone (an event, a product, a title: ``"Қасиетті қазақ елі" фестиваліне``) is no
organisation. When several findings overlap, a legal-form one wins, then the longest. A legal form
seen once for a name applies to every mention of that name in the text. Names are nominative, without
quotes or legal form; the people's and places' names are found by :mod:`extractor.names`.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional

from ...mentions import Context, Mention
from ...names.gazetteer import GazMatch, find_gazetteer
from ...names.lexicon import canonical_org, lookup
from ...names.text import TextInfo
from .institutions import find_head_orgs
from .legal import find_legal_orgs


def _clean(name: str) -> str:
    return " ".join(name.replace("«", " ").replace("»", " ").replace('"', " ").split())


def _gazetteer_org(info: TextInfo, g: GazMatch, matches: List[GazMatch]) -> Mention:
    name = g.surface if g.entry.latin else g.entry.name
    start = g.start
    # ШҚО МКД: an abbreviated body right after its region or city
    if g.entry.name.isupper():
        for loc in matches:
            if loc.entry.entity == "location" and loc.end < g.start and not info.text[loc.end:g.start].strip(" \t") \
                    and loc.surface == info.text[loc.start:loc.end] and loc.entry.kind in ("region", "city"):
                name, start = f"{loc.surface} {name}", loc.start
    return Mention("org", start, g.end, {"name": canonical_org(name), "legal_form": None}, "rule")


def find_orgs(text: str, info: Optional[TextInfo] = None) -> List[Mention]:
    info = info or TextInfo(text)
    found: List[Mention] = []
    for o in find_legal_orgs(info):
        found.append(Mention("org", o.start, o.end, {"name": _clean(o.name), "legal_form": o.legal_form}, "rule"))
    for o in find_head_orgs(info):
        found.append(Mention("org", o.start, o.end, {"name": _clean(o.name), "legal_form": None}, "rule"))
    matches = find_gazetteer(text, info)
    for g in matches:
        if g.entry.entity == "org":
            found.append(_gazetteer_org(info, g, matches))
    found = [m for m in found if m.attrs["name"] and lookup(m.attrs["name"], "location") is None]
    return propagate_legal_forms(remove_overlaps(found))


def remove_overlaps(mentions: Iterable[Mention]) -> List[Mention]:
    """Among overlapping organisations keep one with a legal form, else the longest."""
    ranked = sorted(mentions, key=lambda m: (m.attrs.get("legal_form") is None, -m.length, m.start))
    kept: List[Mention] = []
    for m in ranked:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def propagate_legal_forms(mentions: List[Mention]) -> List[Mention]:
    """A legal form seen for a name holds for every mention of that name."""
    forms: Dict[str, str] = {}
    for m in mentions:
        if m.type == "org" and m.attrs.get("legal_form"):
            forms.setdefault(m.attrs["name"].casefold(), m.attrs["legal_form"])
    for m in mentions:
        if m.type == "org" and not m.attrs.get("legal_form"):
            lf = forms.get(m.attrs["name"].casefold())
            if lf:
                m.attrs["legal_form"] = lf
    return mentions


def find(text: str, ctx: Context) -> List[Mention]:
    return find_orgs(text)

"""Organisations by rule: the one place that recognises them (records ``org``, ``name`` and ``legal_form``).

The grammar is a list of small rules, each a function ``TextInfo -> [OrgFinding]`` in its own module:

* :mod:`.legal` a legal form with a quoted or capitalised name (``«Алтын Дән» ЖШС`` → Алтын Дән, ЖШС;
  ``ЖШС «Жарық»``; ``Нұрлы Жол ЖШС``; spelled out: ``жауапкершілігі шектеулі серіктестігі``);
* :mod:`.headed` an owner, modifiers and a head noun from ``data/name_heads.tsv``, in any case form
  (``Павлодар облысының білім басқармасы``, ``Су ресурстары комитетіне``, ``«Ақ бидай» қоры`` →
  Ақ бидай);
* :mod:`.lists` quoted names listed before one plural head or legal form (``«Арна», «Бірлік» және
  «Шапағат» компаниялары``);
* :mod:`.numbered` numbered institutions (``№ 12 мектеп-гимназия``, ``№3 қалалық емхананың``) and military
  units by number (``5517 әскери бөлімі``);
* :mod:`.listed` the gazetteer's organisations and the official abbreviations
  (``data/org_abbreviations.tsv``: ``ІІМ-нің``, ``ТЖМ``), an abbreviated body after its region
  (``ШҚО МКД``) and the agency of a dateline (``ТАРАЗ. Kazinform —``);
* :mod:`.media` publishers named as sources: a web domain used as a name (``Ulysmedia.kz``, ``kazlenta.kz``)
  and a name in a reporting construction's slot (``деп хабарлайды Azattyq Rýhy``, ``ҚазТАГ хабарлауынша``);
* :mod:`.lowercase` social networks, messengers and mobile operators written in Cyrillic in lower case
  (``data/org_lowercase_brands.tsv``: ``фейсбуктегі`` → фейсбук, ``билайн``);
* :mod:`.clubs` sports clubs: quoted club names (``«Тобылы» мен «Шахтері»`` → Тобыл, Шахтер) in a list with
  a club, next to a club word or after a city adjective in a sports text.

A person's name and ``атындағы`` right before any rule's finding belong to it (``әл-Фараби атындағы
ҚазҰУ-дың`` → әл-Фараби атындағы ҚазҰУ). A quoted name alone (an event, a product, a title: ``"Жас ақын" байқауына``) is no organisation, unless the
text has named it as one and writes it again with a case ending inside the quotes (``«Қайратқа»``). Among
overlapping findings a legal-form one wins, then the longest (:func:`extractor.spans.keep_longest`). A legal
form seen once for a name holds for every mention of that name. Names are nominative, without quotes or legal
form. :mod:`extractor.dimensions.org` registers :func:`find_orgs` as the ``kx_org`` pipeline component;
nothing here imports it.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from ...mentions import Mention
from ...lang.kk.morph import base_form
from ...spans import SpanIndex, keep_longest
from ..lexicon import lookup
from ..text import TextInfo, text_info
from .finding import OrgFinding
from .clubs import find_clubs
from .headed import find_head_orgs, find_quoted_head_orgs, with_named_after
from .legal import find_legal_orgs
from .listed import find_listed_orgs
from .lists import find_listed_quotes
from .lowercase import find_lowercase_brands, find_lowercase_ministries, find_lowercase_state_bodies
from .media import find_media_sources
from .numbered import find_numbered_orgs

QUOTE_MARKS = "«\"“„"

# the grammar: every rule, in no particular order (overlaps are settled by rank)
RULES = (find_legal_orgs, find_head_orgs, find_listed_quotes, find_numbered_orgs, find_listed_orgs,
         find_media_sources, find_clubs, find_lowercase_brands,
         find_quoted_head_orgs, find_lowercase_ministries, find_lowercase_state_bodies)


def clean_name(name: str) -> str:
    """Quotes off and spaces single: ``«Алтын Дән»`` → Алтын Дән."""
    return " ".join(name.replace("«", " ").replace("»", " ").replace('"', " ").replace("“", " ")
                    .replace("”", " ").split())


def _rank(m: Mention) -> tuple:
    return (m.attrs.get("legal_form") is None, -m.length, m.start)


def find_orgs(text: str, info: Optional[TextInfo] = None) -> List[Mention]:
    """Every organisation the rules find in ``text``, in text order, no two overlapping."""
    info = info or text_info(text)
    found: List[Mention] = []
    for rule in RULES:
        for o in rule(info):
            o = with_named_after(info, o)
            name = clean_name(o.name)
            # a place's name is no organisation, unless quoted (a body named after it: «Астана» клубы) or
            # a club (orgs.clubs reads a quoted city in a sports text as the club)
            if name and (rule is find_clubs or info.text[o.start] in QUOTE_MARKS or lookup(name, "location") is None):
                found.append(Mention("org", o.start, o.end, {"name": name, "legal_form": o.legal_form}, "rule"))
    kept = keep_longest(found, rank=_rank)
    return propagate_legal_forms(sorted(kept + inflected_quotes(info, kept), key=lambda m: m.start))


def inflected_quotes(info: TextInfo, found: List[Mention]) -> List[Mention]:
    """A quoted organisation named again with its case ending inside the quotes and no head word: ``«Қайрат»
    клубы ... «Қайратқа» есе жіберді`` → Қайрат (only a name the text has already given a quoted org)."""
    quoted = {m.attrs["name"].casefold(): m.attrs["name"] for m in found if info.text[m.start] in QUOTE_MARKS}
    if not quoted:
        return []
    taken = SpanIndex(found)
    out = []
    for q in info.quotes:
        if taken.overlapping(q.start, q.end):
            continue
        base = base_form(q.text, "org")
        if base != q.text and base.casefold() in quoted:
            out.append(Mention("org", q.start, q.end, {"name": quoted[base.casefold()], "legal_form": None}, "rule"))
    return out


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


__all__ = ["OrgFinding", "RULES", "clean_name", "find_orgs", "propagate_legal_forms"]

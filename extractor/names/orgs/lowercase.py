"""Organisations web news writes in lower case.

Social networks, messengers and mobile operators written in Cyrillic in lower case
(``data/org_lowercase_brands.tsv``): ``фейсбуктағы парақшасында`` → фейсбук, ``билайн абоненттері`` →
билайн. The gazetteer needs a capital for a Cyrillic name; these transliterations are nothing else in
Kazakh, so the lower-case spelling with any fitting case ending is a mention (a capitalised Cyrillic
spelling is the gazetteer's: ``Фейсбук``). The name is written as the text writes it, in the nominative.
A ministry of the official abbreviations' table written in lower case is that ministry, and a one-word state
body in lower case is that body before a word for its members or sittings (``сенат депутаттары``)."""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List

import regex

from ...lang.kk.morph import base_form, case_suffix_pattern
from ...lang.kk.tables import load_table
from ..gazetteer import ending_fits
from ..lexicon import abbreviation_expansions, gazetteer, lookup, role_words, strip_possessive
from ..text import TextInfo
from .finding import OrgFinding


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    words = sorted({r["word"] for r in load_table("org_lowercase_brands")}, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\p{N}])(?P<name>%s)(?P<ending>%s)(?![\p{L}\p{N}])"
                         % ("|".join(regex.escape(w) for w in words), case_suffix_pattern()),
                         regex.IGNORECASE | regex.VERSION1)


@lru_cache(maxsize=1)
def _brand_words() -> tuple:
    return tuple(sorted({r["word"].casefold() for r in load_table("org_lowercase_brands")}))


def find_lowercase_brands(info: TextInfo) -> List[OrgFinding]:
    low = info.text.casefold()
    if not any(b in low for b in _brand_words()):
        return []  # most texts name none: a few substring scans instead of the pattern's walk over the text
    out = []
    for m in _pattern().finditer(info.text):
        name, ending = m.group("name"), m.group("ending")
        if not name[0].islower():
            continue  # a capitalised Cyrillic spelling is the gazetteer's to list (Фейсбук, Телеграм)
        if ending and not ending_fits(name, ending):
            continue
        out.append(OrgFinding(m.start(), m.end(), name))
    return out


@lru_cache(maxsize=1)
def _ministries() -> Dict[str, str]:
    """The ministries among the official abbreviations' full names (``data/org_abbreviations.tsv``: those whose
    last word is a ``ministry_head`` of ``data/name_stop_words.tsv``, министрлігі), by their words case-folded."""
    heads = role_words("ministry_head")
    return {" ".join(n.casefold().split()): n for n in abbreviation_expansions().values()
            if n.split()[-1] in heads and len(n.split()) > 1}


@lru_cache(maxsize=1)
def _ministry_pattern() -> regex.Pattern:
    names = sorted(_ministries(), key=len, reverse=True)
    alts = "|".join(r"[ \t]+".join(regex.escape(p) for p in n.split()) for n in names)
    return regex.compile(r"(?<![\p{L}\p{N}])(?P<name>%s)(?P<ending>%s)(?![\p{L}\p{N}])" % (alts, case_suffix_pattern()),
                         regex.VERSION1)


def find_lowercase_ministries(info: TextInfo) -> List[OrgFinding]:
    """A ministry of the official abbreviations written all in lower case (``төтенше жағдайлар министрлігі
    хабарлады``, ``денсаулық сақтау министрлігінің``): web news often writes them so; the name is the
    table's. Not after a country (``Ресейдің сыртқы істер министрлігі`` is another state's)."""
    if not any(h[:-1] in info.text for h in role_words("ministry_head")):
        return []  # no lower-case ministry word at all (министрлігі): the pattern need not walk the text
    out = []
    for m in _ministry_pattern().finditer(info.text):
        name, ending = m.group("name"), m.group("ending")
        if ending and not ending_fits(name, ending):
            continue
        w = info.word_at(m.start())
        prev = info.prev(w) if w is not None else None
        if prev is not None and info.adjacent(prev, w) and prev.capitalised \
                and lookup(base_form(prev.text, "location"), "location") is not None:
            continue  # Ресейдің сыртқы істер министрлігі: another country's ministry
        out.append(OrgFinding(m.start(), m.end(), _ministries()[" ".join(name.split())]))
    return out


@lru_cache(maxsize=1)
def _state_bodies() -> Dict[str, str]:
    """The one-word state bodies of the gazetteer (kind ``state``: Үкімет, Парламент, Сенат, Мәжіліс), by their
    lower-case spelling."""
    return {e.name.casefold(): e.name for e in gazetteer()
            if e.entity == "org" and e.kind == "state" and " " not in e.name and not e.name.isupper()}


def find_lowercase_state_bodies(info: TextInfo) -> List[OrgFinding]:
    """A one-word state body written in lower case before a word for its members or sittings (role
    ``body_member`` of ``data/name_stop_words.tsv``): ``сенат депутаттары`` → Сенат, ``үкімет отырысында`` →
    Үкімет, ``сенаттың депутаттары``. Alone in lower case it may be any country's government (``ел үкіметі``)."""
    bodies, members, stems = _state_bodies(), role_words("body_member"), _body_stems()
    out = []
    for w in info.words:
        if w.capitalised or not w.lower.startswith(stems):
            continue  # only a word that opens like a body is read (base_form on every word cost kx_org 70 %)
        base = base_form(w.text, "org").casefold()
        body = bodies.get(base) or bodies.get(strip_possessive(base))
        if body is None:
            continue
        nxt = info.next(w)
        if nxt is None or not info.adjacent(w, nxt) or not any(nxt.lower.startswith(s) for s in members):
            continue
        out.append(OrgFinding(w.start, w.end, body))
    return out


@lru_cache(maxsize=1)
def _body_stems() -> tuple:
    """What a body's every case form opens with: its spelling without the last letter, which a case ending may
    change (``үкіметі``, ``сенаттың``)."""
    return tuple(sorted({b[:-1] for b in _state_bodies()}))

"""Organisations named with a legal form (``data/legal_forms.tsv``).

* a quoted name and the form after it: ``«Алтын Дән» ЖШС``, ``"Жол-Сервис" ЖШС``, ``«Шығыс қақпасы»
  АЭА-ында``, or spelled out: ``"Береке Агро" жауапкершілігі шектеулі серіктестігі`` → ЖШС,
  ``«Шығыс қақпасы» арнайы экономикалық аймағының`` → АЭА;
* the form first: ``ЖШС «Жарық»``, ``ТОО "Дала Строй"``;
* capitalised words and an abbreviated form without quotes: ``Нұрлы Жарық ЖШС``.

Several abbreviations in a row are one legal form (``ШЖҚ РМК``, ``ҰК АҚ``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional

import regex

from ...lang.kk.morph import case_suffix_pattern
from ...spans import SpanIndex
from ..gazetteer import _folds_to_two, ending_fits
from ..lexicon import legal_forms, lookup
from ..text import TextInfo
from .finding import OrgFinding

WORD_START = r"(?<![\p{L}\p{N}])"
WORD_END = r"(?![\p{L}\p{N}])"
MAX_UNQUOTED_WORDS = 3


@dataclass(frozen=True)
class LegalMatch:
    start: int
    end: int
    form: str  # the abbreviation(s) the record holds


@lru_cache(maxsize=1)
def _abbr_re() -> regex.Pattern:
    abbrs = sorted({lf.abbr for lf in legal_forms()}, key=len, reverse=True)
    one = "|".join(regex.escape(a) for a in abbrs)
    # case-sensitive: АҚ the form, not 'ақ' (white)
    return regex.compile(r"%s(?P<form>(?:%s)(?:[ \t]+(?:%s))*)\.?(?:[-'’]\p{Ll}{1,7})?%s" % (WORD_START, one, one, WORD_END))


@lru_cache(maxsize=1)
def _spelled_source() -> str:
    alts = []
    for lf in legal_forms():
        for s in lf.spelled:
            alts.append((s, lf.abbr))
    alts.sort(key=lambda a: -len(a[0]))
    src = "|".join(r"[ \t]+".join(regex.escape(p) for p in s.split()) for s, _ in alts)
    return r"%s(?P<spelled>%s)(?P<ending>%s)%s" % (WORD_START, src, case_suffix_pattern(), WORD_END)


@lru_cache(maxsize=2)
def _spelled_re(full_case: bool = True) -> regex.Pattern:
    """The spelled-out legal forms with a case ending, in any letter case. Without ``full_case`` the pattern
    folds case letter by letter (``(?-f)``): on a text without letters that fold to two it matches exactly
    what full case folding does (the forms hold none either), and it compiles about three times faster (the
    full one was most of the organisation rules' first-document cost)."""
    return regex.compile(("" if full_case else "(?-f)") + _spelled_source(), regex.IGNORECASE | regex.VERSION1)


def _spelled_match(text: str, pos: int):
    """:func:`_spelled_re` matched at ``pos``: a match stays inside its line (words joined by spaces or
    tabs, then a case ending), so the line decides whether full case folding is needed."""
    end = text.find("\n", pos)
    return _spelled_re(_folds_to_two(text[pos:end if end >= 0 else len(text)])).match(text, pos)


@lru_cache(maxsize=1)
def _spelled_index() -> Dict[str, str]:
    return {" ".join(s.casefold().split()): lf.abbr for lf in legal_forms() for s in lf.spelled}


def legal_form_at(text: str, pos: int) -> Optional[LegalMatch]:
    """A legal form (abbreviated or spelled out) that starts exactly at ``pos``."""
    m = _abbr_re().match(text, pos)
    if m:
        return LegalMatch(m.start(), m.end(), " ".join(m.group("form").split()))
    m = _spelled_match(text, pos)
    if m and ending_fits(m.group("spelled"), m.group("ending")):
        key = " ".join(m.group("spelled").casefold().split())
        form, end = _spelled_index()[key], m.end()
        # «Самұрық-Қазына» ұлттық әл-ауқат қоры АҚ: an abbreviation right after adds to the form
        nxt = _abbr_re().match(text, _skip_spaces(text, end))
        if nxt and nxt.start() > end:
            form, end = f"{form} {' '.join(nxt.group('form').split())}", nxt.end()
        return LegalMatch(m.start(), end, form)
    return None


def abbreviations(text: str) -> List[LegalMatch]:
    return [LegalMatch(m.start(), m.end(), " ".join(m.group("form").split())) for m in _abbr_re().finditer(text)]


def abbreviations_in(info: TextInfo) -> List[LegalMatch]:
    """:func:`abbreviations` of the text, found once and kept on ``info`` (two rules read them)."""
    found = info.memo.get("legal_abbreviations")
    if found is None:
        found = info.memo["legal_abbreviations"] = abbreviations(info.text)
    return found


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def find_legal_orgs(info: TextInfo) -> List[OrgFinding]:
    text = info.text
    out: List[OrgFinding] = []
    for q in info.quotes:
        pos = _skip_spaces(text, q.end)
        lf = legal_form_at(text, pos) if pos > q.end else None
        if lf is not None:  # «X» ЖШС
            out.append(OrgFinding(q.start, lf.end, q.text, lf.form))
    quote_starts = {q.start: q for q in info.quotes}
    taken = SpanIndex(out)
    for lf in abbreviations_in(info):
        if taken.overlapping(lf.start, lf.start + 1):
            continue
        pos = _skip_spaces(text, lf.end)
        q = quote_starts.get(pos) if pos > lf.end else None
        if q is not None:  # ЖШС «X»
            out.append(OrgFinding(lf.start, q.end, q.text, lf.form))
            continue
        words = _name_words_before(info, lf.start)
        if words:  # Нұрлы Жарық ЖШС
            out.append(OrgFinding(words[0].start, lf.end, " ".join(w.text for w in words), lf.form))
    return out


def _name_words_before(info: TextInfo, pos: int):
    """Up to three capitalised words that end right before ``pos`` (one space between)."""
    end = pos
    while end > 0 and info.text[end - 1] in " \t":
        end -= 1
    if end == pos:
        return []
    w = info.word_ending_at(end)
    words = []
    while w is not None and len(words) < MAX_UNQUOTED_WORDS:
        if not w.capitalised or info.ordinary_word(w) or lookup(w.text, "location") is not None:
            break
        words.insert(0, w)
        p = info.prev(w)
        if p is None or not info.adjacent(p, w):
            break
        w = p
    if len(words) > 1 and info.starts_sentence(words[0]):
        words = words[1:]  # Тексеру Нұрлы Жарық ЖШС: a capital at the start of a sentence proves nothing
    return words

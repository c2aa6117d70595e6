"""Publishers named as sources: news sites by their domain, and names in a reporting construction's slot.

annotation.md: news pages named as publishers are organisations. Two rules, their words in
``data/media_words.tsv``:

* a web domain used as a name is one (``Ulysmedia.kz``, ``kazlenta.kz``, ``Baq.kz-ке`` → Baq.kz, also at
  a sentence's end: ``... деп хабарлайды Dalanews.kz.``), a label in Latin or Cyrillic letters before a
  listed top-level domain (role ``tld``); not a part of a web address or an e-mail (``https://x.kz/a``,
  ``www.x.kz``, ``info@x.kz``);
* a name in the slot of a reporting construction: after ``деп хабарлайды`` and its kin (role ``report``:
  ``деп хабарлады «Коммерсант»``) or before a word that says a publisher (role ``source_after``:
  ``Azattyq Rýhy тілшісі``, ``ҚазТАГ хабарлауынша``, ``Reuters-ке сілтеме жасап``), when it is written as
  a publisher's name is: quoted, a run of capitalised Latin-script words, a domain, or one Cyrillic word
  with capitals inside or all in capitals (``ҚазТАГ``, ``ТАСС``). A Cyrillic name written as a person's is
  none (``деп хабарлады Раушан Ластаева``). A person's name written in Latin letters in the slot is taken for a
  publisher (a limit: ``data/first_names.tsv`` holds no Latin spellings to tell them apart).
"""
from __future__ import annotations

from functools import lru_cache
from typing import FrozenSet, List, Optional, Tuple

import regex

from ...lang.kk.morph import base_form
from ...lang.kk.tables import load_table
from ..lexicon import country_prefixes, lookup
from ..text import TextInfo, Word
from .finding import OrgFinding

# a case ending joined to a Latin or domain name by a hyphen: Baq.kz-ке, Reuters-тің
HYPHEN_ENDING = regex.compile(r"-\p{Ll}{1,6}$")
# one Cyrillic word written as an agency's short name: capitals inside (ҚазТАГ) or all capitals (ТАСС)
AGENCY_WORD = regex.compile(r"^(?:\p{Lu}\p{Ll}*\p{Lu}[\p{L}]*|\p{Lu}{2,6})$")
LATIN_NAME_WORD = regex.compile(r"^(?:\p{Latin}[\p{Latin}\p{N}'’&.-]*|\p{N}+)$")


@lru_cache(maxsize=1)
def _words() -> Tuple[FrozenSet[str], Tuple[Tuple[str, ...], ...], FrozenSet[str]]:
    tlds, reports, after = set(), [], set()
    for r in load_table("media_words"):
        if r["role"] == "tld":
            tlds.add(r["word"].casefold())
        elif r["role"] == "report":
            reports.append(tuple(r["word"].casefold().split()))
        elif r["role"] == "source_after":
            after.add(r["word"].casefold())
        else:
            raise ValueError(f"media_words.tsv: unknown role {r['role']!r} for {r['word']!r}")
    return frozenset(tlds), tuple(reports), frozenset(after)


@lru_cache(maxsize=1)
def domain_pattern() -> regex.Pattern:
    """A domain used as a name: labels of letters, digits and hyphens, the last a listed top-level domain;
    a case ending may follow after a hyphen. Not preceded by ``/``, ``@``, ``.``, ``:`` (a path, an e-mail,
    a longer host) nor followed by ``/``, ``@`` or another label."""
    tlds = "|".join(sorted((regex.escape(t) for t in _words()[0]), key=len, reverse=True))
    return regex.compile(
        r"(?<![\p{L}\p{N}.@/:_\\-])"
        r"(?P<name>(?:[\p{L}\p{N}][\p{L}\p{N}-]*\.)+(?:%s))"
        r"(?:-(?P<ending>\p{Ll}{1,6}))?"
        r"(?![\p{L}\p{N}/@_\\-]|\.[\p{L}\p{N}])" % tlds, regex.IGNORECASE | regex.VERSION1)


def is_domain(word: str) -> bool:
    """Whether ``word`` is all a domain used as a name in the nominative (``El.kz``, ``Azatmedia.kz``; not
    ``Qalalyq.kz-ке``, which is the object of what follows)."""
    m = domain_pattern().fullmatch(word)
    return m is not None and m.group("ending") is None and _domain_finding(m) is not None


@lru_cache(maxsize=1)
def _tld_pattern() -> regex.Pattern:
    tlds = "|".join(sorted((regex.escape(t) for t in _words()[0]), key=len, reverse=True))
    return regex.compile(r"(?<=[\p{L}\p{N}])\.(?:%s)(?![\p{L}\p{N}])" % tlds, regex.IGNORECASE)


def _domain_finding(m: regex.Match) -> Optional[OrgFinding]:
    name = m.group("name")
    first = name.split(".")[0]
    if first.casefold() == "www" or not regex.search(r"\p{L}", first):
        return None  # a web address to visit (www.gov.kz), a number (3.5.kz is none)
    return OrgFinding(m.start(), m.end(), name)


def _line_alone(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is all its line holds."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:len(text) if line_end < 0 else line_end].strip()


def find_domains(info: TextInfo) -> List[OrgFinding]:
    """Every domain used as a name in the text (``Ortalyq.kz``, ``kazlenta.kz``, ``Tengrinews.kz-тің``). One
    in lower case is written as a name inside a sentence (``деп хабарлайды kazlenta.kz тілшісі``); alone on
    its line it is a link pasted under the text, no name (``inform.kz``; but ``Ortalyq.kz`` is one)."""
    out = []
    text, pattern, done = info.text, domain_pattern(), -1
    for t in _tld_pattern().finditer(text):  # a top-level domain first (rare), then the name that ends in it
        start = t.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
            start -= 1
        m = pattern.match(text, start) if start > done else None
        if m is None:
            continue
        done = m.end()
        f = _domain_finding(m)
        if f is not None and not (f.name[:1].islower() and _line_alone(info.text, f.start, f.end)):
            out.append(f)
    return out


def _without_ending(text: str) -> str:
    return HYPHEN_ENDING.sub("", text) if regex.search(r"\p{Latin}|\.", text) else text


def _latin_run(info: TextInfo, words: List[Word]) -> bool:
    return bool(words) and words[0].latin and words[0].text[:1].isupper() \
        and all(LATIN_NAME_WORD.match(_without_ending(w.text)) for w in words)


def _source_after(info: TextInfo, w: Word) -> Optional[OrgFinding]:
    """The publisher's name that ends right before the word ``w`` (``Azattyq Rýhy тілшісі``)."""
    prev = info.prev(w)
    if prev is None or info.text[prev.end:w.start].strip(" \t"):
        # a closing quote before w: «Коммерсант» тілшісі, «Коммерсанттың» хабарлауынша
        q = info.quote_closing_before(w.start)
        return _quoted(q) if q is not None else None
    domain = domain_pattern().search(info.text, max(0, prev.start - 80), prev.end)
    if domain is not None and domain.end() == prev.end:
        return _domain_finding(domain)
    if prev.latin:  # a run of capitalised Latin-script words, at most four
        run = [prev]
        while len(run) < 4:
            x = info.prev(run[0])
            if x is None or not info.adjacent(x, run[0]) or not x.latin or not x.text[:1].isupper():
                break
            run.insert(0, x)
        while run and not run[0].text[:1].isupper():
            run.pop(0)
        if _latin_run(info, run):
            name = _without_ending(info.text[run[0].start:run[-1].end])
            return OrgFinding(run[0].start, run[-1].end, " ".join(name.split()))
        return None
    return _agency_word(prev)


def _agency_word(w: Word) -> Optional[OrgFinding]:
    text = w.text.split("-")[0] if "-" in w.text else w.text  # ҚазТАГ-тың → ҚазТАГ
    if AGENCY_WORD.match(text) and text.casefold() not in country_prefixes() and lookup(text, "location") is None:
        return OrgFinding(w.start, w.end, text)
    return None


def _quoted(q) -> Optional[OrgFinding]:
    if not q.text[:1].isupper() and not regex.match(r"\p{Latin}", q.text):
        return None
    name = q.text
    if not regex.search(r"\p{Latin}", name):
        name = base_form(name, "org")  # «Коммерсанттың» → Коммерсант
    return OrgFinding(q.inner_start, q.inner_end, name)


def _after_report(info: TextInfo, last: Word) -> Optional[OrgFinding]:
    """The publisher's name right after a reporting construction that ends with ``last``, when the name ends
    its clause or a word of role ``source_after`` follows (``деп жазады «Дала» тілшісі``); a name with a
    lower-case word after it is something else (``деп жазды «Абай жолы» романында``: a book)."""
    f = _name_after_report(info, last)
    if f is None:
        return None
    j = f.end
    while j < len(info.text) and info.text[j] in " \t»\"”":
        j += 1
    nxt = info.word_at(j) if j < len(info.text) and info.text[j].isalpha() else None
    if nxt is not None and not nxt.capitalised and nxt.lower not in _words()[2]:
        return None
    return f


def _name_after_report(info: TextInfo, last: Word) -> Optional[OrgFinding]:
    pos = last.end
    while pos < len(info.text) and info.text[pos] in " \t":
        pos += 1
    q = info.in_quote(pos + 1) if pos < len(info.text) and info.text[pos] in "«\"“„" else None
    if q is not None and q.start == pos:
        return _quoted(q)
    domain = domain_pattern().match(info.text, pos)
    if domain is not None:
        return _domain_finding(domain)
    first = info.next(last)
    if first is None or first.start != pos:
        return None
    if first.latin:
        run = [first]
        while len(run) < 4:
            x = info.next(run[-1])
            if x is None or not info.adjacent(run[-1], x) or not x.latin or not x.text[:1].isupper():
                break
            run.append(x)
        if _latin_run(info, run):
            name = _without_ending(info.text[run[0].start:run[-1].end])
            return OrgFinding(run[0].start, run[-1].end, " ".join(name.split()))
        return None
    nxt = info.next(first)
    if nxt is not None and info.adjacent(first, nxt) and nxt.capitalised:
        return None  # the name goes on: деп хабарлайды ҚР Сыртқы істер министрлігі (read by the head rule)
    return _agency_word(first)


def find_media_sources(info: TextInfo) -> List[OrgFinding]:
    """Domains used as names and publishers in a reporting construction's slot (see the module docstring)."""
    out = find_domains(info)
    _, reports, after = _words()
    words = info.words
    firsts = {r[0] for r in reports}
    for k, w in enumerate(words):
        if w.lower in after:
            f = _source_after(info, w)
            if f is not None:
                out.append(f)
        if w.lower not in firsts:
            continue
        for r in reports:
            if w.lower == r[0] and k + len(r) <= len(words) \
                    and all(words[k + j].lower == r[j] for j in range(1, len(r))) \
                    and all(info.adjacent(words[k + j - 1], words[k + j]) for j in range(1, len(r))):
                f = _after_report(info, words[k + len(r) - 1])
                if f is not None:
                    out.append(f)
    return out

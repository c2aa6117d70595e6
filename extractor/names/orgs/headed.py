"""Organisations named by a head noun (``data/name_heads.tsv``, entity ``org``).

The grammar: an optional owner, modifiers and a head noun of the table, in any case form. The name runs
from its first capitalised word to the head: ``бұл туралы Атырау облысы әкімдігінің баспасөз қызметі`` →
``Атырау облысы әкімдігі``; ``Жапония ядролық реттеу комитетінің`` → the whole; ``Облыстық денсаулық
сақтау басқармасының`` → the whole. Going left from the head, lower-case words are taken until a
capitalised word (the start); the walk stops at punctuation, a line break, a function word, a verb form,
'our' (``атамыздың``), or another organisation's head (``әкімдігінің баспасөз қызметі`` is that akimat's
press service, not a name of its own). An owner place in the genitive belongs to the name when a body's own
words follow it (``Павлодар облысының білім басқармасы``; not ``Отырар ауданының орталығы``, the district's
centre).
A start that is an ordinary word (``Академик кітапханасы``: the text also writes ``академик``), or
a name made only of generic words (``қала әкімдігі``, ``Облыс прокуратурасы``), gives nothing.

A quoted name may open it (``«Шымкент» инновациялық технологиялар орталығы``). Heads that only say what kind of
organisation it is (``компаниясы``, ``қоры``; ``in_name`` no in the table) are left out after a quoted
name or a capitalised name inside a sentence, like a legal form (``«Мейірім» қоры`` → Мейірім,
``SkyLine компаниясы`` → SkyLine, ``... Теміртау Энерго компаниясы`` → Теміртау Энерго), and kept otherwise
(a name all in Latin script leaves out any head and is the whole run of its capitalised words: ``Reuters
агенттігі`` → Reuters, ``Times Higher Education ұйымы`` → Times Higher Education)
(``Ұлттық қор``, ``Тұрақтандыру қоры`` where an ordinary word opens the sentence; ``Қазақфильм
киностудиясы`` → Қазақфильм). After a quoted proper name any head, with or without a descriptor, leaves the
quoted part as the name (annotation.md: ``«Ақ жол» демократиялық партиясы`` → Ақ жол, ``«Атамекен» ұлттық
кәсіпкерлер палатасы`` → Атамекен, ``«Зерек» мектебі`` → Зерек); a quoted place or a quotation written as
an ordinary phrase right before the head keeps the whole (``«Кітап» мұражайы``). A head without the possessive
(``кітапхана``, ``банк``) needs a chain of adjectives before it (``Мемлекеттік академиялық кітапхана``).

Longer official names: words joined by commas stay in the name when a joiner closes the list before the head
(``Мәдениет, архивтер және құжаттама басқармасы``); a place with its type word and ``бойынша`` starts a
territorial body's name whose own words are lower case (``Батыс Қазақстан облысы бойынша
санитарлық-эпидемиологиялық бақылау департаменті``); a place's (administrative) centre is no body
(:mod:`.centres`); a capitalised bare head inside the name does not stop it (``Алмалы аудандық Полиция
басқармасы``); a listed abbreviation before the name owns it (``ТМД Парламентаралық ассамблеясы``); ``тұрғын``
(role ``plain_word``) is no inflected word (``... тұрғын үй-коммуналдық шаруашылығы бөлімі``). No name starts
with a number word (``Алты жүз қазақ мектебі``) or an ordinary sentence opener with a case ending
(``Өтінішті жеке кабинеті``), and a place noun before ``орталығы`` is a place's centre (``аудан орталығы``).
A resource noun right before ``қоры`` says a stock, not a fund (``Көмірсутек қорын бағалау``, ``жанармай
қоры``; roles ``stock_part`` and ``resource`` of ``data/name_stop_words.tsv``). A bare head right after
``атындағы`` ends a name (``Е.Вахтангов атындағы театр``, ``Абай атындағы университет``).
Ordinary words that open a sentence before the head of a kind of body a town has many of
(``data/org_kind_heads.tsv``) in an adverbial case say where something happens (``Мұнай компаниясында``).

What a body does, before ``жөніндегі`` (role ``purpose_link``), is part of its name, with a bare head and a
first word in the genitive (``Судың сапасын бақылау жөніндегі басқарма``); a quoted name before ``атты``
'named' (role ``name_marker``), descriptors and a head is the name (``«Дән Плюс» атты қостанайлық компания``
→ Дән Плюс). A foundation named after a person or an office keeps its kind word (``К.Аденауэр қоры``,
``Тұңғыш Президент қоры``, also from ``Тұңғыш Президенті қоры``). A listed organisation or a Latin-script
name before lower-case words and a head is the organisation itself: the words are its unnamed unit or a
descriptor (``Қазпошта баспасөз қызметі`` → Қазпошта; ``Үкімет аппараты`` keeps its head).

An owner place in the genitive stays in the name as the text writes it, the full hierarchical name
(``Жетісу облысының прокуратурасы``; its key reads the owner nominative: жетісу облысы прокуратурасы), and a
country with its capitalised ``Республикасы`` owns the body after it (``Армения Республикасының Әділет
министрлігі``: another state's ministry is another entity, its key keeps the state). A quotation that ends in a head with its case ending inside the quotes
is the body's whole name (``«Жастар ресурстық орталығының» жұмысы`` → Жастар ресурстық орталығы), and the noun
after it is none of it. A medical specialty before ``бөлімі`` is a hospital's ward (``Реанимация
бөлімінде``), and a kind-of-body head in the dative before 'to become' says what something became
(``аймақтық қаржы орталығына айналды``): neither is an organisation.
"""
from __future__ import annotations

from typing import List, Optional

import regex

from ...lang.kk.morph import base_form, parses
from ...lang.kk.stop_words import STOP_WORDS
from ..heads import HeadMatch, find_heads, head_at
from ..lexicon import (abbreviation_expansions, adjective_endings, canonical_org, country_prefixes, dative_postpositions, directions,
                       first_names, is_common, is_title, kind_heads, list_joiners, lookup, name_markers, name_particles, looks_adjective, looks_non_name, named_after,
                       number_words, owner_links, place_nouns, plain_words, purpose_links,
                       role_words, strip_possessive)
from ..text import LATIN, Quote, TextInfo, Word, stop_words
from .centres import place_centre
from .finding import OrgFinding
from .media import is_domain

MAX_NAME_WORDS = 8
# 'our': атамыздың, еліміздің — the speaker's own, never inside a name (еліміздің Бас консулдығы)
OUR_POSSESSIVE = regex.compile(r"[ыі]?м[ыі]з(?:дың|дің|ның|нің|ға|ге|да|де|ды|ді|ын|ін|дағы|дегі)?$")
# a verbal noun (реттеу 'regulating', қорғау, бақылау, дамыту): an object before it belongs to a name
VERBAL_NOUN = regex.compile(r"\p{L}{2,}[ауеюы]у$")
DATIVE = regex.compile(r"(?:ға|ге|қа|ке)$")
INITIALS = regex.compile(r"^(?:\p{Lu}\.-?)+\p{Lu}")
OBJECT_CASES = ("accusative", "dative", "ablative", "instrumental")
ADVERBIAL_CASES = ("locative", "dative", "ablative", "accusative", "instrumental")


def _stock_of_resource(info: TextInfo, hm: HeadMatch) -> bool:
    """A resource noun right before ``қоры`` says a stock, not a fund (role ``stock_part`` and ``resource``):
    ``Көмірсутек қорын бағалау`` 'assessing the hydrocarbon reserves', ``Мұнайдың қоры``, ``азық-түлік
    қоры``."""
    if hm.first is not hm.last or hm.base.casefold() not in role_words("stock_part"):
        return False
    prev = info.prev(hm.first)
    if prev is None or not info.adjacent(prev, hm.first):
        return False
    resources = role_words("resource")
    return prev.lower in resources or any(p.case_name == "genitive" and p.base.casefold() in resources
                                          for p in parses(prev.text))


def _comma_in_list(info: TextInfo, prev: Word, w: Word, taken: List[Word]) -> bool:
    """A comma between ``prev`` and ``w`` that joins the items of a list inside the name, its last item after
    a joiner already taken (role ``joiner``: ``Мәдениет, архивтер және құжаттама басқармасы``, ``Геодезия,
    картография және құрылыс жоғары колледжі``)."""
    return info.gap(prev, w).strip(" \t") == "," and any(x.lower in list_joiners() for x in taken)


def _quote_closing_before(info: TextInfo, w: Word) -> Optional[Quote]:
    """The quote that closes right before word ``w`` (only spaces between)."""
    return info.quote_closing_before(w.start)


def _is_org_head(info: TextInfo, w: Word) -> bool:
    m = head_at(info, w)
    return m is not None and m.head.entity == "org"


def _extend_left(info: TextInfo, first: Word) -> Word:
    """Direction words before the start belong to the name: Шығыс + Қазақстан облысы прокуратурасы."""
    while True:
        prev = info.prev(first)
        if prev is None or not info.adjacent(prev, first) or not prev.capitalised:
            return first
        if prev.lower in directions():
            first = prev
            continue
        return first


def _common_opener(info: TextInfo, w: Word) -> bool:
    """An ordinary word capitalised only because it opens the sentence (``Тұрақтандыру қоры``, ``Кітапты``;
    ``data/common_words.tsv``), not a name there (``Қазақфильм киностудиясы``)."""
    return info.starts_sentence(w) and (is_common(w.text) or VERBAL_NOUN.search(w.lower) is not None)


def _inflected_opener(info: TextInfo, w: Word) -> bool:
    """An ordinary word with a case ending that opens the sentence is its object or adverbial, not a name's
    start (``Өтінішті жеке кабинеті арқылы``, ``Жобаны Денсаулық сақтау министрлігі`` starts at ``Денсаулық``)."""
    return info.starts_sentence(w) and is_common(w.text) and not looks_adjective(w.text) \
        and any(p.case_name in OBJECT_CASES and not p.poss for p in parses(w.text))


def _kind_phrase_opener(info: TextInfo, start: Word, hm: HeadMatch) -> bool:
    """Ordinary words that open the sentence and end in a head in an adverbial case say where or to what
    kind of body something happens, and name none: ``Баспасөз орталығында`` 'in the press centre', ``Мұнай
    компаниясында`` 'at an oil company', ``Құбыр жасау зауытына`` 'to a pipe works' (heads of
    ``data/org_kind_heads.tsv``: a town has many such bodies, a country one ministry). Only the capital of
    the sentence's first word would make it a name; a first word that is an adjective (``Ұлттық қордан``),
    a verbal noun (``Тұрақтандыру қорына``) or not an ordinary word (``Энергетика министрлігінде``), or a
    capitalised word after it, is left to the other rules."""
    if hm.head.head not in kind_heads() or not info.starts_sentence(start) or not is_common(start.text) \
            or looks_adjective(start.text) or VERBAL_NOUN.search(start.lower) is not None:
        return False
    if any(w.capitalised for w in info.words[start.i + 1:hm.last.i + 1]):
        return False
    forms = parses(hm.last.text)
    return any(p.case_name in ADVERBIAL_CASES for p in forms) and not any(p.case_name == "genitive" for p in forms)


def _descriptor_name(info: TextInfo, hm: HeadMatch) -> Optional[OrgFinding]:
    """``SkyLine компаниясы``: the capitalised words right before a descriptor head."""
    words: List[Word] = []
    w = info.prev(hm.first)
    while w is not None and len(words) < 4 and info.adjacent(w, words[0] if words else hm.first):
        # an office names the body (Президент қоры), with the word that says which one even where it opens
        # the sentence (Тұңғыш Президент қоры)
        office = not words and w.capitalised and is_title(w.text)
        of_office = len(words) == 1 and is_title(words[0].text)
        ordinary = info.ordinary_word(w) and not office and not (of_office and w.lower not in stop_words().not_name)
        if not w.capitalised or looks_adjective(w.text) or ordinary \
                or base_form(w.text, "org") != w.text or (words and _common_opener(info, w) and not of_office):
            break  # not the object opening the sentence: Кітапты | Фолиант баспасы шығарды
        words.insert(0, w)
        w = info.prev(w)
    if words and words[0].lower in country_prefixes():  # the country before a body's name
        words = words[1:]
    if not words:
        return None
    name = " ".join(x.text for x in words)
    if lookup(name, "location") is not None:
        return None
    if INITIALS.match(words[0].text) or is_title(words[-1].text):
        # named after a person or an office: the kind word stays (К.Аденауэр қоры, Тұңғыш Президент қоры;
        # ҚР Тұңғыш Президенті қоры is the same fund)
        last = strip_possessive(words[-1].text) if is_title(words[-1].text) else words[-1].text
        return OrgFinding(words[0].start, hm.end, " ".join([x.text for x in words[:-1]] + [last, hm.base]))
    return OrgFinding(words[0].start, hm.end, name)


def head_org(info: TextInfo, hm: HeadMatch) -> Optional[OrgFinding]:
    """The organisation whose name ends with head ``hm``, if its left edge is a name."""
    if info.in_quote(hm.start) is not None:
        return None
    prev = info.prev(hm.first)
    quote = _quote_closing_before(info, hm.first)
    if quote is None and _stock_of_resource(info, hm):
        return None  # Көмірсутек қорын бағалау: the hydrocarbon reserves
    if not hm.head.in_name and not hm.bare:
        if quote is not None:  # «Мейірім» қоры → Мейірім
            return OrgFinding(quote.start, hm.end, quote.text) if _name_like(quote.text) else None
        if prev is not None and info.adjacent(prev, hm.first) and prev.capitalised \
                and (prev.latin or not (looks_adjective(prev.text) or _common_opener(info, prev))):
            return _descriptor_name(info, hm)  # SkyLine компаниясы → SkyLine, Қазақфильм киностудиясы
        # otherwise the kind word is part of the name: Тұрақтандыру қоры, Ұлттық қор
    stops = stop_words()
    taken: List[Word] = []
    start: Optional[Word] = None
    w = hm.first
    while len(taken) < MAX_NAME_WORDS:
        q = _quote_closing_before(info, w)
        if q is not None and _name_like(q.text):
            inside = _quoted_head_name(info, q)
            if inside is not None:
                return None  # «Халыққа қызмет көрсету орталығының» қызметі: the quote names the body itself
            if not hm.head.in_name or (lookup(q.text, "location") is None and (taken or not _descriptive(q.text))):
                # a quoted name keeps the quoted part, whatever descriptor and head follow (annotation.md):
                # «Ақ жол» демократиялық партиясы → Ақ жол, «Атамекен» ұлттық кәсіпкерлер палатасы →
                # Атамекен, «Зерек» мектебі → Зерек; a quoted place («Шымкент» инновациялық
                # технологиялар орталығы) or ordinary words right before the head («Кітап» мұражайы: the
                # Book museum) keep the whole name
                return OrgFinding(q.start, hm.end, q.text)
            inner = " ".join(x.text for x in taken)
            name = " ".join(p for p in (q.text, inner, hm.base) if p)
            return OrgFinding(q.start, hm.end, canonical_org(name))
        prev = info.prev(w)
        if prev is None or not (info.adjacent(prev, w) or _comma_in_list(info, prev, w, taken)):
            break
        if prev.lower in name_markers() and all(looks_adjective(x.text) for x in taken):
            # «Дән Плюс» атты қостанайлық компания: the quoted name is the body's name
            q = _quote_closing_before(info, prev)
            if q is not None and _name_like(q.text) and lookup(q.text, "location") is None:
                return OrgFinding(q.start, hm.end, q.text)
            break
        if taken and prev.lower in owner_links():
            # a territorial body of a central one, its own words in lower case: Батыс Қазақстан облысы бойынша
            # санитарлық-эпидемиологиялық бақылау департаменті (the place starts the name)
            start = _linked_owner(info, prev)
            break
        if prev.lower != "және" and (prev.lower in stops.not_name or prev.lower in STOP_WORDS):
            break
        if prev.capitalised:
            start = prev
            taken.insert(0, prev)
            break
        if _is_org_head(info, prev) or looks_non_name(prev.text) or _ends_name(info, prev):
            break
        if not taken and place_centre(info, hm.last):
            break  # Отырар ауданының орталығы, Шиелі аудан орталығы, Абай облысының әкімшілік орталығы: a place
        taken.insert(0, prev)
        w = prev
    if start is None:
        # a capitalised head with no modifier: Назарбаев Университеті is found through its start
        return None
    if _hospital_ward(hm, taken):
        return None  # Реанимация бөлімінде, Жан сақтау бөліміне: a hospital's ward
    if _became(info, hm):
        return None  # Қазақстан аймақтық қаржы орталығына айналды: what the country became
    parent = _parent_before_unit(info, start, taken)
    if parent is not None:
        return parent
    inner = _named_unit_before(info, start, hm)
    if inner is not None:
        return inner
    # what the body does (``Судың сапасын бақылау жөніндегі басқарма``): its first word may be an ordinary word
    # in the genitive, and the head may be bare
    purpose = _purpose_end(info, start, hm)
    if purpose is not None:
        # the first word in the nominative, or an ordinary word in the genitive (Судың сапасын ...); not a
        # place in another case (Астанада ...) nor a person's name (Сапаровтың ...)
        nominative = base_form(start.text, "org") == start.text
        if start.lower in stops.not_name or start.lower in number_words() or _inflected_opener(info, start) \
                or INITIALS.match(start.text) \
                or not (nominative or (_genitive(start) and is_common(start.text))):
            return None
    elif info.ordinary_word(start) or not _can_start(info, start) or _inflected_opener(info, start) \
            or start.lower in number_words() \
            or _kind_phrase_opener(info, start, hm):  # Алты жүз қазақ мектебі бар: a count of schools, no name
        return None
    first = _extend_left(info, start)
    first = named_after_left(info, first)
    if first is start:
        first = _owner_before_name(info, first)
    words = [x for x in info.words[first.i:hm.first.i]]
    if all(x.lower in stops.generic for x in words):
        owner = _owner_place(info, first)
        if owner is None:
            return None  # қала әкімдігі, Облыс прокуратурасы: whose?
        first, words = owner, [owner] + words  # АҚШ Мемлекеттік департаменті
    named = any(x.lower in named_after() for x in words)  # Жамбыл атындағы облыстық филармония
    modifiers = info.words[(purpose.i if purpose is not None else start.i) + 1:hm.first.i]
    if hm.bare and not all(looks_adjective(x.text) or x.lower in named_after() for x in modifiers):
        return None  # Ұлттық академиялық кітапхана; not Hub базасында менторлық институт
    if hm.bare and info.starts_sentence(start) and not looks_adjective(start.text) and not named \
            and purpose is None:
        return None  # Мамандар аудандық колледжді бітірді
    if hm.bare and not hm.head.in_name and start.i + 1 == hm.first.i:
        return None  # Америкалық компания, Ұлттық компания: an adjective and a kind word name nobody
    if all(x.latin for x in words):
        # a name in Latin script and a Kazakh word for its kind: Reuters агенттігі → Reuters; the name is the
        # whole run of capitalised Latin words (Times Higher Education ұйымы), as before a descriptor head
        first = latin_run_start(info, first)
        return OrgFinding(first.start, hm.end, " ".join(info.text[first.start:words[-1].end].split()))
    # the words as written (with an initial's dot: Л.Н. Гумилев атындағы ...; an owner in the genitive as the
    # text writes it, the full hierarchical name: the key reads it nominative) and the head's base form
    name = " ".join(info.text[first.start:words[-1].end].split() + [hm.base])
    if lookup(name, "location") is not None:
        return None
    return OrgFinding(first.start, hm.end, canonical_org(name))


def _quoted_head_name(info: TextInfo, q: Quote) -> Optional[OrgFinding]:
    """A quotation whose last word is an organisation's head in a case form other than the nominative
    (``«Жастар ресурстық орталығының» жұмысы``, ``«Облыстық балалар кітапханасына» барды``): the case ending
    written inside the quotes says the quoted words are the body's whole name, so a head after the quote is
    no part of it; the name is the quoted words with the head's base form."""
    words = info.words_in(q.inner_start, q.inner_end)
    if len(words) < 2 or not words[0].capitalised:
        return None
    hm = head_at(info, words[-1])
    if hm is None or hm.head.entity != "org" or hm.last is not words[-1] or hm.first.start < q.inner_start \
            or hm.base.split()[-1] == words[-1].text:
        return None
    name = " ".join(info.text[q.inner_start:hm.first.start].split() + [hm.base])
    # the span is the quoted words (as a quoted name alone, «Қайратқа»: the quotes are no part of the name)
    return OrgFinding(q.inner_start, q.inner_end, canonical_org(name))


def find_quoted_head_orgs(info: TextInfo) -> List[OrgFinding]:
    """Quotations that hold a body's whole name with its case ending inside (:func:`_quoted_head_name`)."""
    out = []
    for q in info.quotes:
        o = _quoted_head_name(info, q)
        if o is not None:
            out.append(o)
    return out


def _became(info: TextInfo, hm: HeadMatch) -> bool:
    """A head of a kind of body (``data/org_kind_heads.tsv``) in the dative right before 'to become' (role
    ``become`` of ``data/name_stop_words.tsv``: ``айналды``, ``айналса``, ``айналдыру``) says what something
    became, no body: ``Қала аймақтық сауда орталығына айналды``, ``ғылымның озық орталығына айналды``."""
    nxt = info.next(hm.last)
    if hm.head.head not in kind_heads() or nxt is None or not info.adjacent(hm.last, nxt):
        return False
    if not any(nxt.lower.startswith(stem) for stem in role_words("become")):
        return False
    return any(p.case_name == "dative" for p in parses(hm.last.text))


def _hospital_ward(hm: HeadMatch, taken: List[Word]) -> bool:
    """A medical specialty before ``бөлімі`` names a hospital's ward, no organisation (roles ``ward`` and
    ``ward_head`` of ``data/name_stop_words.tsv``): ``Реанимация бөлімінде``, ``Жан сақтау бөліміне``,
    ``Кардиология бөлімшесі``; ``Денсаулық сақтау бөлімі`` is a body."""
    if hm.base.casefold() not in role_words("ward_head") or not taken:
        return False
    wards = role_words("ward")
    return all(x.lower in wards for x in taken)


def _parent_before_unit(info: TextInfo, start: Word, taken: List[Word]) -> Optional[OrgFinding]:
    """A listed organisation or a name in Latin script before lower-case words and a head: the words after
    it are its unnamed unit, which folds into it (annotation.md), or a descriptor (``Қазпошта баспасөз
    қызметі`` → Қазпошта, ``Halyk Bank баспасөз қызметі`` → Halyk Bank, ``Samal Tech ақпараттық
    агенттігі`` → Samal Tech, ``Azatmedia.kz ақпараттық порталы`` → Azatmedia.kz); a head right after the name stays part of it (``Үкімет аппараты``)."""
    if len(taken) < 2 or any(x.capitalised for x in taken[1:]):
        return None
    first = start
    if start.latin:
        first = latin_run_start(info, start)
        name = " ".join(info.text[first.start:start.end].split())
        # a name of its own (two words, listed or a web domain: El.kz ақпараттық агенттігі → El.kz), and a
        # unit in the nominative after it: not a Latin word inside what a body does (IT мамандарын даярлау
        # орталығы)
        if (first is start and lookup(name, "org") is None and not is_domain(name)) \
                or base_form(taken[1].text, "org") != taken[1].text:
            return None
        return OrgFinding(first.start, start.end, name)
    entry = lookup(start.text, "org")
    if entry is None or info.ordinary_word(start):
        return None
    return OrgFinding(start.start, start.end, entry.name)


def latin_run_start(info: TextInfo, last: Word) -> Word:
    """The first of the capitalised Latin-script words written right before ``last`` (``last`` itself when
    none): a name in Latin script is the whole run (``Times Higher Education``, ``Halyk Bank``)."""
    first = last
    while True:
        prev = info.prev(first)
        if prev is None or not info.adjacent(prev, first) or not prev.capitalised or not prev.latin:
            return first
        first = prev


def _purpose_end(info: TextInfo, start: Word, hm: HeadMatch) -> Optional[Word]:
    """The last ``жөніндегі`` (role ``purpose_link``) between the name's start and its head, with only
    adjectives after it (``Төтенше жағдай жөніндегі мемлекеттік комиссия``): the words before it say what the
    body does, and it is a name of its own even when they are ordinary words."""
    links = [x for x in info.words[start.i + 1:hm.first.i] if x.lower in purpose_links()]
    if not links or links[-1].i == start.i + 1 and not start.capitalised:
        return None
    if not all(looks_adjective(x.text) for x in info.words[links[-1].i + 1:hm.first.i]):
        return None
    return links[-1]


def _named_unit_before(info: TextInfo, start: Word, hm: HeadMatch) -> Optional[OrgFinding]:
    """A capitalised bare head right before the head (``Полиция``) opens no name of its own: the name it ends
    runs on to the head (``Алмалы аудандық Полиция басқармасы``, ``Қарасай аудандық Полиция бөлімі``)."""
    if info.next(start) is not hm.first:
        return None
    inner_head = head_at(info, start)
    if inner_head is None or inner_head.head.entity != "org" or not inner_head.bare or inner_head.last is not start:
        return None
    inner = head_org(info, inner_head)
    if inner is None:
        return None
    name = " ".join(info.text[inner.start:start.end].split() + [hm.base])
    return OrgFinding(inner.start, hm.end, canonical_org(name))


def named_after_left(info: TextInfo, first: Word) -> Word:
    """A person's whole name before ``атындағы`` belongs to the name: ``Мұхтар Әуезов атындағы ... театры``,
    ``Абай атындағы Қазақ ұлттық ... университеті``, ``Л.Н. Гумилев атындағы ... университеті``."""
    nxt = info.next(first)
    if nxt is not None and nxt.lower in named_after():  # the walk stopped at the person's surname
        return person_before(info, nxt)
    prev = info.prev(first)
    if prev is None or prev.lower not in named_after() or not info.adjacent(prev, first):
        return first
    start = person_before(info, prev)
    return start if start is not prev else first


def with_named_after(info: TextInfo, o: OrgFinding) -> OrgFinding:
    """A person's name and ``атындағы`` right before any rule's organisation belong to it, as inside a headed
    name (:func:`named_after_left`): ``әл-Фараби атындағы ҚазҰУ-дың`` → әл-Фараби атындағы ҚазҰУ (a listed
    abbreviation), ``Абай атындағы № 8 гимназия``. A quoted name stays as quoted."""
    if info.text[o.start] in "«\"“„":
        return o
    w = info.word_at(o.start)
    anchor = info.prev(w) if w is not None else None
    if anchor is None or anchor.lower not in named_after() or not info.adjacent(anchor, w):
        return o
    first = person_before(info, anchor)
    if first is anchor:
        return o
    return OrgFinding(first.start, o.end, " ".join(info.text[first.start:anchor.end].split() + [o.name]),
                      o.legal_form)


def person_before(info: TextInfo, anchor: Word) -> Word:
    """The first word of the person's name before ``anchor`` (``атындағы``): a name, then a first name or
    initials; ``anchor`` itself when no name stands there."""
    first = anchor
    for k in range(2):
        prev = info.prev(first)
        if prev is None or not (prev.capitalised or _particle_name(prev)) or prev.lower in STOP_WORDS:
            break
        initials = bool(INITIALS.match(prev.text + ".")) and info.gap(prev, first).strip(" \t") == "."
        if not (info.adjacent(prev, first) or initials):
            break
        if k == 1 and not (initials or prev.lower in first_names()):
            break
        if k == 0 and ((info.ordinary_word(prev) and not _particle_name(prev))
                       or base_form(prev.text, "person") != prev.text):
            break
        first = prev
        if initials:
            break
    return first


def _particle_name(w: Word) -> bool:
    """A person's name after a lower-case particle and a hyphen: ``әл-Фараби``."""
    particle, _, rest = w.text.partition("-")
    return particle in name_particles() and rest[:1].isupper()


def _linked_owner(info: TextInfo, link: Word) -> Optional[Word]:
    """The place's name before its type word in the nominative and ``link`` (role ``owner_link``): ``Қостанай``
    in ``Қостанай облысы бойынша``; ``None`` when no such place is written there."""
    place = info.prev(link)
    if place is None or not info.adjacent(place, link):
        return None
    hm = head_at(info, place)
    owner = info.prev(place) if hm is not None and hm.head.entity == "location" else None
    if hm is None or hm.first is not place or hm.base.split()[-1] != place.text or owner is None \
            or not info.adjacent(owner, place) or not owner.capitalised \
            or base_form(owner.text, "location") != owner.text:
        return None
    return owner


def _owner_before_name(info: TextInfo, first: Word) -> Word:
    """A place that owns a capitalised name belongs to it (the full hierarchical name): a place with its type
    word in the nominative or genitive (``Алматы қаласы Полиция департаменті``, ``Абай облысының Төтенше
    жағдайлар департаменті``), also joined by ``бойынша`` (``Қостанай облысы бойынша Мемлекеттік кірістер
    департаменті``; ``data/name_stop_words.tsv``, role ``owner_link``), or a listed country or city in the
    nominative (``Қазақстан Даму Банкі``), a place with its adjective (``Қарағанды облыстық Экономикалық тергеу
    департаменті``), or a listed organisation's abbreviation (``ТМД Парламентаралық
    ассамблеясы``). Not a
    place in another case (``Астанада Ұлттық музей``), a place after a comma or a conjunction, nor a second
    place before a name that starts with its own (``Алматы облысы Талғар ауданының әкімдігі``)."""
    prev = info.prev(first)
    if prev is None or not info.adjacent(prev, first) or _starts_with_place(info, first):
        return first  # Алматы облысы Талғар ауданының әкімдігі: the name has its own owner place
    if prev.lower in owner_links():  # Қостанай облысы бойынша Мемлекеттік кірістер департаменті
        owner = _linked_owner(info, prev)
        return first if owner is None else _extend_left(info, owner)
    hm = head_at(info, prev)
    if hm is not None and hm.head.entity == "location" and hm.first is prev \
            and (hm.base.split()[-1] == prev.text or _genitive(prev)):
        # the type word may be capitalised: Беларусь Республикасының Сыртқы істер министрлігі
        owner = info.prev(prev)
        if owner is not None and info.adjacent(owner, prev) and owner.capitalised \
                and base_form(owner.text, "location") == owner.text and not info.ordinary_word(owner):
            return _extend_left(info, owner)  # Шығыс Қазақстан облысының ...
        return first
    if _place_adjective(prev):  # Қарағанды облыстық Экономикалық тергеу департаменті
        owner = info.prev(prev)
        if owner is not None and info.adjacent(owner, prev) and owner.capitalised and owner.lower not in STOP_WORDS \
                and base_form(owner.text, "location") == owner.text and not info.ordinary_word(owner):
            return _extend_left(info, owner)
        return first
    if prev.capitalised and prev.lower not in STOP_WORDS and base_form(prev.text, "location") == prev.text \
            and lookup(prev.text, "location") is not None and not info.ordinary_word(prev):
        return prev
    if _listed_abbreviation(prev) and info.gap(prev, first) == " ":
        return prev  # ТМД Парламентаралық ассамблеясы, БҰҰ Бас ассамблеясы: a body of the organisation
    return first


def _place_adjective(w: Word) -> bool:
    """A lower-case adjective of a place noun (``облыстық``, ``қалалық``, ``аудандық``): the place written
    before it owns the body after it."""
    # a three-letter ending of adjective_endings.tsv (облыс-тық, қала-лық, аудан-дық)
    return not w.capitalised and w.lower in stop_words().generic and w.lower[-3:] in adjective_endings() \
        and w.lower[:-3] in place_nouns()


def _listed_abbreviation(w: Word) -> bool:
    """An organisation's abbreviation of the tables in the nominative (``ТМД``, ``БҰҰ``, ``ІІМ``)."""
    if len(w.text) < 2 or not w.text.isupper():
        return False
    e = lookup(w.text, "org")
    return e is not None or w.text in abbreviation_expansions()


def _starts_with_place(info: TextInfo, first: Word) -> bool:
    nxt = info.next(first)
    if nxt is not None and info.adjacent(first, nxt):
        hm = head_at(info, nxt)
        if hm is not None and hm.head.entity == "location" and hm.first is nxt:
            return True
    return lookup(base_form(first.text, "location"), "location") is not None


def _owner_place(info: TextInfo, first: Word) -> Optional[Word]:
    """A country or place written right before a name of generic words owns it (``АҚШ Мемлекеттік
    департаменті``, ``Жапония қорғаныс министрлігі`` is found without it)."""
    prev = info.prev(first)
    if prev is None or not info.adjacent(prev, first) or not prev.capitalised:
        return None
    if prev.lower in country_prefixes() or lookup(prev.text, "location") is not None:
        return prev
    return None


def _can_start(info: TextInfo, w: Word) -> bool:
    """A name starts with a word in the nominative (not ``Астанада өтетін ... комитеті``, not
    ``Байғонысұлының ... қызметі``), and not with a person's initials unless it is named after the
    person (``С.Бәйішев атындағы облыстық кітапхана``)."""
    if base_form(w.text, "org") != w.text:
        return False
    if INITIALS.match(w.text):
        nxt = info.next(w)
        return nxt is not None and nxt.lower in named_after()
    return True


def _ends_name(info: TextInfo, w: Word) -> bool:
    """Words that a name does not reach across: numbers; 'our' (``атамыздың``); a lower-case word in the
    dative (``Өртті сөндіруге төтенше жағдайлар департаменті``: the name starts after it); a common place
    noun in the genitive (``облыстың тұрақтандыру қоры``: the region's fund, no name); a possessive in the locative or accusative
    (``ұйымдарының базасында 290 ... орталығы`` 'on the basis of', ``учаскесін``) unless it is the object of
    a verbal noun (``Қаржы нарығын реттеу және дамыту агенттігі``); a place head not
    in the nominative (``Шелек аулындағы аудандық аурухана``: the hospital is in the village)."""
    if any(ch.isdigit() for ch in w.text) or OUR_POSSESSIVE.search(w.lower):
        return True
    if not w.capitalised and DATIVE.search(w.lower) \
            and any(p.case_name == "dative" for p in parses(w.text)):
        # Өртті сөндіруге | төтенше жағдайлар департаменті 'to put out the fire'; but a dative a
        # postposition governs is inside: Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі
        nxt = info.next(w)
        return nxt is None or nxt.lower not in dative_postpositions()
    if not w.capitalised and w.lower.endswith("ң") \
            and any(p.case_name == "genitive" and not p.poss and p.base in place_nouns()
                                 for p in parses(w.text)):
        return True  # облыстың | тұрақтандыру қоры: a common noun's body names nobody
    if w.lower not in plain_words() and any(p.poss and p.case_name in ("locative", "accusative")
                                            for p in parses(w.text)):
        # the object of a verbal noun is inside the name: Қаржы нарығын реттеу ... агенттігі
        nxt = info.next(w)
        governed = nxt is not None and info.adjacent(w, nxt) and VERBAL_NOUN.search(nxt.lower) is not None \
            and any(p.case_name == "accusative" for p in parses(w.text))
        return not governed
    hm = head_at(info, w)
    return hm is not None and hm.head.entity == "location" and hm.base.split()[-1] != w.text \
        and not _genitive(w)


def _genitive(w: Word) -> bool:
    """A place head in the genitive owns the body after it: ``Павлодар облысының білім басқармасы``."""
    return any(p.case_name == "genitive" for p in parses(w.text))


def _descriptive(quoted: str) -> bool:
    """A quotation written as an ordinary phrase: an ordinary word (``data/common_words.tsv``) and lower-case
    words after it (``Кітап``, ``Дала әуендері``): with the head right after it, it says what the body is
    about and the head belongs to the name."""
    words = quoted.split()
    return bool(words) and is_common(words[0]) and all(w[:1].islower() for w in words[1:])


def _name_like(quoted: str) -> bool:
    """A quoted name starts with a capital, a digit or a Latin letter («сау жүргізуші» is no name)."""
    return bool(quoted) and (quoted[0].isupper() or quoted[0].isdigit() or bool(LATIN.match(quoted)))


def find_head_orgs(info: TextInfo) -> List[OrgFinding]:
    out = []
    for hm in find_heads(info, "org"):
        org = head_org(info, hm)
        if org is not None:
            out.append(org)
    return out

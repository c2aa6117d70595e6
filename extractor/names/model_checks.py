"""Checks on the names a statistical model finds, before they meet the rule findings.

The shipped model learnt from TV-news transcripts (KazNERD). On written news it also tags
capitalised ordinary words (``Алайда``, ``Мысалы``, ``Көптеген`` first in a sentence), confuses
types (a woman's name ``Меруерттің`` as a place), cuts or stretches spans and takes phrases for
names. The checks are general and need no particular model; each model span passes them in turn:

1. **edges** — an ordinary word with a case ending first in a sentence is cut off the front
   (``Жүргізушілерге және қала`` → ``және қала``; ``Көліктің аман-есен``), unless a head noun ends the
   name (``Судың сапасын бақылау жөніндегі басқарма``) or a quotation opens it; an office word is
   cut off the end of a place or organisation (``Павлодар облысының әкімі``), and a known place in the
   'which is in' form off the front of one, when a capitalised word follows (``Үндістандағы Тәж Махал``);
2. **shape** — a name has a letter, starts with a capital letter (or a number before a capitalised
   word: ``5 Арна``) and holds no clock time (``7:38-де``); after the cut it must still start with a
   capital;
3. **ordinary words** — a place or organisation made only of common nouns for a kind of place
   (``data/name_stop_words.tsv``, role ``place_noun``: ``Өңірде``, ``Елордаға``, ``облыстың``) is none, unless
   quoted or before a head noun (``«Ауыл» партиясы``); a one-word name is dropped when it is a common word
   (``data/common_words.tsv``, counted in KazNERD), or first in its sentence and written in lower case
   elsewhere in the text, or first in its sentence in title case with nothing else to show it is a
   name (``Шіркін``, ``Әттең``); it is kept when something else does show it: a gazetteer name, a
   first name, a surname ending, quotes (``«Ауыл»``), a head noun after it inside a sentence
   (``Талап ауылдық округіне``), the same word as a name elsewhere in the text and never in lower
   case, or (people) a comma or dash after it (``Эмма, канадалық журналист``); a head noun in the
   plural (``Әкімдіктерге``, ``Университеттерден``) is no name, nor a body named by generic words
   only that opens a sentence (``Облыс прокуратурасының``: whose?);
4. **phrases** — a place or organisation of several words with a lower-case word in it (outside
   quotes), or all in capitals like a heading (``ЖЕМҚОРЛЫҚ ЖАЙЛАҒАН САЛАЛАР``), must end in a head noun
   (``Жергілікті бюджет кірістері`` is no name, ``Сыртқы істер министрлігі`` is); a Latin make before a model number is a product (``Airbus 320``); an organisation
   that is all a quotation holds, before a noun for a thing or an event, is that thing (``«Бәйтерек» ғарыш
   жобасы``, ``«Дала» маркалы сүт``; ``data/quoted_thing_nouns.tsv``); a place before a currency noun is the
   currency's name (``АҚШ долларының``); a place inside a longer quoted title that a lower-case noun follows
   is a word of the title (``"Түркістан облысының тарихи орындары" жобасы``; a quotation that is speech, before
   a verb of saying or ending a sentence, keeps its places), and a known place that is all a quotation holds
   before a lower-case word that is no place's head is a thing's name (``«Сарыарқа» газ құбыры``);
5. **type** — a "person" before or with ``атындағы`` names a body after the person and is none
   (``Абай атындағы мектепте``); the rules' tables outrank the model: a name that ends in a place's head noun is a
   place (``Түркістан облысының`` tagged as an organisation); a "person" with a head noun inside, or
   with no word that could be part of a person's name, is none (``Өзбекстан Республикаларының``), and so is one
   that a noun for a building or an event ends or follows (``Париж Олимпиадасы``, ``Ролан Гаррос аренасында``),
   one that a place opens with no first name or surname after it (``Түркия Сыртқы`` істер министрі), a name
   in Latin letters after ``хабарлайды`` (the outlet) and one word of a list of streets; a "person" that a
   capitalised head ends is that body (``Назарбаев Университеттің``) (:func:`person_kind`); a
   "person" in capitals is an organisation (``NHL``); a "person" that is all a quotation holds is a
   title or a body (``"Жұлдыз" ордені``; an organisation where a head noun follows:
   ``"Жетісу-Медиа" медиахолдингі``), and one that opens a longer quotation needs a first name or a
   surname; a one-word "place" or "organisation" outside quotes that is a listed first name, or a word of a
   person's name in the same text, is that person (``Меруерттің`` after ``Меруерт Жақсыбекова``),
   and so is one of several words that are all words of a person's name in the same text (``Мехмет
   Йылдыз``); a one-word place the gazetteer does not know needs a head noun after it or a list with
   known places (``Бельгия мен Лихтенштейн``), a list that a place's head in the plural ends (``Ақтерек,
   Бозой және Көктөбе ауылдарына``), or a list of three or more words the model takes for places: on
   written news the model's unknown one-word places are mostly people (``Мендеске``); a district's name
   that is also a 'having' adjective (``Мұнайлы`` 'oil-rich', listed by the gazetteer with its head only)
   first in a sentence before a common noun without the possessive is that adjective (``Мұнайлы
   өңірде``; but ``Аршалы жұрты``); an "organisation" that is a place's centre (``Түлкібас ауданының
   орталығы``, :mod:`.orgs.centres`) is none.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Optional

import regex

from ..lang.kk.morph import base_form, parses
from .heads import head_entity, head_like, plural_head_noun
from .lexicon import (LOCATIVE_ATTR, first_names, is_common, is_currency_noun, is_event_noun, is_patronymic,
                      is_place_noun, is_thing_noun, is_title, list_joiners, lookup, report_verbs,
                      having_endings, named_after, place_matches, speech_verbs, strip_possessive,
                      surname_strength)
from .orgs.centres import place_centre
from .locations import month_not_place, names_a_thing
from .persons import capitalised_head, names_thing_after, thing_noun
from .text import TextInfo, Word, stop_words

CLOCK = regex.compile(r"\d[:.]\d")
LETTER = regex.compile(r"\p{L}")
NUMBER = regex.compile(r"^\p{N}+$")
_NAME_PARTS_SPLIT = regex.compile(r"[\s.]+")
MODEL_NUMBER = regex.compile(r"[\p{Latin}\d-]*\d[\p{Latin}\d-]*")


@dataclass(frozen=True)
class Span:
    """A model name: ``kind`` is person, location or org; offsets into the normalised text."""

    kind: str
    start: int
    end: int


# what the tables know about a word ---------------------------------------------------------------

@lru_cache(maxsize=16384)  # a function of the word and the tables: kept per form
def gazetteer_name(word: str) -> bool:
    """A gazetteer place or organisation, in any case form."""
    return any(lookup(word, k) is not None or lookup(base_form(word, k), k) is not None for k in ("location", "org"))


@lru_cache(maxsize=16384)  # a function of the word and the tables: kept per form
def first_name(word: str) -> bool:
    return base_form(word, "person").casefold() in first_names() or word.casefold() in first_names()


def known_name(word: str) -> bool:
    """A gazetteer name or a listed first name."""
    return gazetteer_name(word) or first_name(word)


def name_like(word: str) -> bool:
    """A word that may be part of a person's name: a first name, a surname, or a word that is neither a
    common word nor a gazetteer name."""
    if first_name(word) or surname_strength(base_form(word, "person")):
        return True
    return not gazetteer_name(word) and not is_common(word)


# what the text says about a word -----------------------------------------------------------------

def _opens_quote(info: TextInfo, w: Word) -> bool:
    """The word opens a quotation: «Жас Отан» (a quoted name is a name however it starts)."""
    q = info.in_quote(w.start)
    return q is not None and q.inner_start == w.start


def _quoted(info: TextInfo, w: Word) -> bool:
    """The word is all a quotation holds: «Ауыл» партиясы, "Парасат" ордені."""
    q = info.in_quote(w.start)
    return q is not None and q.inner_start == w.start and q.inner_end == w.end


def _before_head(info: TextInfo, w: Word) -> bool:
    """A head noun follows: the word names the place or body (Талап ауылдық округіне, Еңбекші
    аудандарын). First in a sentence only a place's head counts (Фёдоров ауданында; not Академик
    кітапханасының: there the capital says nothing)."""
    nxt = info.next(w)
    if nxt is None or not info.adjacent(w, nxt):
        return False
    for k in (nxt, info.next(nxt)):  # a head of one or two words: ауылдық округі
        if k is None or (k is not nxt and not info.adjacent(nxt, k)):
            continue
        entity = head_entity(info, k)
        if entity is not None and (entity == "location" or not info.starts_sentence(w)):
            return True
    return False


def _name_elsewhere(info: TextInfo, w: Word) -> bool:
    """The text writes ``w``'s lemma as a name at another place (with a capital inside a sentence, or
    as all a quotation holds: «Береке» ЖШС ... Берекеге) and never in lower case."""
    stem = w.stem
    if info.has_lower_stem(stem):
        return False
    return any(i != w.i for i in _name_positions(info).get(stem, ()))


def _name_positions(info: TextInfo) -> Dict[str, List[int]]:
    """Lemma → the indices of the words written as a name (inside a sentence, or all a quotation holds):
    built once per text, so that each model span does not walk the whole text again."""
    memo = info.memo.setdefault("model_checks", {})
    if "name_positions" not in memo:
        out: Dict[str, List[int]] = {}
        for o in info.words:
            if o.capitalised and (not info.starts_sentence(o) or _quoted(info, o)):
                out.setdefault(o.stem, []).append(o.i)
        memo["name_positions"] = out
    return memo["name_positions"]


def _supported(info: TextInfo, w: Word) -> bool:
    """Something besides the model says the word is a name."""
    return known_name(w.text) or _quoted(info, w) or _before_head(info, w) or _name_elsewhere(info, w)


def ordinary_word(info: TextInfo, w: Word) -> bool:
    """A common word, or a word first in its sentence that the text also writes in lower case, that
    nothing shows to be a name here."""
    common = is_common(w.text) or (info.starts_sentence(w) and info.has_lower_stem(w.stem))
    return common and not _supported(info, w)


def unsupported_opener(info: TextInfo, w: Word, kind: str) -> bool:
    """A Cyrillic word in title case first in its sentence, where a capital says nothing, that nothing
    else shows to be a name (no surname ending; a person is also shown by a comma or dash after the
    word: a vocative or an apposition, ``Эмма, канадалық журналист``)."""
    if not info.starts_sentence(w) or w.latin or w.text.isupper() or _supported(info, w):
        return False
    if surname_strength(base_form(w.text, "person")) == "strong":
        return False
    if kind == "person" and info.text[w.end:w.end + 2].strip()[:1] in (",", "-"):
        return False
    return True


def _listed_with_places(info: TextInfo, w: Word) -> bool:
    """The word stands in a list with a gazetteer place: Бельгия мен Лихтенштейн, Куба, Грекия, ..."""
    joiners = list_joiners()
    for step in (info.prev, info.next):
        o = step(w)
        if o is not None and o.lower in joiners:
            o = step(o)
        elif o is not None:
            a, b = (o, w) if o.i < w.i else (w, o)
            if info.gap(a, b).strip() != ",":
                continue
        if o is not None and lookup(base_form(o.text, "location"), "location") is not None:
            return True
    return False


def _list_before_place_head(info: TextInfo, w: Word) -> bool:
    """The word is an item of a list of capitalised words that a place's head noun in the plural ends:
    ``Теңдік, Мироновка және Кантемировское ауылдарына`` (the villages Теңдік, Мироновка and ...)."""
    after = info.list_after(w)
    return after is not None and plural_head_noun(after.text) == "location"


def _list_items(info: TextInfo, w: Word) -> List[Word]:
    """The one-word items of the list ``w`` stands in (words joined by commas or a joiner: ``Ақтерек, Бозой
    және Көктөбе``), ``w`` among them; ``[w]`` when it stands in none."""
    joiners = list_joiners()
    items = [w]
    for step in (info.prev, info.next):
        cur = w
        for _ in range(12):
            o = step(cur)
            if o is None:
                break
            a, b = (o, cur) if o.i < cur.i else (cur, o)
            if o.lower in joiners and info.adjacent(a, b):
                o = step(o)
                if o is None:
                    break
                a, b = (o, cur) if o.i < cur.i else (cur, o)
                if not info.adjacent(a, b) and info.gap(a, b).strip():
                    break
            elif info.gap(a, b).strip() != ",":
                break
            # an item is one word: the next word after it must be a separator, not a second word of a name
            after = step(o)
            if not o.capitalised or (after is not None and after not in items and info.adjacent(*sorted((o, after), key=lambda x: x.i))
                                     and after.lower not in joiners and after.capitalised):
                break
            items.append(o)
            cur = o
    return items


def _ordinary_place(w: Word) -> bool:
    """A place the gazetteer lists only as also an ordinary word or a person's name (``ambiguous``: Абай, Шу)
    or only with its head noun (``head``: Мұнайлы ауданы, Жақсы ауданы), never as found bare."""
    for form in (w.text, base_form(w.text, "location")):
        found = place_matches(form)
        if found:
            return "bare" not in found
    return False


def _possessive(word: str) -> bool:
    """The word carries the 3rd-person possessive (``жұртының``, ``өңірі``; not ``өңірдегі``, ``аймақта``)."""
    ps = sorted(parses(word.casefold()), key=lambda p: -len(p.case))
    return bool(ps) and (bool(ps[0].poss) or strip_possessive(ps[0].base) != ps[0].base)


def _adjective_opener(info: TextInfo, w: Word) -> bool:
    """A place the gazetteer lists only with its head or as an ordinary word, made like a 'having' adjective
    (``Мұнайлы`` 'oil-rich', ``Таулы`` 'mountainous'), first in its sentence before a lower-case common noun
    without the possessive: the adjective before its noun (``Мұнайлы өңірде``, ``Таулы аймақтың``), where a
    place before a noun takes the possessive (``Аршалы жұрты``)."""
    if not info.starts_sentence(w) or not w.lower.endswith(having_endings()) or not _ordinary_place(w):
        return False
    nxt = info.next(w)
    return nxt is not None and info.adjacent(w, nxt) and not nxt.capitalised and LETTER.match(nxt.text) is not None \
        and head_entity(info, nxt) is None and not _possessive(nxt.text)


def _place_where(w: Word) -> bool:
    """A gazetteer place in the 'which is in' form (``Алматыдағы``, ``Түркиядағы``, ``Берлиндегі``): it tells
    where the name after it is and is no word of that name."""
    return w.lower.endswith(LOCATIVE_ATTR) and gazetteer_name(w.text)


def _generic_body(words: List[Word]) -> bool:
    """A body named by generic words only (``Облыс прокуратурасы``, ``Аудандық сотқа``, ``Қалалық
    әкімдікте``): whose prosecutor's office or court the text does not say; capitalised only because it
    opens the sentence."""
    generic = stop_words().generic
    return len(words) > 1 and all(w.lower in generic for w in words[:-1])


def _heading(words: List[Word]) -> bool:
    """Words of a heading written in capitals (``ЖЕМҚОРЛЫҚ ЖАЙЛАҒАН САЛАЛАР``): Cyrillic words, none a listed
    name, one of five letters or more; like a lower-case phrase they name a body only with a head noun at the
    end (``ОБЛЫСТЫҚ СОТЫ``). Abbreviations (``ШҚО МКД``) are shorter."""
    return all(w.text.isupper() and not w.latin and not gazetteer_name(w.text) for w in words) \
        and any(len(w.text) >= 5 for w in words)


def _words(info: TextInfo, start: int, end: int) -> List[Word]:
    """The words that overlap ``start:end`` (a model span may end inside a word: ``Oxford`` of ``Oxford's``)."""
    i = info.word_index_at(start)
    out = []
    while i < len(info.words) and info.words[i].start < end:
        if info.words[i].end > start:
            out.append(info.words[i])
        i += 1
    return out


def plausible_shape(words: List[Word], text: str) -> bool:
    if not words or not LETTER.search(text) or CLOCK.search(text):
        return False
    first = words[0]
    if NUMBER.match(first.text):  # 5 Арна: a number, then a name word
        return len(words) > 1 and words[1].capitalised
    return first.capitalised and LETTER.match(first.text) is not None


def _product(info: TextInfo, words: List[Word]) -> bool:
    """A Latin make before a model number: Airbus 320, Embraer E190."""
    nxt = info.next(words[-1])
    return all(w.latin for w in words) and nxt is not None and info.adjacent(words[-1], nxt) \
        and MODEL_NUMBER.fullmatch(nxt.text) is not None


def _quoted_body(info: TextInfo, quote, span: Span, words: List[Word]) -> Optional[Span]:
    """A "person" inside quotes. All the quotation holds: an organisation when a head noun follows the
    quotation (``"Жетісу-Медиа" медиахолдингі``), else nothing (``"Жұлдыз" ордені``). The first words
    of a longer quotation (a title, capitalised as titles are): a person only with a first name or a
    surname ending (``"Пушкин және Абай"``, not the programme ``"Таңғы кофе"``); later words of a
    title stay (``"Абай және Пушкин"``)."""
    if words[0].start != quote.inner_start:
        return span  # a name inside a title: "Абай және Пушкин" тақырыбы
    if words[-1].end != quote.inner_end:
        # the first words of a title, capitalised as a title is: a person only by a first name or surname
        return span if first_name(words[0].text) or surname_strength(base_form(words[-1].text, "person")) else None
    nxt = info.next(words[-1])
    if nxt is not None and nxt.start >= quote.end and not info.text[quote.end:nxt.start].strip() \
            and head_like(info, nxt):
        return replace(span, kind="org")
    return None


def _inside_title(info: TextInfo, words: List[Word]) -> bool:
    """The words lie inside a longer quoted title that a lower-case noun follows (``"Түркістан облысының
    тарихи орындары" жобасы``, ``«Астана арқылы жол» бағдарламасы``): a place there is part of the title. A
    quotation that a verb of saying follows (``«...» деді``) or that ends a sentence is speech: its places stay."""
    q = info.in_quote(words[0].start)
    if q is None or words[-1].end > q.inner_end or (words[0].start, words[-1].end) == (q.inner_start, q.inner_end):
        return False
    if info.text[q.inner_start:q.inner_end].rstrip()[-1:] in ".!?…":
        return False
    nxt = info.word_after_quote(q)
    return nxt is not None and nxt.text[:1].islower() and LETTER.match(nxt.text) is not None and nxt.lower not in speech_verbs()


def _quoted_thing(info: TextInfo, words: List[Word]) -> bool:
    """All a quotation holds, before a lower-case noun for a thing or an event (``data/quoted_thing_nouns.tsv``,
    the event nouns), maybe with a word or two between and no head noun: ``«Бәйтерек» ғарыш жобасы`` 'the
    space project', ``«Дала» маркалы сүт``, ``«Жас қанат» фестивалі`` name no organisation."""
    q = info.in_quote(words[0].start)
    if q is None or words[0].start != q.inner_start or words[-1].end != q.inner_end:
        return False
    nxt = info.word_after_quote(q)
    if nxt is None:
        return False
    for _ in range(3):  # a word or two may say what kind of thing: «Бәйтерек» ғарыш жобасы, зымыран кешені
        if nxt is None or nxt.capitalised:
            return False
        if is_thing_noun(nxt.text) or is_event_noun(nxt.text):
            return True
        if head_like(info, nxt):
            return False
        prev, nxt = nxt, info.next(nxt)
        if nxt is not None and not info.adjacent(prev, nxt):
            return False
    return False


def _before_currency(info: TextInfo, w: Word) -> bool:
    nxt = info.next(w)
    return nxt is not None and info.adjacent(w, nxt) and not nxt.capitalised and is_currency_noun(nxt.text)


def _month_of_date(info: TextInfo, words: List[Word]) -> bool:
    """A one-word place spelled like a month that is the month of a date here (``31 Қазан, 2022``,
    ``Қазан айында``; :func:`.locations.month_not_place`)."""
    return len(words) == 1 and month_not_place(info, words[0].start, words[0].end,
                                                base_form(words[0].text, "location"))


def person_words(names: Iterable[str]) -> FrozenSet[str]:
    """The casefolded words of people's names (``Хорхе Мендес`` → хорхе, мендес)."""
    out = set()
    for n in names:
        out.update(p.casefold() for p in _NAME_PARTS_SPLIT.split(n) if len(p) > 1)
    return frozenset(out)


# people ------------------------------------------------------------------------------------------

def _place_opens(words: List[Word]) -> bool:
    """A "person" of several words whose first word is a gazetteer place that is no listed first name, with no
    first name, surname or patronymic among the others: a country before an office (``Түркия Сыртқы`` of
    ``Түркия Сыртқы істер министрі``), a process or an event named after a place (``Қазақстан Болонья
    үдерісіне``, ``Париж Олимпиадасы``). A place that is also a first name before a surname stays a person
    (``Орал Мұхамеджанов``, ``Еділ Ермекбаев``)."""
    first = words[0]
    if len(words) < 2 or first_name(first.text) or lookup(base_form(first.text, "location"), "location") is None:
        return False
    for w in words[1:]:
        base = base_form(w.text, "person")
        if first_name(w.text) or surname_strength(base) or is_patronymic(base):
            return False
    return True


def _outlet_after_report(info: TextInfo, words: List[Word]) -> bool:
    """A name in Latin letters right after a verb that says who reports the news (``деп хабарлайды Azattyq
    Rýhy``, ``хабарлады Zakon.kz``; ``data/name_stop_words.tsv``, role ``reports``) is the outlet: Kazakh news
    writes a person's name in Kazakh letters (``хабарлады Раушан Ластаева``)."""
    before = info.prev(words[0])
    return before is not None and before.lower in report_verbs() and all(w.latin for w in words)


def _in_list_of_things(info: TextInfo, words: List[Word]) -> bool:
    """A one-word "person" in a list that a place's head in the plural ends (``Головков, Горький және
    Орджоникидзе көшелерін``: the streets)."""
    return len(words) == 1 and _list_before_place_head(info, words[0])


def person_kind(info: TextInfo, words: List[Word]) -> Optional[str]:
    """What a model "person" outside quotes names when it is no person: the entity of a capitalised head that
    ends it (``Назарбаев Университеттің`` → org), ``none`` for no name the rules know the kind of (a name that
    a noun for a building, a body or an event ends or follows: ``Париж Олимпиадасы``, ``Ролан Гаррос
    аренасында``; a place with an office word or a process, an outlet, a street in a list); ``None``: a person
    as far as these checks see."""
    entity = capitalised_head(info, words[-1]) if len(words) > 1 else None
    if entity is not None:
        return entity
    if any(thing_noun(w.text) for w in words[1:]) or names_thing_after(info, words[-1]) \
            or _place_opens(words) or _outlet_after_report(info, words) or _in_list_of_things(info, words):
        return "none"
    return None


# the checks --------------------------------------------------------------------------------------

def check_span(info: TextInfo, span: Span, persons: FrozenSet[str] = frozenset(),
               model_places: FrozenSet[int] = frozenset()) -> Optional[Span]:
    """The span as it should be kept (maybe cut or retyped), or ``None`` to drop it. ``persons``: the
    words of people's names found in the same text (:func:`person_words`); ``model_places``: the indices
    of the words the model takes for one-word places."""
    words = _words(info, span.start, span.end)
    if not words:
        return None
    first_word, last_word = words[0], words[-1]
    # 1. edges
    headed = head_entity(info, words[-1]) is not None
    while len(words) > 1 and not headed and info.starts_sentence(words[0]) and not _opens_quote(info, words[0]) \
            and words[0].stem != words[0].lower and ordinary_word(info, words[0]):
        words = words[1:]
    if span.kind in ("org", "location"):
        while len(words) > 1 and is_title(words[-1].text):
            words = words[:-1]
        if len(words) > 1 and _place_where(words[0]) and words[1].capitalised and not _opens_quote(info, words[0]):
            # Үндістандағы Тәж Махал: the place where the name is, not a word of it (but a place followed by
            # lower-case words is inside an official name: Азиядағы өзара іс-қимыл ... кеңесі)
            words = words[1:]
    span = replace(span, start=span.start if words[0] is first_word else words[0].start,
                   end=span.end if words[-1] is last_word else words[-1].end)
    # 2. shape
    if not plausible_shape(words, info.text[span.start:span.end]):
        return None
    # 3. ordinary words; a common noun for a kind of place is no place (Өңірде, Елордаға)
    if span.kind in ("location", "org") and all(is_place_noun(w.text) for w in words) \
            and not _opens_quote(info, words[0]) and not _before_head(info, words[-1]):
        return None
    if len(words) == 1 and (ordinary_word(info, words[0]) or unsupported_opener(info, words[0], span.kind)):
        return None
    if span.kind == "org" and info.starts_sentence(words[0]) and _generic_body(words) and head_like(info, words[-1]) \
            and not _opens_quote(info, words[0]):
        return None
    if (len(words) == 1 or span.kind == "person") and any(plural_head_noun(w.text) for w in words) \
            and not _opens_quote(info, words[0]):
        return None  # Әкімдіктерге, Университеттерден: many bodies or places, no name
    # 4. phrases
    if span.kind in ("org", "location"):
        if _product(info, words) or (span.kind == "org" and _quoted_thing(info, words)):
            return None
        if len(words) > 1 and not head_like(info, words[-1]) and not _opens_quote(info, words[0]) \
                and (any(w.text[:1].islower() and not w.latin for w in words) or _heading(words)):
            return None
    # 5. type
    last_head = head_entity(info, words[-1])
    if span.kind == "person":
        after = info.next(words[-1])
        if any(w.lower in named_after() for w in words) or (after is not None and after.lower in named_after()):
            return None  # Абай атындағы мектеп: a body named after a person, no mention of the person
        quote = info.in_quote(words[0].start)
        if quote is not None:  # a quotation names a work, an award or a body, not a person
            return _quoted_body(info, quote, span, words)
        if all(len(w.text) >= 2 and w.text.isupper() for w in words):
            return replace(span, kind="org")
        if any(head_entity(info, w) for w in words[:-1]) or not any(name_like(w.text) for w in words):
            return None
        other = person_kind(info, words)
        if other is not None:
            return None if other == "none" else replace(span, kind=other)
        return replace(span, kind=last_head) if last_head else span
    if span.kind == "location" and _month_of_date(info, words):
        return None  # 31 Қазан, 2022: the month October, not the city Kazan
    if span.kind == "location" and _before_currency(info, words[-1]):
        return None  # АҚШ долларының бағасы: the currency's name, no place
    if span.kind == "location" and _inside_title(info, words):
        return None  # "Түркістан облысының тарихи орындары" жобасы: a word of the title
    if span.kind == "location" and names_a_thing(info, words[0].start, words[-1].end) \
            and lookup(info.text[words[0].start:words[-1].end], "location") is not None:
        return None  # «Сарыарқа» газ құбыры: a known place's name given to a thing
    if span.kind == "org" and last_head == "location":
        return replace(span, kind="location")
    if span.kind == "org" and place_centre(info, words[-1]):
        return None  # Түлкібас ауданының орталығы: the district's centre is a town, no body
    if len(words) > 1 and last_head is None and persons \
            and all(base_form(w.text, "person").casefold() in persons for w in words):
        return replace(span, kind="person")  # the words of a person's name in this text (Мехмет Йылдыз)
    if len(words) == 1:
        w = words[0]
        if not gazetteer_name(w.text) and not _quoted(info, w) \
                and (first_name(w.text) or base_form(w.text, "person").casefold() in persons):
            return replace(span, kind="person")
        if span.kind == "location" and not gazetteer_name(w.text) and not _before_head(info, w) \
                and not _listed_with_places(info, w) and not _list_before_place_head(info, w) \
                and sum(o.i in model_places for o in _list_items(info, w)) < 3:
            return None
        if span.kind == "location" and _adjective_opener(info, w) and not _name_elsewhere(info, w):
            return None  # Мұнайлы өңірде 'in the oil region': an adjective, not the district
    return span


def check_spans(info: TextInfo, spans: Iterable[Span], person_names: Iterable[str] = ()) -> List[Span]:
    """The model spans to keep (:func:`check_span`). ``person_names``: people the rules found; the people
    the model finds that pass the checks count too."""
    spans = list(spans)
    # A person span's answer does not depend on the people and places found (check_span reads them only
    # for places and organisations), so it is worked out once. A place or organisation comes out as a
    # person in this first pass (no people known yet) only through a listed first name among its words:
    # the others are not asked twice.
    first = {i: check_span(info, s) for i, s in enumerate(spans)
             if s.kind == "person" or any(first_name(w.text) for w in _words(info, s.start, s.end))}
    found = [k for k in first.values() if k is not None and k.kind == "person"]
    known = person_words(list(person_names) + [base_form(info.text[s.start:s.end], "person") for s in found])
    places = frozenset(ws[0].i for ws in (_words(info, s.start, s.end) for s in spans if s.kind == "location")
                       if len(ws) == 1)
    kept = (first[i] if s.kind == "person" else check_span(info, s, known, places) for i, s in enumerate(spans))
    return [k for k in kept if k is not None]

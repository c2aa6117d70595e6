"""People by rule, for texts processed without a statistical model (and to back one up).

* a first name (``data/first_names.tsv``) and a capitalised word: ``Ерлан Сапаров``, ``Құрман
  Абдрахман``; with a patronymic: ``Қасым-Жомарт Кемелұлы Тоқаев``;
* a capitalised word inside a sentence and a surname (``data/surname_suffixes.tsv``): ``министр Жеңісбек Тәкиев``;
* after an office or profession (``data/name_stop_words.tsv``, roles ``title`` and ``profession``), two or three
  capitalised words: ``жазушы Смағұл Елубай``, ``президенті Режеп Тайып Ердоған``;
* surname first, then a first name and a patronymic: ``Кертаев Ринат Думанұлы``;
* a surname and initials after it: ``Сейітов А.Б.``;
* initials and a surname: ``Е.Сапаров``, ``Д. Ержанов``, ``Қ.-Ж.Тоқаевқа``;
* a surname alone with a strong ending: ``Достоевский``, ``Сапаровтан``, ``Бекқызы``;
* a name before a kinship word said in respect: ``Қуандық ата``, ``Клара апамыз``;
* two capitalised words before a verb of saying: ``Корвин Эллисон мәлімдеді``;
* a name a particle opens: ``әл-Фарабидің`` → әл-Фараби;
* a foreign name with a particle between first name and surname: ``Мигель де Сервантестің`` → Мигель де Сервантес.

Only the last word inflects (``Зәки Ахметовтің`` → Зәки Ахметов). A surname that names a street, a
district, an institution, a building or an event is not a person here (``Ғұмаров көшесі``, ``Назарбаев
Университеттің``, ``Ролан Гаррос аренасы``, ``Гумилев атындағы``), nor is the first of a list of names a head
ends (``Головков, Абай және Гоголь көшелері``), nor a gazetteer place or organisation.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import List, Optional, Tuple

import regex

from ..lang.kk.morph import base_form, case_suffix_pattern, parses, patronymic_endings, plural_endings
from ..lang.kk.tables import load_table
from .heads import head_at, head_entity, one_word_head_entity
from .lexicon import (directions, event_nouns, first_names, is_common, is_title, list_joiners, looks_adjective,
                      looks_non_name, name_infixes, name_particles, named_places, too_particles,
                      is_patronymic, having_endings, kin_words, lookup, named_after,
                      names_person_after, place_matches, saying_verbs, strip_possessive, surname_strength)
from .text import NAME_WORD, TextInfo, Word, stop_words

INITIALS_IN_WORD = regex.compile(r"^(?P<init>(?:\p{Lu}\.-?){1,2})(?P<sur>\p{Lu}\p{Ll}{2,}(?:-\p{Lu}?\p{Ll}+)?)$")
# one or more initials whose last dot the tokenizer left out of the word: Д (Д. Ержанов), Б.Қ (Б.Қ. Жақыпов)
SINGLE_INITIAL = regex.compile(r"^(?:\p{Lu}\.-?)?\p{Lu}$")
_CAPITALISED = attrgetter("capitalised")


@dataclass(frozen=True)
class Person:
    start: int
    end: int
    name: str


def _known(info: TextInfo):
    return lambda w: w.casefold() in info.capitalised_words


def _base(info: TextInfo, surface_words: List[str]) -> str:
    return base_form(" ".join(surface_words), "person", known=_known(info))


@lru_cache(maxsize=16384)
def _person_bases(word: str) -> Tuple[str, Tuple[str, ...], str]:
    """What :func:`base_form` gives for the word ``word`` as a person's name, kept per form: the base form
    when no stem is seen uninflected in the text; the stems it asks ``known`` about, in the order it asks
    (it takes the first one ``known`` accepts; none when its answer does not depend on the text); and the
    initials it keeps before the stem (``Ә.`` of ``Ә.Исекешевтен``)."""
    asked: List[str] = []

    def record(stem: str) -> bool:
        asked.append(stem)
        return False

    base = base_form(word, "person", known=record)
    return base, tuple(asked), word[:word.rindex(".") + 1] if "." in word[:-1] else ""


def _nominative(info: TextInfo, w: Word) -> str:
    # the rules ask it of the same word several times; it depends on the text and the word only
    memo = info.memo.setdefault("person_nominative", {})
    base = memo.get(w.text)
    if base is None:
        base, stems, initials = _person_bases(w.text)
        if stems:
            known = _known(info)
            for stem in stems:
                if known(stem):
                    base = initials + stem
                    break
        memo[w.text] = base
    return base


def _blocked_after(info: TextInfo, w: Word) -> bool:
    """A name followed by a head noun or 'атындағы' names a place or body, not a person."""
    nxt = info.next(w)
    if nxt is None or not info.adjacent(w, nxt):
        return False
    return nxt.lower in named_after() or names_thing_after(info, w)


@lru_cache(maxsize=16384)
def thing_noun(word: str) -> bool:
    """A noun for a building, an open place or an event (``data/name_stop_words.tsv``, roles ``named_place`` and
    ``event``) with the 3rd-person possessive, in any case form: ``аренасында``, ``шіркеуі``,
    ``олимпиадасының``, ``турнирі``; after a name it says what the name names (``Ролан Гаррос аренасы``). Without
    the possessive (``турнирде``, ``алаңға``) the noun says where a person was and is no such word."""
    nouns = named_places() | event_nouns()
    for p in parses(word.casefold()):
        b = p.base
        # шіркеу-і: after у the possessive is -і, which strip_possessive leaves (it reads у as a vowel)
        for bare in (strip_possessive(b), b[:-1] if b[-1:] in ("ы", "і") and b[-2:-1] == "у" else b):
            if bare != b and bare in nouns:
                return True
    return False


def capitalised_head(info: TextInfo, w: Word) -> Optional[str]:
    """The entity of a head noun written with a capital inside a sentence, bare or with the possessive, in any
    case form: it goes on with the name before it (``Назарбаев Университеттің``, ``Назарбаев Университет``:
    the university, where a lower-case bare head after a name would be no name, ``кітапханаға``)."""
    if not w.capitalised or info.starts_sentence(w) or w.text.isupper():
        return None
    return one_word_head_entity(w.lower)


@lru_cache(maxsize=16384)
def _genitive(low: str) -> bool:
    """The case-folded word may be a genitive (``елдостың``, ``сапаровтың``)."""
    return any(p.case_name == "genitive" for p in parses(low))


def names_thing_after(info: TextInfo, w: Word) -> bool:
    """The words after the name that ends at ``w`` make it the name of a place, a body or an event: a head noun
    (``Ғұмаров көшесі``), a capitalised head (``Назарбаев Университеттің``), a noun for a building, an open place
    or an event with the possessive (``Ролан Гаррос аренасында``, ``Абай алаңы``), also after one capitalised
    adjective (``Перовск Қазан-Богородтық шіркеуі``). A name in the genitive owns what follows and stays a person
    (``Елдостың орталығында`` 'at Eldos's centre')."""
    nxt = info.next(w)
    if nxt is None or not info.adjacent(w, nxt) or _genitive(w.lower):
        return False
    if head_at(info, nxt) is not None or capitalised_head(info, nxt) is not None or thing_noun(nxt.text):
        return True
    after = info.next(nxt)
    return nxt.capitalised and looks_adjective(nxt.text) and after is not None and info.adjacent(nxt, after) \
        and thing_noun(after.text)


def _not_person_word(info: TextInfo, w: Word) -> bool:
    # asked of the same word by several rules (as the next word, then as the word itself): kept per word
    memo = info.memo.setdefault("not_person_word", {})
    found = memo.get(w.i)
    if found is None:
        base = _nominative(info, w)
        found = memo[w.i] = (lookup(base, "location") is not None or lookup(base, "org") is not None
                             or lookup(w.text, "location") is not None or head_at(info, w) is not None
                             or _place_in_case(w.text))  # Женевада
    return found


@lru_cache(maxsize=1)
def _patronymic_stem() -> regex.Pattern:
    """A quick test for a patronymic in any form: its table ending less the last letter, which the possessive
    may drop (``Ұзақбайұлын``)."""
    return regex.compile("|".join(regex.escape(e[:-1]) for e in sorted(patronymic_endings(), key=len, reverse=True)))


@lru_cache(maxsize=16384)
def _place_in_case(word: str) -> bool:
    """A listed place in a case form the person reading leaves alone (``Женевада``, ``Ташкентте``)."""
    return lookup(base_form(word, "location"), "location") is not None


@lru_cache(maxsize=16384)
def _surname_strength(nominative: str) -> Optional[str]:
    """:func:`surname_strength`, a function of the form alone asked of most capitalised words, kept per form."""
    return surname_strength(nominative)


def _surname_like(info: TextInfo, w: Word) -> Optional[str]:
    if not w.name_word:
        return None
    return _surname_strength(_nominative(info, w))


def _initials_person(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """``Е.Сапаров`` (one word), ``Д. Ержанов`` or ``Б.Қ. Жақыпов``; returns the person and the words used."""
    if not w.text[:1].isupper():  # both patterns start with a capital (\p{Lu} is upper case for str too)
        return None
    if "." not in w.text and len(w.text) > 1:
        return None  # initials in the word have a full stop; a lone initial is one letter (most words: neither)
    if INITIALS_IN_WORD.match(w.text) and not _blocked_after(info, w) and not _not_person_word(info, w):
        return Person(w.start, w.end, _base(info, [w.text])), 1
    nxt = info.next(w)
    if SINGLE_INITIAL.match(w.text) and nxt is not None and info.text[w.end:nxt.start] in (". ", ".") \
            and nxt.name_word and not _blocked_after(info, nxt) and not _not_person_word(info, nxt):
        return Person(w.start, nxt.end, _base(info, [w.text + "." + nxt.text])), 2
    return None


def _full_name_person(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """A first name (listed, or any capitalised word inside a sentence before a surname), a surname or
    patronymic, and a surname after a patronymic."""
    nxt = info.next(w)
    if nxt is None or not info.adjacent(w, nxt) or not nxt.name_word:
        return None
    is_first = w.lower in first_names()
    # a listed first name before a surname that also names a town keeps the person (Дінмұхамед Қонаев,
    # Қаныш Сәтбаевтың); other place words end the name
    if _not_person_word(info, nxt) and not (is_first and head_at(info, nxt) is None
                                            and _surname_like(info, nxt) == "strong"):
        return None
    if nxt.lower in first_names() and names_person_after(w.text) and info.starts_sentence(w):
        return None  # Ғалым Мұрат Әуезов: 'the scientist', then the name
    if nxt.lower.endswith(plural_endings()) and _after_joiner(info, w):
        return None  # Асқар мен Дина Омаровтар: the family's surname in the plural ends the whole list
    before = info.prev(w)
    cued = before is not None and info.adjacent(before, w) and names_person_after(before.text)
    if not is_first:
        # an unlisted first name only inside a sentence (not «Ұстаздары Жирмунский»), before a surname or
        # after an office or profession (жазушы Смағұл Елубай); an office word is none (басшысы Елбасы Нұрсұлтан ...)
        if _not_person_word(info, w) or info.ordinary_word(w) or info.starts_sentence(w) or is_title(w.text) \
                or not (_surname_like(info, nxt) or (cued and not info.ordinary_word(nxt))):
            return None
    if _nominative(info, w) != w.text:
        return None
    parts = [w, nxt]
    third = info.next(nxt)
    if third is not None and (cued or is_patronymic(nxt.text)) and info.adjacent(nxt, third) \
            and third.name_word and not _not_person_word(info, third) \
            and _nominative(info, nxt) == nxt.text \
            and (is_patronymic(nxt.text) and _surname_like(info, third)
                 or cued and not _surname_like(info, nxt) and not info.ordinary_word(third)
                 and len(third.text) > 3 and not is_common(third.text) and _third_ends_name(info, third)):
        parts.append(third)  # Қасым-Жомарт Кемелұлы Тоқаев; президенті Режеп Тайып Ердоған
    if _blocked_after(info, parts[-1]):
        return None
    return Person(parts[0].start, parts[-1].end, _base(info, [p.text for p in parts])), len(parts)


def _after_joiner(info: TextInfo, w: Word) -> bool:
    """Whether a list joiner (``мен``, ``және``) comes right before ``w`` after a capitalised word."""
    prev = info.prev(w)
    first = info.prev(prev) if prev is not None else None
    return first is not None and prev.lower in list_joiners() and first.capitalised


def _third_ends_name(info: TextInfo, w: Word) -> bool:
    """A third name word after an office ends the name: no capitalised word follows it, or a place or
    organisation does (``Режеп Тайып Ердоған Анкарада``). A head word right after it makes it the name of
    a place or body instead (``әкім Азамат Бекет Ақсай ауылына`` → Азамат Бекет, then Ақсай ауылы)."""
    if w.lower in directions():  # Батыс Қазақстан облысы opens after the name
        return False
    nxt = info.next(w)
    if nxt is not None and info.adjacent(w, nxt) and _head_starts_at(info, nxt):
        return False
    return nxt is None or not info.adjacent(w, nxt) or not nxt.capitalised or _not_person_word(info, nxt)


def _head_starts_at(info: TextInfo, w: Word) -> bool:
    """A head word (one word or several: ``ауылдық округі``) begins at ``w``."""
    x = w
    for _ in range(3):
        m = head_at(info, x)
        if m is not None and m.first.i == w.i:
            return True
        nx = info.next(x)
        if nx is None or not info.adjacent(x, nx):
            return False
        x = nx
    return False


def _surname_first_person(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """The official order, surname first: a surname, a first name and a patronymic (``Кертаев Ринат Думанұлы``,
    ``Искакова Баян Мұратқызына``); only the patronymic inflects."""
    first = info.next(w)
    patronymic = info.next(first) if first is not None else None
    if patronymic is None or not patronymic.name_word or not first.name_word \
            or not info.adjacent(w, first) or not info.adjacent(first, patronymic) \
            or not _patronymic_stem().search(patronymic.lower):
        return None  # the cheap checks first: this runs for every capitalised word
    if _surname_like(info, w) != "strong" or _nominative(info, w) != w.text or _not_person_word(info, w) \
            or _nominative(info, first) != first.text or _not_person_word(info, first) \
            or not is_patronymic(_nominative(info, patronymic)):
        return None
    return Person(w.start, patronymic.end, _base(info, [w.text, first.text, patronymic.text])), 3


def _surname_initials_person(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """A surname and the initials after it, as lists write them: ``Сейітов А.Б.``, ``Ахметова Г.Қ.``."""
    nxt = info.next(w)
    if nxt is None or not SINGLE_INITIAL.match(nxt.text) or info.gap(w, nxt) != " " \
            or info.text[nxt.end:nxt.end + 1] != "." or not w.name_word:
        return None
    if _surname_like(info, w) is None or _not_person_word(info, w) or _blocked_after(info, w):
        return None
    name = f"{_nominative(info, w)} {nxt.text}."
    return Person(w.start, nxt.end + 1, name), 2


def _lone_surname(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """A surname with a strong ending alone (``Достоевский``); not the first of a list of names that a head
    ends (``Головков, Абай және Гоголь көшелері``: streets)."""
    if len(w.text) >= 5 and _surname_like(info, w) == "strong" and not info.ordinary_word(w) \
            and not _blocked_after(info, w) and not _not_person_word(info, w) and not _list_ends_in_head(info, w):
        return Person(w.start, w.end, _base(info, [w.text])), 1
    return None


@lru_cache(maxsize=1)
def _kin_pattern() -> regex.Pattern:
    """A kinship word (``data/name_stop_words.tsv``, role ``kin``) with a possessive and a case ending:
    ``атамыздың``, ``апайға``, ``әжеміз``, ``ағасы``."""
    poss = sorted({r["poss"] for r in load_table("first_person_possessive")} | {"ң", "ңыз", "ңіз", "сы", "сі"},
                  key=len, reverse=True)
    return regex.compile(r"^(?:%s)[ыі]?(?:%s)?%s$" % ("|".join(sorted(kin_words(), key=len, reverse=True)),
                                                    "|".join(poss), case_suffix_pattern()))


@lru_cache(maxsize=16384)
def _kin_word(low: str) -> bool:
    """Whether the case-folded word is a kinship word of :func:`_kin_pattern`, kept per form."""
    return _kin_pattern().match(low) is not None


def _kin_person(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """A capitalised word before a kinship word said in respect: ``Қуандық ата``, ``Клара апамыз`` (the person
    Қуандық, Клара): a listed first name, or a word that is no common word or 'having' adjective
    (``Көпбалалы ана``); never a place the gazetteer finds bare or an organisation (a district listed only with
    its head, ``Абай``, is a person here)."""
    nxt = info.next(w)
    if nxt is None or not info.adjacent(w, nxt) or not _kin_word(nxt.lower):
        return None
    if w.lower in stop_words().not_name or lookup(w.text, "org") is not None \
            or "bare" in place_matches(w.text):
        return None
    if w.lower not in first_names() and (is_common(w.text) or info.ordinary_word(w)
                                         or w.lower.endswith(having_endings())):
        return None
    return Person(w.start, w.end, w.text), 1


def _speaker_person(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """Two capitalised words right before a verb of saying (``data/name_stop_words.tsv``, role ``says``) are
    the speaker's name when neither is a place, an organisation or a common word, both in the nominative:
    ``Марк Ричардсон айтты``, ``Жанна Бекова мәлімдеді`` (a foreign name whose first name no table lists)."""
    nxt = info.next(w)
    verb = info.next(nxt) if nxt is not None else None
    if verb is None or verb.lower not in saying_verbs() or not nxt.name_word \
            or not info.adjacent(w, nxt) or not info.adjacent(nxt, verb):
        return None  # the cheap checks first: this runs for every capitalised word
    for x in (w, nxt):
        if x.lower in stop_words().not_name or is_common(x.text) or info.ordinary_word(x) \
                or looks_non_name(x.text) or looks_adjective(x.text) \
                or _nominative(info, x) != x.text or _not_person_word(info, x) or x.lower in directions():
            return None
    return Person(w.start, nxt.end, f"{w.text} {nxt.text}"), 2


def _list_ends_in_head(info: TextInfo, w: Word) -> bool:
    """Whether ``w`` opens a list of names (commas, joiners) that a head noun ends: ``әл-Фараби, Сайын
    даңғылдары`` (streets), ``әл-Фараби және Абай көшелері``."""
    after = info.list_after(w, limit=8)
    return after is not None and head_entity(info, after) is not None


def _particle_person(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """A name that a particle opens with a hyphen (``data/name_stop_words.tsv``, role ``name_particle``):
    ``әл-Фарабидің``, ``Әл-Махмудпен`` → әл-Фараби, Әл-Махмуд; not before a head or 'атындағы' (``әл-Фараби
    атындағы``, ``әл-Фараби көшесі``), nor inside quotes."""
    particle, _, rest = w.text.partition("-")
    if particle.casefold() not in name_particles() or not NAME_WORD.match(rest) \
            or _blocked_after(info, w) or info.in_quote(w.start) is not None or _list_ends_in_head(info, w):
        return None
    prev = info.prev(w)
    if prev is not None and info.adjacent(prev, w) and prev.capitalised and not info.ordinary_word(prev) \
            and not is_common(prev.text) and not names_person_after(prev.text):
        return None  # the end of a longer name (Ахмад бен Заид Әл-Махмуд), left whole to the model
    return Person(w.start, w.end, _base(info, [w.text])), 1


def _infix_person(info: TextInfo, w: Word) -> Optional[Tuple[Person, int]]:
    """A first name, a lower-case particle (``data/name_stop_words.tsv``, role ``name_infix``) and a surname, as
    foreign names are written: ``Мигель де Сервантестің`` → Мигель де Сервантес, ``Людвиг ван Бетховен``,
    ``Ахмад бен Абдалла бен Заид`` (the particle again), and a last name that a capitalised particle opens
    (``... бен Заид Әл Наһаян``, ``... Әл-Махмудпен``). ``де`` and ``да`` are also Kazakh 'too': not before a
    first name or a word that a second 'too' follows (``Асқар да Болат та келді``), nor before a surname in a case
    other than the genitive (``Ержан да Сапаровпен сөйлесті`` 'Yerzhan too spoke with Saparov')."""
    particle = info.next(w)
    kazakh_too = particle.lower in too_particles()
    # a capitalised word first in a sentence opens the name only before a particle that is no Kazakh word (бен, фон)
    if not (w.lower in first_names() or not ((kazakh_too and info.starts_sentence(w)) or info.ordinary_word(w)
                                             or is_common(w.text))) \
            or _not_person_word(info, w) or _nominative(info, w) != w.text:
        return None
    before = info.prev(w)
    if before is not None and before.lower in name_infixes() and info.adjacent(before, w):
        return None  # the middle of a longer name: Абдалла of Ахмад бен Абдалла бен Заид
    parts, x = [w], w
    while True:
        particle = info.next(x)
        name = info.next(particle) if particle is not None else None
        if name is None or not info.adjacent(x, particle) or not info.adjacent(particle, name) \
                or particle.lower not in name_infixes() or particle.text != particle.lower or not name.name_word \
                or _not_person_word(info, name):
            break
        after = info.next(name)
        if particle.lower in too_particles() and (
                name.lower in first_names() or base_form(name.text, "person").casefold() in first_names()
                or (after is not None and after.lower in too_particles())
                or (_nominative(info, name) != name.text and not _genitive(name.lower))):
            break  # 'too': Асқар да Болат та; Ержан да Сапаровпен (a surname only in the nominative or genitive)
        parts += [particle, name]
        x = name
        if _nominative(info, name) != name.text:
            break  # an inflected word ends the name
    if len(parts) == 1:
        return None
    nxt = info.next(x)
    if _nominative(info, x) == x.text and nxt is not None and info.adjacent(x, nxt) and nxt.capitalised:
        first, _, rest = nxt.text.partition("-")
        if first.casefold() in name_particles() and rest:
            parts.append(nxt)  # Әл-Махмудпен
        elif nxt.lower in name_particles():
            last = info.next(nxt)
            if last is not None and info.adjacent(nxt, last) and last.name_word:
                parts += [nxt, last]  # Әл Наһаян
    if _blocked_after(info, parts[-1]):
        return None
    return Person(parts[0].start, parts[-1].end, _base(info, [p.text for p in parts])), len(parts)


def find_persons(text: str, info: Optional[TextInfo] = None) -> List[Person]:
    info = info or TextInfo(text)
    not_name = stop_words().not_name
    out: List[Person] = []
    # every rule starts at a capitalised word (the initials ones at a capital letter, which makes a word
    # capitalised), so only those are visited; a person found skips the words it used
    free_from = 0
    if "-" in info.text:
        particles = name_particles()
        out.extend(found[0] for w in info.words if "-" in w.text and w.lower.partition("-")[0] in particles
                   for found in [_particle_person(info, w)] if found is not None)
    taken = {p.start for p in out}
    for w in compress(info.words, map(_CAPITALISED, info.words)):
        if w.i < free_from or w.start in taken:
            continue
        # initials have a full stop in the word or are one letter (the test the rule starts with)
        found = _initials_person(info, w) if "." in w.text or len(w.text) <= 1 else None
        if found is None and w.name_word and w.lower not in not_name:
            # the rules in their order, each asked only when the test it starts with passes: a word right
            # after this one (a name word for surname first, full name and speaker; an initial of at most
            # four characters; a kinship word), five letters for a lone surname
            nxt = info.next(w)
            adj = nxt is not None and info.adjacent(w, nxt)
            pair = adj and nxt.name_word
            found = (adj and nxt.lower in name_infixes() and _infix_person(info, w)) \
                or (pair and _surname_first_person(info, w)) \
                or (adj and len(nxt.text) <= 4 and _surname_initials_person(info, w)) \
                or (pair and _full_name_person(info, w)) or (len(w.text) >= 5 and _lone_surname(info, w)) \
                or (adj and _kin_word(nxt.lower) and _kin_person(info, w)) \
                or (pair and _speaker_person(info, w)) or None
        if found is not None:
            out.append(found[0])
            free_from = w.i + found[1]
    if taken:
        out.sort(key=attrgetter("start"))
    return out

"""The name tables of ``lang/kk/data``: gazetteers, first names, surname endings, head nouns, legal
forms. Read once; lookups are by casefolded text."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Tuple

import regex

from ..lang.kk.forms import form_of
from ..lang.kk.morph import base_form, default_lexicon, parses, patronymic_endings  # noqa: F401 - default_lexicon re-exported
from ..lang.kk.stop_words import STOP_WORDS
from ..lang.kk.tables import load_table


_LATIN_OR_DIGIT = regex.compile(r"[\p{Latin}0-9]")


@dataclass(frozen=True)
class Entry:
    """A gazetteer name: ``entity`` is ``location`` or ``org``."""

    name: str
    entity: str
    kind: str
    match: str  # bare | ambiguous | head

    @property
    def latin(self) -> bool:
        return bool(_LATIN_OR_DIGIT.match(self.name))


@dataclass(frozen=True)
class Head:
    head: str  # possessive form: облысы, министрлігі
    bare: str  # form after an adjective: кітапхана, банк ('' when not used bare)
    entity: str  # location | org
    in_name: bool


@dataclass(frozen=True)
class LegalForm:
    abbr: str
    lang: str
    spelled: Tuple[str, ...]


@lru_cache(maxsize=1)
def gazetteer() -> Tuple[Entry, ...]:
    out = [Entry(r["name"], "location", r["kind"], r["match"]) for r in load_table("gazetteer_locations")]
    out += [Entry(r["name"], "org", r["kind"], r["match"]) for r in load_table("gazetteer_orgs")]
    listed = {e.name for e in out if e.entity == "org"}
    out += [Entry(a, "org", "abbreviation", "bare") for a in abbreviation_expansions() if a not in listed]
    # the full names the abbreviations stand for that the head grammar cannot read are found as written, in any
    # case form (Еуропадағы қауіпсіздік және ынтымақтастық ұйымында)
    listed |= set(abbreviation_expansions())
    out += [Entry(n, "org", "abbreviation_name", "bare") for n in dict.fromkeys(abbreviation_expansions().values())
            if n not in listed and n[:1].isupper() and _unreadable_by_heads(n)]
    for e in out:
        if e.match not in ("bare", "ambiguous", "head"):
            raise ValueError(f"gazetteer: {e.name!r} has match {e.match!r}")
    return tuple(out)


def _unreadable_by_heads(name: str) -> bool:
    """A full name the head grammar (:mod:`.orgs.headed`) does not read to its first word: a comma or a function
    word inside (``Экология, геология және ... министрлігі``, ``... қауіпсіздік туралы шарт ұйымы``; ``және``
    it crosses), or a first word not in the nominative (``Еуропадағы ...``, ``Қазақстанның ипотекалық
    компаниясы``). The others it finds itself, and listing them would only slow the gazetteer."""
    words = name.replace(",", " , ").split()
    return "," in words or base_form(words[0], "org") != words[0] \
        or any(w.casefold() in STOP_WORDS and w.casefold() != "және" for w in words[1:])


@lru_cache(maxsize=1)
def abbreviation_expansions() -> Dict[str, str]:
    """Official abbreviations (``data/org_abbreviations.tsv``) → the full name: ІІМ → Ішкі істер министрлігі."""
    return {r["abbr"]: r["name"] for r in load_table("org_abbreviations")}


@lru_cache(maxsize=1)
def org_aliases() -> Dict[str, str]:
    """Casefolded alias → the name the output uses (Ұлттық банкі → Ұлттық банк)."""
    out = {}
    for r in load_table("gazetteer_orgs"):
        for a in r["aliases"].split("|"):
            if a.strip():
                out[a.strip().casefold()] = r["name"]
    return out


@lru_cache(maxsize=1)
def _by_name() -> Dict[Tuple[str, str], Entry]:
    out = {}
    for e in gazetteer():
        out.setdefault((e.entity, e.name.casefold()), e)
    return out


def lookup(name: str, entity: str) -> Optional[Entry]:
    """The gazetteer entry written ``name`` (any letter case), or ``None``."""
    return _by_name().get((entity, " ".join(name.split()).casefold()))


@lru_cache(maxsize=1)
def _place_matches() -> Dict[str, FrozenSet[str]]:
    out: Dict[str, set] = {}
    for e in gazetteer():
        if e.entity == "location":
            out.setdefault(e.name.casefold(), set()).add(e.match)
    return {k: frozenset(v) for k, v in out.items()}


def place_matches(name: str) -> FrozenSet[str]:
    """How the gazetteer lets the place ``name`` be found (``bare``, ``ambiguous``, ``head``; a name listed twice
    has both: Қостанай is a city found bare and a district found with its head); empty when unlisted."""
    return _place_matches().get(" ".join(name.split()).casefold(), frozenset())


def canonical_org(name: str) -> str:
    """An organisation's name as the output writes it: an alias becomes its entry's name."""
    return org_aliases().get(" ".join(name.split()).casefold(), name)


def canonical_location(name: str) -> str:
    """A place as the gazetteer spells it (АСТАНА → Астана); unknown names unchanged."""
    e = lookup(name, "location")
    return e.name if e else name


@lru_cache(maxsize=1)
def first_names() -> FrozenSet[str]:
    return frozenset(r["name"].casefold() for r in load_table("first_names"))


@lru_cache(maxsize=1)
def surname_suffixes() -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
    """(strong, weak) surname endings, longest first."""
    rows = load_table("surname_suffixes")
    strong = tuple(sorted((r["suffix"] for r in rows if r["strength"] == "strong"), key=len, reverse=True))
    weak = tuple(sorted((r["suffix"] for r in rows if r["strength"] == "weak"), key=len, reverse=True))
    return strong, weak


def surname_strength(word: str) -> Optional[str]:
    """``strong`` / ``weak`` when ``word`` (nominative) ends like a surname, else ``None``."""
    low = word.casefold()
    strong, weak = surname_suffixes()
    for s in strong:
        if low.endswith(s) and len(low) >= len(s) + 2:
            return "strong"
    for s in weak:
        if low.endswith(s) and len(low) >= len(s) + 3:
            return "weak"
    return None


def is_patronymic(word: str) -> bool:
    low = word.casefold()
    return any(low.endswith(s) and len(low) > len(s) + 2 for s in patronymic_endings())


@lru_cache(maxsize=1)
def heads() -> Tuple[Head, ...]:
    out = []
    for r in load_table("name_heads"):
        if r["entity"] not in ("location", "org") or r["in_name"] not in ("yes", "no"):
            raise ValueError(f"name_heads.tsv: bad row {r}")
        out.append(Head(r["head"], r["bare"], r["entity"], r["in_name"] == "yes"))
    return tuple(out)


@lru_cache(maxsize=1)
def kind_heads() -> FrozenSet[str]:
    """Org heads for kinds of body a town has many of (``data/org_kind_heads.tsv``: орталығы, мектебі,
    компаниясы); each must be a head of ``data/name_heads.tsv``."""
    known = {h.head for h in heads() if h.entity == "org"}
    out = frozenset(r["head"] for r in load_table("org_kind_heads"))
    if not out <= known:
        raise ValueError(f"org_kind_heads.tsv: not org heads of name_heads.tsv: {sorted(out - known)}")
    return out


@lru_cache(maxsize=1)
def legal_forms() -> Tuple[LegalForm, ...]:
    return tuple(LegalForm(r["abbr"], r["lang"], tuple(s.strip() for s in r["spelled"].split("|") if s.strip()))
                 for r in load_table("legal_forms"))


@lru_cache(maxsize=1)
def adjective_endings() -> Tuple[str, ...]:
    """The endings of adjectives of relation (``ұлттық``, ``жоғарғы``)."""
    return tuple(r["ending"] for r in load_table("adjective_endings") if r["kind"] == "relational")


@lru_cache(maxsize=1)
def having_endings() -> Tuple[str, ...]:
    """The endings of 'having' adjectives (``мұнайлы`` 'oil-rich', ``таулы``, ``тасты``)."""
    return tuple(r["ending"] for r in load_table("adjective_endings") if r["kind"] == "having")


LOCATIVE_ATTR = ("дағы", "дегі", "тағы", "тегі")


def looks_adjective(word: str, place_attr: bool = True) -> bool:
    """An adjective made with a suffix (Ұлттық, академиялық, Жоғарғы, Мемлекеттік): a head noun after
    one is used without the possessive (Ұлттық банк) and a descriptor after one belongs to the name.
    ``place_attr=False`` leaves out the 'which is in ...' forms (маңдағы, жөніндегі)."""
    low = word.casefold()
    if not place_attr and low.endswith(LOCATIVE_ATTR):
        return False
    return any(low.endswith(e) and len(low) > len(e) + 1 for e in adjective_endings())


@lru_cache(maxsize=1)
def non_name_endings() -> Tuple[str, ...]:
    return tuple(r["ending"] for r in load_table("non_name_endings"))


def looks_non_name(word: str) -> bool:
    """A verb form or an ordinal (өтетін, ашылған, хабарлады, төртінші): no part of a name."""
    low = word.casefold()
    return any(low.endswith(e) and len(low) > len(e) + 1 for e in non_name_endings())


@lru_cache(maxsize=64)
def role_words(role: str) -> FrozenSet[str]:
    """The words of ``data/name_stop_words.tsv`` with ``role``, case-folded."""
    return frozenset(r["word"].casefold() for r in load_table("name_stop_words") if r["role"] == role)


_role = role_words


@lru_cache(maxsize=1)
def named_after() -> FrozenSet[str]:
    return _role("named_after")


@lru_cache(maxsize=1)
def settlement_nouns() -> FrozenSet[str]:
    """Common noun phrases for a settlement said after its name (``елді мекен``)."""
    return _role("settlement")


@lru_cache(maxsize=1)
def called_words() -> FrozenSet[str]:
    """'called' before a common noun for a place (``деген``, ``аталатын``): the name before them is a place."""
    return _role("called")


@lru_cache(maxsize=1)
def called_place_nouns() -> FrozenSet[str]:
    """Common nouns that say a place after 'called' besides the ``place_noun`` words (``жер``, ``өзен``)."""
    return _role("called_place")


@lru_cache(maxsize=1)
def saying_verbs() -> FrozenSet[str]:
    """Verbs of saying after their subject (``айтты``, ``мәлімдеді``): the name before them is a speaker."""
    return _role("says")


@lru_cache(maxsize=1)
def unit_adjectives() -> FrozenSet[str]:
    """Adjectives made from a kind of unit (``облыстық``, ``аудандық``, ``қалалық``)."""
    return _role("unit_adjective")


@lru_cache(maxsize=1)
def kin_words() -> FrozenSet[str]:
    """Kinship words said after a person's first name (``Қуандық ата``, ``Клара апай``)."""
    return _role("kin")


@lru_cache(maxsize=1)
def speech_verbs() -> FrozenSet[str]:
    """Verbs of saying after a quotation (``деді``, ``деп``): the quotation is speech, not a title."""
    return _role("speech")


@lru_cache(maxsize=1)
def country_prefixes() -> FrozenSet[str]:
    return _role("country_prefix")


@lru_cache(maxsize=1)
def home_prefixes() -> FrozenSet[str]:
    """The home country's prefix before a body's name (``ҚР``): ``ҚР Парламенті`` is the Парламент."""
    return _role("home_prefix")


@lru_cache(maxsize=1)
def directions() -> FrozenSet[str]:
    return frozenset(r["word"].casefold() for r in load_table("name_stop_words") if r["role"] == "direction")


@lru_cache(maxsize=1)
def epithets() -> FrozenSet[str]:
    return frozenset(r["word"].casefold() for r in load_table("name_stop_words") if r["role"] == "epithet")


@lru_cache(maxsize=1)
def place_parts() -> FrozenSet[str]:
    return _role("place_part")


@lru_cache(maxsize=1)
def place_nouns() -> FrozenSet[str]:
    return _role("place_noun")


def is_place_noun(word: str) -> bool:
    """A common noun for a kind of place in any form (``Өңірде``, ``облысы``, ``Елордаға``): no name."""
    stem = form_of(word.casefold()).stem
    return stem in place_nouns() or strip_possessive(stem) in place_nouns()


@lru_cache(maxsize=1)
def professions() -> FrozenSet[str]:
    return _role("profession")


@lru_cache(maxsize=16384)
def names_person_after(word: str) -> bool:
    """An office or profession (``президенті``, ``жазушы``, ``әртісі``): the capitalised words after it are a
    person's name."""
    stem = form_of(word.casefold()).stem
    return is_title(word) or any(x in professions() for x in (stem, strip_possessive(stem),
                                                                  strip_possessive(word.casefold())))


@lru_cache(maxsize=1)
def owner_links() -> FrozenSet[str]:
    return _role("owner_link")


@lru_cache(maxsize=1)
def purpose_links() -> FrozenSet[str]:
    """``жөніндегі``: the phrase before it is what a body does, part of its name."""
    return _role("purpose_link")


@lru_cache(maxsize=1)
def name_markers() -> FrozenSet[str]:
    """``атты`` 'named': the quoted name before it names the body of the head after it."""
    return _role("name_marker")


@lru_cache(maxsize=1)
def name_particles() -> FrozenSet[str]:
    """``әл`` of ``әл-Фараби``: a lower-case particle before a person's capitalised name."""
    return _role("name_particle")


@lru_cache(maxsize=1)
def name_infixes() -> FrozenSet[str]:
    """``де`` of ``Мигель де Сервантес``: a lower-case particle between a first name and a surname."""
    return _role("name_infix")


@lru_cache(maxsize=1)
def too_particles() -> FrozenSet[str]:
    """``да``/``де``/``та``/``те`` 'too': after a name it says 'X too', and de/da between two names is no particle."""
    return _role("too")


@lru_cache(maxsize=1)
def named_places() -> FrozenSet[str]:
    """``арена`` of ``Ролан Гаррос аренасы``: a noun for a building or an open place that bears a name."""
    return _role("named_place")


@lru_cache(maxsize=1)
def report_verbs() -> FrozenSet[str]:
    """``хабарлайды`` of ``деп хабарлайды Zakon.kz``: the outlet that reports the news is named after it."""
    return _role("reports")


@lru_cache(maxsize=1)
def plain_words() -> FrozenSet[str]:
    """Words that look inflected but are words of their own inside a name (``тұрғын үй``)."""
    return _role("plain_word")


@lru_cache(maxsize=1)
def state_words() -> FrozenSet[str]:
    """The last words of states' official names (``республикасы``)."""
    return _role("state_word")


@lru_cache(maxsize=1)
def number_words() -> FrozenSet[str]:
    """Kazakh number words (``data/number_words.tsv``, written-out forms): ``бес``, ``жүз``, ``мың``."""
    return frozenset(r["word"].casefold() for r in load_table("number_words") if r["form"] == "word")


@lru_cache(maxsize=1)
def dative_postpositions() -> FrozenSet[str]:
    return _role("dative_postposition")


@lru_cache(maxsize=1)
def event_nouns() -> FrozenSet[str]:
    return _role("event")


def is_event_noun(word: str) -> bool:
    """A common noun for an event in any form (``чемпионатында``, ``форумына``, ``Ойындары``)."""
    low = word.casefold()
    stem = form_of(low).stem
    nouns = event_nouns()
    # марафоны: the ending reader takes -ны for the accusative; the possessive is tried on the word too
    return any(x in nouns for x in (stem, strip_possessive(stem), strip_possessive(low)))


@lru_cache(maxsize=1)
def thing_nouns() -> FrozenSet[str]:
    """Nouns for a thing made or planned (``data/quoted_thing_nouns.tsv``: жоба, кешен, маркалы)."""
    return frozenset(r["word"].casefold() for r in load_table("quoted_thing_nouns"))


def is_thing_noun(word: str) -> bool:
    """A noun for a thing made or planned in any form (``жобасының``, ``кешенін``, ``маркалы``)."""
    low = word.casefold()
    nouns = thing_nouns()
    if low in nouns or strip_possessive(low) in nouns:
        return True
    return any(p.base in nouns or strip_possessive(p.base) in nouns for p in parses(low))  # жобасын


@lru_cache(maxsize=1)
def currency_nouns() -> FrozenSet[str]:
    """The inflecting currency words of ``data/currencies.tsv``, last word (доллар, рубль, юань): a place
    written right before one names the currency, not a place (``АҚШ долларының бағасы``)."""
    return frozenset(r["form"].casefold().split()[-1] for r in load_table("currencies") if r["inflect"] == "yes")


def is_currency_noun(word: str) -> bool:
    """A currency word in any form (``доллары``, ``долларының``, ``рублі``)."""
    low = word.casefold()
    nouns = currency_nouns()
    stem = form_of(low).stem
    return any(x in nouns for x in (low, stem, strip_possessive(stem), strip_possessive(low)))


@lru_cache(maxsize=1)
def list_joiners() -> FrozenSet[str]:
    """Words that join the items of a list of names: Бельгия мен Лихтенштейн, Куба, Грекия және ..."""
    return _role("joiner")


_VOWELS = frozenset("аәеоөұүыіэюяиу")


def strip_possessive(word: str) -> str:
    """The 3rd-person possessive off a noun: ``басшысы`` → ``басшы``, ``әкімі`` → ``әкім``; a word
    without one is returned as it is (after a vowel the possessive is -сы/-сі, after a consonant -ы/-і)."""
    if word[-2:] in ("сы", "сі") and len(word) > 3 and word[-3] in _VOWELS:
        return word[:-2]
    if word[-1:] in ("ы", "і") and len(word) > 2 and word[-2] not in _VOWELS:
        return word[:-1]
    return word


@dataclass(frozen=True)
class CommonWords:
    forms: FrozenSet[str]
    stems: FrozenSet[str]
    titles: FrozenSet[str]


@lru_cache(maxsize=1)
def common_words() -> CommonWords:
    """Ordinary words and office words: ``data/common_words.tsv`` (counted in KazNERD by
    ``kazextract common-words``) and the office words of ``data/name_stop_words.tsv`` (role ``title``)."""
    rows = load_table("common_words")
    titles = {r["word"] for r in rows if r["kind"] == "title"} | _role("title")
    return CommonWords(frozenset(r["word"] for r in rows if r["kind"] == "form"),
                       frozenset(r["word"] for r in rows if r["kind"] == "stem"), frozenset(titles))


def is_common(word: str) -> bool:
    """A word KazNERD writes as an ordinary word and (almost) never as a name by itself (``Алайда``,
    ``Фестивальдың`` by its lemma ``фестиваль``)."""
    low = word.casefold()
    cw = common_words()
    return low in cw.forms or form_of(low).stem in cw.stems


def is_title(word: str) -> bool:
    """A person's office: ``әкімі``, ``министрінің``, ``төрағасы``."""
    stem = form_of(word.casefold()).stem
    titles = common_words().titles
    return stem in titles or strip_possessive(stem) in titles

"""Kazakh inflection, read from ``data/case_endings.tsv``.

This module is the single place that knows how Kazakh nouns are inflected:

* :func:`suffix_pattern` / :func:`ending_chain_pattern` let recognisers accept a stem with any chain of
  endings (``теңге`` matches ``теңгеден``, ``теңгеге``, ``теңгенің``);
* :func:`parses` lists the ways a word splits into stem + plural + possessive + case ending, keeping
  only splits where each ending is the variant the stem calls for (vowel harmony, the stem's last
  sound): ``облысына`` is ``облыс`` + ``ы`` + ``на``, but ``Алматы`` is not ``Алма`` + ``ты`` (after a
  vowel the accusative is ``-ны``);
* :func:`base_form` gives the nominative of a name: only the last word of a name inflects
  (``Маңғыстау облысына`` → ``Маңғыстау облысы``, ``Ұлттық банкінің`` → ``Ұлттық банкі``,
  ``Исекешевтен`` → ``Исекешев``); a word that is already a known base form is left alone (``Ақтөбе``,
  ``Канада``), and a known stem is preferred;
* :func:`strip_endings` gives a plain lemma back (``тоннаға`` → ``тонна``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, List, Optional, Tuple

import regex

from .tables import load_table

VOWELS = frozenset("аәеоөұүыіэюяёиу")
BACK_VOWELS = frozenset("аоұыяё")
FRONT_VOWELS = frozenset("әеөүіэ")
# letters only Kazakh (not Russian) words have: a stem with one of them follows harmony strictly
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
SOUND_CLASSES = {
    "vowel": frozenset("аәеоөұүыіэюяёиу"),
    "sonorant": frozenset("йриу"),
    "l": frozenset("л"),
    "voiced": frozenset("жз"),
    "nasal": frozenset("мнң"),
    "voiceless": frozenset("кқпстфхцчшщбвгдғһ"),
}
ALL_CLASSES = frozenset(SOUND_CLASSES) | {"poss3"}
# a final voiceless consonant voices before a vowel ending (жылдық -> жылдығы, кітап -> кітабы); reading a
# stem back, a voiced one is devoiced (ошағы -> ошақ; б is left as written: Арабы is not Арап)
VOICING = {"қ": "ғ", "к": "г", "п": "б"}
DEVOICING = {"ғ": "қ", "г": "к"}
CYRILLIC = regex.compile(r"\p{Cyrillic}")
# what can follow a hyphen or apostrophe after an abbreviation, number or foreign word (АЭА-ында, ҚазМУ-ді)
_LINK = r"(?:с?[ыі])?"
NAME_KINDS = ("person", "location", "org")


@lru_cache(maxsize=1)
def _surname_harmony() -> Dict[str, Tuple[str, ...]]:
    """Surname suffixes by how endings after them follow harmony (``data/surname_suffixes.tsv``)."""
    out: Dict[str, Tuple[str, ...]] = {"before": (), "either": (), "patronymic": (), "all": ()}
    for r in load_table("surname_suffixes"):
        out["all"] += (r["suffix"],)
        if r["harmony"] in ("before", "either"):
            out[r["harmony"]] += (r["suffix"],)
        if r["patronymic"] == "yes":
            out["patronymic"] += (r["suffix"],)
    return out


def patronymic_endings() -> Tuple[str, ...]:
    """Names ending in a patronymic take the possessive accusative: Асқар Ұзақбайұлын."""
    return _surname_harmony()["patronymic"]


@dataclass(frozen=True)
class Ending:
    ending: str
    case: str
    harmony: str  # back | front | any
    after: FrozenSet[str]
    use: str  # case | stem | other


@lru_cache(maxsize=1)
def ending_rows() -> Tuple[Ending, ...]:
    rows = []
    for r in load_table("case_endings"):
        after = frozenset(r["after"].split())
        unknown = after - ALL_CLASSES - {"any"}
        if unknown:
            raise ValueError(f"case_endings.tsv: unknown sound class {sorted(unknown)} for {r['ending']!r}")
        rows.append(Ending(r["ending"], r["case"], r["harmony"], after, r["use"]))
    return tuple(rows)


@lru_cache(maxsize=1)
def plural_endings() -> Tuple[str, ...]:
    """The plural endings of ``data/case_endings.tsv`` (``-лар``, ``-дер``, ``-тар``...), sorted."""
    return tuple(sorted({e.ending for e in ending_rows() if e.case == "plural"}))


@lru_cache(maxsize=1)
def endings() -> Tuple[str, ...]:
    """All single endings, longest first."""
    return tuple(sorted({e.ending for e in ending_rows()}, key=len, reverse=True))


@lru_cache(maxsize=8)  # called for every word parsed: sort once (one entry per use)
def _rows(use: str) -> Tuple[Ending, ...]:
    return tuple(sorted((e for e in ending_rows() if e.use == use), key=lambda e: -len(e.ending)))


@lru_cache(maxsize=1)
def ending_chain_pattern() -> str:
    """Regex (no groups) for up to three endings in a row: ``ы``+``нан``, ``лар``+``ы``+``на``."""
    one = "|".join(regex.escape(e) for e in endings())
    # possessive/plural + case need an optional linking ы/і/н
    return r"(?:(?:%s)(?:[ыі]?н?(?:%s)){0,2})?" % (one, one)


def suffix_pattern(stem: str) -> str:
    """Regex (no groups) matching ``stem`` with any chain of endings, case-insensitively at the caller."""
    return regex.escape(stem) + ending_chain_pattern()


@lru_cache(maxsize=1)
def case_suffix_pattern() -> str:
    """Regex (no groups) for what may follow a name in the nominative: nothing, a case ending, or a
    hyphen or apostrophe with a (possessive +) case ending (``АҚШ-тың``, ``АЭА-ында``).
    Which variant fits the name is checked afterwards with :func:`fits`."""
    cases = "|".join(regex.escape(e.ending) for e in _rows("case"))
    return r"(?:[-'’]%s(?:%s)|[-'’]с?[ыі]|(?:%s))?" % (_LINK, cases, cases)


# sounds ------------------------------------------------------------------------------------------

def sound_classes(stem: str) -> Optional[FrozenSet[str]]:
    """The classes of the sound ``stem`` ends in; ``None`` when any ending may follow (a digit, a
    Latin letter, an abbreviation in capitals)."""
    s = stem.rstrip("ьъЬЪ")
    if not s:
        return None
    ch = s[-1].lower()
    if not CYRILLIC.match(ch):
        return None
    if len(stem) >= 2 and stem.isupper():
        return None
    return frozenset(name for name, chars in SOUND_CLASSES.items() if ch in chars)


def harmony(stem: str) -> Optional[str]:
    """``back`` or ``front`` after the last vowel of ``stem``; ``None`` when that vowel is neutral
    (и, у, ю) or there is none."""
    for ch in reversed(stem.lower()):
        if ch in BACK_VOWELS:
            return "back"
        if ch in FRONT_VOWELS:
            return "front"
        if ch in VOWELS:
            return None
    return None


def harmony_fits(stem: str, wanted: str) -> bool:
    """Whether an ending of harmony ``wanted`` may follow ``stem``.

    Kazakh words follow vowel harmony strictly; borrowed names (no Kazakh-only letter) and surnames
    in -ов/-ев/-ин are written both ways (``Ахметовтің``, ``Тоқаевтың``), so they take either."""
    if wanted == "any":
        return True
    low = stem.lower()
    loose = _surname_harmony()["before"] + _surname_harmony()["either"]
    if not (set(low) & KAZAKH_LETTERS) or low.endswith(loose):
        return True
    h = harmony(stem)
    return h is None or h == wanted


def plausible_stem(stem: str, min_len: int = 2) -> bool:
    """A stem must stay a word: long enough, with a vowel (or an abbreviation / number)."""
    core = stem.split()[-1] if stem.split() else ""
    if len(core) < min_len:
        return False
    if core.isupper() or any(ch.isdigit() for ch in core):
        return True
    return any(ch in VOWELS for ch in core.lower())


def fits(stem: str, ending: Ending, after_poss3: bool = False) -> bool:
    """Whether ``ending`` is the variant that follows ``stem`` (``after_poss3``: the stem ends in a
    3rd-person possessive)."""
    if "any" in ending.after:
        ok = True
    elif after_poss3:
        ok = "poss3" in ending.after
    else:
        classes = sound_classes(stem)
        ok = classes is None or bool(classes & ending.after)
    return ok and harmony_fits(stem, ending.harmony)


# parses ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Parse:
    """``word`` = ``stem`` + ``plural`` + ``poss`` + ``case``."""

    stem: str
    plural: str = ""
    poss: str = ""
    case: str = ""
    case_name: str = ""

    @property
    def base(self) -> str:
        """The word without its case ending (possessive and plural kept): the base form of a name."""
        return self.stem + self.plural + self.poss


def _poss_splits(rest: str) -> List[Tuple[str, str, str]]:
    """``(stem, plural, poss)`` splits of ``rest`` that end in a valid 3rd-person possessive."""
    out = []
    low = rest.lower()
    for p in _rows("stem"):
        if p.case != "possessive3" or not low.endswith(p.ending):
            continue
        body = rest[: -len(p.ending)]
        if not plausible_stem(body) or not fits(body, p):
            continue
        out.append((body, "", rest[-len(p.ending):]))
        for pl in _rows("stem"):
            if pl.case == "plural" and body.lower().endswith(pl.ending):
                stem = body[: -len(pl.ending)]
                if plausible_stem(stem) and fits(stem, pl):
                    out.append((stem, body[-len(pl.ending):], rest[-len(p.ending):]))
    return out


@lru_cache(maxsize=16384)
def parses(word: str) -> Tuple[Parse, ...]:
    """Every valid split of ``word`` into stem + (plural) + (possessive) + (case), the bare word first."""
    out = [Parse(word)]
    low = word.lower()
    for e in _rows("case"):
        if not low.endswith(e.ending) or len(word) <= len(e.ending):
            continue
        rest, written = word[: -len(e.ending)], word[-len(e.ending):]
        if plausible_stem(rest) and fits(rest, e):
            out.append(Parse(rest, case=written, case_name=e.case))
        if "poss3" in e.after:
            for stem, plural, poss in _poss_splits(rest):
                if harmony_fits(stem + plural + poss, e.harmony):
                    out.append(Parse(stem, plural, poss, written, e.case))
    return tuple(out)


_HYPHENATED = regex.compile(r"(.+?)[-'’](\p{Ll}{1,7})")


@lru_cache(maxsize=1)
def _hyphen_tail() -> regex.Pattern:
    cases = "|".join(regex.escape(e.ending) for e in _rows("case"))
    return regex.compile(r"%s(?:%s)|с?[ыі]" % (_LINK, cases))


@lru_cache(maxsize=16384)
def hyphen_base(word: str) -> Optional[str]:
    """``АЭА-ында`` → ``АЭА``, ``ҚазМУ-ді`` → ``ҚазМУ``, ``136-дағы`` → ``136``; ``None`` when the part
    after the last hyphen or apostrophe is not an ending."""
    m = _HYPHENATED.fullmatch(word)
    if m and _hyphen_tail().fullmatch(m.group(2)):
        return m.group(1)
    return None


# lemmas ------------------------------------------------------------------------------------------

_DEVOICE = DEVOICING


@lru_cache(maxsize=4096)
def strip_endings(word: str, min_stem: int = 2) -> str:
    """A plain lemma: remove a case ending and the plural, and a possessive when a case ending proves
    it (``облысына`` → ``облыс``; ``тоннаға`` → ``тонна``; ``жылдары`` keeps its possessive)."""
    hb = hyphen_base(word)
    if hb is not None:
        return hb
    cands = [p for p in parses(word) if p.case and len(p.stem) >= min_stem]
    if cands:
        # the longest case ending, a plural taken off, then the longest stem (облыс-ы-на, not облы-сы-на)
        p = max(cands, key=lambda p: (len(p.case), bool(p.plural), len(p.stem)))
        stem = p.stem
        if p.poss and len(stem) > 1 and stem[-1].lower() in _DEVOICE and stem[-2].lower() in VOWELS:
            stem = stem[:-1] + _DEVOICE[stem[-1].lower()]  # ошағ-ы-н → ошақ
        return stem
    for pl in _rows("stem"):  # a bare plural: адамдар → адам
        if pl.case == "plural" and word.lower().endswith(pl.ending):
            stem = word[: -len(pl.ending)]
            if len(stem) >= min_stem and plausible_stem(stem) and fits(stem, pl):
                return stem
    return word


# base forms of names -----------------------------------------------------------------------------

Lexicon = Callable[[str], bool]


def _case_allowed(p: Parse, kind: str, multiword: bool, is_head: Lexicon) -> bool:
    if p.case_name == "accusative" and len(p.case) == 1:  # -н, only after a possessive
        base = p.base.lower()
        if kind == "person":
            return base.endswith(patronymic_endings())
        return multiword or is_head(p.base)
    if kind == "person":
        # people are not 'in' somewhere: Гүлнара is not Гүлнар + locative
        return p.case_name not in ("locative", "locative_attr")
    return True


def _risky(p: Parse, kind: str) -> bool:
    """Endings that are also how base forms of names end: strip them only for a known stem.
    Toponyms in -ды/-ті (Теректі, Жезді, Қарағанды) look like accusatives, and so do surnames whose
    nominative ends like one (``data/surname_suffixes.tsv``: Тілеуберді, Аманкелді)."""
    if p.case_name != "accusative" or p.case.lower() not in ("ды", "ді", "ты", "ті") or p.poss:
        return False
    if kind != "person":
        return True
    word = (p.base + p.case).casefold()
    return any(word.endswith(s) and s.endswith(p.case.casefold()) for s in _surname_harmony()["all"])


def word_base(word: str, kind: str = "location", multiword: bool = False,
              lexicon: Optional[Lexicon] = None, known: Optional[Lexicon] = None,
              is_head: Optional[Lexicon] = None) -> str:
    """The nominative of the last word of a name (see :func:`base_form`)."""
    hb = hyphen_base(word)
    if hb is not None:
        return hb
    lexicon = lexicon or (lambda w: False)
    known = known or (lambda w: False)
    is_head = is_head or (lambda w: False)
    cands = [p for p in parses(word)[1:] if _case_allowed(p, kind, multiword, is_head)]
    if not cands or lexicon(word):
        return word
    by_ending = sorted(cands, key=lambda p: -len(p.case))
    for check in (lexicon, known):
        hits = [p for p in by_ending if check(p.base)]
        if hits:
            return hits[0].base
    safe = [p for p in by_ending if not _risky(p, kind)]
    return safe[0].base if safe else word


def base_form(name: str, kind: str = "location", lexicon: Optional[Lexicon] = None,
              known: Optional[Lexicon] = None) -> str:
    """The nominative base form of a name as written in running text.

    Only the last word of a multi-word name inflects: ``Маңғыстау облысына`` → ``Маңғыстау облысы``,
    ``Ракушечное кен ошағын`` → ``Ракушечное кен ошағы``, ``Жекешелендіру жөніндегі ұлттық офистің`` →
    ``... ұлттық офис``; an organisation known under another spelling takes the gazetteer's
    (``Ұлттық банкінің`` → ``Ұлттық банк``). ``kind`` is ``person``, ``location`` or ``org``: people take no locative and
    only a patronymic takes ``-н``. ``lexicon(word)`` says whether a word is a known base form (default:
    the gazetteers and first names in ``data/``); ``known(word)`` whether it is seen uninflected in the
    same document; both are used to choose between possible stems. Whitespace inside the name is
    reduced to single spaces; the result is the name without its case ending."""
    if kind not in NAME_KINDS:
        raise ValueError(f"kind must be one of {NAME_KINDS}, not {kind!r}")
    parts = name.split()
    if not parts:
        return ""
    if lexicon is None:
        lexicon = default_lexicon()
    last = parts[-1]
    prefix = ""
    if "." in last[:-1]:  # initials written on to the surname: Ә.Исекешевтен, Қ.-Ж.Тоқаевқа
        cut = last.rindex(".") + 1
        prefix, last = last[:cut], last[cut:]
    if not last:
        return " ".join(parts)
    multiword = len(parts) > 1
    parts[-1] = prefix + word_base(last, kind, multiword, lexicon, known, is_head_word)
    out = " ".join(parts)
    if kind == "org":  # the name the gazetteer writes: Ұлттық банкі → Ұлттық банк
        out = _org_aliases().get(out.casefold(), out)
    return out


@lru_cache(maxsize=1)
def _org_aliases() -> Dict[str, str]:
    try:
        rows = load_table("gazetteer_orgs")
    except FileNotFoundError:
        return {}
    return {a.strip().casefold(): r["name"] for r in rows for a in r.get("aliases", "").split("|") if a.strip()}


@lru_cache(maxsize=1)
def _lexicon_words() -> FrozenSet[str]:
    """Words known to be base forms: every word of the gazetteers, first names, heads of names."""
    words = set()
    for table, cols in (("gazetteer_locations", ("name", "aliases")), ("gazetteer_orgs", ("name", "aliases")),
                        ("first_names", ("name",)), ("name_heads", ("head", "bare"))):
        try:
            rows = load_table(table)
        except FileNotFoundError:
            continue
        for r in rows:
            for col in cols:
                for value in r.get(col, "").split("|"):
                    for w in value.split():
                        words.add(w.casefold())
    return frozenset(words)


def default_lexicon() -> Lexicon:
    words = _lexicon_words()
    return lambda w: w.casefold() in words


@lru_cache(maxsize=1)
def _head_words() -> FrozenSet[str]:
    try:
        return frozenset(r["head"].split()[-1].casefold() for r in load_table("name_heads") if r["head"])
    except FileNotFoundError:
        return frozenset()


def is_head_word(word: str) -> bool:
    """Whether ``word`` is the possessive head of a name (``облысы``, ``ошағы``, ``әкімдігі``)."""
    return word.casefold() in _head_words()


# inflection -------------------------------------------------------------------------------------

CASES = ("genitive", "accusative", "dative", "locative", "locative_attr", "ablative", "instrumental")


def _stem_harmony(stem: str) -> str:
    """The harmony an ending takes after ``stem``: its last back/front vowel (и counts as front, у ю
    are skipped; so is a Russian surname suffix: Тоқаев-қа, Ахметов-тің)."""
    low = stem.lower()
    for suffix in _surname_harmony()["before"]:
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            low = low[: -len(suffix)]
            break
    for ch in reversed(low):
        if ch in BACK_VOWELS:
            return "back"
        if ch in FRONT_VOWELS or ch == "и":  # Путин-ге, Берлин-де, Мәди-ге
            return "front"
    return "back"


def inflect(word: str, case: str) -> str:
    """``word`` (nominative) in ``case``: ``inflect("Астана", "locative_attr")`` → ``Астанадағы``,
    ``inflect("Маңғыстау облысы", "dative")`` → ``Маңғыстау облысына``. A word in the 3rd-person
    possessive (a multi-word name's head: облысы, көшесі) takes the possessive variants; abbreviations
    and numbers take a hyphen (``АҚШ-тың``)."""
    if case not in CASES:
        raise ValueError(f"case must be one of {CASES}, not {case!r}")
    last = word.split()[-1]
    multi = len(word.split()) > 1
    poss3 = multi and last[-1:].lower() in ("ы", "і") and sound_classes(last[:-1]) not in (None, frozenset({"vowel"}))
    if is_head_word(last) and last[-1:].lower() in ("ы", "і"):
        poss3 = True
    want = _stem_harmony(last)
    classes = sound_classes(last)
    if classes is None:  # АҚШ, 136: by the sound of the last letter's name is beyond us; the back-vowel default
        hyphen = "-"
        classes = frozenset({"voiceless"}) if last[-1:].isupper() or last[-1:].isdigit() else frozenset({"vowel"})
    else:
        hyphen = ""
        if last[-1:].lower() in ("у", "и"):  # Атырау-дың: у and и end a stem as consonants
            classes = frozenset({"sonorant"})
    for e in _rows("case"):
        if e.case != case or e.harmony not in (want, "any"):
            continue
        if poss3:
            if "poss3" not in e.after:
                continue
        elif not (classes & e.after):
            continue
        return word + hyphen + e.ending
    raise ValueError(f"no {case} ending for {word!r}")  # pragma: no cover - the table covers every sound

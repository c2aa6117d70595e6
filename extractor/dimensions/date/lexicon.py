"""The date vocabulary, read from the tables in ``extractor/lang/kk/data`` and turned into regex pieces.

Nothing here knows a Kazakh word by heart: months, weekdays, ordinals, relative words, date parts and
the small grammar words (жыл, ай, бері, аралығында, ...) all come from the tables; endings come from the
morphology table through :func:`extractor.lang.kk.morph.ending_chain_pattern`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Tuple

import regex

from ...grammar import GAP, WORD_END, WORD_START
from ...lang.kk.morph import VOICING, ending_chain_pattern, ending_rows
from ...lang.kk.tables import load_table


def alternation(forms: Iterable[str]) -> str:
    """Regex alternation of ``forms``, longest first; a space inside a form matches any word gap."""
    uniq = sorted({f for f in forms if f}, key=len, reverse=True)
    return "(?:" + "|".join(GAP.join(regex.escape(p) for p in f.split(" ")) for f in uniq) + ")"


def key(text: str) -> str:
    """Lookup key of a matched word: lower case, any gap collapsed to one space."""
    return " ".join(text.lower().split())


@lru_cache(maxsize=64)
def endings_of(*cases: str) -> Tuple[str, ...]:
    """Endings of the given grammatical cases (``genitive``, ``ordinal``, ...), longest first."""
    found = {e.ending for e in ending_rows() if e.case in cases}
    return tuple(sorted(found, key=len, reverse=True))


def ends_with_case(word: str, *cases: str) -> bool:
    w = word.lower()
    return any(w.endswith(e) for e in endings_of(*cases))




def chain() -> str:
    """Any chain of Kazakh endings (possibly none): a call of the shared definition (see :func:`compile`)."""
    return "(?&kk_endings)"


def no_derivation(plural: bool = False) -> str:
    """Lookahead refusing -лық/-дық derivatives (жылдық, жылдығы, айлық) and ordinals, and the plural unless
    allowed."""
    return "(?!(?&kk_derived))" if plural else "(?!(?&kk_derived)|(?&kk_plural))"


@lru_cache(maxsize=1)
def definitions() -> str:
    """The ending patterns, defined once per compiled pattern and called by name: writing the long
    alternation of endings into every inflected word made compiling take seconds."""
    derived = set(endings_of("derivative", "ordinal"))
    derived |= {e[:-1] + VOICING[e[-1]] for e in derived if e[-1] in VOICING}
    return ("(?(DEFINE)(?P<kk_endings>%s)(?P<kk_derived>%s)(?P<kk_plural>%s))"
            % (ending_chain_pattern(), alternation(derived), alternation(endings_of("plural"))))


def compile(source: str) -> "regex.Pattern":
    """Compile a date pattern (case-insensitive) with the ending definitions it may call."""
    return regex.compile((definitions() if "(?&kk_" in source else "") + source, regex.IGNORECASE)


def inflected(stems: str, plural: bool = False) -> str:
    """Whole word: one of ``stems`` (a regex) with any endings, but no derivative (and no plural)."""
    return f"{WORD_START}(?:{stems}){no_derivation(plural)}{chain()}{WORD_END}"


def ordinal_suffix() -> str:
    """The ordinal endings written after digits: 2025-ші, 2017-нші, 3-тоқсан (the hyphen alone)."""
    return alternation(endings_of("ordinal"))


# ---------------------------------------------------------------------------------------------- tables
@dataclass(frozen=True)
class Month:
    number: int
    name: str
    ambiguous: bool
    alt_stem: str  # the stem before a vowel ending (қыркүйек -> қыркүйегі), "" when the same
    ordinal_day: bool  # may follow a day written as an ordinal (27-нші наурыз; not 2-нші маусым)


@lru_cache(maxsize=1)
def months() -> Tuple[Month, ...]:
    return tuple(Month(int(r["number"]), r["name"], r["ambiguous"] == "yes", r["alt_stem"], r["ordinal_day"] == "yes")
                 for r in load_table("months"))


@lru_cache(maxsize=1)
def month_by_stem() -> Dict[str, Month]:
    out = {}
    for m in months():
        out[m.name] = m
        if m.alt_stem:
            out[m.alt_stem] = m
    return out


def month_stems() -> str:
    """Regex for a month stem; an alternate stem only before a vowel (қыркүйегінде)."""
    alts = []
    for m in sorted(months(), key=lambda m: len(m.name), reverse=True):
        alts.append(regex.escape(m.name))
        if m.alt_stem:
            alts.append(regex.escape(m.alt_stem) + r"(?=[аеыіоөұүуэюя])")
    return "(?:" + "|".join(alts) + ")"


@lru_cache(maxsize=1)
def weekdays() -> Dict[str, int]:
    return {r["name"]: int(r["number"]) for r in load_table("weekdays")}


@lru_cache(maxsize=1)
def ordinals() -> Dict[str, int]:
    """Ordinal word or Roman numeral -> value; word keys are lower case, Roman ones as written."""
    out = {}
    for r in load_table("ordinals"):
        if r["kind"] in ("word", "roman"):
            out[r["form"].lower() if r["kind"] == "word" else r["form"]] = int(r["value"])
    return out


@lru_cache(maxsize=1)
def decade_ordinals() -> Dict[str, int]:
    """тоқсаныншы -> 90 (тоқсаныншы жылдары)."""
    return {f.lower(): v for f, v in _ordinal_rows("decade")}


def ordinal_words() -> str:
    return alternation(f for f, _ in _ordinal_rows("word"))


def roman_numerals() -> str:
    return alternation(f for f, _ in _ordinal_rows("roman"))


def _ordinal_rows(kind: str) -> List[Tuple[str, int]]:
    return [(r["form"], int(r["value"])) for r in load_table("ordinals") if r["kind"] == kind]


@dataclass(frozen=True)
class RelativeWord:
    phrase: str
    unit: str  # year | month | quarter | day
    offset: int
    inflected: bool
    # the attributive -ғы/-гі alone makes an adjective, no date (бүгінгі жастар), and the 3rd-person possessive
    # the noun 'the present' (өткені мен бүгінін); other endings are read
    adjective_no_date: bool = False


@lru_cache(maxsize=1)
def relative_words() -> Tuple[RelativeWord, ...]:
    return tuple(RelativeWord(r["phrase"], r["unit"], int(r["offset"]), r["inflected"] in ("yes", "noun"),
                              r["inflected"] == "noun")
                 for r in load_table("relative_dates"))


def relative_pattern(unit: str) -> str:
    """Regex for the relative words of one unit (their inflected last word takes endings)."""
    alts = []
    for w in sorted((w for w in relative_words() if w.unit == unit), key=lambda w: len(w.phrase), reverse=True):
        body = GAP.join(regex.escape(p) for p in w.phrase.split(" "))
        if w.inflected:
            if w.adjective_no_date:
                body += f"(?!{alternation(endings_of('relative'))}{WORD_END}|{alternation(endings_of('possessive3'))})"
            body += no_derivation() + chain()
        alts.append(body)
    return f"{WORD_START}(?:{'|'.join(alts)}){WORD_END}"


def relative_lookup(text: str, unit: str) -> RelativeWord:
    """The table row a matched relative phrase came from (the longest phrase that starts it)."""
    k = key(text)
    best = None
    for w in relative_words():
        if w.unit != unit:
            continue
        if k == w.phrase or (w.inflected and k.startswith(w.phrase)):
            if best is None or len(w.phrase) > len(best.phrase):
                best = w
    if best is None:  # pragma: no cover - the pattern only matches table phrases
        raise KeyError(text)
    return best


@lru_cache(maxsize=1)
def date_parts() -> Dict[str, str]:
    return {r["form"]: r["part"] for r in load_table("date_parts")}


def part_pattern(*parts: str) -> str:
    """Regex for the date-part words of the given kinds, with endings (басынан, жартысында, тоқсанымен)."""
    forms = [f for f, p in date_parts().items() if p in parts]
    return inflected(alternation(forms))


def part_of(text: str) -> str:
    """The part kind of a matched date-part word (the longest table form that starts it)."""
    k = key(text)
    best = max((f for f in date_parts() if k.startswith(f)), key=len)
    return date_parts()[best]


@lru_cache(maxsize=1)
def words_by_role() -> Dict[str, Tuple[str, ...]]:
    out: Dict[str, List[str]] = {}
    for r in load_table("date_words"):
        out.setdefault(r["role"], []).append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


def role(name: str) -> Tuple[str, ...]:
    return words_by_role().get(name, ())


def role_words(name: str) -> str:
    """Whole-word regex for the uninflected words of one role."""
    return WORD_START + alternation(role(name)) + WORD_END


@lru_cache(maxsize=1)
def small_numbers() -> Dict[str, int]:
    """Number words of one to ninety (for "осыдан бес жыл бұрын")."""
    return {r["word"]: int(r["value"]) for r in load_table("number_words") if r["kind"] in ("unit", "ten")}


@lru_cache(maxsize=1)
def ordinal_number() -> str:
    """An ordinal number in words (number_words.tsv): бірінші, жиырма бесінші, екі мың он сегізінші; the
    cardinal words before the last one stay uninflected, the ordinal stands bare (a day before its month,
    a year before жылы). Its value: :func:`..numeral.parse.ordinal_value`."""
    words = _ordinal_rows_of_numbers()
    card = alternation(w.word for w in words)
    ords = alternation(w.ordinal for w in words if w.ordinal)
    return rf"{WORD_START}(?:{card}{GAP}){{0,6}}{ords}{WORD_END}"


def _ordinal_rows_of_numbers():
    from ..numeral.lexicon import number_words
    return [w for w in number_words() if not w.abbr and w.kind in ("unit", "ten", "hundred", "scale")
            and w.value <= 1000]


def ordinal_number_starts() -> str:
    """The words an ordinal in words may begin with (every number word and every ordinal form)."""
    rows = _ordinal_rows_of_numbers()
    return alternation([w.word for w in rows] + [w.ordinal for w in rows if w.ordinal])


def year_word_starts() -> List[str]:
    """The words a year in words begins with (бір мың ..., екі мың ..., мың тоғыз жүз ...): the number words
    up to 2 and the scale word of a thousand."""
    return [w.word for w in _ordinal_rows_of_numbers() if w.value in (1, 2, 1000)]


@lru_cache(maxsize=1)
def ordinal_year() -> str:
    """A year as an ordinal in words: (бір|екі) мың ... -ншы, мың тоғыз жүз ... -ншы, екі мыңыншы. It
    begins with one of :func:`year_word_starts` (the rule's start positions)."""
    rows = _ordinal_rows_of_numbers()
    lead = alternation(w.word for w in rows if w.value in (1, 2))
    thousand = next(w for w in rows if w.value == 1000)
    card = alternation(w.word for w in rows if w.value < 1000)
    ords = alternation(w.ordinal for w in rows if w.ordinal and w.value < 1000)
    return (rf"{WORD_START}(?:{lead}{GAP})?(?:{regex.escape(thousand.word)}{GAP}(?:{card}{GAP}){{0,4}}{ords}"
            rf"|{regex.escape(thousand.ordinal)}){WORD_END}")


@lru_cache(maxsize=1)
def month_count_words() -> Dict[str, int]:
    """Counts of months in words, 1-12 (тоғыз → 9, он бір → 11): "биылғы тоғыз айда", the first N months."""
    rows = _ordinal_rows_of_numbers()
    units = {w.word: int(w.value) for w in rows if w.kind == "unit"}
    ten = next(w.word for w in rows if w.kind == "ten" and w.value == 10)
    out = dict(units)
    out[ten] = 10
    out.update({f"{ten} {u}": 10 + v for u, v in units.items() if v <= 2})
    return out


@lru_cache(maxsize=1)
def _day_number_words() -> Tuple[Tuple[str, int], ...]:
    """The number words a day of the month is made of (units, он, жиырма, отыз), longest first."""
    rows = [(w.word, int(w.value)) for w in _ordinal_rows_of_numbers()
            if w.kind == "unit" or (w.kind == "ten" and w.value <= 30)]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def day_words() -> str:
    """A day of the month as a number in words after a month in the genitive, its last word with endings
    (тамыздың он тоғызы, қаңтардың оны, сәуірдің жиырма тоғызына); the value: :func:`day_words_value`."""
    tens = alternation(w for w, v in _day_number_words() if v in (10, 20, 30))
    any_word = alternation(w for w, _ in _day_number_words())
    return rf"{WORD_START}(?:{tens}{GAP})?{any_word}{chain()}{WORD_END}"


def day_words_value(text: str) -> Optional[int]:
    """The day that :func:`day_words` matched (жиырма бесі → 25); None unless 1-31 with an ending on the last
    word (a bare "он" is no day)."""
    parts = text.lower().split()
    total = 0
    for k, part in enumerate(parts):
        stem = next(((w, v) for w, v in _day_number_words() if part.startswith(w)), None)
        if stem is None or (k < len(parts) - 1 and part != stem[0]):
            return None
        if k == len(parts) - 1 and part == stem[0]:
            return None
        total += stem[1]
    return total if 1 <= total <= 31 else None

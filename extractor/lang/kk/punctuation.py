"""Prefix, suffix and infix rules of the Kazakh tokenizer.

On top of spaCy's defaults:

* an initial glued to a surname is split off as one token: ``Ә.Исекешев`` → ``Ә.`` ``Исекешев``;
* an abbreviation glued to the next word is split off with its period: ``млрд.теңгені`` →
  ``млрд.`` ``теңгені`` (spaCy's URL matcher would take the whole thing for a web address);
* a period glued between two words is split: ``берді.Сонымен`` → ``берді`` ``.`` ``Сонымен``;
* ``%`` stays attached to its number when a case suffix follows (``50%-ға``, see ``TOKEN_MATCH``).
"""
import regex

from spacy.lang.char_classes import (
    CONCAT_QUOTES,
    HYPHENS,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    LIST_CURRENCY,
    PUNCT,
    UNITS,
    merge_chars,
)

from .char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from .tables import load_table


def _abbreviations(kind=None):
    rows = load_table("abbreviations")
    return [r["abbr"] for r in rows if r["abbr"].endswith(".") and (kind is None or r["kind"] == kind)]


def _glued_abbreviation_prefix():
    forms = set()
    for a in _abbreviations():
        forms.update({a, a.capitalize(), a.upper()})
    alts = "|".join(regex.escape(a) for a in sorted(forms, key=len, reverse=True))
    return r"(?:%s)(?=[%s])" % (alts, ALPHA)


TOKENIZER_PREFIXES = (
    [r"[%s]\.(?=[%s][%s])" % (ALPHA_UPPER, ALPHA_UPPER, ALPHA_LOWER),  # initial: Ә.Исекешев
     _glued_abbreviation_prefix(),  # млрд.теңгені
     "§", "%", "=", "—", "–", r"\+(?![0-9])"]
    + LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_CURRENCY
    + LIST_ICONS
)

TOKENIZER_SUFFIXES = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + [
        "'s", "'S", "—", "–",
        r"(?<=[0-9])\+",
        r"(?<=°[FfCcKk])\.",
        r"(?<=[0-9])(?:{c})".format(c=merge_chars(" ".join(LIST_CURRENCY))),
        r"(?<=[0-9])(?:{u})".format(u=UNITS),
        r"(?<=[0-9{al}{e}{p}(?:{q})])\.".format(al=ALPHA_LOWER, e=r"%²\-\+", q=CONCAT_QUOTES, p=PUNCT),
        r"(?<=[{au}][{au}])\.".format(au=ALPHA_UPPER),
    ]
)

_hyphens_no_dash = HYPHENS.replace("-", "").strip("|").replace("||", "")

TOKENIZER_INFIXES = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        r"(?<=[0-9])[+\*^](?=[0-9-])",
        r"(?<=[{a}]{{2}})\.(?=[{a}])".format(a=ALPHA),  # берді.Сонымен
        r"(?<=[{a}]),(?=[{a}])".format(a=ALPHA),
        r"(?<=[0-9]),(?=[{a}])".format(a=ALPHA),  # 5,деді
        r"(?<=[{a}0-9])[:<>=/](?=[{a}])".format(a=ALPHA),
        r"(?<=[{a}])(?:{h})(?=[{a}])".format(a=ALPHA, h=_hyphens_no_dash),
        r"(?<=[{a}{q}])[?\";:=,.]*(?:{h})(?=[{a}])".format(a=ALPHA, q=CONCAT_QUOTES, h=r"--|---|—|–"),
        r"(?<=[{a}0-9])[(\[{{](?=[{a}0-9])".format(a=ALPHA),
        r"(?<=[{a}0-9])[)\]}}](?=[{a}0-9])".format(a=ALPHA),
    ]
)

# A number with a hyphenated case suffix is one token: 1000-нан, 50%-ға, 2-ші, 8-ін, 2025-ші, 90-жылдары
# stays two (a word after the hyphen is not a suffix: at most 5 lower-case letters).
NUMBER_WITH_SUFFIX = regex.compile(
    r"^[+-]?[0-9]+(?:[.,][0-9]+)?%%?-[%s]{1,5}$" % ALPHA_LOWER
)
# Roman numerals with a suffix (III-тоқсан is two words, but XXI-ғасыр ... stays split; II-ші is one token)
ROMAN_WITH_SUFFIX = regex.compile(r"^[IVXLC]+-[%s]{1,4}$" % ALPHA_LOWER)


def token_match(text: str):
    # spaCy asks this of every piece of every word: both patterns need a hyphen, most words have none
    if "-" not in text:
        return None
    return NUMBER_WITH_SUFFIX.match(text) or ROMAN_WITH_SUFFIX.match(text)


# Web addresses need a scheme, "www." or a known top-level domain after a Latin host name:
# "inform.kz" is one, "млрд.теңгені" is not.
URL_PATTERN = regex.compile(
    r"^(?:(?:https?|ftp)://\S+"
    r"|www\.\S+"
    r"|[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:kz|қаз|ru|com|org|net|info|gov|edu|io|uz|kg|tj|tm|cn|tr|uk|de|fr|us|me|tv|news|media|online|site)(?:/\S*)?)$",
    regex.IGNORECASE,
)


def url_match(text: str):
    # every address the pattern takes has a "." or a "://": skip the regex for the other words
    if "." not in text and ":" not in text:
        return None
    return URL_PATTERN.match(text)

"""Lexical attributes: ``like_num`` knows Kazakh number words and news number formats."""
import regex
from spacy.attrs import LIKE_NUM

from .morph import suffix_pattern
from .tables import column

_DIGITS = regex.compile(
    r"^[+-]?(?:[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:[.,][0-9]+)?%?(?:-\p{Ll}{1,5})?$"
)
_WORDS = regex.compile(
    r"^(?:%s)$" % "|".join(suffix_pattern(w) for w in sorted(set(column("number_words", "word")), key=len, reverse=True)),
    regex.IGNORECASE,
)


def like_num(text: str) -> bool:
    return bool(_DIGITS.match(text) or _WORDS.match(text))


LEX_ATTRS = {LIKE_NUM: like_num}

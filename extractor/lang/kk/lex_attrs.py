"""Lexical attributes: ``like_num`` knows Kazakh number words and news number formats."""
import regex
from spacy.attrs import LIKE_NUM

from . import numbers as N
from .morph import ending_chain_pattern
from .tables import column

_DIGITS = regex.compile(rf"^{N.SIGN}(?:{N.grouped()}|[0-9]+)(?:{N.DECIMAL})?{N.TOKEN_TAIL}$")
# a number word and any chain of endings; the chain is written once after the alternation of words (the
# same language as one "word + chain" branch per word, which took half a second to compile at start-up)
_WORDS = regex.compile(
    r"^(?:%s)%s$" % ("|".join(regex.escape(w) for w in sorted(set(column("number_words", "word")), key=len, reverse=True)),
                     ending_chain_pattern()),
    regex.IGNORECASE,
)


def like_num(text: str) -> bool:
    return bool(_DIGITS.match(text) or _WORDS.match(text))


LEX_ATTRS = {LIKE_NUM: like_num}

"""Tokenizer exceptions: abbreviations with periods stay one token (``млрд.``, ``жж.``, ``т.б.``)."""
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

from .tables import load_table


def _build():
    exc = {}
    for row in load_table("abbreviations"):
        abbr, norm = row["abbr"], row["norm"]
        for orth in {abbr, abbr.capitalize(), abbr.upper()}:
            exc[orth] = [{ORTH: orth, NORM: norm}]
    return _without_single_signs(update_exc(BASE_EXCEPTIONS, exc))


def _without_single_signs(exc):
    """Drop spaCy's exceptions for one sign that set nothing but the sign (``\\n``, ``" "``, ``—``, ``'``):
    one character is one token whatever the rules, so they change no token, but using any exception
    stops spaCy's tokenizer from caching the chunks after it in the same text (its ``has_special`` flag
    is kept for the whole text), and a line break comes in every news text: the rest of the text was
    split with the affix regexes again at every document."""
    return {k: v for k, v in exc.items() if not (len(k) == 1 and v == [{ORTH: k}])}


TOKENIZER_EXCEPTIONS = _build()

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
    return update_exc(BASE_EXCEPTIONS, exc)


TOKENIZER_EXCEPTIONS = _build()

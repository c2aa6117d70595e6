"""Kazakh (``kk``) for spaCy: ``spacy.blank("kk")`` once kazextract is installed.

Laid out like the languages spaCy ships (``spacy/lang/*``): punctuation rules, tokenizer
exceptions, lexical attributes and stop words, plus a tokenizer that normalises scraped news text
and a rule-based sentence splitter (the ``kk_sentencizer`` component).
"""
from spacy.language import BaseDefaults, Language
from spacy.util import load_config_from_str, registry

from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES, token_match, url_match
from .stop_words import STOP_WORDS
from .tokenizer import KazakhTokenizer, create_kazakh_tokenizer  # noqa: F401 - registers the tokenizer
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS
from . import sentencizer  # noqa: F401 - registers the kk_sentencizer factory
from . import stemmer  # noqa: F401 - registers the kk_stemmer factory

DEFAULT_CONFIG = """
[nlp]

[nlp.tokenizer]
@tokenizers = "kazextract.KazakhTokenizer.v1"
normalize = true
"""


class KazakhDefaults(BaseDefaults):
    config = load_config_from_str(DEFAULT_CONFIG)
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    token_match = token_match
    url_match = url_match
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


def _register():
    """Make ``spacy.blank("kk")`` work even when the package is used without being installed."""
    if "kk" not in registry.languages.get_all():
        registry.languages.register("kk", func=Kazakh)


_register()

__all__ = ["Kazakh", "KazakhTokenizer"]

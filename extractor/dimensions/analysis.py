"""One analysis of a document for every value and date recogniser: its tokens and one candidate index.

Before, each value recogniser (money, percent, quantity, jobs) grouped the tokens of the text by form
and looked every form up in its own unit lexicon, and looked again for the tokens a number may start at.
Here one pass over the value tokens (:mod:`.tokens`: ``3 634`` is one number, ``1000-нан`` is ``1000``
``-`` ``нан``) looks each token's form up ONCE in a per-form table that says everything the recognisers
ask of a form: which trigger sets it may start (the unit words of each dimension, the head-count words of
jobs, the start words of the date rules, ... registered with :func:`register_triggers`) and whether it is
a number word. The result, :class:`TextAnalysis`, is computed once per document and kept on the spaCy
``Doc`` (``doc._.kx_values``, :func:`analysis_of`); each recogniser then looks only at the positions of
its own triggers.

The value tokens come from the spaCy Doc's word split, not a second one: :func:`analysis_of` reads them
off the Doc's tokens (:func:`.doc_tokens.value_tokens`: each Doc token's form split once per distinct
form, placed at ``token.idx``). They are finer than the Doc's tokens where the recognisers' rules need it
(``1000-нан``, ``50%-ға`` and ``ЖШС-нің`` are one Doc token each, for the names layer and the NER model,
and two or three value tokens: a glued ending is its own token) and equal to the value pattern's
:func:`.tokens.tokenize` over the text, so their offsets are character offsets of ``doc_text(doc)``.
A text analysed without its Doc (:func:`analyse`) is split by that pattern.

What a form may start is worked out once per form and kept in the shared form table
(:mod:`extractor.lang.kk.forms`: :attr:`~extractor.lang.kk.forms.Form.values`, beside the names layer's and
the facts' answers for the same form). That table is bounded (a worker reads millions of documents);
registering a trigger set forgets every form's answer (forms seen before did not know the set).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Dict, List, Optional, Set, Tuple

import regex
from spacy.tokens import Doc

from ..lang.kk import forms as _forms
from ..lang.kk.tokenizer import doc_text
from .doc_tokens import value_tokens
from .numeral.parse import word_value
from .tokens import Tok, is_ending_chain, tokenize

if TYPE_CHECKING:
    from .numeral.lexicon import NumberWord
    from .phrases import PhraseLexicon

if not Doc.has_extension("kx_values"):
    Doc.set_extension("kx_values", default=None)

# name → test(low, is_word): may a token of this form start a match of that trigger set
TriggerTest = Callable[[str, bool], bool]
_TESTS: Dict[str, TriggerTest] = {}
_NAMES: Tuple[str, ...] = ()
# the phrase lexicons' first words, merged into one lookup (:class:`_PhraseTable`)
_LEXICONS: Dict[str, "PhraseLexicon"] = {}
# word patterns (matched at the start of a word): name → pattern, tried together first
_PATTERNS: Dict[str, "regex.Pattern"] = {}


class FormInfo:
    """What the recognisers need to know of one form (lower case, not a ``num`` token): the trigger sets it
    may start, and the number word it is (``мыңнан`` → мың: its value and kind), if any."""

    __slots__ = ("triggers", "number", "number_word")

    def __init__(self, triggers: Tuple[str, ...], number: Optional["NumberWord"]):
        self.triggers = triggers
        self.number = number
        self.number_word = number is not None


# one FormInfo per distinct answer (most forms share the empty one): the form table holds shared objects
_INFOS: Dict[Tuple[Tuple[str, ...], Optional["NumberWord"]], FormInfo] = {}
# how often a form was analysed (the per-form table missed): read by the tests
stats = {"forms": 0, "texts": 0}


class _PhraseTable:
    """The first words of every registered phrase lexicon in one table: a word form is looked up once
    for all dimensions (the same answer as each lexicon's :meth:`~.phrases.PhraseLexicon.candidates_of`)."""

    def __init__(self, lexicons: Dict[str, "PhraseLexicon"]):
        self.exact: Dict[str, Set[str]] = {}
        self.inflected: Dict[str, Set[str]] = {}
        for name, lex in lexicons.items():
            exact, inflected = lex.first_words()
            for key in exact:
                self.exact.setdefault(key, set()).add(name)
            for key in inflected:
                self.inflected.setdefault(key, set()).add(name)
        self.longest = max((len(k) for k in self.inflected), default=0)

    def names(self, low: str, is_word: bool) -> Set[str]:
        out = set(self.exact.get(low, ()))
        if not is_word:
            out.update(self.inflected.get(low, ()))
        else:
            get = self.inflected.get
            for n in range(1, min(len(low), self.longest) + 1):
                got = get(low[:n])
                if got and not got <= out and is_ending_chain(low[n:]):
                    out.update(got)
        return out


_TABLE: Optional[_PhraseTable] = None
_UNION: Optional[list] = None


def _changed() -> None:
    global _NAMES, _TABLE, _UNION
    _NAMES = tuple(_LEXICONS) + tuple(_PATTERNS) + tuple(_TESTS)
    _TABLE = _UNION = None
    _forms.forget("values")


def register_triggers(name: str, test: TriggerTest) -> None:
    """Add a trigger set: ``test(low, is_word)`` says whether a token of that form may start a match.
    Every form's answer is forgotten (forms seen before did not know this set)."""
    if _TESTS.get(name) == test:
        return
    _TESTS[name] = test
    _changed()


def register_phrases(name: str, lexicon: "PhraseLexicon") -> None:
    """Add a trigger set: the words a phrase of ``lexicon`` may start with (its first word, inflected
    when the phrase inflects)."""
    if _LEXICONS.get(name) is lexicon:
        return
    _LEXICONS[name] = lexicon
    _changed()


def register_word_pattern(name: str, pattern: "regex.Pattern") -> None:
    """Add a trigger set: the words ``pattern`` matches at the start of (the word alone, lower case)."""
    if _PATTERNS.get(name) is pattern:
        return
    _PATTERNS[name] = pattern
    _changed()


def _form_info(low: str, is_word: bool) -> FormInfo:
    """What a form may start, worked out now and kept on its entry of the form table."""
    global _TABLE, _UNION
    stats["forms"] += 1
    if _TABLE is None:
        _TABLE = _PhraseTable(_LEXICONS)
    found = _TABLE.names(low, is_word) if _LEXICONS else set()
    if is_word and _PATTERNS:
        if _UNION is None:
            _UNION = _unions(_PATTERNS)
        for union, members in _UNION:
            if union.match(low) is not None:
                found.update(n for n, p in members if p.match(low) is not None)
    for n, test in _TESTS.items():
        if test(low, is_word):
            found.add(n)
    key = (tuple(n for n in _NAMES if n in found), word_value(low) if is_word else None)
    info = _INFOS.get(key)
    if info is None:
        info = _INFOS[key] = FormInfo(*key)
    _forms.form_of(low).values = info
    return info


def _unions(patterns: Dict[str, "regex.Pattern"]):
    """The word patterns grouped by their flags, each group with one pattern of all its members: a form
    that none of a group matches is not tried against each of them."""
    groups: Dict[int, List[Tuple[str, "regex.Pattern"]]] = {}
    for name, p in patterns.items():
        groups.setdefault(p.flags, []).append((name, p))
    return [(regex.compile("|".join(f"(?:{p.pattern})" for _, p in members), flags), members)
            for flags, members in groups.items()]


def _test_of(name: str) -> TriggerTest:
    if name in _LEXICONS:
        return _LEXICONS[name].trigger_test
    if name in _PATTERNS:
        p = _PATTERNS[name]
        return lambda low, is_word: is_word and p.match(low) is not None
    return _TESTS[name]


class TextAnalysis:
    """The value tokens of a text, where a number may start, and where each trigger set's forms stand."""

    __slots__ = ("text", "toks", "number_starts", "_triggers")

    def __init__(self, text: str, toks: Tuple[Tok, ...], number_starts: Tuple[int, ...],
                 triggers: Dict[str, List[int]]):
        self.text = text
        self.toks = toks
        self.number_starts = number_starts
        self._triggers = triggers

    def triggers(self, name: str) -> List[int]:
        """Token indices (ascending) whose form may start a match of trigger set ``name``."""
        got = self._triggers.get(name)
        if got is None:  # a set registered after this text was analysed
            test = _test_of(name)
            got = self._triggers[name] = [k for k, t in enumerate(self.toks)
                                          if t.kind != "num" and test(t.low, t.kind == "word")]
        return got


def analyse(text: str, toks: Optional[Tuple[Tok, ...]] = None) -> TextAnalysis:
    """Analyse ``text`` (prefer :func:`analysis_of` for a ``Doc``: it keeps the result, and reads the
    value tokens off the doc's tokens); ``toks``: its value tokens when known, else :func:`.tokens.tokenize`."""
    stats["texts"] += 1
    if toks is None:
        toks = tokenize(text)
    starts: List[int] = []
    index: Dict[str, List[int]] = {n: [] for n in _NAMES}
    table, n = _forms.TABLE, len(toks)
    for k, t in enumerate(toks):
        kind = t.kind
        if kind == "num":
            starts.append(k)
            continue
        try:
            info = table[t.low].values
        except KeyError:
            info = None
        if info is None:
            info = _form_info(t.low, kind == "word")
        if info.number_word:
            starts.append(k)
        elif kind == "punct" and t.text == "-" and k + 1 < n and toks[k + 1].kind == "num" and toks[k + 1].glued:
            starts.append(k)  # a minus glued to a number
        for name in info.triggers:
            index[name].append(k)
    return TextAnalysis(text, toks, tuple(starts), index)


def analysis_of(doc: Doc) -> TextAnalysis:
    """The analysis of ``doc``'s text, computed on the first call and kept on the doc."""
    got = doc._.kx_values
    if got is None:
        text = doc_text(doc)
        got = analyse(text, value_tokens(doc, text))
        doc._.kx_values = got
    return got


def analysis_for(text: str, doc: Optional[Doc] = None) -> TextAnalysis:
    """The analysis a recogniser reads: the doc's (when ``text`` is its text), else ``text`` analysed now."""
    if doc is not None:
        got = analysis_of(doc)
        if got.text is text or got.text == text:
            return got
    return analyse(text)

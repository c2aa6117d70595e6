"""One analysis per word form, shared by every layer: the value recognisers, the names layer and the facts.

A *form* is a string written without whitespace as the text has it: a token of the spaCy ``Doc``
(``Алматыда``, ``1000-нан``), a value token's lower-case form (``нан``), a names word case-folded
(``алматыда``) or a whitespace-free run of tokens (``«ҚазАзот»,``). Each distinct form gets ONE
:class:`Form` in one bounded table (:func:`form_of`), and everything any layer asks of it is computed the
first time it is asked and kept there:

* :attr:`Form.lower`, :attr:`Form.casefold`: the case-free forms (the key of most questions below);
* :attr:`Form.stem`: the names layer's lemma, :func:`~.morph.strip_endings` of the case-folded form
  (``облысының`` → ``облыс``; the names' :attr:`~extractor.names.text.Word.stem`);
* :attr:`Form.cases`: the case endings the form may carry (:func:`~.morph.parses` with a case, or the
  case of a hyphenated ending, ``ЖШС-ның``), which :func:`extractor.facts.morph_case.word_case` reads;
* the slots the layers fill with their own reading of the form, computed by their own code once per form:
  :attr:`Form.split` (its value tokens, :func:`extractor.dimensions.doc_tokens.value_tokens`),
  :attr:`Form.values` (the value triggers it may start and the number word it is, with its numeral
  value and kind: :class:`extractor.dimensions.analysis.FormInfo`), :attr:`Form.words` (the names words of a
  whitespace-free run, :func:`extractor.names.doc_words.chunk_words`) and :attr:`Form.facts` (the facts
  grammar's cue words, status markers and link role, :mod:`extractor.facts.lexicon`).

Every answer is a function of the form string alone, so one entry serves every layer that asks with
that string. A token carries its form as ``token._.kx_form`` (a getter reading this table); the answers
asked of lower-case forms (value triggers, number word, facts) sit on ``token._.kx_form.lowered``.

Not here, on purpose: the ``lemma_`` that ``kk_stemmer`` puts on tokens. It is a cruder stem
(``алматыда`` → ``алмат`` where :attr:`Form.stem` is ``алматы``) that the trained NER model reads as a
feature, with the ending list the model was trained with; one cannot stand for the other without changing
the model's input or the rules' answers.

The table is bounded (:data:`TABLE_SIZE`, the word-cache budget of
:data:`extractor.batch.memory.WORD_CACHE_MAX`): a worker reads millions of documents, so when it is full
the older half is dropped (those forms are simply analysed again when met).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Tuple

from spacy.tokens import Token

from .morph import ending_rows, hyphen_base, parses, strip_endings

# forms kept (a worker's memory stays flat over millions of documents)
TABLE_SIZE = 16_384

# how many forms were analysed (a miss of the table): read by the tests
stats = {"forms": 0}

_NOT_YET = object()  # a lazily computed answer not asked yet


class Form:
    """Everything the layers ask of one form, each answer computed on first use (see the module)."""

    __slots__ = ("text", "split", "values", "words", "facts", "_stem", "_cases")

    def __init__(self, text: str):
        self.text = text
        self.split = None  # the value tokens of the form (doc_tokens)
        self.values = None  # the value triggers and number word of a lower-case form (analysis)
        self.words = None  # the names words of a whitespace-free run (names.doc_words)
        self.facts = None  # the facts grammar's reading of a lower-case word (facts.lexicon)
        self._stem = None
        self._cases = _NOT_YET

    def __repr__(self) -> str:
        return f"Form({self.text!r})"

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def casefold(self) -> str:
        return self.text.casefold()

    @property
    def lowered(self) -> "Form":
        """The entry of the lower-case form (this one when the form is in lower case): the value triggers and
        the facts' reading are asked of lower-case forms (``token._.kx_form.lowered.values``)."""
        low = self.text.lower()
        return self if low == self.text else form_of(low)

    @property
    def stem(self) -> str:
        """The lemma of the case-folded form (:func:`~.morph.strip_endings`): the names layer's stem."""
        got = self._stem
        if got is None:
            got = self._stem = strip_endings(self.text.casefold())
        return got

    @property
    def cases(self) -> Tuple:
        """The case readings of the form: ``("tail", case_name)`` when a hyphen sets off the ending
        (``ЖШС-ның``: the tail's longest case ending; ``()`` for none), else the
        :class:`~.morph.Parse`\\ s of the form that carry a case."""
        got = self._cases
        if got is _NOT_YET:
            got = self._cases = _case_readings(self.text)
        return got


TABLE: Dict[str, Form] = {}  # form → its Form


def form_of(text: str) -> Form:
    """The :class:`Form` of ``text``, added to the table when new."""
    f = TABLE.get(text)
    if f is None:
        f = _add(text)
    return f


def _add(text: str) -> Form:
    stats["forms"] += 1
    if len(TABLE) >= TABLE_SIZE:
        _drop_older_half()
    f = TABLE[text] = Form(text)
    return f


def _drop_older_half() -> None:
    keep = list(TABLE.items())[len(TABLE) // 2 + 1:]  # the newest (dicts keep insertion order)
    TABLE.clear()
    TABLE.update(keep)


# the table's own look-up, for the layers' loops over many tokens: ``table_get(form) or form_of(form)``, or
# ``TABLE[form].slot`` with ``KeyError`` caught (the table is cleared in place, never replaced)
table_get = TABLE.get


def size() -> int:
    """How many forms the table holds."""
    return len(TABLE)


def clear() -> None:
    """Forget every form (the tests; a layer whose tables changed uses :func:`forget`)."""
    TABLE.clear()


def forget(slot: str) -> None:
    """Forget one layer's answers for every form (its tables changed: a trigger set was registered)."""
    for f in TABLE.values():
        setattr(f, slot, None)


@lru_cache(maxsize=1)
def _case_endings() -> Tuple[Tuple[str, str], ...]:
    """The case endings, longest first (a hyphenated tail's case)."""
    return tuple(sorted(((e.ending, e.case) for e in ending_rows() if e.use == "case"), key=lambda x: -len(x[0])))


def _case_readings(word: str) -> Tuple:
    hb = hyphen_base(word)
    if hb is not None:
        tail = word[len(hb) + 1:].lower()
        for ending, case in _case_endings():
            if tail.endswith(ending):
                return ("tail", case)
        return ()
    return tuple(p for p in parses(word) if p.case)


def _token_form(token: Token) -> Form:
    return form_of(token.text)


if not Token.has_extension("kx_form"):
    Token.set_extension("kx_form", getter=_token_form)


__all__ = ["Form", "TABLE_SIZE", "clear", "forget", "form_of", "size", "table_get"]

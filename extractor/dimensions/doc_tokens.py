"""The value tokens of a spaCy ``Doc``, read off its own tokens: the value recognisers split no text again.

The value recognisers read :class:`~.tokens.Tok` tokens (:mod:`.tokens`: a ``num`` is a number as news
writes it, ``60 435,9``; ``1000-нан`` is ``1000`` ``-`` ``нан``, glued). Here they are not found by a
second pass over the text: each Doc token's form is split into value tokens once per distinct form (kept in
the shared form table, :attr:`extractor.lang.kk.forms.Form.split`), and the pieces are placed at the token's offset
(``token.idx``). The kk tokenizer already keeps ``60 435,9``, ``1000-нан``, ``50%-ға``, ``12.03.2018``
and ``млрд.`` whole, so a form's pieces are those of the text around it except where two Doc tokens
meet in a way the value split reads across:

* glued letters (``сөз`` + ``тің``) make one word, glued digits (``12`` + ``5``) one number;
* a digit glued to ``.`` or ``,`` (``5`` + ``,6``, ``2.`` + ``5``): a number's decimal part, and the
  ``num`` pattern's look-behind ``(?<![0-9.,])`` and look-ahead ``(?![.,]?[0-9])``;
* digits on both sides of one space (``2015`` ␣ ``634`` when the tokenizer did not merge them, or a space
  that is a token of its own): space-grouped thousands.

Nothing else can be: no value token holds a space except a grouped number, a sign is a token alone, and
the pattern looks one character behind and at most two ahead. Where a boundary may be read across
(:data:`_GLUED_RISK`, :data:`_SPACED_RISK`), the tokens on both sides form one stretch and the value
pattern runs over that stretch of the text only (one pass however long the stretch: a text of numbers
separated by spaces stays linear). The result is exactly
``tokenize(doc_text(doc))`` (:func:`.tokens.tokenize` stays the definition and the tests' oracle:
``tests/test_value_tokens_from_doc.py`` checks generated texts and the whole corpus).
"""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc

from ..lang.kk import forms as _forms
from .tokens import _TOKEN, Tok, read_tokens, tokenize

# classes of a form's first and last character, as far as the value split can read across a boundary
_WORD, _DIGIT, _POINT, _SPACE, _OTHER = range(5)
_WORDISH = regex.compile(r"[\p{L}\p{M}]")


def _class(c: str) -> int:
    if "0" <= c <= "9":
        return _DIGIT
    if c == "." or c == ",":
        return _POINT
    if c == " ":
        return _SPACE
    if c.isalpha() or _WORDISH.match(c) is not None:  # (isalpha: a letter, the common case, at once)
        return _WORD
    return _OTHER


# (class of the last character before a boundary, of the first after it) → may a value token or a
# look-around of the ``num`` pattern reach across it, the two tokens glued (nothing between them)
_GLUED_RISK = frozenset({
    (_WORD, _WORD),  # one word
    (_DIGIT, _DIGIT), (_DIGIT, _POINT), (_POINT, _DIGIT),  # one number, or its look-behind / look-ahead
    (_DIGIT, _SPACE), (_SPACE, _DIGIT),  # a space token between groups of digits (``3`` ␣ ``634``)
})
# with a space between the tokens, only digits on both sides may be read across (grouped thousands)
_SPACED_RISK = frozenset({(_DIGIT, _DIGIT)})
# the same as one flat table: index ``before + after``, where ``before`` is the last character's class
# times 5, plus 25 when a space follows the token (see :data:`_Split`)
_RISK = tuple(k < 50 and ((k % 25) // 5, k % 5) in (_SPACED_RISK if k >= 25 else _GLUED_RISK)
              for k in range(55))
_START = 50  # before the first token (a row of _RISK that is all False)

# one form, flat: its first piece's kind (None: no piece), start, end, text and lower case (offsets within the
# form; whether it is glued and the line breaks before it depend on its place in the text), the other pieces
# ``(kind, start, end, text, low, glued, newlines)``, the class of its first character, the row of
# :data:`_RISK` after it when no space follows and when one does, and how many pieces it has
_Split = Tuple[Optional[str], int, int, str, str, Tuple[tuple, ...], int, int, int, int]


# how many forms were split (the form table missed): read by the tests
stats = {"splits": 0}


def _split(form: str) -> _Split:
    """Split ``form`` and keep the result on its entry of the form table."""
    got = _forms.form_of(form).split = _split_now(form)
    return got


def _split_now(form: str) -> _Split:
    stats["splits"] += 1
    # the common forms without the pattern: letters only (one word; ``isalpha`` is the pattern's \p{L}, and
    # a form with a mark or another sign goes to the pattern), ASCII digits only (one number)
    if form.isalpha():
        return "word", 0, len(form), form, form.lower(), (), _WORD, 5 * _WORD, 5 * _WORD + 25, 1
    if form.isdigit() and form.isascii():
        return "num", 0, len(form), form, form, (), _DIGIT, 5 * _DIGIT, 5 * _DIGIT + 25, 1
    pieces = []
    prev_end = -1
    for m in _TOKEN.finditer(form):
        s, e = m.span()
        t = m.group()
        glued = s == prev_end
        pieces.append((m.lastgroup, s, e, t, t.lower(), glued,
                       0 if glued or prev_end < 0 else form.count("\n", prev_end, s)))
        prev_end = e
    first = pieces[0][:5] if pieces else (None, 0, 0, "", "")
    last = 5 * _class(form[-1])
    return (*first, tuple(pieces[1:]), _class(form[0]), last, last + 25, len(pieces))


def value_tokens(doc: Doc, text: str) -> Tuple[Tok, ...]:
    """The value tokens of ``text``, the text of ``doc`` (``doc_text(doc)``), from the doc's tokens."""
    if not len(doc):
        return tokenize(text)
    # three flat lists (a list of rows would be one more object per token for the garbage collector)
    starts, lengths, spaces = doc.to_array([IDX, LENGTH, SPACY]).T.tolist()
    if starts[-1] + lengths[-1] + spaces[-1] != len(text):  # not this doc's text: read it with the pattern
        return tokenize(text)
    table, risk, count = _forms.TABLE, _RISK, text.count
    out: List[Tok] = []
    append, new = out.append, tuple.__new__
    prev_end = 0  # the end of the last value token
    before = _START  # the row of _RISK after the last Doc token
    open_at = -1  # start of a stretch read with the pattern (tokens whose boundaries it may cross)
    pieces = 0  # how many value tokens the last Doc token gave
    last_idx = last_length = 0
    for idx, length, space in zip(starts, lengths, spaces):
        form = text[idx:idx + length]
        if form.isdigit() and form.isascii():  # one number: no need to keep every number form in the table
            got = ("num", 0, length, form, form, (), _DIGIT, 5 * _DIGIT, 5 * _DIGIT + 25, 1)
        else:
            try:
                got = table[form].split
            except KeyError:
                got = None
            if got is None:
                got = _split(form)
        kind, s, e, t, low, rest, cls, after, after_space, n = got
        if risk[before + cls]:
            if open_at < 0:  # the last token's pieces are read again with this one
                if pieces:
                    del out[-pieces:]
                    prev_end = out[-1][3] if out else 0
                open_at = last_idx
        else:
            if open_at >= 0:
                prev_end = read_tokens(text, open_at, last_idx + last_length, prev_end, append)
                open_at = -1
            if kind is not None:
                s += idx
                if s == prev_end:
                    glued, nl = prev_end > 0, 0
                else:
                    glued, nl = False, count("\n", prev_end, s)
                prev_end = e + idx
                append(new(Tok, (kind, t, s, prev_end, low, glued, nl)))
                if rest:
                    for kind, s, e, t, low, glued, nl in rest:
                        prev_end = e + idx
                        append(new(Tok, (kind, t, s + idx, prev_end, low, glued, nl)))
        before = after_space if space else after
        pieces, last_idx, last_length = n, idx, length
    if open_at >= 0:
        read_tokens(text, open_at, last_idx + last_length, prev_end, append)
    return tuple(out)

"""Numbers of Kazakh news text, read exactly (:class:`~decimal.Decimal`).

Shared by the value recognisers (money, percent, quantity, jobs) and by dates:

* :func:`read_number` / :func:`read_range`: the amount (``5,6 млрд``, ``үш жарым миллион``, ``1000-нан``)
  or range (``5-7 млрд``) starting at a token of :func:`..tokens.tokenize` (:mod:`.reader`);
* :func:`parse_amount` / :func:`parse_number`: the value of a text that is one amount;
  :func:`ordinal_value` for ``5-ші`` / ``бесінші`` (:mod:`.parse`);
* :func:`find_numbers`: every cardinal amount in a text with its span; :func:`number_starts`: the token
  indices where one may start (computed once per text and shared);
* :func:`to_words`: a number in Kazakh words, :func:`with_ending` a case ending for it (:mod:`.words`).

Numbers are no record type of their own: :func:`find` gives none.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import List

from ..tokens import tokenize
from .parse import Amount, digits_value, ordinal_value, word_value
from .reader import NumRead, RangeRead, number_starts, parse_amount, parse_number, read_number, read_range
from .words import integer_words, to_words, with_ending


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: Decimal


def find_numbers(text: str) -> List[Number]:
    """Every cardinal amount written in ``text`` (digits, words, with scales and endings), in order."""
    toks = tokenize(text)
    out, i = [], 0
    while i < len(toks):
        rng = read_range(toks, i)
        if rng is not None:  # both ends: 5-7 млрд → 5 000 000 000 and 7 000 000 000
            dash = next(k for k in range(i, rng.end) if toks[k].text == "-" and k > i)
            for (a, b), v in (((i, dash), rng.low), ((dash + 1, rng.end), rng.high)):
                s, e = toks[a].start, toks[b - 1].end
                out.append(Number(s, e, text[s:e], v))
            i = rng.end
            continue
        r = read_number(toks, i)
        if r is None:
            i += 1
            continue
        s, e = toks[r.start].start, toks[r.end - 1].end
        out.append(Number(s, e, text[s:e], r.amount.value))
        i = r.end
    return out


def find(text, ctx=None):
    """Numbers are no record type: the value recognisers use :func:`read_number` and :func:`find_numbers`."""
    return []


__all__ = ["Amount", "NumRead", "Number", "RangeRead", "digits_value", "find", "find_numbers", "integer_words",
           "number_starts", "ordinal_value", "parse_amount", "parse_number", "read_number", "read_range", "to_words",
           "with_ending", "word_value"]

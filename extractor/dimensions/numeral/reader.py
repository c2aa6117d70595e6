"""Reading numbers from tokens (:mod:`..tokens`): where a number starts and ends, and what it is worth.

:func:`read_number` reads the longest amount that starts at a token: digits (``60 435,9``), digits with
an ending (``1000-нан``), with ``жарым`` and scale words (``5,6 млрд``, ``3 мыңнан``, ``2 жарым миллион``,
``1 трлн 57 млн``), or words (``үш жарым миллион``, ``екі бүтін оннан бес``). :func:`read_range` reads
``5-7 млрд``, ``32-33 мың``, ``10-12``, ``екі-үш мың``. Ordinals (``5-ші``, ``бесінші``), "thousands of"
(``мыңдаған``), and digits inside codes (``КС-851``) or glued to a word are not amounts.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import List, Optional, Sequence, Tuple

import regex

from ..tokens import Tok, glued_suffix, tokenize
from .lexicon import ablative_endings, homographs, indefinite_words, spoken_points
from .parse import Amount, blocked, digits_value, read_items, word_value

# a number may be glued to these signs before it: (5), «5», $5, ~5
_OPENERS = set("(«\"'[/:;~≈+$€£₸№")
# a whole lowercase Cyrillic word a number may be glued after when a space was lost
_LOST_SPACE_WORD = regex.compile(r"[а-яәіңғүұқөһё]{3,}")


@dataclass(frozen=True)
class NumRead:
    start: int  # index of the first token (the minus sign, if any)
    end: int  # index after the last token
    amount: Amount
    inflected: bool  # the last word carries an ending (1000-нан, мыңнан): nothing more can follow
    words: bool  # written in words


@dataclass(frozen=True)
class RangeRead:
    start: int
    end: int
    low: Decimal  # with the upper end's scale applied when the lower end has none (5-7 млрд)
    high: Decimal
    amount: Amount  # the upper end
    spaced: bool  # "5 - 7" rather than "5-7"


def last_word(toks: Sequence[Tok], start: int, end: int) -> str:
    """The last word of ``toks[start:end]`` as written, glued parts included (``1000-нан``, ``50%-ға``)."""
    k = end - 1
    while k > start and toks[k].glued:
        k -= 1
    return "".join(t.text for t in toks[k:end])


def _made(toks, start, end, a: Optional[Amount], inflected: bool, words: bool) -> Optional[NumRead]:
    if a is None:
        return None
    return NumRead(start, end, Amount(a.value, a.scale, last_word(toks, start, end)), inflected, words)


def free_start(toks: Sequence[Tok], k: int) -> bool:
    """Token ``k`` may begin a number: not glued to a word, digits or a hyphen after them (КС-851).

    One exception, a lost space: a number glued after a whole lowercase Cyrillic word (``немесе307,7 млн``,
    text scraped from web pages) starts freely; codes are written in capitals or Latin (``Ил76``, ``A321``).
    """
    t = toks[k]
    if not t.glued or k == 0:
        return True
    before = toks[k - 1]
    if t.kind == "num" and before.kind == "word" and _LOST_SPACE_WORD.fullmatch(before.text):
        return k < 2 or not before.glued
    return before.text in _OPENERS


def _glued_word_after(toks: Sequence[Tok], j: int) -> bool:
    return j < len(toks) and toks[j].glued and toks[j].kind in ("word", "num", "digits")


def scale_at(toks: Sequence[Tok], j: int, *, glued_ok: bool = True) -> Optional[Tuple[int, str, bool]]:
    """A scale word at token ``j`` (``млрд``, ``млрд.``, ``млрд-тан``, ``мыңнан``): ``(end, text, inflected)``."""
    if j >= len(toks):
        return None
    t = toks[j]
    if t.kind != "word" or (t.glued and not glued_ok) or not t.gap_ok:
        return None
    w = word_value(t.low)
    if w is None or w.kind != "scale":
        return None
    end = j + 1
    inflected = t.low != w.word
    if w.abbr:
        if inflected:
            return None
        if end < len(toks) and toks[end].text == "." and toks[end].glued:
            end += 1  # млрд. (the period belongs to the abbreviation)
        else:
            after = glued_suffix(toks, end)
            if after != end:
                if blocked(toks[end + 1].low):
                    return None
                end, inflected = after, True
    if _glued_word_after(toks, end) and toks[end - 1].text != ".":
        return None
    return end, t.text, inflected


def _digits(toks: Sequence[Tok], i: int, *, signed: bool, after_dash: bool) -> Optional[Tuple[int, int, int]]:
    """``(start, index of the num token, sign)`` for a digit number starting at ``i``."""
    t = toks[i]
    if t.text == "-" and signed:
        if i + 1 < len(toks) and toks[i + 1].kind == "num" and toks[i + 1].glued and free_start(toks, i):
            return i, i + 1, -1
        return None
    if t.kind != "num":
        return None
    if not after_dash and not free_start(toks, i):
        return None
    return i, i, 1


def read_number(toks: Sequence[Tok], i: int, *, signed: bool = True, after_dash: bool = False,
                scales: bool = True) -> Optional[NumRead]:
    """The longest amount starting at token ``i``, or None."""
    if i >= len(toks):
        return None
    d = _digits(toks, i, signed=signed, after_dash=after_dash)
    if d is not None:
        return _read_digits(toks, *d, scales=scales)
    if toks[i].kind == "word" and (not toks[i].glued or after_dash or free_start(toks, i)):
        return _read_words(toks, i)
    return None


def _read_digits(toks, start, k, sign, *, scales: bool) -> Optional[NumRead]:
    n = len(toks)
    items: List[Tuple[str, str]] = [("num", toks[k].text)]
    j = k + 1
    # a hyphenated ending: 1000-нан, 35-і (not 5-ші, 5-сынып)
    if j + 1 < n and toks[j].text == "-" and toks[j].glued and toks[j + 1].glued and toks[j + 1].kind == "word":
        after = glued_suffix(toks, j)
        if after == j or blocked(toks[j + 1].low):
            return None
        return _made(toks, start, after, read_items(items, sign), True, False)
    if _glued_word_after(toks, j) and not (scales and scale_at(toks, j)):
        # glued letters: a unit (100км) the caller may read, or not a number at all (3а)
        return _made(toks, start, j, read_items(items, sign), False, False)
    inflected = False
    if scales:
        if j < n and toks[j].low.startswith("жарым") and not toks[j].glued and toks[j].gap_ok:
            w = word_value(toks[j].low)
            if w is not None and w.word == "жарым":
                items.append(("word", toks[j].text))
                inflected = toks[j].low != "жарым"
                j += 1
        s = None if inflected else scale_at(toks, j)
        while s is not None:
            items.append(("word", s[1]))
            j, inflected = s[0], s[2]
            if inflected or j >= n or toks[j].kind != "num" or toks[j].glued or not toks[j].gap_ok:
                break
            s2 = scale_at(toks, j + 1)
            if s2 is None:
                # 3 мың 200: a smaller whole number after the scale adds to it (not 3 мың 2019 ...)
                last = word_value(items[-1][1])
                small = digits_value(toks[j].text)
                if (last is not None and small == small.to_integral_value() and 0 < small < min(last.value, 1000)
                        and not _glued_word_after(toks, j + 1)
                        and not (j + 1 < len(toks) and toks[j + 1].text in "-%,." and toks[j + 1].glued)):
                    items.append(("num", toks[j].text))
                    j += 1
                break
            items.append(("num", toks[j].text))
            s = s2
    return _made(toks, start, j, read_items(items, sign), inflected, False)


def _read_words(toks, i) -> Optional[NumRead]:
    t = toks[i]
    if t.low in homographs():
        return None
    w = word_value(t.low)
    if w is None or w.kind == "point" or w.abbr or w.word == "жарым":
        return None
    if w.kind == "scale" and i > 0 and toks[i - 1].low in indefinite_words():
        return None  # бірнеше мың: several thousand
    reads: List[Tuple[int, List[Tuple[str, str]], bool]] = []
    items = [("word", t.text)]
    inflected = t.low != w.word
    j = i + 1
    reads.append((j, list(items), inflected))
    n = len(toks)
    while not inflected and j < n and toks[j].kind == "word" and not toks[j].glued and toks[j].gap_ok:
        w2 = word_value(toks[j].low)
        if w2 is None:
            if toks[j].low in spoken_points() and j + 1 < n and word_value(toks[j + 1].low) is not None:
                got = _read_point(toks, j, items, spoken=True)  # он алты да тоғыз: 16.9
                if got is not None:
                    return NumRead(i, got.end, got.amount, got.inflected, True)
            break
        if w2.kind == "point":
            got = _read_point(toks, j, items)
            if got is not None:
                return NumRead(i, got.end, got.amount, got.inflected, True)
            break
        if w2.abbr:
            s = scale_at(toks, j, glued_ok=False)
            if s is None:
                break
            items.append(("word", s[1]))
            j, inflected = s[0], s[2]
        else:
            items.append(("word", toks[j].text))
            inflected = toks[j].low != w2.word
            j += 1
        reads.append((j, list(items), inflected))
    end, its, infl = reads[-1]
    if not infl:  # a hyphenated ending or particle: он төрт-ақ, бес-ке
        after = glued_suffix(toks, end)
        if after != end:
            if blocked(toks[end + 1].low):
                return None
            reads[-1] = (after, its, True)
    if _glued_word_after(toks, reads[-1][0]):
        return None
    # the longest prefix that is a well-formed number (үш бес → үш)
    for end, its, infl in reversed(reads):
        a = _made(toks, i, end, read_items(its, 1), infl, True)
        if a is not None:
            return a
    return None


def _read_point(toks, j, whole_items, spoken: bool = False) -> Optional[NumRead]:
    """``WHOLE бүтін оннан NUMERATOR`` with ``toks[j]`` = бүтін; without the denominator (``тоқсан үш бүтін
    төрт`` 93.4, ``отыз бес бүтін елу үш`` 35.53, as decimals are read aloud) the digits of the numerator
    are the decimal places; ``spoken``: ``toks[j]`` is a particle read as the point (``он алты да тоғыз
    миллиард`` 16.9 billion), never before a denominator, and ``бір де бір`` ("not a single") is no number
    unless a scale word follows (``бір де бір миллион`` 1.1 million)."""
    n = len(toks)
    if j + 1 >= n:
        return None
    den_tok = toks[j + 1]
    den = word_value(den_tok.low)
    if not spoken and den is not None and den.value in (10, 100, 1000) and not den.abbr \
            and den_tok.low[len(den.word):] in ablative_endings():
        num = _read_words(toks, j + 2) if j + 2 < n else None
        den_value = den.value
    else:
        num = _read_words(toks, j + 1)
        den_value = None
    if num is None:
        return None
    whole = read_items(whole_items, 1)
    if whole is None or whole.scale is not None:
        return None
    scale = num.amount.scale
    if spoken and scale is None and whole.value == 1 and num.amount.value == 1:
        return None
    if den_value is None:  # the numerator's digits: бес → 0.5, елу үш → 0.53
        places = num.amount.value if scale is None else num.amount.value / scale
        if places != places.to_integral_value() or not 0 < places < 1000:
            return None
        den_value = Decimal(10) ** len(str(int(places)))
    if scale is None:
        value = whole.value + num.amount.value / den_value
    else:  # екі бүтін оннан бес миллион = 2,5 million: the scale takes the whole decimal
        value = (whole.value + (num.amount.value / scale) / den_value) * scale
    return NumRead(j, num.end, Amount(value, scale, num.amount.last_word), num.inflected, True)


def read_range(toks: Sequence[Tok], i: int, *, signed: bool = True) -> Optional[RangeRead]:
    """``5-7 млрд``, ``32-33 мың``, ``10-12``, ``5 - 7``, ``екі-үш мың`` starting at token ``i``."""
    lo = read_number(toks, i, signed=signed, scales=True)
    if lo is None or lo.inflected:
        return None
    j = lo.end
    n = len(toks)
    if j + 1 >= n or toks[j].text != "-":
        return None
    spaced = not toks[j].glued
    if spaced != (not toks[j + 1].glued) or not toks[j].gap_ok or not toks[j + 1].gap_ok:
        return None  # "5 -7" or "5- 7": not a range
    hi = read_number(toks, j + 1, signed=False, after_dash=True)
    if hi is None or hi.words != lo.words:
        return None
    low = lo.amount.value
    if lo.amount.scale is None and hi.amount.scale is not None:
        low = low * hi.amount.scale
    if low >= hi.amount.value or low < 0:
        return None
    if spaced and _year_like(toks[lo.start].text):
        return None
    return RangeRead(lo.start, hi.end, low, hi.amount.value, hi.amount, spaced)


def _year_like(s: str) -> bool:
    return s.isdigit() and len(s) == 4 and 1800 <= int(s) <= 2100


def parse_amount(text: str) -> Optional[Amount]:
    """The value of ``text`` when the whole of it is one written amount (or a range: its upper end is
    not returned, use :func:`..reader.read_range`), else None.

    >>> parse_amount("үш жарым миллион").value
    Decimal('3500000.0')
    """
    toks = tokenize(text.strip())
    if not toks:
        return None
    r = read_number(toks, 0)
    if r is None or r.end != len(toks):
        return None
    return r.amount


def parse_number(text: str) -> Optional[Decimal]:
    """Just the value of :func:`parse_amount`."""
    a = parse_amount(text)
    return None if a is None else a.value


def number_starts(text: str) -> Tuple[int, ...]:
    """Indices of the tokens of ``text`` (:func:`..tokens.tokenize`) where a number may start: digits, a
    minus glued to digits, a number word. The document analysis finds them (:mod:`..analysis`, which the
    value recognisers share); this asks it for one text."""
    from ..analysis import analyse  # (the analysis reads number words with .parse: imported when asked)
    return analyse(text).number_starts

"""Numbers coordinated under one unit: ``5 және 7 млрд теңге``, ``2,2 және 15,4 пайызға``, ``3, 4 және 5 мың
тонна``, ``10 немесе 12 пайыз``.

Each number listed before an amount is a mention of its own, with the amount's unit (currency, physical
unit, percent, workplaces); its span is the number alone. A number written without a scale word takes the
amount's (``5 және 7 млрд теңге`` → 5 000 000 000 and 7 000 000 000); one with its own keeps it (``5 млн
және 7 млрд теңге``). A qualifier written after the unit applies to every number (``5 және 7 млрд
теңгеден астам``); one inside the amount (``мыңдай``, ``1000-нан астам``) only to that amount.

The joiners are in ``lang/kk/data/joiners.tsv``. A comma joins only when it follows its number directly and
a space follows it (``3, 4``; ``2,2`` is a decimal, ``1,2,3`` a list of digits, ``5 , 7`` nothing). By
default nothing else stands between a number, its joiner and the next number; a dimension may allow a
few words (percent: ``жоспар 92, оның ішінде бірінші кезең 97, екінші кезең 90 пайыз``).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import List, Optional, Sequence, Tuple

from ..lang.kk.tables import column
from .numeral import read_number
from .numeral.reader import NumRead, free_start
from .tokens import Tok

# the longest number read backwards from a joiner, in tokens (бес жүз жиырма мың, 3 634 млн)
_MAX_NUMBER_TOKENS = 5


@dataclass(frozen=True)
class ListRule:
    """How a dimension's lists look: ``gap_words`` words may stand between a number of the list and the
    joiner after it; ``max_value``: the numbers stay below it (a percent list holds no years);
    ``scales``: the numbers may carry their own scale word (``5 млн``); ``in_words``: they may be written
    in words (``бес және жеті млрд теңге``)."""
    gap_words: int = 0
    max_value: Optional[Decimal] = None
    scales: bool = True
    in_words: bool = True


@lru_cache(maxsize=1)
def _joiners() -> Tuple[frozenset, bool]:
    words = frozenset(j for j in column("joiners", "joiner") if j != ",")
    return words, "," in column("joiners", "joiner")


def _joiner_word(t: Tok) -> bool:
    return t.kind == "word" and not t.glued and t.low in _joiners()[0]


def _number_ending_at(toks: Sequence[Tok], end: int, rule: ListRule) -> Optional[NumRead]:
    """The longest number whose tokens end right before ``end``, standing free (not part of a date, a code
    or a larger number)."""
    best = None
    for p in range(end - 1, max(-1, end - 1 - _MAX_NUMBER_TOKENS), -1):
        t = toks[p]
        if t.kind not in (("num", "word") if rule.in_words else ("num",)) or not free_start(toks, p):
            continue
        if p > 0 and (toks[p - 1].kind in ("num", "digits") or toks[p - 1].text == "-"):
            continue
        r = read_number(toks, p, signed=False, scales=rule.scales)
        if r is not None and r.end == end:
            best = r
    if best is None or ("," in toks[best.start].text and " " in toks[best.start].text):
        return None
    if rule.max_value is not None and best.amount.value >= rule.max_value:
        return None
    return best


def numbers_before(toks: Sequence[Tok], first: int, stop: int, rule: ListRule = ListRule()) -> List[NumRead]:
    """The numbers listed before the amount that starts at token ``first``, in text order; none starts
    before token ``stop`` (the end of the previous mention)."""
    words_only, comma_ok = _joiners()
    items: List[NumRead] = []
    k = first
    while True:
        j = k - 1
        words = 0
        while j >= stop and toks[j].kind == "word" and not _joiner_word(toks[j]) and words <= rule.gap_words:
            j -= 1
            words += 1
        if j < stop or words > rule.gap_words:
            break
        joined = False
        if _joiner_word(toks[j]):
            j -= 1
            joined = True
        if j >= stop and comma_ok and toks[j].text == ",":
            if not toks[j].glued or toks[j + 1].glued:
                break  # a list comma follows its number and a space follows it: "95, оның"
            j -= 1
            joined = True
        if not joined or j < stop:
            break
        r = _number_ending_at(toks, j + 1, rule)
        if r is None or r.start < stop:
            break
        items.append(r)
        k = r.start
    return list(reversed(items))

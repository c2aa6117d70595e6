"""The shared grammar of "amount + unit" mentions: money, percent, quantity and workplaces.

One grammar per dimension, over tokens (:mod:`.tokens`), with the unit words of its data table::

    [qualifier] [X-дан | X мен] AMOUNT [qualifier] [modifier words] UNIT [qualifier]

* AMOUNT is a number or a range (:mod:`.numeral`): ``5,6 млрд``, ``үш жарым миллион``, ``5-7 млрд``,
  ``32-33 мың`` (the scale of the upper end applies to a lower end written without one);
* qualifiers (:mod:`.qualifiers`) stand before the amount (``шамамен``), right after it (``1000-нан
  астам тұрақты жұмыс орны``) or after the unit (``19 млрд теңгеден астам``); they are part of the span;
* "from X to Y": ``100-ден 300 мың теңгеге дейінгі`` is one range (the first number borrows the scale),
  as is anything ending in ``дейінгі`` or followed by ``аралығы``; a change (a verb of change follows,
  ``change_verbs.tsv``, or the first number has its own scale) is two mentions: ``28 мыңнан 42 мың
  теңгеге дейін`` gives 28 000 exact and 42 000 up to; ``5 пен 7 млрд теңге аралығында`` is a range;
* a conversion in brackets shares the qualifier written after it: ``28 мың сингапур долларынан (20,4
  мың доллар) артық таппаса`` gives two "up to" amounts;
* numbers listed before an amount share its unit (:mod:`.coordination`): ``5 және 7 млрд теңге`` gives
  5 000 000 000 and 7 000 000 000, each number its own :class:`Found` (``head``: the amount it borrows from).

:meth:`MeasureGrammar.find` returns :class:`Found` spans (character offsets into the text) with exact
values; each dimension turns them into mentions.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Callable, List, Optional, Sequence, Tuple

from ..lang.kk.tables import load_table
from . import qualifiers as Q
from .coordination import ListRule, numbers_before
from .numeral import read_number, read_range
from .numeral.parse import Amount, word_value
from .analysis import TextAnalysis, analyse, register_phrases
from .phrases import Phrase, PhraseLexicon
from .tokens import Tok, particle_of

_ATTRIBUTIVE = ("дейінгі", "шейінгі")  # "up to" as an adjective: the two numbers are one interval
_CHANGE_STEMS = tuple(sorted((r["stem"] for r in load_table("change_verbs")), key=len, reverse=True))
_RANGE_WORDS = ("аралығ", "аралық")  # "between": X-дан Y-ға дейінгі аралықта, X мен Y аралығында
_CONJ = ("мен", "пен", "бен")
_RANGE_TAILS = ("up_to", "approx")  # the qualifiers after a range that its span keeps
# at most this many tokens between the first token of an amount and its unit (5,6 млрд\nтеңге: 3;
# шамамен 1 трлн 57 млн теңге; 68 мыңнан астам жаңа тұрақты жұмыс орнын)
_UNIT_WINDOW = 16
# a unit phrase may ask for more words after it (jobs: "адам" + "жұмыспен" + қамтылады); the callback
# gets the tokens, the index after the unit and the unit phrase, and returns the new end or None
UnitTail = Callable[[Sequence[Tok], int, Phrase], Optional[int]]


def clean(d: Decimal) -> Decimal:
    """``Decimal('5600000000.0')`` → ``Decimal('5600000000')``; other values without trailing zeros."""
    if d == d.to_integral_value():
        return Decimal(int(d))
    return d.normalize()


@dataclass
class Found:
    start: int  # character offsets
    end: int
    value: Decimal
    value_max: Optional[Decimal]
    qualifier: str
    unit: Phrase
    modifiers: Tuple[Phrase, ...] = ()
    first: int = 0  # token indices [first, last)
    last: int = 0
    scale: Optional[Decimal] = None  # the scale word of the (upper) amount: 10⁹ for "5-7 млрд"
    tail: str = ""  # the qualifier words after the unit, as written
    amount_first: int = 0  # token index where the amount starts
    head: Optional["Found"] = None  # a number listed before an amount: that amount (5 және [7 млрд теңге])


@dataclass
class _Core:
    first: int
    amount_end: int
    last: int
    value: Decimal
    value_max: Optional[Decimal]
    amount: Amount
    unit: Phrase
    unit_first: int
    mid: Optional[str]
    modifiers: Tuple[Phrase, ...]


def _is_word(t: Tok, words: Sequence[str]) -> bool:
    return t.kind == "word" and t.low in words


def amount_case(toks: Sequence[Tok], first: int, end: int) -> str:
    """The case the last word of an amount carries (``мыңнан``, ``1000-нан``, ``млрд-тан`` → abl)."""
    t = toks[end - 1]
    if t.kind != "word":
        return "any"
    if t.glued and end - 2 >= first and toks[end - 2].text == "-":
        return Q.case_of_ending(t.low)
    w = word_value(t.low)
    return Q.case_of_ending(t.low[len(w.word):]) if w is not None else Q.case_of(t.low)


def unit_case(toks: Sequence[Tok], end: int, unit: Phrase) -> str:
    """The case the unit ending at token ``end`` carries after its stem (``теңгеден`` → abl, ``теңге`` →
    nom, ``%-ға`` → dat, ``%`` → any)."""
    t = toks[end - 1]
    if t.glued and end >= 2 and toks[end - 2].text == "-" and toks[end - 2].glued and t.kind == "word":
        return Q.case_of_ending(t.low)
    part = unit.parts[-1] if unit.sensitive else unit.parts[-1].lower()
    text = t.text if unit.sensitive else t.low
    if t.kind == "word" and text.startswith(part) and unit.inflect:
        return Q.case_of_ending(t.low[len(part):])
    if not part[-1:].isalpha():
        return "any"  # a sign: 43% дейін
    return Q.case_of(t.low) if t.kind == "word" else "any"


def _change_verb_at(toks: Sequence[Tok], j: int) -> bool:
    return j < len(toks) and not toks[j].glued and toks[j].kind == "word" and toks[j].low.startswith(_CHANGE_STEMS)


def _range_word_at(toks: Sequence[Tok], j: int) -> bool:
    return j < len(toks) and not toks[j].glued and toks[j].kind == "word" and toks[j].low.startswith(_RANGE_WORDS)


class MeasureGrammar:
    """``[qualifier] AMOUNT [qualifier] [modifiers] UNIT [qualifier]`` for one unit lexicon.

    ``units``: the unit phrases (payload: what the dimension needs, e.g. the currency code);
    ``modifiers``: phrases allowed between amount and unit (jobs: ``тұрақты``, ``жаңа``), at most three;
    ``prefix_units``: units also written before the amount (``$5 млн``); ``signed``: a glued minus
    belongs to the number (percent); ``unit_tail``: see :data:`UnitTail`; ``lists``: how numbers listed
    before an amount look (:class:`.coordination.ListRule`); ``trigger``: the name of the unit words'
    trigger set in the document analysis (:mod:`.analysis`), registered here.
    """

    def __init__(self, units: PhraseLexicon, *, trigger: str, modifiers: Optional[PhraseLexicon] = None,
                 prefix_units: Optional[PhraseLexicon] = None, signed: bool = False,
                 unit_tail: Optional[UnitTail] = None, lists: ListRule = ListRule()):
        self.units = units
        self.trigger = trigger
        register_phrases(trigger, units)
        self.modifiers = modifiers
        self.prefix_units = prefix_units
        self.signed = signed
        self.unit_tail = unit_tail
        self.lists = lists

    # -- public -------------------------------------------------------------------------------
    def find(self, text: str, analysis: Optional[TextAnalysis] = None) -> List[Found]:
        """The amounts with a unit in ``text``; ``analysis``: the document's (:func:`.analysis.analysis_of`),
        else the text is analysed here."""
        a = analysis if analysis is not None else analyse(text)
        toks = a.toks
        self._memo: dict = {}
        out: List[Found] = []
        units = a.triggers(self.trigger)  # tokens a unit may start with (or a sign written before)
        if not units:
            return out
        starts = a.number_starts
        if self.prefix_units is not None:
            starts = sorted(set(starts) | {u for u in units if self.prefix_units.candidates(toks[u])})
        done = 0
        for i in starts:
            if i < done:
                continue
            # the unit must come soon after the number (a cheap test before reading anything)
            k = bisect.bisect_left(units, i)
            if k == len(units) or units[k] - i > _UNIT_WINDOW:
                continue
            got = self._match_at(toks, i)
            if got:
                out.extend(self._listed_before(toks, got[0], done))
                out.extend(got)
                done = max(f.last for f in got)
        _share_bracket_qualifiers(toks, out)
        return out

    def _listed_before(self, toks: Sequence[Tok], f: Found, stop: int) -> List[Found]:
        """The numbers listed before ``f`` that share its unit (see :mod:`.coordination`)."""
        if f.first != f.amount_first or f.value_max is not None:
            return []  # a qualifier or a sign before the amount, or a range: no list
        qualifier = f.qualifier if f.tail else "exact"
        out = []
        for r in numbers_before(toks, f.amount_first, stop, self.lists):
            value = r.amount.value
            if r.amount.scale is None and f.scale is not None:
                value = value * f.scale
            out.append(replace(f, start=toks[r.start].start, end=toks[r.end - 1].end, value=clean(value),
                               value_max=None, qualifier=qualifier, first=r.start, last=r.end,
                               scale=r.amount.scale or f.scale, tail="", amount_first=r.start, head=f))
        return out

    # -- matching -----------------------------------------------------------------------------
    def _number(self, toks: Sequence[Tok], i: int):
        key = ("n", i)
        if key not in self._memo:
            self._memo[key] = read_number(toks, i, signed=self.signed)
        return self._memo[key]

    def _range(self, toks: Sequence[Tok], i: int):
        key = ("r", i)
        if key not in self._memo:
            self._memo[key] = read_range(toks, i, signed=self.signed)
        return self._memo[key]

    def _match_at(self, toks: Sequence[Tok], i: int) -> List[Found]:
        if self.prefix_units is not None:
            f = self._prefixed(toks, i)
            if f is not None:
                return [f]
        got = self._from_to(toks, i)
        if got:
            return got
        core = self._core(toks, i)
        return [self._finish(toks, core)] if core else []

    def _unit_at(self, toks: Sequence[Tok], j: int, after: Optional[Tok]) -> Optional[Tuple[Phrase, int]]:
        if j >= len(toks):
            return None
        t = toks[j]
        if not t.glued and not t.gap_ok:
            return None
        glued_ok = after is not None and after.text == "."  # млрд.теңгені
        m = self.units.match(toks, j, glued_ok=glued_ok)
        if m is None:
            return None
        if self.unit_tail is not None:
            end = self.unit_tail(toks, m[1], m[0])
            if end is None:
                return None
            return m[0], end
        return m

    def _core(self, toks: Sequence[Tok], i: int) -> Optional[_Core]:
        rng = self._range(toks, i)
        if rng is not None:
            value, value_max, amount, j = rng.low, rng.high, rng.amount, rng.end
        else:
            num = self._number(toks, i)
            if num is None:
                return None
            value, value_max, amount, j = num.amount.value, None, num.amount, num.end
        # a qualifier right after the number (1000-нан астам тұрақты жұмыс орны), then the unit
        for with_mid in (True, False):
            k, mid = j, None
            if with_mid:
                q = Q.after(toks, j, amount_case(toks, i, j))
                if q is None:
                    continue
                mid, k = q
            mods: List[Phrase] = []
            while self.modifiers is not None and len(mods) < 3 and k < len(toks) and not toks[k].glued:
                m = self.modifiers.match(toks, k)
                if m is None or not toks[k].gap_ok:
                    break
                mods.append(m[0])
                k = m[1]
            unit = self._unit_at(toks, k, toks[k - 1] if k > 0 else None)
            if unit is None:
                continue
            if toks[k].glued and mods:
                continue
            return _Core(i, j, unit[1], value, value_max, amount, unit[0], k, mid, tuple(mods))
        return None

    def _finish(self, toks: Sequence[Tok], c: _Core, *, pre: bool = True) -> Found:
        first, last = c.first, c.last
        qualifier = "range" if c.value_max is not None else (c.mid or "exact")
        tail = ""
        if c.mid is None:
            post = Q.after(toks, last, unit_case(toks, c.last, c.unit))
            if post is not None and (qualifier != "range" or post[0] in _RANGE_TAILS):
                # a range takes an "up to" or an "about" after it into its span and stays a range
                # (5-7 млрд теңгеге дейін, 80-100 теңге шамасында, 70-80 метрге жуық)
                if qualifier != "range":
                    qualifier = post[0]
                tail = " ".join(t.text for t in toks[last:post[1]])
                last = post[1]
        if qualifier == "exact" and _approximative(toks, c):
            qualifier = "approx"  # теңгедей, мыңдай, тоннадай: "about"
        if pre:
            q = Q.before(toks, first)
            if q is not None:
                first = q[1]
                if qualifier == "exact":
                    qualifier = q[0]
        return Found(toks[first].start, toks[last - 1].end, clean(c.value),
                     None if c.value_max is None else clean(c.value_max), qualifier, c.unit, c.modifiers,
                     first, last, c.amount.scale, tail, c.first)

    def _prefixed(self, toks: Sequence[Tok], i: int) -> Optional[Found]:
        """``$5 млн``, ``€ 300``: the unit before the amount."""
        m = self.prefix_units.match(toks, i)  # type: ignore[union-attr]
        if m is None or m[1] >= len(toks):
            return None
        j = m[1]
        if not toks[j].glued and not toks[j].gap_ok:
            return None
        num = self._number(toks, j)
        if num is None:
            return None
        c = _Core(i, num.end, num.end, num.amount.value, None, num.amount, m[0], num.start, None, ())
        f = self._finish(toks, c)
        return f

    # -- from X to Y ----------------------------------------------------------------------------
    def _from_to(self, toks: Sequence[Tok], i: int) -> List[Found]:
        frm = self._number(toks, i)
        if frm is None:
            return []
        k = frm.end
        own = self._unit_at(toks, k, toks[k - 1])
        if own is not None:
            k = own[1]
        conj = k < len(toks) and _is_word(toks[k], _CONJ) and not toks[k].glued
        if conj:
            k += 1
        if k >= len(toks) or toks[k].glued or not toks[k].gap_ok:
            return []
        case = unit_case(toks, own[1], own[0]) if own else \
            amount_case(toks, i, frm.end)
        if not (conj or case in ("abl", "ins")):
            return []
        core = self._core(toks, k)
        if core is None:
            return []
        main = self._finish(toks, core, pre=False)
        lo = frm.amount.value
        if frm.amount.scale is None and own is None and main.scale is not None:
            lo = lo * main.scale
        is_range = False
        if main.value_max is None:
            if conj or case == "ins":
                # "3 пен 5 доллар": a bare first number shares the unit: one range; with its own unit
                # (5 мың теңге мен 7 мың теңге) only when "аралығында" says so
                is_range = _range_word_at(toks, main.last) or (own is None and frm.amount.scale is None)
            elif main.qualifier == "up_to":
                borrows = frm.amount.scale is None and own is None
                if main.tail.lower().endswith(_ATTRIBUTIVE) or _range_word_at(toks, main.last):
                    is_range = True
                elif _change_verb_at(toks, main.last):
                    is_range = False
                else:
                    is_range = borrows
                if not is_range:
                    # a change: 28 мыңнан 42 мың теңгеге дейін (өсті) → 28 000 (exact), 42 000 (up to)
                    end = own[1] if own else frm.end
                    first = Found(toks[i].start, toks[end - 1].end, clean(lo), None, "exact",
                                  own[0] if own else main.unit, (), i, end, frm.amount.scale, "", i)
                    return self._with_pre(toks, first) + [main]
        if is_range and lo < main.value:
            f = replace(main, start=toks[i].start, first=i, value=clean(lo), value_max=main.value,
                        qualifier="range", amount_first=i)
            return self._with_pre(toks, f)
        return []  # not one range: the caller reads the two amounts one by one

    def _with_pre(self, toks: Sequence[Tok], f: Found) -> List[Found]:
        q = Q.before(toks, f.first)
        if q is not None:
            f.start, f.first = toks[q[1]].start, q[1]
            if f.qualifier == "exact":
                f.qualifier = q[0]
        return [f]


def _approximative(toks: Sequence[Tok], c: "_Core") -> bool:
    """The number or the unit carries the particle "about" after its stem (``мыңдай``, ``теңгедей``,
    ``14-тей``)."""
    for k in range(c.first, c.amount_end):
        t = toks[k]
        if t.kind != "word":
            continue
        if t.glued and k > 0 and toks[k - 1].text == "-":
            rest = t.low
        else:
            w = word_value(t.low)
            rest = t.low[len(w.word):] if w is not None else ""
        if rest and particle_of(rest) == "approx":
            return True
    k = c.unit_first + len(c.unit.parts) - 1
    part = c.unit.parts[-1].lower()
    if c.unit.inflect and k < len(toks) and toks[k].low.startswith(part):
        rest = toks[k].low[len(part):]
        return bool(rest) and particle_of(rest) == "approx"
    return False


def _share_bracket_qualifiers(toks: Sequence[Tok], found: List[Found]) -> None:
    """``X (Y) артық таппаса``: the qualifier after the brackets applies to X and to Y."""
    by_first = {f.first: f for f in found}
    for f in found:
        j = f.last
        if f.qualifier != "exact" or j >= len(toks) or toks[j].text != "(":
            continue
        inner = by_first.get(j + 1)
        if inner is None or inner.qualifier != "exact" or inner.last >= len(toks) or toks[inner.last].text != ")":
            continue
        post = Q.after(toks, inner.last + 1, unit_case(toks, f.last, f.unit))
        if post is not None:
            f.qualifier = inner.qualifier = post[0]

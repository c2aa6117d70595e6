"""The quantity recogniser: an amount with a physical unit → value, unit code, qualifier.

``4,5 млн. тонна``, ``600 мың тоннадан астам``, ``77,7 мың гектарға``, ``60 435,9 тонна``, ``500 метрден
жақын`` (less than), ``2 метрден асатын`` (more than), ``100 мың тоннаға дейін`` (up to), ``30 мың шаршы
метр`` (m2), ``500 бас мал`` (head), and after a livestock word ``жылқы саны 300 басқа жетті`` (head). Units are in ``lang/kk/data/units.tsv``. Counted things (``35 жоба``),
durations (``5 жыл``), ages and earthquake magnitudes (``6,1 балл``) have no unit there and are not
quantities.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional, Sequence

import regex

from ...lang.kk.tables import load_table
from ...mentions import Context, Mention
from ..analysis import analysis_for
from ..measure import MeasureGrammar
from ..phrases import PhraseLexicon, make_phrase
from ..tokens import Tok

# a one- or two-letter abbreviation followed by ".X" is another abbreviation (т.б. = тағы басқа)
_ABBREVIATION_AFTER = regex.compile(r"\.\p{L}")


# how far before the number a livestock word may stand for a bare "бас" (head)
CONTEXT_WINDOW = 8


@lru_cache(maxsize=1)
def grammar() -> MeasureGrammar:
    units = [make_phrase(r["form"], (r["unit"], r.get("context", "")), inflect=r["inflect"] == "yes",
                         sensitive=r["case"] == "sensitive", glued_first=r["glued"] == "yes")
             for r in load_table("units")]
    return MeasureGrammar(PhraseLexicon(units), trigger="quantity")


@lru_cache(maxsize=1)
def livestock() -> PhraseLexicon:
    """The livestock words: what follows "бас" in the multi-word head units (бас мал, бас жылқы, ...)."""
    words = {r["form"].split(" ", 1)[1] for r in load_table("units")
             if r["unit"] == "head" and " " in r["form"]}
    return PhraseLexicon(make_phrase(w, inflect=True) for w in words)


def _after_livestock(toks: Sequence[Tok], first: int) -> bool:
    """A livestock word stands a few words before token ``first``, in the same clause."""
    lex = livestock()
    for k in range(first - 1, max(-1, first - 1 - CONTEXT_WINDOW), -1):
        t = toks[k]
        if t.kind == "punct" and t.text in ".;!?()":
            return False
        if t.kind == "word" and lex.match(toks, k, glued_ok=True):
            return True
    return False


def _possessive(text: str, f) -> bool:
    """``бір басына`` "per head" (possessive бас-ы-на), not a count of head."""
    word = text[f.start:f.end].split()[-1].lower()
    stem = f.unit.parts[-1].lower()
    return word.startswith(stem) and word[len(stem):].startswith(("ы", "і"))


def find(text: str, ctx: Optional[Context] = None) -> List[Mention]:
    a = analysis_for(text, ctx.doc if ctx else None)
    toks = a.toks
    out = []
    for f in grammar().find(text, a):
        unit, context = f.unit.payload
        if context == "livestock" and (not _after_livestock(toks, f.amount_first) or _possessive(text, f)):
            continue
        if len(f.unit.form) <= 2 and _ABBREVIATION_AFTER.match(text, f.end) and not f.tail:
            continue
        out.append(Mention("quantity", f.start, f.end, {"value": f.value, "value_max": f.value_max,
                                                        "unit": unit, "qualifier": f.qualifier}))
    return out

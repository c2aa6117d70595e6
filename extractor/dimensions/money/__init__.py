"""The money recogniser: an amount with a currency word or sign → value, ISO 4217 currency, qualifier.

``5,6 млрд теңгені``, ``84,526 млрд.теңгені``, ``1 трлн теңгеден астам``, ``32-33 мың теңге`` (range),
``миллион доллардан``, ``28 мың сингапур долларынан`` (SGD), ``$5 млн``. The currency words and signs are
in ``lang/kk/data/currencies.tsv``; the grammar is :mod:`..measure`. A number without a currency word is
not money (``3,2 млрд. салық``).
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import List, Optional

from ...lang.kk.tables import load_table
from ...mentions import Context, Mention
from ..analysis import analysis_for
from ..measure import MeasureGrammar, clean
from ..phrases import PhraseLexicon, make_phrase


@lru_cache(maxsize=1)
def grammar() -> MeasureGrammar:
    units, signs = [], []
    for r in load_table("currencies"):
        either = r["place"] == "either"
        p = make_phrase(r["form"], (r["code"], Decimal(r.get("factor") or 1)), inflect=r["inflect"] == "yes", sensitive=r["case"] == "sensitive",
                        glued_first=either)
        units.append(p)
        if either:
            signs.append(p)
    return MeasureGrammar(PhraseLexicon(units), trigger="money", prefix_units=PhraseLexicon(signs))


def find(text: str, ctx: Optional[Context] = None) -> List[Mention]:
    out = []
    for f in grammar().find(text, analysis_for(text, ctx.doc if ctx else None)):
        code, factor = f.unit.payload
        value_max = None if f.value_max is None else clean(f.value_max * factor)
        out.append(Mention("money", f.start, f.end, {"value": clean(f.value * factor), "value_max": value_max,
                                                     "currency": code, "qualifier": f.qualifier}))
    return out

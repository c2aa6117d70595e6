"""The quantity recogniser: an amount with a physical unit → value, unit code, qualifier.

``4,5 млн. тонна``, ``600 мың тоннадан астам``, ``77,7 мың гектарға``, ``60 435,9 тонна``, ``500 метрден
жақын`` (less than), ``2 метрден асатын`` (more than), ``100 мың тоннаға дейін`` (up to), ``30 мың шаршы
метр`` (m2), ``500 бас мал`` (head). Units are in ``lang/kk/data/units.tsv``. Counted things (``35 жоба``),
durations (``5 жыл``), ages and earthquake magnitudes (``6,1 балл``) have no unit there and are not
quantities.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List, Optional

import regex

from ...lang.kk.tables import load_table
from ...mentions import Context, Mention
from ..measure import MeasureGrammar
from ..phrases import PhraseLexicon, make_phrase

# a one- or two-letter abbreviation followed by ".X" is another abbreviation (т.б. = тағы басқа)
_ABBREVIATION_AFTER = regex.compile(r"\.\p{L}")


@lru_cache(maxsize=1)
def grammar() -> MeasureGrammar:
    units = [make_phrase(r["form"], r["unit"], inflect=r["inflect"] == "yes", sensitive=r["case"] == "sensitive",
                         glued_first=r["glued"] == "yes")
             for r in load_table("units")]
    return MeasureGrammar(PhraseLexicon(units))


def find(text: str, ctx: Optional[Context] = None) -> List[Mention]:
    out = []
    for f in grammar().find(text):
        if len(f.unit.form) <= 2 and _ABBREVIATION_AFTER.match(text, f.end) and not f.tail:
            continue
        out.append(Mention("quantity", f.start, f.end, {"value": f.value, "value_max": f.value_max,
                                                        "unit": f.unit.payload, "qualifier": f.qualifier}))
    return out

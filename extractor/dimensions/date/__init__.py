"""The date recogniser: calendar references in Kazakh news, with their first and last day.

``find(text, ctx)`` runs every rule over the normalised text, keeps the longest of overlapping matches,
joins two dates written as one range, and resolves each mention in text order: relative dates against
the publish date (``ctx.published``), a quarter or half without a year against the year the text spoke
of last. The rules live in

* :mod:`.year_rules` — a year and what follows it (2018 жылы, биыл, 2014 жылдың желтоқсанында, 2018 жылғы
  III тоқсанда, 2025 жылдың 11 айында, жылдың басынан бері);
* :mod:`.calendar_rules` — days and months without a year word before them (15 қараша 2018 ж., 29 қазан
  күні, қарашада, қаңтар-қазан айларында, бірінші тоқсанда, 15.11.2018);
* :mod:`.span_rules` — several years (2010-2014 жж, 1980 жылдары, 90-жылдары, 2017 және 2018 жылдары);
* :mod:`.relative_rules` — days and months counted from the publish date (бүгін, кеше, осы айда, жұма
  күні, осыдан 4 жыл бұрын).

Durations (3 жыл бойы, 11 айда), ages (14 жасында), times of day and centuries match no rule.
"""
from __future__ import annotations

from typing import Iterable, List, Optional

from ...mentions import Context, Mention
from ..analysis import TextAnalysis, analyse, analysis_for
from . import calendar_rules, relative_rules, span_rules, year_rules
from .ranges import join_ranges
from .readings import Item, TextContext, resolve
from .starts import StartIndex

RULES = year_rules.RULES + span_rules.RULES + calendar_rules.RULES + relative_rules.RULES
# where the rules may begin, from the document analysis (one index for all rules)
STARTS = StartIndex([r.starts for r in RULES if r.starts is not None])


def candidates(text: str, analysis: Optional[TextAnalysis] = None) -> List[List[Item]]:
    """Every rule's matches, as groups of items (one group per match), in rule order; ``analysis``: the
    document's (:mod:`..analysis`), else the text is analysed here."""
    out = []
    low = text.lower()
    positions = STARTS.positions(analysis if analysis is not None else analyse(text))
    seen: dict = {}
    for rule in RULES:
        out.extend(rule.items(text, low, positions, seen))
    return out


def select(groups: List[List[Item]]) -> List[List[Item]]:
    """Non-overlapping groups, the longest first (earlier rules win ties); returned in text order."""
    order = sorted(range(len(groups)), key=lambda i: (-(_end(groups[i]) - _start(groups[i])), i))
    taken: List[List[Item]] = []
    for i in order:
        g = groups[i]
        if all(_end(g) <= _start(t) or _start(g) >= _end(t) for t in taken):
            taken.append(g)
    taken.sort(key=_start)
    return taken


def _start(g: List[Item]) -> int:
    return min(it.start for it in g)


def _end(g: List[Item]) -> int:
    return max(it.end for it in g)


def find(text: str, ctx: Context) -> Iterable[Mention]:
    groups = join_ranges(text, select(candidates(text, analysis_for(text, ctx.doc if ctx else None))))
    state = TextContext(published=ctx.published)
    out = []
    for g in groups:
        for item in sorted(g, key=lambda it: it.start):
            r = resolve(item, state)
            if r is None:
                continue
            out.append(Mention("date", r.start, r.end, {"date_start": r.date_start, "date_end": r.date_end,
                                                        "granularity": r.granularity, "relative": r.relative}))
    return out

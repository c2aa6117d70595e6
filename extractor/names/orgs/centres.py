"""A place's centre: ``орталығы`` (role ``place_part``) owned by a place is a place reference, no body.

``Түлкібас ауданының орталығы``, ``Қармақшы ауданы орталығынан``, ``облыс орталығында``, ``Абай облысының
әкімшілік орталығы`` (a word of role ``centre_kind`` may stand between): the district's (administrative)
centre is a town, never an organisation, whether a rule or the model finds it. A centre with words of a body
of its own (``Павлодар облысының жастар орталығы``) is not this.
"""
from __future__ import annotations

from typing import Optional

from ...lang.kk.morph import parses
from ..heads import head_at
from ..lexicon import place_nouns, place_parts, role_words
from ..text import TextInfo, Word


def _before(info: TextInfo, w: Word) -> Optional[Word]:
    prev = info.prev(w)
    return prev if prev is not None and info.adjacent(prev, w) else None


def _place_word(info: TextInfo, w: Word) -> bool:
    """A place's head in any form (``ауданының``, ``ауданы``) or a common noun for a kind of place (``аудан``,
    ``облыс``)."""
    if w.lower in place_nouns() or any(p.case_name == "genitive" and p.base.casefold() in place_nouns()
                                       for p in parses(w.text)):
        return True
    hm = head_at(info, w)
    return hm is not None and hm.head.entity == "location"


def place_centre(info: TextInfo, head: Word) -> bool:
    """Whether ``head`` (a word whose head noun is a ``place_part``: ``орталығы``, ``орталығынан``) is the
    centre of the place written right before it, maybe through a ``centre_kind`` word (``әкімшілік``)."""
    hm = head_at(info, head)
    if hm is None or hm.first is not hm.last or hm.base.casefold() not in place_parts():
        return False
    prev = _before(info, head)
    if prev is not None and prev.lower in role_words("centre_kind"):
        prev = _before(info, prev)
    return prev is not None and _place_word(info, prev)

"""A change from X to Y (``жалақы 250 мың теңгеден 300 мың теңгеге өсті``): X is the level before the
change, so it is actual whatever the sentence's status, and a date of the change goes with Y only
(facts.md). X is an amount in the ablative followed, in the same phrase, by an amount of the same type
and then by a verb of change (``lang/kk/data/change_verbs.tsv``, the table the amount recognisers use)."""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence, Tuple

from ..lang.kk.tables import load_table
from ..mentions import Mention
from .morph_case import word_case
from .sentence import Sentence


@lru_cache(maxsize=1)
def _change_stems() -> Tuple[str, ...]:
    return tuple(sorted((r["stem"] for r in load_table("change_verbs")), key=len, reverse=True))


def starts_change(sent: Sentence, mentions: Sequence[Mention], first: int, last: int) -> bool:
    """Whether the amount on words ``first..last`` is the X of a change X → Y."""
    words = sent.words
    if word_case(words[last].text) != "ablative":
        return False
    k, seg = words[first].mention, words[last].segment
    rest = [w for w in words[last + 1:] if w.segment == seg]
    other = next((w.mention for w in rest if w.mention is not None and w.mention != k), None)
    if other is None or mentions[other].type != mentions[k].type:
        return False
    after = [w for w in rest if w.mention is None and not w.punct]
    stems = _change_stems()
    return any(w.lower.startswith(stems) for w in after)

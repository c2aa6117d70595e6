"""Whether an amount is planned or actual, from its own sentence only (facts.md).

The words after the amount are read up to the end of its clause; the first that ``facts_status.tsv``
gives a status decides: a planned marker (``көзделген``, ``ұсынылды``, ``-мақ/-мек``, ``тиіс``,
``болады``), a finite verb of the past or present (``тартылды``, ``құрады``, ``жеткіздік``), a
conditional (the amount is a condition: actual), or the aorist (``қамтиды``, ``береміз``,
``төленеді``): the future, so planned, unless the sentence has a present-time or habitual word
(``бүгінде``, ``сайын``, ``айына``), or the verb pays a regular payment the sentence names (``жәрдемақы
... төленеді``: a rate in force). With no decision after the amount, a plan noun before it in its
clause (``жоспар бойынша``) makes it planned; else it is actual."""
from __future__ import annotations

from .lexicon import has_status, status_of_word
from .sentence import Sentence

PLANNED, ACTUAL = "planned", "actual"


def status_of(sent: Sentence, first: int, last: int) -> str:
    words = sent.words
    clause = words[first].clause
    present = any(not w.punct and status_of_word(w.lower, final=False, after=False) == "present" for w in words)
    regular = any(not w.punct and has_status(w.lower, "regular") for w in words)
    amount = words[first].mention
    # the amount's own words count too: a qualifier may carry the verb (150 доллардан артық болмайды)
    for w in words[first + 1:]:
        if w.clause != clause:
            break
        if w.punct or (w.mention is not None and w.mention != amount):
            continue
        st = status_of_word(w.lower, final=w.final, after=True)
        if st in (None, "present", "none", "regular", "payment") or (st == "auxiliary" and not w.final):
            continue
        if st == "planned":
            return PLANNED
        if st == "aorist":
            return ACTUAL if present or (regular and has_status(w.lower, "payment")) else PLANNED
        return ACTUAL  # actual, condition
    for w in words[:first]:
        if w.clause == clause and not w.punct and w.mention is None \
                and status_of_word(w.lower, final=False, after=False) == PLANNED:
            return PLANNED
    return ACTUAL

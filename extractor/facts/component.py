"""``kx_facts``: the spaCy component that gives every money and jobs mention its facts.

It runs last, after ``kx_resolve``, on the final mentions, and adds to each money and jobs mention's
attributes ``measure``, ``status`` and the links ``org``, ``location``, ``date`` (positions in the
mention list; :func:`extractor.facts.links.relink` makes them record indices). A sentence the
grammar cannot read gives ``measure: "other"`` and no links, never an error. An item of a list
(``- білімге 5 трлн теңге;`` after ``2023 жылы шығыстар ... бағытталды:``) is read with the list's lead:
facts.md counts a list after a colon as one sentence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..mentions import get_mentions
from .links import link_date, link_location, link_org
from .measure import measure_of, sentence_cues
from .sentence import list_lead, sentences_of
from .change import starts_change
from .status import ACTUAL, status_of

AMOUNT_TYPES = ("money", "jobs")
LINKS = (("org", link_org), ("location", link_location), ("date", link_date))


def add_facts(doc: Doc) -> Doc:
    mentions = get_mentions(doc)
    amounts = {k for k, m in enumerate(mentions) if m.type in AMOUNT_TYPES}
    if not amounts or not len(doc):
        return doc
    for sent in sentences_of(doc, mentions, amounts):
        cues = None
        lead = list_lead(doc, sent, mentions)  # the item of a list: its lead sentence is part of it
        for k in sent.mentions:
            if k not in amounts:
                continue
            m = mentions[k]
            span = sent.span_of(k)
            if span is None:
                continue
            first, last = span
            if m.type == "money":
                if cues is None:
                    cues = sentence_cues(sent)
                measure = measure_of(sent, first, last, cues, lead=lead)
            else:
                measure = "jobs"
            facts = dict(measure=measure, status=status_of(sent, first, last))
            for field, link in LINKS:
                facts[field] = link(sent, mentions, first, last)
                if facts[field] is None and lead is not None and lead.words:
                    # a list after a colon is one sentence (facts.md): the lead's names stand before the item
                    end = len(lead.words) - 1
                    facts[field] = link(lead, mentions, end, end)
            if starts_change(sent, mentions, first, last):  # the level before a change: no plan, no date
                facts.update(status=ACTUAL, date=None)
            m.attrs.update(facts)
    return doc


class FactsComponent:
    def __init__(self, name: str = "kx_facts"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return add_facts(doc)


@Language.factory("kx_facts")
def make_facts(nlp: Language, name: str):
    return FactsComponent(name)

"""``kx_facts``: the spaCy component that gives every money and jobs mention its facts.

It runs last, after ``kx_resolve``, on the final mentions, and adds to each money and jobs mention's
attributes ``measure``, ``status`` and the links ``org``, ``location``, ``date`` (positions in the
mention list; :func:`extractor.facts.links.relink` makes them record indices). A sentence the
grammar cannot read gives ``measure: "other"`` and no links, never an error.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..mentions import get_mentions
from .links import link_date, link_location, link_org
from .measure import measure_of, sentence_cues
from .sentence import list_lead, sentences_of
from .status import status_of

AMOUNT_TYPES = ("money", "jobs")


def add_facts(doc: Doc) -> Doc:
    mentions = get_mentions(doc)
    amounts = {k for k, m in enumerate(mentions) if m.type in AMOUNT_TYPES}
    if not amounts or not len(doc):
        return doc
    for sent in sentences_of(doc, mentions, amounts):
        cues = None
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
                measure = measure_of(sent, first, last, cues, lead=list_lead(doc, sent, mentions))
            else:
                measure = "jobs"
            m.attrs.update(measure=measure, status=status_of(sent, first, last),
                           org=link_org(sent, mentions, first, last),
                           location=link_location(sent, mentions, first, last),
                           date=link_date(sent, mentions, first, last))
    return doc


class FactsComponent:
    def __init__(self, name: str = "kx_facts"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return add_facts(doc)


@Language.factory("kx_facts")
def make_facts(nlp: Language, name: str):
    return FactsComponent(name)

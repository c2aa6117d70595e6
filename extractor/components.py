"""spaCy components that run the rule recognisers and settle overlaps.

Each dimension module exposes ``find(text, ctx)``; :func:`register_rule_component` turns it into a
spaCy factory ``kx_<dimension>``. ``kx_resolve`` runs last and keeps, among overlapping value
mentions, the longest one (ties go to the type listed first in ``VALUE_PRIORITY``).
"""
from __future__ import annotations

from typing import Dict, List

from spacy.language import Language
from spacy.tokens import Doc

from .lang.kk.tokenizer import doc_text
from .spans import keep_longest
from .mentions import Context, Finder, Mention, add_mentions, get_mentions, published_of

# when two value mentions cover the same characters, the earlier type in this list wins
VALUE_PRIORITY = ("money", "percent", "jobs", "quantity", "date")


class RuleComponent:
    """Runs one recogniser over ``doc.text`` and adds its mentions to ``doc._.kx_mentions``."""

    def __init__(self, name: str, find: Finder):
        self.name = name
        self.find = find

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(published=published_of(doc), doc=doc, mentions=get_mentions(doc))
        add_mentions(doc, self.find(doc_text(doc), ctx))
        return doc


_REGISTERED: Dict[str, str] = {}


def register_rule_component(dimension: str, find: Finder) -> str:
    """Register factory ``kx_<dimension>`` running ``find``; returns the factory name."""
    name = f"kx_{dimension}"
    if name not in _REGISTERED:
        def make(nlp: Language, name: str) -> RuleComponent:
            return RuleComponent(name, find)

        Language.factory(name, func=make)
        _REGISTERED[name] = dimension
    return name


def resolve_overlaps(mentions: List[Mention]) -> List[Mention]:
    """Value mentions never overlap in the output: keep the longest; name mentions are kept as they are."""
    rank = {t: i for i, t in enumerate(VALUE_PRIORITY)}
    values = [m for m in mentions if m.type in rank]
    names = [m for m in mentions if m.type not in rank]
    taken = keep_longest(values, rank=lambda m: (-m.length, rank[m.type], m.start))
    out = taken + names
    out.sort(key=lambda m: (m.start, m.end))
    return out


class ResolveComponent(RuleComponent):
    def __init__(self, name: str):
        super().__init__(name, find=lambda text, ctx: [])

    def __call__(self, doc: Doc) -> Doc:
        doc._.kx_mentions = resolve_overlaps(get_mentions(doc))
        return doc


@Language.factory("kx_resolve")
def make_resolve(nlp: Language, name: str):
    return ResolveComponent(name)

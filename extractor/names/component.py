"""``kx_names``: the spaCy component that writes the person, location and org mentions.

It runs after the rule recognisers (``kx_org`` among them) and after a statistical NER when the
pipeline has one, and before ``kx_resolve``. It reads

* ``doc.ents`` (KazNERD labels: PERSON → person; GPE and LOCATION → location; ORGANISATION → org;
  other labels are ignored), source ``model``;
* the org mentions of ``kx_org``, source ``rule``;
* places and people found by rule (:mod:`.locations`, :mod:`.persons`), source ``rule``;

and merges them:

* a model span that overlaps a rule value mention (money, date, ...) is dropped: a model never
  overwrites a rule value;
* a model span that overlaps a rule mention of its own type makes ONE mention with source
  ``rule+model``; the rule's name and legal form are kept (a person or place the model saw longer,
  ``Әсет Исекешев`` for the rule's ``Исекешев``, takes the model's span and name);
* a model span of another type replaces the rule places and people it holds (a model org
  ``Астана қаласы әкімдігі`` over the rule place ``Астана қаласы``) and a lone rule surname on the same
  words; it never replaces a rule org;
* a place or person inside an organisation's name is no mention of its own (``Маңғыстау облысы
  әкімдігі`` gives no place ``Маңғыстау облысы``), nor a person inside a place's name
  (``Ғұмаров көшесі``);
* then, for the whole document: people's short forms become the fullest form (:mod:`.resolve`), a
  legal form seen once for an organisation's name holds for all its mentions, aliases become the
  gazetteer's name (``Ұлттық банкі`` → ``Ұлттық банк``).

Without a model (rules only) the output is the rule orgs, gazetteer and head-noun places, and the
rule people.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.kk.morph import base_form
from ..mentions import Mention, get_mentions
from .lexicon import canonical_location, canonical_org
from .locations import find_places
from .persons import find_persons
from .resolve import resolve_persons
from .text import TextInfo

NAME_TYPES = ("person", "location", "org")
# KazNERD labels (and the usual short ones) → record type
LABELS: Dict[str, str] = {"PERSON": "person", "PER": "person", "GPE": "location", "LOCATION": "location",
                          "LOC": "location", "ORGANISATION": "org", "ORGANIZATION": "org", "ORG": "org"}
_EDGE = " \t\n«»\"'“”„()[],.;:!?-"


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(a: Mention, b: Mention) -> bool:
    return b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _lone_surname(m: Mention) -> bool:
    return m.type == "person" and m.source == "rule" and " " not in m.attrs["name"] and "." not in m.attrs["name"]


def _trim(text: str, start: int, end: int):
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def model_mention(doc: Doc, info: TextInfo, ent) -> Optional[Mention]:
    """A name mention from one entity of ``doc.ents`` (``None`` for other labels)."""
    kind = LABELS.get(ent.label_)
    if kind is None:
        return None
    start, end = _trim(doc.text, ent.start_char, ent.end_char)
    if start >= end:
        return None
    surface = doc.text[start:end]
    known = lambda w: w.casefold() in info.capitalised_words  # noqa: E731
    if kind == "org":
        from ..dimensions.org import find_orgs

        inner = [m for m in find_orgs(surface) if m.attrs.get("legal_form")]
        if inner and inner[0].length >= len(surface) * 0.6:
            attrs = dict(inner[0].attrs)
        else:
            clean = " ".join(surface.replace("«", " ").replace("»", " ").replace('"', " ").split())
            attrs = {"name": canonical_org(base_form(clean, "org", known=known)), "legal_form": None}
    elif kind == "location":
        attrs = {"name": canonical_location(base_form(surface, "location", known=known))}
    else:
        attrs = {"name": base_form(surface, "person", known=known)}
    return Mention(kind, start, end, attrs, "model")


def merge(values: List[Mention], rules: List[Mention], model: List[Mention]) -> List[Mention]:
    """One list of name mentions from rule and model findings (see the module docstring)."""
    model = [m for m in model if not any(_overlaps(m, v) for v in values)]
    out = list(rules)
    for m in model:
        same = [r for r in out if r.type == m.type and _overlaps(r, m)]
        if same:
            r = same[0]
            r.source = "rule+model"
            if m.type in ("person", "location") and _inside(r, m):
                # the model saw more of the name: Әсет Исекешев for Исекешев, Іле Алатауы for Іле
                r.start, r.end, r.attrs = m.start, m.end, dict(m.attrs)
            continue
        other = [r for r in out if _overlaps(r, m)]
        # a model span of another type replaces rule places and people it holds (an org's name holds
        # its place: Астана қаласы әкімдігі; a person's name its first name: Алтай Көлгінов), and a
        # lone surname the rules guessed; it never replaces a rule org
        if not all(r.type != "org" and (_inside(r, m) or (_lone_surname(r) and (r.start, r.end) == (m.start, m.end)))
                   for r in other):
            continue
        out = [r for r in out if r not in other]
        out.append(m)
    orgs = [m for m in out if m.type == "org"]
    places = [m for m in out if m.type == "location"]
    kept = []
    for m in out:
        if m.type in ("location", "person") and any(_inside(m, o) or (_overlaps(m, o) and m.source == "model")
                                                    for o in orgs):
            continue
        if m.type == "person" and any(_inside(m, p) for p in places):
            continue
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def finish(mentions: List[Mention]) -> List[Mention]:
    """Document-level clean-up: fullest person names, legal forms for every mention, canonical names."""
    persons = [m for m in mentions if m.type == "person"]
    mapping = resolve_persons(m.attrs["name"] for m in persons)
    for m in persons:
        m.attrs["name"] = mapping.get(m.attrs["name"], m.attrs["name"])
    forms: Dict[str, str] = {}
    for m in mentions:
        if m.type == "org":
            m.attrs["name"] = canonical_org(m.attrs["name"])
            m.attrs.setdefault("legal_form", None)
            if m.attrs["legal_form"]:
                forms.setdefault(m.attrs["name"].casefold(), m.attrs["legal_form"])
    for m in mentions:
        if m.type == "org" and not m.attrs["legal_form"]:
            m.attrs["legal_form"] = forms.get(m.attrs["name"].casefold())
    return [m for m in mentions if m.attrs.get("name")]


class NamesComponent:
    def __init__(self, name: str = "kx_names"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        info = TextInfo(text)
        existing = get_mentions(doc)
        values = [m for m in existing if m.type not in NAME_TYPES]
        rules = [m for m in existing if m.type in NAME_TYPES]
        rules += [Mention("location", p.start, p.end, {"name": p.name}, "rule") for p in find_places(text, info)]
        rules += [Mention("person", p.start, p.end, {"name": p.name}, "rule") for p in find_persons(text, info)]
        rules = _rule_overlaps(rules)
        model = [m for m in (model_mention(doc, info, e) for e in doc.ents) if m is not None]
        names = finish(merge(values, rules, model))
        doc._.kx_mentions = sorted(values + names, key=lambda m: (m.start, m.end))
        return doc

    # no state to save
    def to_disk(self, path, *, exclude=tuple()):
        pass

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, data, *, exclude=tuple()):
        return self


def _rule_overlaps(rules: List[Mention]) -> List[Mention]:
    """Rule findings of different types that overlap: the one that holds the other wins (Алтай
    Көлгінов over the place Алтай; Ғұмаров көшесі over the person), else an org beats a place beats a
    person. A place inside an org is kept here and dropped in :func:`merge`."""
    rank = {"org": 0, "location": 1, "person": 2}
    ordered = sorted(rules, key=lambda m: (-m.length, rank[m.type], m.start))
    kept: List[Mention] = []
    for m in ordered:
        clash = [k for k in kept if _overlaps(m, k) and k.type != m.type]
        if clash and not all(_inside(m, k) and k.type == "org" for k in clash):
            continue
        kept.append(m)
    return kept


@Language.factory("kx_names")
def make_names(nlp: Language, name: str):
    return NamesComponent(name)

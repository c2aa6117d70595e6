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
  ``rule+model``; the rule's name and legal form are kept (a person or place of one word that the
  model saw longer, ``Ерлан Сапаров`` for the rule's ``Сапаров``, takes the model's span and name,
  see :func:`extends`);
* a model span of another type replaces the rule places and people it holds (a model org
  ``Астана қаласы әкімдігі`` over the rule place ``Астана қаласы``) and a lone rule surname on the same
  words; it never replaces a rule org;
* a place or person inside an organisation's name is no mention of its own (``Маңғыстау облысы
  әкімдігі`` gives no place ``Маңғыстау облысы``), nor a person inside a place's name
  (``Ғұмаров көшесі``), nor a place inside a person's name (``Шалқар`` in ``Шалқар Асанов``);
* then, for the whole document: people's short forms become the fullest form (:mod:`.resolve`), a
  legal form seen once for an organisation's name holds for all its mentions, aliases become the
  gazetteer's name (``Ұлттық банкі`` → ``Ұлттық банк``).

Without a model (rules only) the output is the rule orgs, gazetteer and head-noun places, and the
rule people.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from ..lang.kk.morph import base_form
from ..lang.kk.tokenizer import doc_text
from ..mentions import Mention, get_mentions
from ..spans import SpanIndex, inside
from .keys import alias_spellings, entity_key, fuller_org_names
from .lexicon import abbreviation_expansions, canonical_location, canonical_org, is_title, state_words, unit_adjectives
from .model_checks import Span, check_spans, gazetteer_name
from .locations import find_places
from .orgs import find_orgs
from .persons import find_persons
from .resolve import resolve_persons
from .text import WORD_RE, TextInfo, text_info

NAME_TYPES = ("person", "location", "org")
# KazNERD labels (and the usual short ones) → record type
LABELS: Dict[str, str] = {"PERSON": "person", "PER": "person", "GPE": "location", "LOCATION": "location",
                          "LOC": "location", "ORGANISATION": "org", "ORGANIZATION": "org", "ORG": "org"}
_EDGE = " \t\n«»\"'“”„()[],.;:!?-"


def _lone_surname(m: Mention) -> bool:
    return m.type == "person" and m.source == "rule" and " " not in m.attrs["name"] and "." not in m.attrs["name"]


def _trim(text: str, start: int, end: int):
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def model_span(doc: Doc, ent, text: Optional[str] = None) -> Optional[Span]:
    """The name span of one entity of ``doc.ents``, edges trimmed (``None`` for other labels). Pass
    ``text`` (``doc.text``) when calling this for many entities: spaCy builds ``doc.text`` anew at each read."""
    kind = LABELS.get(ent.label_)
    if kind is None:
        return None
    start, end = _trim(doc.text if text is None else text, ent.start_char, ent.end_char)
    return Span(kind, start, end) if start < end else None


def span_mention(info: TextInfo, span: Span) -> Mention:
    """A mention with the record attributes of a (checked) model span."""
    kind, start, end = span.kind, span.start, span.end
    surface = info.text[start:end]
    known = lambda w: w.casefold() in info.capitalised_words  # noqa: E731
    if kind == "org":
        legal = _legal_org_attrs(surface)
        if legal is not None:
            attrs = dict(legal)
        else:
            clean = " ".join(surface.replace("«", " ").replace("»", " ").replace('"', " ").split())
            attrs = {"name": canonical_org(base_form(clean, "org", known=known)), "legal_form": None}
    elif kind == "location":
        attrs = {"name": canonical_location(base_form(surface, "location", known=known))}
    else:
        attrs = {"name": base_form(surface, "person", known=known)}
    return Mention(kind, start, end, attrs, "model")


@lru_cache(maxsize=4096)
def _legal_org_attrs(surface: str) -> Optional[Tuple[Tuple[str, Any], ...]]:
    """The attributes (name, legal form) of the organisation with a legal form that the rules find in a model
    org's ``surface`` when it covers most of it, else ``None``. A function of the surface alone, kept per
    surface: the same organisations come back article after article, and each look ran every org rule."""
    inner = [m for m in find_orgs(surface) if m.attrs.get("legal_form")]
    if inner and inner[0].length >= len(surface) * 0.6:
        return tuple(inner[0].attrs.items())
    return None


def model_mention(doc: Doc, info: TextInfo, ent) -> Optional[Mention]:
    """A name mention from one entity of ``doc.ents`` as the model gives it, unchecked (``None`` for
    other labels)."""
    span = model_span(doc, ent)
    return span_mention(info, span) if span is not None else None


def model_mentions(doc: Doc, info: TextInfo, rules: List[Mention]) -> List[Mention]:
    """The model's names that pass :mod:`.model_checks` (``rules``: the rule findings of the text)."""
    spans = [s for s in (model_span(doc, e, info.text) for e in doc.ents) if s is not None]
    persons = [m.attrs["name"] for m in rules if m.type == "person"]
    return [span_mention(info, s) for s in check_spans(info, spans, persons)]


def extends(text: str, rule: Mention, m: Mention) -> bool:
    """Whether the model span ``m`` around the rule mention ``rule`` is the same name seen longer: the
    rule found one word (``Сапаров`` of ``Ерлан Сапаров``, ``Іле`` of ``Іле Алатауы``) or part of a person's
    name (``Анна Мария`` of ``Анна Мария Вильмено``, ``Ахмет Ясауи`` of ``Қожа Ахмет Ясауи``), and the words
    the model adds are capitalised, no title (not ``Елбасы``) nor, after a person, a known place (not ``Парижде``),
    and joined to it by spaces only (not
    ``Алматы – Астана``, ``Қазақстан-Қытай``, ``Қазақстанның облыстарына``)."""
    if not inside(rule, m) or (rule.type != "person" and len(WORD_RE.findall(text[rule.start:rule.end])) != 1):
        return False
    before, after = text[m.start:rule.start], text[rule.end:m.end]
    if (before and not before.endswith(" ")) or (after and not after.startswith(" ")):
        return False
    rest = WORD_RE.sub("", before + " " + after)
    added = WORD_RE.findall(before + " " + after)
    if rule.type == "person" and any(gazetteer_name(w) for w in WORD_RE.findall(after)):
        return False  # Геннадий Головкин Парижде: a place after the name is no word of it (Шалқар before it may be)
    return not rest.strip() and all(w[:1].isupper() and not is_title(w) for w in added)


def merge(values: List[Mention], rules: List[Mention], model: List[Mention], text: str) -> List[Mention]:
    """One list of name mentions from rule and model findings (see the module docstring). Overlaps are
    looked up in :class:`~extractor.spans.SpanIndex` es: the model's spans never overlap one another, so each
    is compared with the rule findings it overlaps only."""
    value_index = SpanIndex(values)
    model = [m for m in model if not value_index.overlapping(m.start, m.end)]
    order = {id(r): k for k, r in enumerate(rules)}
    rule_index = SpanIndex(rules)
    removed = set()
    added: List[Mention] = []
    for m in model:
        hits = sorted((r for r in rule_index.overlapping(m.start, m.end) if id(r) not in removed),
                      key=lambda r: order[id(r)])
        same = [r for r in hits if r.type == m.type]
        if same:
            r = same[0]
            r.source = "rule+model"
            if m.type in ("person", "location") and extends(text, r, m) \
                    and not (m.type == "person" and any(h.type == "location" and not inside(h, m) for h in hits)):
                # (a person's name never runs into a place the rules found: Ержан Сейітов | Қоскөл ауылдық округі)
                # the model saw more of the name: Ерлан Сапаров for Сапаров, Іле Алатауы for Іле
                r.start, r.end, r.attrs = m.start, m.end, dict(m.attrs)
                # the other pieces the rules found of it go (Көлгінов and Алтай Сейдірұлы of one name)
                removed.update(id(o) for o in same[1:] if inside(o, m))
            continue
        # a model span of another type replaces rule places and people it holds (an org's name holds
        # its place: Астана қаласы әкімдігі; a person's name its first name: Алтай Серікбаев), and a
        # lone surname the rules guessed; it never replaces a rule org
        if not all(r.type != "org" and (inside(r, m) or (_lone_surname(r) and (r.start, r.end) == (m.start, m.end)))
                   for r in hits):
            continue
        removed.update(id(r) for r in hits)
        added.append(m)
    out = [r for r in rules if id(r) not in removed] + added
    orgs = SpanIndex(m for m in out if m.type == "org")
    places = SpanIndex(m for m in out if m.type == "location")
    persons = SpanIndex(m for m in out if m.type == "person")
    org_starts = {o.start: o for o in orgs}
    kept = []
    for m in out:
        if m.type in ("location", "person") and any(inside(m, o) or m.source == "model"
                                                    for o in orgs.overlapping(m.start, m.end)):
            continue
        if m.type == "location" and (_state_before_body(text, m, org_starts) or _owner_before_unit_adjective(text, m)):
            continue
        if m.type == "person" and any(inside(m, p) for p in places.overlapping(m.start, m.end)):
            continue
        if m.type == "location" and any(inside(m, p) and (p.start, p.end) != (m.start, m.end)
                                        for p in persons.overlapping(m.start, m.end)):
            continue  # a first name that is also a place: Дания in Дания Ермекова, Шалқар in Шалқар Асанов
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def _owner_before_unit_adjective(text: str, m: Mention) -> bool:
    """A place in the nominative right before ``облыстық``/``аудандық``/``қалалық`` (``data/name_stop_words.tsv``,
    role ``unit_adjective``) owns the body or office named after it (``Ақмола облыстық филиалы``, ``Ақтөбе
    қалалық әкімі``): a word of that name, no place of its own (``Ақтөбеде облыстық ...`` is one)."""
    if text[m.end:m.end + 1] != " ":
        return False
    nxt = WORD_RE.match(text, m.end + 1)
    if nxt is None or nxt.group().casefold() not in unit_adjectives():
        return False
    surface = text[m.start:m.end]
    return base_form(surface, "location") == surface


def _state_before_body(text: str, m: Mention, org_starts: Dict[int, Mention]) -> bool:
    """A republic written in the nominative right before a state body's name is the start of that official
    name, no place of its own (``Қазақстан Республикасы Мәдениет және спорт министрлігі``)."""
    last = text[m.start:m.end].split()[-1].casefold()
    if last not in state_words() or text[m.end:m.end + 1] != " ":
        return False
    return m.end + 1 in org_starts


def _one_name_per_key(mentions: List[Mention]) -> None:
    """The mentions of one entity in a text get one name: an abbreviation takes the full name the text also
    writes (``ТЖМ`` after ``Төтенше жағдайлар министрлігі``); the spelling ``data/name_aliases.tsv`` gives, when
    the text writes it and it is longer than the others (``Парламент Мәжілісі`` and ``Мәжіліс``); among other
    spellings the most frequent wins, then the first (``Атырау облысының әкімдігі`` and ``Атырау облысы
    әкімдігі``)."""
    groups: Dict[tuple, List[Mention]] = {}
    for m in mentions:
        if m.type in ("org", "location"):
            groups.setdefault((m.type, m.attrs["key"]), []).append(m)
    abbreviations = abbreviation_expansions()
    for group in groups.values():
        names = [m.attrs["name"] for m in group if m.attrs["name"] not in abbreviations]
        if not names or len(set(m.attrs["name"] for m in group)) == 1:
            continue
        best = max(dict.fromkeys(names), key=names.count)  # the most frequent, the first among equals
        fuller = [n for n in names if " ".join(n.casefold().split()) in alias_spellings()
                  and all(len(n.split()) > len(o.split()) for o in names if o != n)]
        if fuller:  # the alias table's fuller spelling the text also writes: Парламент Мәжілісі over Мәжіліс
            best = fuller[0]
        for m in group:
            m.attrs["name"] = best


def finish(mentions: List[Mention]) -> List[Mention]:
    """Document-level clean-up: fullest person names, legal forms for every mention, canonical names,
    and the ``key`` of every name (:mod:`.keys`)."""
    persons = [m for m in mentions if m.type == "person"]
    mapping = resolve_persons(m.attrs["name"] for m in persons)
    for m in persons:
        m.attrs["name"] = mapping.get(m.attrs["name"], m.attrs["name"])
    forms: Dict[str, str] = {}
    orgs = [m for m in mentions if m.type == "org"]
    for m in orgs:
        m.attrs["name"] = canonical_org(m.attrs["name"])
    fuller = fuller_org_names(m.attrs["name"] for m in orgs)  # Мемлекеттік театр after Алматы Мемлекеттік театр
    for m in orgs:
        m.attrs["name"] = fuller.get(m.attrs["name"], m.attrs["name"])
        m.attrs.setdefault("legal_form", None)
        if m.attrs["legal_form"]:
            forms.setdefault(m.attrs["name"].casefold(), m.attrs["legal_form"])
    for m in orgs:
        if not m.attrs["legal_form"]:
            m.attrs["legal_form"] = forms.get(m.attrs["name"].casefold())
    out = [m for m in mentions if m.attrs.get("name")]
    for m in out:
        m.attrs["key"] = entity_key(m.type, m.attrs["name"])
    _one_name_per_key(out)
    return out


class NamesComponent:
    def __init__(self, name: str = "kx_names"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # kept by the tokenizer: spaCy's doc.text joins every token anew at each read
        info = text_info(text, doc)  # the words read off the Doc's tokens
        existing = get_mentions(doc)
        values = [m for m in existing if m.type not in NAME_TYPES]
        rules = [m for m in existing if m.type in NAME_TYPES]
        rules += [Mention("location", p.start, p.end, {"name": p.name}, "rule") for p in find_places(text, info)]
        rules += [Mention("person", p.start, p.end, {"name": p.name}, "rule") for p in find_persons(text, info)]
        rules = _rule_overlaps(rules)
        model = model_mentions(doc, info, rules)
        names = finish(merge(values, rules, model, text))
        doc._.kx_mentions = sorted(values + names, key=lambda m: (m.start, m.end))
        return doc


def _rule_overlaps(rules: List[Mention]) -> List[Mention]:
    """Rule findings of different types that overlap: the one that holds the other wins (Алтай
    Серікбаев over the place Алтай; Ғұмаров көшесі over the person), else an org beats a place beats a
    person. A place inside an org is kept here and dropped in :func:`merge`."""
    rank = {"org": 0, "location": 1, "person": 2}
    ordered = sorted(rules, key=lambda m: (-m.length, rank[m.type], m.start))
    kept: SpanIndex[Mention] = SpanIndex()
    for m in ordered:
        clash = [k for k in kept.overlapping(m.start, m.end) if k.type != m.type]
        if clash and not all(inside(m, k) and k.type == "org" for k in clash):
            continue
        kept.add(m)
    return sorted(kept, key=lambda m: (-m.length, rank[m.type], m.start))


@Language.factory("kx_names")
def make_names(nlp: Language, name: str):
    return NamesComponent(name)

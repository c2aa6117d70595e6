"""Written-news organisation names put into KazNERD sentences: training data for the NER model.

KazNERD is TV-news transcripts: its organisations are mostly state bodies spoken aloud (``Үкіметке``,
``Парламентте``); it has almost no companies in guillemets, no legal forms (``АҚ``, ``ЖШС``,
``акционерлік қоғамы``) and no quotes written tight to the name. Written news is full of them. This
module makes extra training sentences from KazNERD's own: each ORGANISATION span is replaced by a
written-news name from ``data/news_orgs.tsv``, in the case the replaced name had (found by the
project's morphology: :func:`~extractor.lang.kk.morph.base_form` then :func:`~extractor.lang.kk.morph.inflect`
back; a span whose case is not found that way is left as it is):

* a quoted KazNERD name (``« Хабар » арнасының``) gets a quoted news name written as news writes it
  (``«Қазпошта» арнасының``), sometimes with a legal form after it (``«Қазпошта» АҚ``);
* an unquoted one (``Үкіметке``) becomes either an institution's name in that case
  (``Энергетика министрлігіне``), or a quoted company followed by a legal form or a descriptor that
  takes the case (``«Kaspi Bank» АҚ-қа``, ``«Бәйтерек» ұлттық холдингіне``).

The entity stays as KazNERD tags it: the name without its guillemets, the legal form and descriptor
outside (``O``), so the model learns no other span convention than the one it is scored on. All other
entities of the sentence keep their labels, shifted to the new text.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from ..lang.kk.morph import CASES, base_form, inflect, is_head_word
from ..lang.kk.tables import load_table, parse_table
from .kaznerd import Sentence

ORG = "ORGANISATION"
NOMINATIVE = "nominative"
NAMES_FILE = Path(__file__).resolve().parent / "data" / "news_orgs.tsv"
QUOTE_OPEN, QUOTE_CLOSE = "«", "»"

CharEntity = Tuple[int, int, str]  # (start char, end char, label)


@dataclass(frozen=True)
class NewsOrgs:
    """The replacement material: quoted names, institutions' names, descriptors and legal forms."""

    quoted: Tuple[str, ...]
    plain: Tuple[str, ...]
    descriptors: Tuple[str, ...]
    legal_abbrs: Tuple[str, ...]
    legal_spelled: Tuple[str, ...]

    @property
    def after_quote(self) -> Tuple[str, ...]:
        """Everything that may follow a quoted name and carry its case."""
        return self.descriptors + self.legal_abbrs + self.legal_spelled


@lru_cache(maxsize=1)
def news_orgs(path: Path = NAMES_FILE) -> NewsOrgs:
    """``data/news_orgs.tsv`` and the Kazakh legal forms of ``lang/kk/data/legal_forms.tsv``."""
    rows = parse_table(Path(path).read_text(encoding="utf-8"), Path(path).name)
    by_form: Dict[str, List[str]] = {"quoted": [], "plain": [], "descriptor": []}
    for r in rows:
        if r["form"] not in by_form:
            raise ValueError(f"{Path(path).name}: form must be one of {sorted(by_form)}, not {r['form']!r}")
        by_form[r["form"]].append(r["name"])
    legal = [r for r in load_table("legal_forms") if r["lang"] == "kk"]
    return NewsOrgs(tuple(by_form["quoted"]), tuple(by_form["plain"]), tuple(by_form["descriptor"]),
                    tuple(r["abbr"] for r in legal),
                    tuple(r["spelled"].split("|")[0] for r in legal if r["spelled"]))


def case_of(name: str) -> Optional[str]:
    """The case of a name as written (``"nominative"`` or one of :data:`~extractor.lang.kk.morph.CASES`):
    the case whose ending, put back on the name's base form, gives the name; ``None`` when none does."""
    # as a place first: an organisation's base form is mapped to the gazetteer's spelling
    # (Ұлттық банкі → Ұлттық банк), which would not inflect back to the text
    for kind in ("location", "org"):
        base = base_form(name, kind)
        if base == name:
            return NOMINATIVE
        for case in CASES:
            try:
                if inflect(base, case) == name:
                    return case
            except ValueError:
                continue
    return None


def in_case(name: str, case: str) -> str:
    """``name`` (nominative) in ``case`` (:func:`~extractor.lang.kk.morph.inflect`; the nominative as is)."""
    return name if case == NOMINATIVE else inflect(name, case)


# one piece of the new sentence: its text, whether it is written tight to the piece before, its label
Piece = Tuple[str, bool, Optional[str]]


def _quoted(name: str) -> List[Piece]:
    return [(QUOTE_OPEN, False, None), (name, True, ORG), (QUOTE_CLOSE, True, None)]


def replacement(case: str, quoted_context: bool, next_word: Optional[str], orgs: NewsOrgs,
                rng: random.Random) -> List[Piece]:
    """The pieces that take the place of one organisation name (and of its guillemets if it had them)."""
    if quoted_context:
        pieces = _quoted(rng.choice(orgs.quoted))
        nxt = next_word or ""
        carries = bool(nxt) and (is_head_word(base_form(nxt, "org"))
                                 or nxt.casefold() in {w.casefold() for w in orgs.after_quote})
        if not carries and rng.random() < 0.4:
            pieces.append((rng.choice(orgs.legal_abbrs), False, None))
        return pieces
    style = rng.choice(("plain", "legal_abbr", "legal_spelled", "descriptor"))
    if style == "plain":
        return [(in_case(rng.choice(orgs.plain), case), False, ORG)]
    after = {"legal_abbr": orgs.legal_abbrs, "legal_spelled": orgs.legal_spelled,
             "descriptor": orgs.descriptors}[style]
    return _quoted(rng.choice(orgs.quoted)) + [(in_case(rng.choice(after), case), False, None)]


@dataclass(frozen=True)
class Augmented:
    text: str
    entities: Tuple[CharEntity, ...]
    replaced: int  # organisation names replaced


def augment_sentence(sentence: Sentence, rng: random.Random, orgs: Optional[NewsOrgs] = None
                     ) -> Optional[Augmented]:
    """``sentence`` with its organisation names replaced (see the module docstring), as text with
    character-offset entities; ``None`` when none of its organisation names could be replaced."""
    orgs = orgs or news_orgs()
    tokens = sentence.tokens
    entities = sentence.entities()
    plans: Dict[int, Tuple[int, List[Piece]]] = {}  # first token replaced -> (end token, pieces)
    for a, b, label in entities:
        if label != ORG:
            continue
        quoted = a > 0 and b < len(tokens) and tokens[a - 1] == QUOTE_OPEN and tokens[b] == QUOTE_CLOSE
        if quoted:
            if any(x < b + 1 and a - 1 < y for x, y, _ in entities if (x, y) != (a, b)):
                continue  # a guillemet inside another entity (« Астана » халықаралық қаржы орталығы)
            nxt = tokens[b + 1] if b + 1 < len(tokens) else None
            plans[a - 1] = (b + 1, replacement(NOMINATIVE, True, nxt, orgs, rng))
            continue
        case = case_of(" ".join(tokens[a:b]))
        if case is None:
            continue
        plans[a] = (b, replacement(case, False, None, orgs, rng))
    if not plans:
        return None
    starts = {a: label for a, b, label in entities if label != ORG or a not in plans}
    ends = {b - 1: (a, label) for a, b, label in entities if label != ORG or a not in plans}
    text, out, open_at = "", [], {}
    i = 0
    while i < len(tokens):
        if i in plans:
            end, pieces = plans[i]
            for piece, tight, label in pieces:
                if text and not tight:
                    text += " "
                if label:
                    out.append((len(text), len(text) + len(piece), label))
                text += piece
            i = end
            continue
        if text:
            text += " "
        if i in starts:
            open_at[i] = len(text)
        text += tokens[i]
        if i in ends:
            a, label = ends[i]
            if a in open_at:
                out.append((open_at[a], len(text), label))
        i += 1
    return Augmented(text, tuple(sorted(out)), len(plans))


def augmented_docs(nlp, sentences: Sequence[Sentence], copies: int = 1, seed: int = 13,
                   orgs: Optional[NewsOrgs] = None):
    """Training docs (``nlp.make_doc`` with ``doc.ents``): ``copies`` rewritten versions of every sentence
    with an organisation name, and a summary of what was made. A rewritten sentence whose new entity
    edges fall inside one of our tokens is dropped and counted."""
    rng = random.Random(seed)
    orgs = orgs or news_orgs()
    docs, replaced, dropped = [], 0, 0
    for _ in range(copies):
        for s in sentences:
            if not any(label == ORG for _, _, label in s.entities()):
                continue
            aug = augment_sentence(s, rng, orgs)
            if aug is None:
                continue
            doc = nlp.make_doc(aug.text)
            spans = [doc.char_span(a, b, label=label) for a, b, label in aug.entities]
            if any(span is None for span in spans):
                dropped += 1
                continue
            doc.ents = spans
            docs.append(doc)
            replaced += aug.replaced
    return docs, {"copies": copies, "sentences": len(docs), "organisations_replaced": replaced,
                  "dropped_unaligned": dropped, "names_file": "extractor/ner/data/news_orgs.tsv"}

"""Assemble the spaCy pipeline: Kazakh tokenizer → sentences → rule recognisers → (NER) → resolve."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language

from . import lang  # noqa: F401 - registers the kk language
from .lang.kk import sentencizer  # noqa: F401 - registers kk_sentencizer
from . import components  # noqa: F401 - registers kx_resolve
from .names import component as _names  # noqa: F401 - registers kx_names
from .dimensions import DIMENSIONS, rule_component_names

NER_CHOICES = ("auto", "none", "spacy", "stanza")
PACKAGE_DIR = Path(__file__).resolve().parent


def default_model_path() -> Optional[Path]:
    """The shipped spaCy NER model, if this installation has one."""
    for candidate in (PACKAGE_DIR / "models" / "kk_kazextract_ner",
                      PACKAGE_DIR.parent / "models" / "kk_kazextract_ner"):
        if (candidate / "config.cfg").exists():
            return candidate
    return None


# statistical components whose entities kx_names reads: it must come after them
NER_COMPONENTS = ("ner", "spancat", "stanza_ner")


def add_rule_components(nlp: Language, dimensions=DIMENSIONS) -> Language:
    """Sentences, the rule recognisers, ``kx_names`` (after them and after any NER already in the
    pipeline) and ``kx_resolve`` last."""
    if "kk_sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("kk_sentencizer", first=True)
    rule_names = rule_component_names(dimensions)
    for name in rule_names:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    if "kx_names" not in nlp.pipe_names:
        before = [n for n in nlp.pipe_names if n in rule_names or n in NER_COMPONENTS]
        if before:
            nlp.add_pipe("kx_names", after=before[-1])
        else:
            nlp.add_pipe("kx_names")
    if "kx_resolve" not in nlp.pipe_names:
        nlp.add_pipe("kx_resolve", last=True)
    return nlp


def build_pipeline(ner: str = "auto", model_path: Optional[str] = None, dimensions=DIMENSIONS) -> Language:
    """A ready pipeline. ``ner="none"`` gives rules only; ``"auto"`` adds the shipped model when present."""
    if ner not in NER_CHOICES:
        raise ValueError(f"ner must be one of {NER_CHOICES}, not {ner!r}")
    nlp = spacy.blank("kk")
    nlp.meta["name"] = "kazextract_rules"
    return add_rule_components(nlp, dimensions)


def model_name(nlp: Language) -> Optional[str]:
    """``name-version`` of the statistical model in ``nlp``, ``None`` for rules only."""
    return nlp.meta.get("kazextract_model")

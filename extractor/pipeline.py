"""Assemble the spaCy pipeline: Kazakh tokenizer → sentences → rule recognisers → (NER) → resolve."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import spacy
from spacy.language import Language

from . import lang  # noqa: F401 - registers the kk language
from .lang.kk import sentencizer  # noqa: F401 - registers kk_sentencizer
from . import components  # noqa: F401 - registers kx_resolve
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


def add_rule_components(nlp: Language, dimensions=DIMENSIONS) -> Language:
    if "kk_sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("kk_sentencizer", first=True)
    for name in rule_component_names(dimensions):
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    if "kx_resolve" not in nlp.pipe_names:
        nlp.add_pipe("kx_resolve", last=True)
    return nlp


def build_pipeline(ner: str = "auto", model_path: Optional[str] = None, dimensions=DIMENSIONS) -> Language:
    """A ready pipeline. ``ner="none"`` gives rules only; ``"auto"`` adds the shipped model when present."""
    if ner not in NER_CHOICES:
        raise ValueError(f"ner must be one of {NER_CHOICES}, not {ner!r}")
    nlp = spacy.blank("kk")
    nlp.meta["name"] = "kazextract_rules"
    if ner == "stanza":
        from .ner.stanza_backend import add_stanza_ner

        add_stanza_ner(nlp, model_path)
    return add_rule_components(nlp, dimensions)


def model_name(nlp: Language) -> Optional[str]:
    """``name-version`` of the statistical model in ``nlp``, ``None`` for rules only."""
    return nlp.meta.get("kazextract_model")

"""Assemble the spaCy pipeline: Kazakh tokenizer → sentences → rule recognisers → (NER) → resolve."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer, Tok2Vec
from spacy.tokens import Doc

from . import lang  # noqa: F401 - registers the kk language
from .lang.kk import sentencizer  # noqa: F401 - registers kk_sentencizer
from . import components  # noqa: F401 - registers kx_resolve
from .names import component as _names  # noqa: F401 - registers kx_names
from .facts import component as _facts  # noqa: F401 - registers kx_facts
from .dimensions import DIMENSIONS, rule_component_names

NER_CHOICES = ("auto", "none", "spacy", "stanza")
PACKAGE_DIR = Path(__file__).resolve().parent


# where the model lives: inside an installed package, or at the top of a source checkout
PACKAGE_MODEL_DIR = PACKAGE_DIR / "models" / "kk_kazextract_ner"
ROOT_MODEL_DIR = PACKAGE_DIR.parent / "models" / "kk_kazextract_ner"


def default_model_path() -> Optional[Path]:
    """The shipped spaCy NER model, if this installation has one."""
    for candidate in (PACKAGE_MODEL_DIR, ROOT_MODEL_DIR):
        if (candidate / "config.cfg").exists():
            return candidate
    return None


# statistical components whose entities kx_names reads: it must come after them
NER_COMPONENTS = ("ner", "spancat", "stanza_ner")


def add_rule_components(nlp: Language, dimensions=DIMENSIONS) -> Language:
    """Sentences, the rule recognisers, ``kx_names`` (after them and after any NER already in the
    pipeline), ``kx_resolve`` and ``kx_facts`` last."""
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
    if "kx_facts" not in nlp.pipe_names:  # reads the final mentions: after kx_resolve
        nlp.add_pipe("kx_facts", last=True)
    return nlp


def load_ner_model(path) -> Language:
    """The spaCy NER pipeline at ``path`` (tok2vec + ner on the kk tokenizer), named in ``nlp.meta``."""
    nlp = spacy.load(path)
    if nlp.lang != "kk":
        raise ValueError(f"{path}: a {nlp.lang!r} pipeline, kazextract needs a 'kk' one")
    nlp.meta["kazextract_model"] = f"{nlp.lang}_{nlp.meta.get('name', 'ner')}-{nlp.meta.get('version', '0')}"
    return nlp


def build_pipeline(ner: str = "auto", model_path: Optional[str] = None, dimensions=DIMENSIONS) -> Language:
    """A ready pipeline. ``ner="none"`` gives rules only; ``"auto"`` adds the shipped model when present,
    ``"spacy"`` requires it (or the model at ``model_path``). The model's ``ner`` pipe runs before the
    rule components, so they see its entities in ``doc.ents``."""
    if ner not in NER_CHOICES:
        raise ValueError(f"ner must be one of {NER_CHOICES}, not {ner!r}")
    nlp = None
    if ner in ("auto", "spacy"):
        path = Path(model_path) if model_path else default_model_path()
        if path is not None:
            nlp = load_ner_model(path)
        elif ner == "spacy":
            raise FileNotFoundError("no spaCy NER model: this installation ships none and no model_path was given")
    if nlp is None:
        nlp = spacy.blank("kk")
        nlp.meta["name"] = "kazextract_rules"
    if ner == "stanza":
        from .ner.stanza_backend import add_stanza_ner

        add_stanza_ner(nlp, model_path)
    return add_rule_components(nlp, dimensions)


# Inference batches of the statistical components (their predictions do not depend on the batch: spaCy
# runs tok2vec over the concatenated tokens with padding between documents, and the NER's greedy decoder
# reads each document's own states). tok2vec's arrays are tokens × width × pieces floats: over about 2,000
# tokens they stay in the CPU's cache, where a batch of 32 articles (some 7,000 tokens) ran 15-20% slower per
# token. The NER parses each batch in sub-batches of a quarter of its size, sorted by length: given four times
# the documents it has, it parses them all at once, a few per cent faster than in sub-batches of 8.
TOK2VEC_BATCH_TOKENS = 2048


def inference_batch_sizes(nlp: Language, docs: Sequence[Doc]) -> Dict[str, Dict[str, int]]:
    """``component_cfg`` for ``nlp.pipe(docs)``: the batch size of each tok2vec (documents of about
    :data:`TOK2VEC_BATCH_TOKENS` tokens together) and NER (all ``docs`` in one sub-batch)."""
    if not docs:
        return {}
    tokens = sum(len(d) for d in docs)
    per_batch = max(1, min(len(docs), TOK2VEC_BATCH_TOKENS * len(docs) // max(tokens, 1)))
    cfg: Dict[str, Dict[str, int]] = {}
    for name, proc in nlp.pipeline:
        if isinstance(proc, Tok2Vec):
            cfg[name] = {"batch_size": per_batch}
        elif isinstance(proc, EntityRecognizer):
            cfg[name] = {"batch_size": 4 * len(docs)}
    return cfg


def model_name(nlp: Language) -> Optional[str]:
    """``name-version`` of the statistical model in ``nlp``, ``None`` for rules only."""
    return nlp.meta.get("kazextract_model")

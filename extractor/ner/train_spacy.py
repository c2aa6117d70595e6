"""Train the shipped spaCy NER model on KazNERD: conversion, split, training, packaging.

Only KazNERD's validation split is used for training (the train split is not available here):
it is cut into a training part and a held-out part by *source sentence* (the A-F renderings of
one sentence stay on one side), the held-out part picks the best checkpoint. The test split is
never read here; ``kazextract evaluate-ner`` scores the result on it.
"""
from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from .. import lang  # noqa: F401 - registers the kk language and its tokenizer
from ..version import __version__
from .align import AlignFailure, to_doc
from .evaluate import evaluate
from .kaznerd import Sentence, read_conll, split_by_source

SOURCE_CONFIG = Path(__file__).resolve().parent / "kk_kazextract_ner.cfg"
MODEL_NAME = "kazextract_ner"  # spaCy prefixes the language: kk_kazextract_ner
MODEL_VERSION = "0.1.0"
VALID_FILE = Path("with_sentID") / "IOB2_valid2.txt"

KAZNERD_CITATION = ("Rustem Yeshpanov, Yerbolat Khassanov, Huseyin Atakan Varol. 2022. KazNERD: Kazakh Named "
                    "Entity Recognition Dataset. In Proceedings of LREC 2022, pages 417-426. "
                    "https://aclanthology.org/2022.lrec-1.44")


@dataclass
class Conversion:
    """KazNERD sentences as spaCy docs with the alignment failures counted."""

    docs: list
    entities: int = 0
    failures: List[AlignFailure] = field(default_factory=list)

    def summary(self) -> dict:
        return {"sentences": len(self.docs), "entities": self.entities, "unaligned": len(self.failures),
                "unaligned_by_reason": dict(Counter(f.why for f in self.failures).most_common()),
                "unaligned_by_label": dict(Counter(f.label for f in self.failures).most_common())}


def convert(nlp: Language, sentences: Sequence[Sentence]) -> Conversion:
    out = Conversion(docs=[])
    for s in sentences:
        doc, failures = to_doc(nlp, s)
        out.docs.append(doc)
        out.entities += len(s.entities())
        out.failures.extend(failures)
    return out


def split_valid(data_dir: Path, heldout: float, seed: int):
    sentences = list(read_conll(Path(data_dir) / VALID_FILE))
    return split_by_source(sentences, heldout=heldout, seed=seed)


def _clean_config(model_dir: Path) -> None:
    """The saved config must not point at the temporary corpus files."""
    config = spacy.util.load_config(model_dir / "config.cfg", interpolate=False)
    config["paths"]["train"] = None
    config["paths"]["dev"] = None
    config.to_disk(model_dir / "config.cfg")


def prepare(work: Path, data_dir: Path, heldout: float = 0.1, seed: int = 13, log=print) -> dict:
    """Convert and split the KazNERD validation split into ``work/train.spacy`` and ``work/dev.spacy``."""
    train_sents, dev_sents = split_valid(data_dir, heldout, seed)
    blank = spacy.blank("kk")
    conv_train, conv_dev = convert(blank, train_sents), convert(blank, dev_sents)
    for name, conv in (("train", conv_train), ("held-out", conv_dev)):
        log(f"{name}: {conv.summary()}")
        for f in conv.failures[:10]:
            log(f"  unaligned: {f}")
    work.mkdir(parents=True, exist_ok=True)
    DocBin(docs=conv_train.docs, store_user_data=False).to_disk(work / "train.spacy")
    DocBin(docs=conv_dev.docs, store_user_data=False).to_disk(work / "dev.spacy")
    return {
        "data": "KazNERD validation split (with_sentID/IOB2_valid2.txt); the test split is not used",
        "split": {"heldout_fraction": heldout, "seed": seed, "by": "source sentence id",
                  "train_sentences": len(train_sents), "heldout_sentences": len(dev_sents)},
        "alignment": {"train": conv_train.summary(), "heldout": conv_dev.summary()},
    }


def package(best: Path, output: Path, data_dir: Path, summary: dict, log=print) -> dict:
    """Copy the trained pipeline ``best`` to ``output``, score it on the held-out part, write meta.json."""
    output = Path(output)
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    _clean_config(output)
    nlp = spacy.load(output)
    split = summary["split"]
    _, dev_sents = split_valid(data_dir, split["heldout_fraction"], split["seed"])
    report = evaluate(nlp, dev_sents)
    log("held-out (part of KazNERD valid), exact match on KazNERD tokens:\n" + report.format())
    summary = dict(summary, heldout_scores=report.to_dict(), kazextract_version=__version__)
    _write_meta(output, summary)
    return summary


def train(output: Path, data_dir: Path, *, config: Path = SOURCE_CONFIG, heldout: float = 0.1, seed: int = 13,
          overrides: Optional[Dict[str, object]] = None, work_dir: Optional[Path] = None, log=print) -> dict:
    """Convert, train, and write the model to ``output``; returns the training summary (also in meta.json)."""
    from spacy.cli.train import train as spacy_train

    work = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="kx_ner_"))
    try:
        summary = prepare(work, data_dir, heldout, seed, log)
        settings = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                    "system.seed": seed}
        settings.update(overrides or {})
        started = time.time()
        spacy_train(config, work / "out", use_gpu=-1, overrides=settings)
        summary["training_seconds"] = round(time.time() - started)
        summary["config_overrides"] = {k: v for k, v in settings.items() if not k.startswith("paths.")}
        return package(work / "out" / "model-best", output, data_dir, summary, log)
    finally:
        if work_dir is None:
            shutil.rmtree(work, ignore_errors=True)


def _write_meta(output: Path, summary: dict) -> None:
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "description": "Kazakh named entities (the 25 KazNERD types) for kazextract: hash-embedding CNN + "
                       "transition-based NER, on the kazextract kk tokenizer. Trained on the KazNERD validation "
                       "split only.",
        "license": "CC BY 4.0 (trained on KazNERD)",
        "author": "kazextract",
        "sources": [{"name": "KazNERD", "url": "https://github.com/IS2AI/KazNERD", "license": "CC BY 4.0",
                     "author": "Yeshpanov, Khassanov, Varol (ISSAI)", "citation": KAZNERD_CITATION}],
        "requirements": [f"kazextract>={__version__}"],
        "kazextract_training": summary,
    })
    # spaCy's own scores are on our tokens; keep ours (KazNERD tokens) as the performance figures
    micro = summary["heldout_scores"]["micro"]
    meta["performance"] = {"ents_p": micro["precision"], "ents_r": micro["recall"], "ents_f": micro["f1"],
                           "ents_per_type": {k: {"p": v["precision"], "r": v["recall"], "f": v["f1"]}
                                             for k, v in summary["heldout_scores"]["types"].items()}}
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

"""Train the shipped spaCy NER model on KazNERD: conversion, split, training, packaging.

Only KazNERD's validation split is used for training (the train split is not available here):
it is cut into a training part and a held-out part by *source sentence* (the A-F renderings of
one sentence stay on one side), the held-out part picks the best checkpoint. The test split is
never read here; ``kazextract evaluate-ner`` scores the result on it.

With ``all_valid=True`` the settings chosen that way are used once more on *all* of the validation
split, held-out part included (the usual last step when labelled data is scarce): there is nothing
left to choose a checkpoint with, so the model after the last step (``training.max_steps``, taken from
a run with a held-out part) is kept, and the held-out scores recorded in meta.json are marked as
scores on training data.
"""
from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .. import lang  # noqa: F401 - registers the kk language and its tokenizer
from ..lang.kk.stemmer import stem
from ..version import __version__
from .align import AlignFailure, to_doc
from .augment import augmented_docs
from .evaluate import evaluate
from .kaznerd import Sentence, keep_labels, read_conll, split_by_source

SOURCE_CONFIG = Path(__file__).resolve().parent / "kk_kazextract_ner.cfg"
MODEL_NAME = "kazextract_ner"  # spaCy prefixes the language: kk_kazextract_ner
MODEL_VERSION = "0.2.0"
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
    for key in config["paths"]:
        config["paths"][key] = None
    config.to_disk(model_dir / "config.cfg")


def group_sentences(docs: Sequence[Doc], most: int, seed: int) -> List[Doc]:
    """Join the one-sentence docs, in a shuffled order, into docs of 1 to ``most`` sentences.

    KazNERD has one sentence per line; news comes as whole texts. A model that has only seen
    sentences alone has never seen a capitalised word right after a full stop that was not a name,
    and tags sentence openers in running text (``... болады. Алайда ...``) as names."""
    if most <= 1:
        return list(docs)
    rng = random.Random(seed)
    order = list(docs)
    rng.shuffle(order)
    out, i = [], 0
    while i < len(order):
        n = rng.randint(1, most)
        with warnings.catch_warnings():  # our tokenizer's doc extensions are not needed for training
            warnings.filterwarnings("ignore", message=r"\[W101\]")
            out.append(Doc.from_docs(order[i:i + n], ensure_whitespace=True))
        i += n
    return out


def prepare(work: Path, data_dir: Path, heldout: float = 0.1, seed: int = 13, log=print,
            all_valid: bool = False, sentences_per_doc: int = 1, augment_orgs: int = 0,
            labels: Optional[Sequence[str]] = None) -> dict:
    """Convert and split the KazNERD validation split into ``work/train.spacy`` and ``work/dev.spacy``
    (with ``all_valid``, ``train.spacy`` has the held-out sentences too; ``dev.spacy`` only logs progress).
    Training docs hold 1 to ``sentences_per_doc`` sentences (:func:`group_sentences`); held-out docs one.
    ``augment_orgs``: that many rewritten copies of each training sentence with an organisation, its names
    replaced by written-news ones (:mod:`.augment`; never of the held-out part). ``labels``: train on
    these entity types only (the others are tagged ``O``, in the held-out part too)."""
    train_sents, dev_sents = split_valid(data_dir, heldout, seed)
    if all_valid:
        train_sents = train_sents + dev_sents
    train_sents, dev_sents = keep_labels(train_sents, labels), keep_labels(dev_sents, labels)
    blank = spacy.blank("kk")
    conv_train, conv_dev = convert(blank, train_sents), convert(blank, dev_sents)
    for name, conv in (("train", conv_train), ("held-out", conv_dev)):
        log(f"{name}: {conv.summary()}")
        for f in conv.failures[:10]:
            log(f"  unaligned: {f}")
    extra, augmentation = [], None
    if augment_orgs > 0:
        extra, augmentation = augmented_docs(blank, train_sents, copies=augment_orgs, seed=seed)
        log(f"written-news organisations: {augmentation}")
    work.mkdir(parents=True, exist_ok=True)
    train_docs = group_sentences(conv_train.docs + extra, sentences_per_doc, seed)
    DocBin(docs=train_docs, store_user_data=False).to_disk(work / "train.spacy")
    DocBin(docs=conv_dev.docs, store_user_data=False).to_disk(work / "dev.spacy")
    return {
        "data": "KazNERD validation split (with_sentID/IOB2_valid2.txt); the test split is not used",
        "split": {"heldout_fraction": heldout, "seed": seed, "by": "source sentence id",
                  "train_sentences": len(train_sents), "heldout_sentences": len(dev_sents),
                  "heldout_in_training": all_valid},
        "training_docs": {"sentences_per_doc": f"1 to {sentences_per_doc}, shuffled", "docs": len(train_docs)},
        "alignment": {"train": conv_train.summary(), "heldout": conv_dev.summary()},
        **({"labels": sorted(labels)} if labels else {}),
        **({"augmentation": augmentation} if augmentation else {}),
    }


def resume_config(config: Path, model: Path, out: Path) -> Path:
    """``config`` with ``tok2vec`` and ``ner`` taken, trained, from ``model`` (spaCy's sourced components)."""
    cfg = spacy.util.load_config(config, interpolate=False)
    for name in ("tok2vec", "ner"):
        cfg["components"][name] = {"source": str(Path(model).resolve()), "component": name}
    out.parent.mkdir(parents=True, exist_ok=True)
    cfg.to_disk(out)
    return out


def package(best: Path, output: Path, data_dir: Path, summary: dict, log=print) -> dict:
    """Copy the trained pipeline ``best`` to ``output``, score it on the held-out part, write meta.json."""
    output = Path(output)
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    _clean_config(output)
    nlp = spacy.load(output)
    split = summary["split"]
    train_sents, dev_sents = split_valid(data_dir, split["heldout_fraction"], split["seed"])
    report = evaluate(nlp, keep_labels(dev_sents, summary.get("labels")))
    what = "trained on, not held out" if split.get("heldout_in_training") else "held-out"
    log(f"{what} (part of KazNERD valid), exact match on KazNERD tokens:\n" + report.format())
    summary = dict(summary, heldout_scores=report.to_dict(), kazextract_version=__version__)
    _write_meta(output, summary)
    return summary


def train(output: Path, data_dir: Path, *, config: Path = SOURCE_CONFIG, heldout: float = 0.1, seed: int = 13,
          overrides: Optional[Dict[str, object]] = None, work_dir: Optional[Path] = None, log=print,
          all_valid: bool = False, selection: Optional[Path] = None, sentences_per_doc: int = 1,
          resume: Optional[Path] = None, augment_orgs: int = 0, labels: Optional[Sequence[str]] = None) -> dict:
    """Convert, train, and write the model to ``output``; returns the training summary (also in meta.json).
    ``all_valid``: train on the held-out part too and keep the last model (see the module docstring).
    ``selection``: the model directory of the held-out run whose settings this run repeats; its held-out
    scores go into meta.json as the model's performance figures.
    ``resume``: a model written by this function whose ``tok2vec`` and ``ner`` (their architecture and
    weights) training goes on from; the config's own settings for those two components are not used.
    ``augment_orgs``, ``labels``: see :func:`prepare`."""
    from spacy.cli.train import train as spacy_train

    work = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="kx_ner_"))
    try:
        summary = prepare(work, data_dir, heldout, seed, log, all_valid=all_valid,
                          sentences_per_doc=sentences_per_doc, augment_orgs=augment_orgs, labels=labels)
        settings = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                    "system.seed": seed}
        settings.update(overrides or {})
        if resume is not None:
            config = resume_config(Path(config), Path(resume), work / "resume.cfg")
        started = time.time()
        spacy_train(config, work / "out", use_gpu=-1, overrides=settings)
        summary["training_seconds"] = round(time.time() - started)
        summary["config_overrides"] = {k: v for k, v in settings.items() if not k.startswith("paths.")}
        if resume is not None:
            summary["resumed_from"] = _resumed_from(Path(resume))
        summary["checkpoint"] = "last step" if all_valid else "best held-out F1"
        if selection is not None:
            summary["selection_run"] = selection_run(Path(selection))
        return package(work / "out" / ("model-last" if all_valid else "model-best"), output, data_dir, summary, log)
    finally:
        if work_dir is None:
            shutil.rmtree(work, ignore_errors=True)


def _resumed_from(model: Path) -> dict:
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    training = meta.get("kazextract_training", {})
    return {"model": f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}",
            **{k: training[k] for k in ("config_overrides", "training_seconds", "resumed_from") if k in training}}


def attach_selection(model_dir: Path, selection: Path) -> dict:
    """Record in ``model_dir``'s meta.json the held-out run ``selection`` whose settings it repeated (what
    ``train(..., selection=...)`` does, for a model trained without it)."""
    meta = json.loads((Path(model_dir) / "meta.json").read_text(encoding="utf-8"))
    summary = dict(meta["kazextract_training"], selection_run=selection_run(Path(selection)))
    _write_meta(Path(model_dir), summary)
    return summary


def selection_run(model_dir: Path) -> dict:
    """What a held-out run (a model written by :func:`train` without ``all_valid``) chose and scored."""
    meta = json.loads((Path(model_dir) / "meta.json").read_text(encoding="utf-8"))
    training = meta.get("kazextract_training", {})
    if "heldout_scores" not in training or training.get("split", {}).get("heldout_in_training"):
        raise ValueError(f"{model_dir} is not a model scored on a held-out part")
    return {key: training[key] for key in ("split", "config_overrides", "checkpoint", "steps", "heldout_scores")
            if key in training}


def _write_meta(output: Path, summary: dict) -> None:
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    types = (f"the KazNERD types {', '.join(summary['labels'])}" if summary.get("labels")
             else "the 25 KazNERD types")
    meta.update({
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "description": f"Kazakh named entities ({types}) for kazextract: hash-embedding CNN + "
                       "transition-based NER, on the kazextract kk tokenizer. Trained on the KazNERD validation "
                       "split only" + (", with written-news organisation names put into its sentences."
                                       if summary.get("augmentation") else "."),
        "license": "CC BY 4.0 (trained on KazNERD)",
        "author": "kazextract",
        "sources": [{"name": "KazNERD", "url": "https://github.com/IS2AI/KazNERD", "license": "CC BY 4.0",
                     "author": "Yeshpanov, Khassanov, Varol (ISSAI)", "citation": KAZNERD_CITATION}],
        "requirements": [f"kazextract>={__version__}"],
        "kazextract_training": summary,
    })
    # spaCy's own scores are on our tokens; keep ours (KazNERD tokens) as the performance figures: those
    # of the held-out run that chose the settings when this model was trained on the held-out part too
    scores = summary["heldout_scores"]
    if summary["split"].get("heldout_in_training"):
        scores = summary.get("selection_run", {}).get("heldout_scores")
    if scores is None:
        meta.pop("performance", None)
        return _dump(meta_path, meta)
    micro = scores["micro"]
    meta["performance"] = {"ents_p": micro["precision"], "ents_r": micro["recall"], "ents_f": micro["f1"],
                           "ents_per_type": {k: {"p": v["precision"], "r": v["recall"], "f": v["f1"]}
                                             for k, v in scores["types"].items()}}
    _dump(meta_path, meta)


def _dump(meta_path: Path, meta: dict) -> None:
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

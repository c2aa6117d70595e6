"""``kazextract evaluate-ner``: exact-match entity P/R/F1 of the NER model on KazNERD (seqeval-style)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from . import CommandError, add_kaznerd_option, kaznerd_file

SPLITS = {"test": "IOB2_test.txt", "valid": "IOB2_valid.txt"}


def register(sub):
    p = sub.add_parser("evaluate-ner", help="score the NER model on KazNERD (entity-level exact match)",
                       description="Run the model on KazNERD sentences (tokens joined by spaces), map its "
                                   "entities back to KazNERD's tokens and print entity-level precision, recall "
                                   "and F1 (exact boundaries and type, IOB2; micro average and per type).")
    p.add_argument("--split", choices=sorted(SPLITS), default="test",
                   help="KazNERD split (the shipped model was trained on valid)")
    add_kaznerd_option(p)
    p.add_argument("--model", metavar="DIR", help="model directory (default: the shipped model)")
    p.add_argument("--limit", type=int, default=0, help="score only the first N sentences (0: all)")
    p.add_argument("--json", help="also write the scores to this JSON file")
    p.set_defaults(func=run)


def run(args) -> int:
    import spacy

    from .. import lang  # noqa: F401 - registers kk
    from ..ner.evaluate import evaluate, model_labels
    from ..ner.kaznerd import read_conll
    from ..pipeline import default_model_path

    model = Path(args.model) if args.model else default_model_path()
    if model is None:
        raise CommandError("no NER model installed (give --model DIR)")
    if not (model / "config.cfg").exists():
        raise CommandError(f"--model {model}: no spaCy model there (no config.cfg)")
    path = kaznerd_file(args, SPLITS[args.split])
    nlp = spacy.load(model)
    sentences = list(read_conll(path))
    if args.limit:
        sentences = sentences[: args.limit]
    started = time.perf_counter()
    labels = model_labels(nlp)
    report = evaluate(nlp, sentences, labels=labels)
    seconds = time.perf_counter() - started
    words = sum(len(s.tokens) for s in sentences)
    print(f"KazNERD {args.split}: {len(sentences)} sentences, model {model}, scored on its "
          f"{len(labels or [])} entity types")
    print(report.format())
    print(f"{words} words in {seconds:.1f} s ({words / seconds:.0f} words/s)", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({"split": args.split, "model": str(model), **report.to_dict()},
                                              indent=2) + "\n", encoding="utf-8")
    return 0

"""``kazextract train-ner``: convert KazNERD and train the spaCy NER model that kazextract ships."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# the development data folder next to the repository, as in tests/conftest.py
DEFAULT_DATA = Path(os.environ.get("KAZEXTRACT_SHARED", Path("..") / "shared")) / "data" / "kaznerd"


def register(sub):
    p = sub.add_parser("train-ner", help="train the NER model on KazNERD (validation split only)",
                       description="Convert KazNERD's validation split to our tokens, hold out part of it by "
                                   "source sentence for model selection, train the spaCy NER model and write it "
                                   "to OUTPUT. The test split is not read (see evaluate-ner).")
    p.add_argument("--output", default="models/kk_kazextract_ner", help="model directory (replaced)")
    p.add_argument("--data", default=str(DEFAULT_DATA), help="KazNERD folder (default: %(default)s)")
    p.add_argument("--config", help="spaCy training config (default: extractor/ner/kk_kazextract_ner.cfg)")
    p.add_argument("--heldout", type=float, default=0.1, help="fraction of source sentences held out")
    p.add_argument("--seed", type=int, default=13, help="seed of the held-out split and of training")
    p.add_argument("--work-dir", help="keep the converted corpora and checkpoints here")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="spaCy config override, e.g. --set training.max_steps=2000 (value read as JSON)")
    p.set_defaults(func=run)


def _value(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return text


def run(args) -> int:
    if "OMP_NUM_THREADS" not in os.environ:
        print("kazextract: hint: set OMP_NUM_THREADS=1 to keep training on one core", file=sys.stderr)
    from ..ner.train_spacy import SOURCE_CONFIG, train

    data = Path(args.data)
    if not data.exists():
        print(f"kazextract: KazNERD not found at {data} (use --data)", file=sys.stderr)
        return 2
    overrides = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"kazextract: --set needs KEY=VALUE, not {item!r}", file=sys.stderr)
            return 2
        overrides[key] = _value(value)
    summary = train(Path(args.output), data, config=Path(args.config) if args.config else SOURCE_CONFIG,
                    heldout=args.heldout, seed=args.seed, overrides=overrides,
                    work_dir=Path(args.work_dir) if args.work_dir else None,
                    log=lambda msg: print(msg, file=sys.stderr, flush=True))
    micro = summary["heldout_scores"]["micro"]
    print(f"model written to {args.output}; held-out F1 {100 * micro['f1']:.2f} "
          f"(P {100 * micro['precision']:.2f}, R {100 * micro['recall']:.2f})")
    return 0

"""``kazextract train-ner``: convert KazNERD and train the spaCy NER model that kazextract ships."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from . import CommandError, add_kaznerd_option


def register(sub):
    p = sub.add_parser("train-ner", help="train the NER model on KazNERD (validation split only)",
                       description="Convert KazNERD's validation split to our tokens, hold out part of it by "
                                   "source sentence for model selection, train the spaCy NER model and write it "
                                   "to OUTPUT. The test split is not read (see evaluate-ner).")
    p.add_argument("--output", default="models/kk_kazextract_ner", help="model directory (replaced)")
    add_kaznerd_option(p)
    p.add_argument("--config", help="spaCy training config (default: extractor/ner/kk_kazextract_ner.cfg)")
    p.add_argument("--heldout", type=float, default=0.1, help="fraction of source sentences held out")
    p.add_argument("--seed", type=int, default=13, help="seed of the held-out split and of training")
    p.add_argument("--all-valid", action="store_true",
                   help="train on all of valid, held-out part included, and keep the model of the last step "
                        "(use the settings and training.max_steps chosen in a run with a held-out part)")
    p.add_argument("--selection", metavar="MODEL",
                   help="with --all-valid: the model of the held-out run whose settings are repeated; its "
                        "held-out scores become the performance figures in meta.json")
    p.add_argument("--sentences-per-doc", type=int, default=4, metavar="N",
                   help="join training sentences into docs of 1 to N sentences, as in running text (1 trains on "
                        "sentences alone)")
    p.add_argument("--resume", metavar="MODEL",
                   help="go on training the tok2vec and ner of MODEL (a model this command wrote) instead of "
                        "starting from the config's untrained ones")
    p.add_argument("--augment-orgs", type=int, default=0, metavar="N",
                   help="add N rewritten copies of each training sentence with an organisation, its names "
                        "replaced by written-news ones in the same case (quoted, with legal forms; "
                        "extractor/ner/augment.py)")
    p.add_argument("--labels", metavar="L1,L2",
                   help="train on these KazNERD entity types only (the others become O), e.g. "
                        "PERSON,GPE,LOCATION,ORGANISATION: the ones kazextract reads")
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
    from ..ner.train_spacy import SOURCE_CONFIG, train

    if args.selection and not args.all_valid:
        raise CommandError("--selection goes with --all-valid")
    data = Path(args.kaznerd)
    if not data.is_dir():
        raise CommandError(f"KazNERD not found: no folder {data} (give --kaznerd DIR or set $KAZEXTRACT_KAZNERD)")
    overrides = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise CommandError(f"--set needs KEY=VALUE, not {item!r}")
        overrides[key] = _value(value)
    if "OMP_NUM_THREADS" not in os.environ:
        print("kazextract: hint: set OMP_NUM_THREADS=1 to keep training on one core", file=sys.stderr)
    summary = train(Path(args.output), data, config=Path(args.config) if args.config else SOURCE_CONFIG,
                    heldout=args.heldout, seed=args.seed, overrides=overrides,
                    work_dir=Path(args.work_dir) if args.work_dir else None,
                    log=lambda msg: print(msg, file=sys.stderr, flush=True), all_valid=args.all_valid,
                    selection=Path(args.selection) if args.selection else None,
                    sentences_per_doc=args.sentences_per_doc,
                    resume=Path(args.resume) if args.resume else None, augment_orgs=args.augment_orgs,
                    labels=[x.strip() for x in args.labels.split(",") if x.strip()] if args.labels else None)
    micro = summary["heldout_scores"]["micro"]
    what = "F1 on the held-out part (trained on it too)" if args.all_valid else "held-out F1"
    print(f"model written to {args.output}; {what} {100 * micro['f1']:.2f} "
          f"(P {100 * micro['precision']:.2f}, R {100 * micro['recall']:.2f})")
    return 0

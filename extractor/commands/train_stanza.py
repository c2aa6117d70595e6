"""``kazextract train-stanza-ner``: train a Stanza NER tagger on KazNERD (needs ``pip install .[stanza]``)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from . import CommandError, add_kaznerd_option


def _shared_data(name: str):
    """``$KAZEXTRACT_SHARED/data/<name>`` (the development data), ``None`` when that is not set."""
    shared = os.environ.get("KAZEXTRACT_SHARED")
    return Path(shared) / "data" / name if shared else None


def register(sub):
    from ..ner.word_vectors import SkipGramConfig

    vec = SkipGramConfig()
    p = sub.add_parser(
        "train-stanza-ner", help="train a Stanza NER model on KazNERD (for --ner stanza)",
        description="Train Stanza's NER tagger on KazNERD valid minus a held-out part (split by source sentence, "
                    "as for the spaCy model), with skip-gram word vectors trained here, and score it. "
                    "Writes ner.pt, pretrain.pt and meta.json to OUTPUT. Runs on the CPU; nothing is downloaded.")
    p.add_argument("--output", "-o", required=True, type=Path, help="model directory to write")
    add_kaznerd_option(p)
    p.add_argument("--ud", type=Path, default=None,
                   help="UD Kazakh .conllu directory whose sentences also train the word vectors "
                        "(default: $KAZEXTRACT_SHARED/data/ud_kazakh_ktb when it exists)")
    p.add_argument("--vector-text", type=Path, action="append", default=[], metavar="PATH",
                   help="more plain text (.txt file or directory) for the word vectors only; repeatable")
    p.add_argument("--test", action="store_true", help="score KazNERD test at the end (never trained on)")
    p.add_argument("--score-only", action="store_true",
                   help="do not train: score the model already in OUTPUT (held-out part, and test with --test) "
                        "and record the scores in its meta.json")
    p.add_argument("--name", default="kaznerd", help="model name (nlp.meta: stanza-ner-kk-NAME-VERSION)")
    p.add_argument("--version", default="1", help="model version")
    p.add_argument("--seed", type=int, default=1234, help="random seed of the trainer")
    p.add_argument("--split-seed", type=int, default=13, help="seed of the train/held-out split")
    p.add_argument("--heldout", type=float, default=0.1, help="share of source sentences held out")
    p.add_argument("--limit-train", type=int, default=0, help="train on the first N sentences only (quick runs)")
    p.add_argument("--max-steps", type=int, default=6000, help="most training batches")
    p.add_argument("--eval-interval", type=int, default=500, help="score the held-out part every N batches")
    p.add_argument("--max-steps-no-improve", type=int, default=2500,
                   help="stop after this many batches without a better held-out score")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--hidden-dim", type=int, default=256, help="word BiLSTM size")
    p.add_argument("--char-hidden-dim", type=int, default=100, help="character BiLSTM size")
    p.add_argument("--char-emb-dim", type=int, default=100, help="character embedding size")
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--word-dropout", type=float, default=0.01, help="how often a word is replaced by <UNK>")
    p.add_argument("--optim", default="adam", choices=["adam", "sgd", "adamw", "adamax", "adagrad"])
    p.add_argument("--lr", type=float, default=0.002)
    p.add_argument("--vector-dim", type=int, default=vec.dim, help="word vector size")
    p.add_argument("--vector-epochs", type=int, default=vec.epochs, help="skip-gram epochs")
    p.add_argument("--vector-min-count", type=int, default=vec.min_count, help="rarer words get no vector")
    p.add_argument("--threads", type=int, default=1, help="torch CPU threads (0: torch's default)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..ner.stanza_backend import StanzaModelError
    from ..ner.train_stanza import StanzaTrainConfig, score_model, train
    from ..ner.word_vectors import SkipGramConfig

    kaznerd = Path(args.kaznerd)
    if not kaznerd.is_dir():
        raise CommandError(f"KazNERD not found: no folder {kaznerd} (give --kaznerd DIR or set $KAZEXTRACT_KAZNERD)")
    ud = args.ud if args.ud is not None else _shared_data("ud_kazakh_ktb")
    if args.ud is not None and not ud.exists():
        print(f"kazextract: {ud} does not exist", file=sys.stderr)
        return 2
    if ud is not None and not ud.exists():
        ud = None
    missing = [str(p) for p in args.vector_text if not p.exists()]
    if missing:
        print(f"kazextract: --vector-text: not found: {', '.join(missing)}", file=sys.stderr)
        return 2

    def log(msg):
        print(f"kazextract: {msg}", file=sys.stderr, flush=True)

    if args.score_only:
        if not (args.output / "ner.pt").exists():
            print(f"kazextract: --score-only: no ner.pt in {args.output}", file=sys.stderr)
            return 2
        try:
            meta = score_model(args.output, kaznerd, args.split_seed, args.heldout, test=args.test,
                               threads=args.threads, log=log)
        except StanzaModelError as exc:
            print(f"kazextract: {exc}", file=sys.stderr)
            return 2
        print(json.dumps(_summary(meta), ensure_ascii=False, indent=2))
        return 0
    config = StanzaTrainConfig(
        kaznerd_dir=kaznerd, output=args.output, ud_dir=ud, vector_texts=args.vector_text,
        name=args.name, version=args.version, split_seed=args.split_seed, heldout=args.heldout,
        limit_train=args.limit_train, test=args.test, seed=args.seed, max_steps=args.max_steps,
        eval_interval=args.eval_interval, max_steps_no_improve=args.max_steps_no_improve,
        batch_size=args.batch_size, hidden_dim=args.hidden_dim, char_hidden_dim=args.char_hidden_dim,
        char_emb_dim=args.char_emb_dim, dropout=args.dropout, word_dropout=args.word_dropout,
        optim=args.optim, lr=args.lr, threads=args.threads,
        vectors=SkipGramConfig(dim=args.vector_dim, epochs=args.vector_epochs, min_count=args.vector_min_count))
    try:
        meta = train(config, log=log)
    except StanzaModelError as exc:
        print(f"kazextract: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(_summary(meta), ensure_ascii=False, indent=2))
    return 0


def _summary(meta: dict) -> dict:
    """The scores of ``meta.json`` without the per-label tables, for the terminal."""
    summary = {k: meta[k] for k in ("name", "version", "heldout", "test", "training_seconds", "total_seconds")
               if k in meta}
    for part in ("heldout", "test"):
        if part in summary:
            summary[part] = {k: v for k, v in summary[part].items() if k != "types"}
    return summary

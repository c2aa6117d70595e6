"""Span F1 of the WHOLE pipeline (rules + model + checks + resolve) on a KazNERD split.

    OMP_NUM_THREADS=1 nice python bench/kaznerd_pipeline.py [--split test] [--limit N] [--model DIR]
        [--ner auto|none|spacy] [--json]

Each KazNERD sentence (its tokens joined by single spaces) is one document for
:class:`extractor.api.Extractor`; its ``org``, ``location`` and ``person`` records (offsets into the text as
received) are compared with KazNERD's ORGANISATION, GPE + LOCATION and PERSON entities: a prediction is
right when its type and both character offsets are the gold entity's (exact span F1, micro-averaged).
``overlap`` F1 counts a prediction that shares a character with a gold entity of its type (and a gold entity
such a prediction overlaps): KazNERD leaves the head noun out of a name (``Шымкент`` in ``Шымкент
қаласына``, ``Бек Эйр`` in ``«Бек Эйр» компаниясының``) where the project's annotation keeps it
(``Шымкент қаласы``), so exact F1 counts those as errors and overlap F1 does not.

KazNERD ``test`` is the held-out set for the name rules: read its scores, not its individual errors
(develop on the development articles and KazNERD ``valid``). Numbers depend on the machine only for the
seconds printed.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import Dict, List, Set, Tuple

from extractor.api import Extractor, Item
from extractor.ner.align import sentence_text
from extractor.ner.kaznerd import read_conll

GOLD_TYPES = {"ORGANISATION": "org", "GPE": "location", "LOCATION": "location", "PERSON": "person"}
TYPES = ("org", "location", "person")

Spans = Set[Tuple[int, int, str]]


def gold_spans(tokens: List[str], entities) -> Spans:
    _, starts = sentence_text(tokens)
    out = set()
    for i, j, label in entities:
        kind = GOLD_TYPES.get(label)
        if kind is not None:
            out.add((starts[i], starts[j - 1] + len(tokens[j - 1]), kind))
    return out


def tally(counts: Counter, gold: Spans, pred: Spans, types=TYPES) -> None:
    for t in types:
        g = {x for x in gold if x[2] == t}
        p = {x for x in pred if x[2] == t}
        counts[t, "gold"] += len(g)
        counts[t, "pred"] += len(p)
        counts[t, "tp"] += len(g & p)
        counts[t, "ov_p"] += sum(1 for x in p if any(x[0] < y[1] and y[0] < x[1] for y in g))
        counts[t, "ov_g"] += sum(1 for y in g if any(x[0] < y[1] and y[0] < x[1] for x in p))


def scores(counts: Counter, types=TYPES) -> Dict[str, Dict[str, float]]:
    out = {}
    for t in types:
        tp, n_pred, n_gold = counts[t, "tp"], counts[t, "pred"], counts[t, "gold"]
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        op = counts[t, "ov_p"] / n_pred if n_pred else 0.0
        orr = counts[t, "ov_g"] / n_gold if n_gold else 0.0
        out[t] = {"gold": n_gold, "pred": n_pred, "precision": p, "recall": r,
                  "f1": 2 * p * r / (p + r) if p + r else 0.0,
                  "overlap_f1": 2 * op * orr / (op + orr) if op + orr else 0.0}
    return out


def arguments(doc: str) -> argparse.ArgumentParser:
    """The options this benchmark and its sibling ``kaznerd_values.py`` share."""
    shared = Path(os.environ.get("KAZEXTRACT_SHARED", Path("..") / "shared"))
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--data", default=str(shared / "data" / "kaznerd"))
    ap.add_argument("--split", default="test", choices=("test", "valid"))
    ap.add_argument("--ner", default="auto")
    ap.add_argument("--model", help="model directory (default: the shipped model)")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    return ap


def print_scores(res: Dict[str, Dict[str, float]], types=TYPES) -> None:
    print(f"{'type':9} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'overlap F1':>10}")
    for t in types:
        s = res[t]
        print(f"{t:9} {s['gold']:6} {s['pred']:6} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
              f"{s['overlap_f1']:10.3f}")


def main() -> None:
    args = arguments(__doc__).parse_args()
    sentences = list(read_conll(Path(args.data) / f"IOB2_{args.split}.txt"))
    if args.limit:
        sentences = sentences[: args.limit]
    ex = Extractor(ner=args.ner, model_path=args.model)
    items = (Item(text=sentence_text(s.tokens)[0], doc_id=str(k)) for k, s in enumerate(sentences))
    counts: Counter = Counter()
    started = time.perf_counter()
    for s, doc in zip(sentences, ex.pipe(items, batch_size=64)):
        pred = {(r.start, r.end, r.type) for r in doc.records if r.type in TYPES}
        tally(counts, gold_spans(s.tokens, s.entities()), pred)
    seconds = time.perf_counter() - started
    res = scores(counts)
    if args.json:
        print(json.dumps({"split": args.split, "sentences": len(sentences), "model": ex.model, "scores": res}))
        return
    print(f"KazNERD {args.split}: {len(sentences)} sentences, whole pipeline ({ex.model or 'rules only'}), "
          f"{seconds:.0f} s")
    print_scores(res)


if __name__ == "__main__":
    main()

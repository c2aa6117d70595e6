"""``kazextract evaluate``: precision, recall and F1 of records (and facts) against gold files."""
from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from ..pipeline import NER_CHOICES


def register(sub):
    p = sub.add_parser("evaluate", help="score records against gold files (annotation.md)",
                       description="Compare predictions with GOLD_DIR/NAME.gold.json (and NAME.facts.json) beside "
                                   "the articles NAME.txt: value and full precision/recall/F1 per record type, "
                                   "offset errors, facts scores. Without PREDICTIONS the articles are extracted "
                                   "now (published taken from each gold file).")
    p.add_argument("gold_dir", metavar="GOLD_DIR", type=Path)
    p.add_argument("predictions", metavar="PREDICTIONS.jsonl", nargs="?", type=Path,
                   help="kazextract output matched to gold by doc_id == NAME (default: extract now)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument("--types", default=None, help="comma-separated record types to score (default: all)")
    p.add_argument("--ner", choices=NER_CHOICES, default="auto", help="NER used when extracting (default: auto)")
    p.add_argument("--model", help="path of the NER model to use instead of the shipped one")
    p.set_defaults(func=run)


def read_predictions(path: Path):
    """``({doc_id: document}, number of unreadable lines)``; the last line of a doc_id wins."""
    from ..review import ReviewError

    preds, bad = {}, 0
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    d = json.loads(line, parse_float=Decimal)
                    preds[str(d["doc_id"])] = d
                except (ValueError, KeyError, TypeError):
                    bad += 1
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path}: not UTF-8 ({exc.reason})") from None
    return preds, bad


def extract_gold_texts(gold, ner, model):
    from ..api import Extractor, Item
    from ..review.documents import document_dict

    ex = Extractor(ner=ner, model_path=model)
    items = [Item(text=g.text, doc_id=name, published=g.gold.get("published"), location=name)
             for name, g in gold.items() if g.text is not None]
    return {d.doc_id: document_dict(d) for d in ex.pipe(items)}


def _plain(obj):
    if isinstance(obj, Decimal):
        return int(obj) if obj == obj.to_integral_value() else float(obj)
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    return obj


def run(args) -> int:
    from ..review import ReviewError
    from ..review.gold import load_gold_dir
    from ..review.scoring import TYPES, score_facts, score_records

    types = [t for t in (args.types.split(",") if args.types else TYPES) if t]
    unknown = [t for t in types if t not in TYPES]
    if unknown:
        print(f"kazextract: evaluate: unknown record type {unknown[0]!r} (types: {', '.join(TYPES)})", file=sys.stderr)
        return 2
    try:
        gold = load_gold_dir(args.gold_dir)
        if args.predictions is not None:
            preds, bad = read_predictions(args.predictions)
        else:
            preds, bad = extract_gold_texts(gold, args.ner, args.model), 0
    except ReviewError as exc:
        print(f"kazextract: evaluate: {exc}", file=sys.stderr)
        return 1
    result = score_records(gold, preds, types)
    result["bad_prediction_lines"] = bad
    result["facts"] = score_facts(gold, preds)
    if args.json:
        print(json.dumps(_plain(result), ensure_ascii=False))
        return 0
    print(f"{'type':10} {'gold':>5} {'pred':>5} {'value P':>8} {'value R':>8} {'value F1':>8} "
          f"{'full P':>8} {'full R':>8} {'full F1':>8}")
    rows = list(result["types"].items()) + [("micro", result["micro"])]
    for t, s in rows:
        print(f"{t:10} {s['gold']:5} {s['pred']:5} {s['value_p']:8.3f} {s['value_r']:8.3f} {s['value_f1']:8.3f} "
              f"{s['full_p']:8.3f} {s['full_r']:8.3f} {s['full_f1']:8.3f}")
    print(f"documents {result['documents']}, offset errors {result['offset_errors']}")
    if result["missing_documents"]:
        print(f"documents with no prediction: {len(result['missing_documents'])}: "
              f"{', '.join(result['missing_documents'][:10])}")
    if bad:
        print(f"unreadable prediction lines: {bad}")
    for e in result["offset_error_list"][:10]:
        print(f"offset error: {e['doc_id']} {e['type']} {e['text']!r} at {e['start']}:{e['end']}")
    f = result["facts"]
    if f is not None:
        print(f"\nfacts: gold {f['gold_facts']}, amounts found {f['found']}, measure accuracy "
              f"{f['measure_accuracy']:.3f}, status accuracy {f['status_accuracy']:.3f}, fully right {f['fully_right']:.3f}")
        for name, s in f["links"].items():
            print(f"  {name:9s} link P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
                  f"(gold {s['gold']}, pred {s['pred']})")
    return 0

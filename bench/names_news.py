"""Scores the names corpus (``extractor/names/corpora/news.txt``): full F1 of org, person and location records
(name and base form, org legal form too) on the ``tune`` and the ``aside`` items separately.

    OMP_NUM_THREADS=1 nice python bench/names_news.py [--ner auto|none] [--errors tune]

``--errors`` prints the misses of one set (never ask for ``aside`` while developing rules: it is the held-out
part of the corpus).
"""
from __future__ import annotations

import argparse

from extractor.api import Extractor, Item
from extractor.names.corpora import TYPES, found, read_items, score


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ner", default="auto")
    ap.add_argument("--errors", choices=("tune", "aside"))
    args = ap.parse_args()
    ex = Extractor(ner=args.ner)
    items = read_items()
    results = [(it, found(ex.process(Item(text=it.text)).records)) for it in items]
    for which in ("tune", "aside"):
        part = [(it, got) for it, got in results if it.set == which]
        s = score(part)
        print(f"{which:5} ({len(part)} items, ner={ex.model or 'none'}): "
              + "  ".join(f"{t} F1 {s[t]['f1']:.3f} (P {s[t]['p']:.3f} R {s[t]['r']:.3f}, {s[t]['gold']} gold)"
                          for t in TYPES))
    if args.errors:
        for it, got in results:
            if it.set != args.errors:
                continue
            for t in TYPES:
                gold = it.gold.get(t, set())
                miss, extra = gold - got[t], got[t] - gold
                if t == "location":
                    miss = {g for g in miss if (g[0].removesuffix(" қаласы"), None) not in got[t]}
                    extra = {g for g in extra if g not in {(n.removesuffix(" қаласы"), f) for n, f in gold}}
                if miss or extra:
                    print(f"{it.id} {t}: missing {sorted(miss)} extra {sorted(extra)}")


if __name__ == "__main__":
    main()

"""Time of extraction (rules only unless ``--ner``) on long pathological inputs, at two sizes each, to show linear growth.

    PYTHONPATH=. python bench/long_inputs.py [--small 200000] [--big 2000000] [--shapes numbers,quotes,...] [--ner auto]

Shapes: ``numbers`` (one- to five-digit numbers separated by spaces), ``grouped`` (``123 456 ...``, one long
space-grouped number), ``quotes`` (one run of ``«``), ``underscores`` (one run of ``_``), ``word`` (one word
of one letter repeated). For each it prints the CPU seconds at both sizes and their ratio (linear: about
big/small; the issue asks 2 MB of numbers within 15× of 200 KB and under 60 s). Texts over 100,000
characters go through the pipeline in pieces (``extractor.api.CHUNK_CHARS``).
"""
from __future__ import annotations

import argparse
import random
import sys
import time


def shape(name: str, n: int) -> str:
    rnd = random.Random(9)
    if name == "numbers":
        parts, size = [], 0
        while size < n:
            p = str(rnd.randint(1, 99999))
            parts.append(p)
            size += len(p) + 1
        return " ".join(parts)[:n]
    if name == "grouped":
        return ("123 " * (n // 4 + 1))[:n].strip()
    if name == "quotes":
        return "«" * n
    if name == "underscores":
        return "_" * n
    if name == "word":
        return "а" * n
    raise SystemExit(f"unknown shape {name!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", type=int, default=200_000)
    ap.add_argument("--big", type=int, default=2_000_000)
    ap.add_argument("--shapes", default="numbers,grouped,quotes,underscores,word")
    ap.add_argument("--ner", default="none", help="pipeline: none (rules only, the default), auto, spacy")
    args = ap.parse_args(argv)
    from extractor.api import Extractor, Item

    ex = Extractor(ner=args.ner)
    ex.process(Item(text="Бүгін 5 мың теңге бөлінді."))
    print(f"{'shape':<12} {'small':>9} {'CPU s':>8} {'big':>9} {'CPU s':>8} {'ratio':>7}")
    for name in args.shapes.split(","):
        times = []
        for n in (args.small, args.big):
            text = shape(name, n)
            t0 = time.process_time()
            ex.process(Item(text=text, doc_id=name))
            times.append(time.process_time() - t0)
        print(f"{name:<12} {args.small:>9} {times[0]:8.2f} {args.big:>9} {times[1]:8.2f} "
              f"{times[1] / max(times[0], 1e-9):7.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

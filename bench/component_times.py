"""CPU seconds of each pipeline component over the same articles, beside a bare spaCy tokenizer pass.

Where the time of a run goes, one component at a time: ``make_doc`` (the kk tokenizer), then every pipe
in order, each timed on its own over every document (CPU time of one thread, ``time.process_time``, so a
busy machine moves the numbers less; compare figures from one run only). The shared document analysis of
the value and date recognisers (``extractor/dimensions/analysis.py``) is made by the first component that
asks for it (``kx_money``), so its cost shows there.

``--batch N`` runs the documents as :meth:`extractor.api.Extractor.pipe` does: N at a time, a component with
a ``pipe`` (the model's) over the whole batch (with the batch sizes of
:func:`extractor.pipeline.inference_batch_sizes`), a run of components without one document by document (as
``nlp.pipe`` chains them), so the model's batched inference shows as it does in a run; the default (0) hands
each document through the components one by one.

``--gc-freeze`` moves the objects alive after start-up out of the garbage collector's reach
(``gc.freeze()``) before timing: a full collection then no longer walks the loaded tables and models, and
the time each component allocates is its own (without it, a collection lands on whichever component
happens to allocate when it is due).

    OMP_NUM_THREADS=1 PYTHONPATH=. python bench/component_times.py [--docs 156] [--ner none] [--gc-freeze] [--batch 32]
"""
from __future__ import annotations

import argparse
import collections
import gc
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAZEXTRACT_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))


def article_texts(folder: Path, docs: int):
    paths = sorted(folder.glob("*.txt")) + sorted((folder / "raw").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        raise SystemExit(f"no articles in {folder}")
    return [texts[i % len(texts)] for i in range(docs)]


def time_batches(nlp, texts, size, spent) -> None:
    """Add to ``spent`` each component's CPU time over batches of ``size`` documents (as ``nlp.pipe``)."""
    try:
        from extractor.pipeline import inference_batch_sizes
    except ImportError:  # a checkout from before the model's batches were sized
        inference_batch_sizes = None
    for k in range(0, len(texts), size):
        c = time.process_time()
        docs = [nlp.make_doc(t) for t in texts[k:k + size]]
        for doc in docs:
            doc._.kx_published = None
        spent["make_doc"] += time.process_time() - c
        cfg = inference_batch_sizes(nlp, docs) if inference_batch_sizes else {}
        for group in _groups(nlp.pipeline):
            if len(group) == 1 and hasattr(group[0][1], "pipe"):
                name, proc = group[0]
                c = time.process_time()
                docs = list(proc.pipe(docs, **cfg.get(name, {"batch_size": len(docs)})))
                spent[name] += time.process_time() - c
                continue
            for i, doc in enumerate(docs):  # as nlp.pipe chains them: one document through the whole run
                for name, proc in group:
                    c = time.process_time()
                    doc = proc(doc)
                    spent[name] += time.process_time() - c
                docs[i] = doc


def _groups(pipeline):
    """The pipeline cut into components with a ``pipe`` (each takes the batch) and runs of components
    without one (``nlp.pipe`` hands them each document in turn, through the whole run)."""
    out = []
    for name, proc in pipeline:
        if hasattr(proc, "pipe") or not out or hasattr(out[-1][-1][1], "pipe"):
            out.append([(name, proc)])
        else:
            out[-1].append((name, proc))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=None)
    ap.add_argument("--docs", type=int, default=156)
    ap.add_argument("--ner", default="none", help="none (rules only) or auto (with the shipped model)")
    ap.add_argument("--gc-freeze", action="store_true", help="gc.freeze() after start-up, before timing")
    ap.add_argument("--batch", type=int, default=0,
                    help="documents per batch, as Extractor.pipe runs them (0: one document at a time)")
    args = ap.parse_args(argv)
    folder = args.articles or (SHARED / "corpus" if (SHARED / "corpus").is_dir() else ROOT / "corpus")
    texts = article_texts(folder, args.docs)

    import spacy

    from extractor.api import Extractor

    nlp = Extractor(ner=args.ner).nlp
    for t in texts[:3]:
        nlp(t)  # load what loads on first use
    if args.gc_freeze:
        gc.freeze()
    spent = collections.Counter()
    if args.batch > 0:
        time_batches(nlp, texts, args.batch, spent)
    for t in texts if args.batch <= 0 else ():
        c = time.process_time()
        doc = nlp.make_doc(t)
        doc._.kx_published = None
        spent["make_doc"] += time.process_time() - c
        for name, proc in nlp.pipeline:
            c = time.process_time()
            doc = proc(doc)
            spent[name] += time.process_time() - c
    total = sum(spent.values())
    bare = spacy.blank("xx").tokenizer
    c = time.process_time()
    for t in texts:
        bare(t)
    b = time.process_time() - c
    print(f"ner={args.ner} docs={len(texts)} gc_freeze={args.gc_freeze} batch={args.batch}: total {total:.3f} s CPU, "
          f"bare tokenizer {b:.3f} s, ratio {b / total:.3f}")
    for name, v in spent.most_common():
        print(f"  {name:16s} {v:.3f} {100 * v / total:3.0f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

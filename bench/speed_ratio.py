"""Words/s of rules only and of the default pipeline, as ratios of a bare spaCy tokenizer pass, in one run.

Issue 9's yardstick: on the same texts and in the same process, one after the other, it times

* ``bare``: ``spacy.blank("xx").tokenizer`` over every text (spaCy's own multi-language tokenizer),
* ``kk tokenizer``: ``spacy.blank("kk").tokenizer`` (kazextract's tokenizer, for reference),
* ``rules only``: ``Extractor(ner="none").pipe`` (the whole rule pipeline, records built),
* ``default``: ``Extractor()`` (rules + the shipped NER model), unless ``--no-model``,

(each pipeline frozen out of the garbage collector's walks after loading, as ``extract`` and the workers do;
``--zones`` also runs it in the workers' tasks of 16 documents inside spaCy memory zones, keeping the frequent
word forms across zones as the workers do, ``--no-keep``: without that, as before issue 9's zone fix) and prints
words per CPU second of each and its ratio to ``bare``, with the machine. CPU time (not wall
time) of one thread, so a busy machine moves the numbers less; still, compare ratios from one run only.

    OMP_NUM_THREADS=1 PYTHONPATH=. python bench/speed_ratio.py [--docs 2000] [--articles ../shared/corpus]

Articles: every ``*.txt`` of ``--articles`` and of its ``raw/`` folder (default: the development corpus
beside the repository, else the bundled ``corpus/``), repeated in order until ``--docs`` documents.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAZEXTRACT_SHARED", ROOT.parent / "shared"))
TASK_DOCS = 16  # documents per worker task (kazextract run)


def article_texts(folder: Path, docs: int):
    paths = sorted(folder.glob("*.txt")) + sorted((folder / "raw").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        raise SystemExit(f"no articles in {folder}")
    return [texts[i % len(texts)] for i in range(docs)], len(paths)


def timed(fn):
    cpu0, wall0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu0, time.perf_counter() - wall0


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=Path, default=None)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--no-model", action="store_true", help="leave out the default pipeline (rules + NER)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--zones", action="store_true",
                    help=f"run the pipelines as a worker does: tasks of {TASK_DOCS} documents, each in a memory zone")
    ap.add_argument("--no-keep", action="store_true",
                    help="with --zones: keep no word forms across zones (extractor.batch.kept_forms), so that "
                         "every task tokenizes its words anew")
    ap.add_argument("--no-freeze", action="store_true",
                    help="leave the loaded pipeline in the garbage collector's walks (extract and workers freeze it)")
    args = ap.parse_args(argv)
    folder = args.articles or (SHARED / "corpus" if (SHARED / "corpus").is_dir() else ROOT / "corpus")
    texts, distinct = article_texts(folder, args.docs)
    words = sum(len(t.split()) for t in texts)

    import spacy

    from extractor.api import Extractor, Item
    from extractor.batch.memory import settle_loaded_pipeline, unsettle
    from extractor.batch import worker
    from extractor.batch.worker import memory_zone

    if args.no_keep:
        worker.keep_frequent_forms = lambda nlp: 0

    rows = []

    def run_tokenizer(lang):
        tok = spacy.blank(lang).tokenizer
        tok(texts[0])
        cpu, wall = timed(lambda: [tok(t) for t in texts])
        rows.append((f"{lang} tokenizer" if lang != "xx" else "bare spaCy tokenizer (xx)", cpu, wall))

    def run_extractor(label, ner):
        ex = Extractor(ner=ner)
        ex.process(Item(text=texts[0], doc_id="warm-up"))
        if not args.no_freeze:
            settle_loaded_pipeline()  # as `extract` and the workers do after loading
        items = [Item(text=t, doc_id=str(i)) for i, t in enumerate(texts)]

        def in_tasks():  # the workers' tasks: TASK_DOCS documents inside one spaCy memory zone
            n = 0
            for k in range(0, len(items), TASK_DOCS):
                with memory_zone(ex):
                    n += sum(1 for _ in ex.pipe(items[k:k + TASK_DOCS]))
            return n

        cpu, wall = timed(in_tasks if args.zones else lambda: sum(1 for _ in ex.pipe(items)))
        rows.append((label, cpu, wall))
        if not args.no_freeze:
            unsettle()

    run_tokenizer("xx")
    run_tokenizer("kk")
    run_extractor("rules only (--ner none)", "none")
    if not args.no_model:
        run_extractor("default (rules + NER model)", "auto")
    base = words / rows[0][1]
    print(f"machine: {machine()}")
    print(f"texts: {len(texts)} documents ({distinct} distinct articles of {folder}), {words} words")
    print(f"{'pass':<30} {'CPU s':>8} {'wall s':>8} {'words/CPU s':>12} {'ratio':>7}")
    out = []
    for label, cpu, wall in rows:
        wps = words / cpu
        print(f"{label:<30} {cpu:8.2f} {wall:8.2f} {wps:12.0f} {wps / base:7.3f}")
        out.append({"pass": label, "cpu_s": round(cpu, 3), "wall_s": round(wall, 3), "words_per_cpu_s": round(wps),
                    "ratio": round(wps / base, 4)})
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "docs": len(texts), "words": words, "rows": out},
                                        ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

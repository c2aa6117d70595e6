"""Worker memory over many documents full of words never seen before (issue 12): does RSS level off?

spaCy keeps every new string (numbers, names, typos) in its vocabulary's string store for good; a worker
that processes millions of articles would grow without bound. The batch worker wraps each task in
``nlp.memory_zone()`` (spaCy 3.8: strings and lexemes added inside are freed when it ends). This script runs
the worker's own code path (``extractor.batch.worker.process_units``, tasks of 16 documents, as
``kazextract run`` does) on N synthetic documents, each with fresh made-up words and numbers, and prints the
resident set size (current, not peak) every ``--every`` documents.

Memory zones alone do not make the curve flat (:mod:`extractor.batch.memory` says what else grows and
what bounds it): the rules keep caches of word forms, each of at most ``WORD_CACHE_MAX`` entries, and
spaCy's hash tables (preshed) reuse a freed cell only now and then, so the worker builds its pipeline anew
every ``RENEW_EVERY_DOCS`` documents (``--renew-every 0`` shows the curve without that) and gives the memory
the old one freed back to the system (``--no-release``: without that).

    nice python bench/worker_memory.py --n 100000              # the README curve (rules only)
    nice python bench/worker_memory.py --n 20000 --no-zone     # the same without memory zones: it grows
    nice python bench/worker_memory.py --n 100000 --renew-every 0   # zones, but one pipeline for ever
    nice python bench/worker_memory.py --n 20000 --ner auto    # with the NER model
    nice python bench/worker_memory.py --pool --n 200000        # through the worker pool, which replaces its worker

Output: one line per checkpoint, ``docs  rss_mib  strings  cached  seconds  cpu_s`` (strings in spaCy's
store, including those of the frequent forms kept across zones; entries in the caches of word forms; wall and
CPU seconds); ``--json FILE`` also writes them as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
TEMPLATES = [
    "{w} ауданында {n} мектеп салынды.",
    "«{W}» ЖШС биыл {n} млн теңге инвестиция тартты.",
    "{W} {W}ұлы {w} кентіне {n} тонна жүк жеткізді.",
    "{W} облысында {n} жаңа жұмыс орны ашылды, бұл өткен жылдан {p}%-ға көп.",
    "Кәсіпорын {w} өндірісін {n} мың литрге жеткізді.",
]


def synthetic_text(rnd: random.Random) -> str:
    """Two or three sentences with made-up words (fresh strings for the store) and fresh numbers."""
    def word():
        return "".join(rnd.choice(LETTERS) for _ in range(rnd.randint(5, 11)))

    parts = []
    for _ in range(rnd.randint(2, 3)):
        t = rnd.choice(TEMPLATES)
        parts.append(t.format(w=word(), W=word().capitalize(), n=rnd.randint(2, 10**6), p=rnd.randint(1, 99)))
    return " ".join(parts)


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="documents (default 100,000)")
    ap.add_argument("--every", type=int, default=10_000, help="report every this many documents")
    ap.add_argument("--ner", default="none", help="none (rules only, default), auto, spacy")
    ap.add_argument("--task-docs", type=int, default=16, help="documents per task (as kazextract run)")
    ap.add_argument("--no-zone", action="store_true", help="process without nlp.memory_zone() (the old way)")
    ap.add_argument("--no-keep", action="store_true",
                    help="keep no frequent word forms across memory zones (extractor.batch.kept_forms)")
    ap.add_argument("--renew-every", type=int, default=None,
                    help="build the pipeline anew after this many documents (default: the worker's, "
                         "RENEW_EVERY_DOCS; 0: never)")
    ap.add_argument("--no-release", action="store_true",
                    help="renew the pipeline without giving the freed memory back (gc + malloc_trim)")
    ap.add_argument("--pool", action="store_true",
                    help="run the documents through kazextract run's worker pool (one worker process) and report "
                         "that process's RSS: the pool replaces its workers after --recycle-every documents")
    ap.add_argument("--recycle-every", type=int, default=None,
                    help="with --pool: documents per worker before its process is replaced (default: "
                         "RECYCLE_EVERY_DOCS; 0: never)")
    ap.add_argument("--texts", type=Path, default=None,
                    help="a folder of *.txt documents, cycled, each followed by a synthetic text (fresh words): "
                         "real words that come back fill the frequent forms kept across zones")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--json", help="also write the checkpoints to this JSON file")
    args = ap.parse_args(argv)

    from extractor.batch import worker
    from extractor.batch.memory import cached_entries
    from extractor.batch.worker import Unit, WorkerConfig, load_extractor, process_units
    from extractor.io.reads import Item

    if args.no_zone:
        import contextlib

        worker.memory_zone = lambda extractor: contextlib.nullcontext()
    if args.no_keep:
        worker.keep_frequent_forms = lambda nlp: 0
    if args.no_release:
        worker.release_freed_memory = lambda: False
    if args.renew_every is not None:
        worker.RENEW_EVERY_DOCS = args.renew_every or 10**15
    config = WorkerConfig(ner=args.ner)
    if args.pool:
        return pool_curve(args, config)
    load_extractor(config)

    def strings() -> int:
        return len(worker._STATE["extractor"].nlp.vocab.strings)

    rnd = random.Random(args.seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.texts.glob("*.txt"))] if args.texts else []

    def document(i: int) -> str:
        return (texts[i % len(texts)] + "\n" if texts else "") + synthetic_text(rnd)

    started = time.monotonic()
    cpu0 = time.process_time()
    rows = [{"docs": 0, "rss_mib": round(rss_mib(), 1), "strings": strings(), "cached": cached_entries(),
             "seconds": 0.0, "cpu_s": 0.0}]
    print(f"machine: {os.uname().machine}, {os.cpu_count()} CPUs; ner={args.ner}; "
          f"memory zones {'off' if args.no_zone else 'on'}; frequent forms kept "
          f"{'no' if args.no_keep or args.no_zone else 'yes'}; pipeline built anew every "
          f"{worker.RENEW_EVERY_DOCS if worker.RENEW_EVERY_DOCS < 10**15 else 'never'} documents", flush=True)
    print("docs\trss_mib\tstrings\tcached\tseconds\tcpu_s", flush=True)
    print(f"0\t{rows[0]['rss_mib']}\t{rows[0]['strings']}\t{rows[0]['cached']}\t0\t0", flush=True)
    done, failed = 0, 0
    while done < args.n:
        k = min(args.task_docs, args.n - done)
        units = []
        for i in range(done, done + k):
            item = Item(text=document(i), doc_id=f"m{i}", location=f"synthetic:{i}")
            units.append(Unit(item, item.location, item.doc_id))
        # as worker.run_task does: no reference to the pipeline outlives the task, so a renewal frees it
        results = process_units(load_extractor(config), config, units)
        worker.count_documents_done(k)
        failed += sum(r[0] != worker.DONE for r in results)
        before = done
        done += k
        if done // args.every != before // args.every or done == args.n:
            row = {"docs": done, "rss_mib": round(rss_mib(), 1), "strings": strings(), "cached": cached_entries(),
                   "seconds": round(time.monotonic() - started, 1), "cpu_s": round(time.process_time() - cpu0, 1)}
            rows.append(row)
            print(f"{row['docs']}\t{row['rss_mib']}\t{row['strings']}\t{row['cached']}\t{row['seconds']}"
                  f"\t{row['cpu_s']}", flush=True)
    first, last = rows[1] if len(rows) > 2 else rows[0], rows[-1]
    per_1000 = (last["rss_mib"] - first["rss_mib"]) / max(1, (last["docs"] - first["docs"]) / 1000)
    half = next(r for r in rows if r["docs"] >= last["docs"] / 2)
    per_1000_2nd = (last["rss_mib"] - half["rss_mib"]) / max(1, (last["docs"] - half["docs"]) / 1000)
    print(f"growth after the first checkpoint: {per_1000:+.3f} MiB per 1,000 documents; in the second half "
          f"({half['docs']:,} to {last['docs']:,}): {per_1000_2nd:+.3f}; failed: {failed}; "
          f"pipeline renewals: {worker._STATE['renewals']}")
    if args.json:
        out = {"ner": args.ner, "zone": not args.no_zone, "keep": not args.no_keep, "release": not args.no_release,
               "renew_every": worker.RENEW_EVERY_DOCS, "rows": rows, "mib_per_1000_docs": per_1000,
               "mib_per_1000_docs_second_half": per_1000_2nd, "failed": failed}
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n")
    return 0


def child_rss_mib() -> float:
    """The largest RSS among this process's worker processes (0 when none is running)."""
    import multiprocessing

    most = 0.0
    for proc in multiprocessing.active_children():
        try:
            with open(f"/proc/{proc.pid}/statm") as f:
                most = max(most, int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20))
        except (OSError, ValueError, IndexError):
            pass
    return most


def pool_curve(args, config) -> int:
    """The same documents through :class:`extractor.batch.executors.PoolExecutor` with one worker: the
    worker process's RSS at each checkpoint, and how many times the pool replaced it."""
    from extractor.batch import worker
    from extractor.batch.executors import PoolExecutor
    from extractor.batch.worker import Unit
    from extractor.io.reads import Item

    ex = PoolExecutor(config, workers=1)
    if args.recycle_every is not None:
        ex.recycle_every = args.recycle_every
    rnd = random.Random(args.seed)
    started = time.monotonic()
    print(f"machine: {os.uname().machine}, {os.cpu_count()} CPUs; ner={args.ner}; one worker process, replaced "
          f"every {ex.recycle_every or 'never'} documents", flush=True)
    print("docs	worker_rss_mib	recycles	seconds", flush=True)
    rows, done, finished, failed = [], 0, 0, 0

    def take(batch):
        nonlocal finished, failed
        for units, results, _stats in batch:
            finished += len(units)
            failed += sum(r[0] != worker.DONE for r in results)

    while done < args.n:
        while ex.full():
            take(ex.collect(block=True))
        k = min(args.task_docs, args.n - done)
        units = []
        for i in range(done, done + k):
            item = Item(text=synthetic_text(rnd), doc_id=f"m{i}", location=f"synthetic:{i}")
            units.append(Unit(item, item.location, item.doc_id))
        ex.submit(units)
        before = done
        done += k
        if done // args.every != before // args.every or done == args.n:
            row = {"docs": done, "worker_rss_mib": round(child_rss_mib(), 1), "recycles": ex.recycles,
                   "seconds": round(time.monotonic() - started, 1)}
            rows.append(row)
            print(f"{row['docs']}\t{row['worker_rss_mib']}\t{row['recycles']}\t{row['seconds']}", flush=True)
    while ex.pending():
        take(ex.collect(block=True))
    ex.close()
    print(f"documents finished: {finished} of {args.n}; failed: {failed}; worker processes replaced: {ex.recycles}")
    if args.json:
        Path(args.json).write_text(json.dumps({"ner": args.ner, "pool": True, "recycle_every": ex.recycle_every,
                                               "rows": rows, "failed": failed, "finished": finished}, indent=2) + "\n")
    return 0 if finished == args.n else 1


if __name__ == "__main__":
    sys.exit(main())

"""Rules only, the spaCy NER model and the Stanza NER backend on the same articles, in one run.

For each engine a fresh Python process loads the whole kazextract pipeline (``Extractor(ner=...)``), warms
it up on one article, then processes every article ``--repeat`` times on one thread. It reports
words/s and articles/s (per core: one thread, and CPU time rather than wall time, so a busy machine
changes the numbers less), the load time, and the process's peak RSS (``ru_maxrss``: pipeline, model and
processing together).

    OMP_NUM_THREADS=1 PYTHONPATH=. python bench/compare_engines.py \\
        [--articles ../shared/corpus] [--stanza-model DIR] [--repeat 2] [--json out.json]

Articles: every ``*.txt`` of ``--articles`` and of its ``raw/`` folder (default: the development corpus
next to the repository, else the bundled ``corpus/``). The Stanza row needs a Stanza Kazakh NER model
(``--stanza-model``, ``$KAZEXTRACT_STANZA_DIR`` or Stanza's resources directory) and the ``[stanza]``
extra; without them it says why and is left out.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAZEXTRACT_SHARED", ROOT.parent / "shared"))
ENGINES = ("none", "spacy", "stanza")
LABEL = {"none": "rules only", "spacy": "rules + spaCy NER (shipped model)", "stanza": "rules + Stanza NER"}


def article_paths(folder: Path):
    return sorted(folder.glob("*.txt")) + sorted((folder / "raw").glob("*.txt"))


def child(engine: str, paths, repeat: int, stanza_model) -> dict:
    """Runs in the child process: one engine, every article ``repeat`` times, one thread."""
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
    from extractor.api import Extractor, Item

    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    started = time.perf_counter()
    extractor = Extractor(ner=engine, model_path=stanza_model if engine == "stanza" else None)
    load_s = time.perf_counter() - started
    extractor.process(Item(text=texts[0], doc_id="warm-up"))
    words = sum(len(t.split()) for t in texts) * repeat
    records = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for r in range(repeat):
        for i, text in enumerate(texts):
            records += len(extractor.process(Item(text=text, doc_id=f"{r}-{i}")).records)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"engine": engine, "articles": len(texts) * repeat, "words": words, "cpu_s": round(cpu, 2),
            "wall_s": round(wall, 2), "words_per_cpu_s": round(words / cpu), "articles_per_cpu_s":
            round(len(texts) * repeat / cpu, 2), "load_s": round(load_s, 1), "records": records // repeat,
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def run_engine(engine: str, paths, repeat: int, stanza_model) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    cmd = [sys.executable, __file__, "--child", engine, "--repeat", str(repeat)]
    if stanza_model:
        cmd += ["--stanza-model", str(stanza_model)]
    cmd += [str(p) for p in paths]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"engine": engine, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def table(rows, base) -> str:
    out = ["| engine | words/s per core | articles/s per core | vs rules only | load (s) | peak RSS (MiB) | "
           "records per pass |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        if "error" in r:
            out.append(f"| {LABEL[r['engine']]} | not run: {r['error']} | | | | | |")
            continue
        ratio = f"{r['words_per_cpu_s'] / base:.2f}x" if base else ""
        out.append(f"| {LABEL[r['engine']]} | {r['words_per_cpu_s']:,} | {r['articles_per_cpu_s']} | {ratio} | "
                   f"{r['load_s']} | {r['peak_rss_mib']} | {r['records']} |")
    return "\n".join(out)


def main(argv=None):
    from extractor.cli import Parser

    p = Parser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=Path, help="folder of .txt articles (and raw/); default: ../shared/corpus, "
                                                 "else corpus/")
    p.add_argument("--stanza-model", help="Stanza Kazakh NER model directory")
    p.add_argument("--engines", default=",".join(ENGINES), help="comma-separated: none,spacy,stanza")
    p.add_argument("--repeat", type=int, default=2, help="passes over the articles per engine")
    p.add_argument("--json", type=Path, help="also write the rows here")
    p.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    p.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.paths, args.repeat, args.stanza_model)))
        return 0
    folder = args.articles or next((f for f in (SHARED / "corpus", ROOT / "corpus") if article_paths(f)), None)
    paths = article_paths(folder) if folder else []
    if not paths:
        raise SystemExit("no .txt articles found (use --articles)")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    print(f"{len(paths)} articles from {folder}: {sum(len(t.split()) for t in texts):,} words, "
          f"{sum(map(len, texts)):,} characters; {args.repeat} passes per engine, one thread")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.processor() or platform.platform()}, "
          f"load {os.getloadavg()[0]:.1f}")
    rows = []
    for engine in args.engines.split(","):
        row = run_engine(engine, paths, args.repeat, args.stanza_model)
        print(f"  {engine}: {row}", flush=True)
        rows.append(row)
    base = next((r["words_per_cpu_s"] for r in rows if r["engine"] == "none" and "error" not in r), None)
    print(table(rows, base))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

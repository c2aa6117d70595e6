"""``kazextract run``: a whole archive into a database or a file, with workers, resume and a summary."""
from __future__ import annotations

import json
import os
import sys

from ..io.warc import MIN_ARTICLE_CHARS
from . import CommandError, add_pipeline_options, pipeline_options
from ._checks import check_inputs, check_ner, check_output_folder, empty_dir_warnings, require

EPILOG = """\
targets:
  --db results.sqlite           SQLite database (any path that is not a URL)
  --db postgresql://user:pw@host/dbname
  --out records.jsonl           JSON Lines (+ records.jsonl.state.sqlite, records.errors.jsonl)
  --out records.parquet         Parquet datasets documents/, records/, errors/ in that directory

Interrupted (Ctrl-C, kill -9, a crash) and started again with the same command, the run resumes:
documents already in the target are skipped and every input document is stored exactly once.
Documents that fail are kept with their input location and the reason (errors table or file).

exit status: 0 the run completed (failed documents are in the errors, not a reason to fail); 1 no input
documents found; 2 a mistake, found before any work (an input or output folder that does not exist, a bad
target or option, a missing optional dependency or NER model); 130 interrupted.
"""


def register(sub):
    p = sub.add_parser("run", help="process a whole archive into a database, JSON Lines or Parquet (resumable)",
                       description="Process text files, directories, JSON Lines (.jsonl, .jsonl.gz) and WARC "
                                   "archives (.warc, .warc.gz) with several worker processes into a database "
                                   "or a file. Resumable; failures are kept and the run goes on.",
                       epilog=EPILOG)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a .txt article, a directory (searched for .txt/.jsonl/.warc), a .jsonl(.gz) file, a "
                        ".warc(.gz) archive, or - for standard input")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--db", metavar="TARGET", help="a database: an SQLite file path or a postgresql:// URL")
    target.add_argument("--out", metavar="FILE", help="a .jsonl file or a .parquet directory")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="worker processes, each loading the pipeline once (0: in this process); with --dask, "
                        "the inputs are cut into at least N partitions where they can be (--dask local: a "
                        "LocalCluster of N processes)")
    add_pipeline_options(p)
    p.add_argument("--min-article-chars", type=int, default=MIN_ARTICLE_CHARS,
                   help="a WARC page whose article text is shorter than this counts as having no article")
    p.add_argument("--errors", metavar="FILE",
                   help="also write the failed inputs to this JSON Lines file (default for --out x.jsonl: "
                        "x.errors.jsonl; databases keep them in their errors table)")
    p.add_argument("--retry-errors", action="store_true",
                   help="process again the inputs that failed in an earlier run (without it they are skipped)")
    progress = p.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_const", const="bar",
                          help="always show a progress bar")
    progress.add_argument("--no-progress", dest="progress", action="store_const", const="off",
                          help="no progress output")
    p.set_defaults(progress="auto")  # a bar on a terminal, a line every 30 s in a log
    p.add_argument("--no-count", action="store_true",
                   help="do not count the inputs first (no total and no ETA in the progress bar)")
    p.add_argument("--commit-every", type=int, metavar="DOCS",
                   help="commit after this many documents (default: 500 for databases and JSON Lines, 5000 for "
                        "Parquet; also every few seconds); what a crash loses and the next run redoes")
    p.add_argument("--summary-json", metavar="FILE", help="also write the summary as JSON to this file")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="run on a Dask cluster (scheduler address, e.g. tcp://10.0.0.5:8786, or 'local' for a "
                        "LocalCluster with --workers processes); the target must be a database or Parquet")
    p.add_argument("--partition-mb", type=int, default=64,
                   help="with --dask: split plain JSON Lines files into partitions of at most this size (smaller "
                        "when needed to give every Dask worker a partition)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..batch.runner import RunOptions, run_batch
    from ..batch.worker import WorkerConfig
    from ..sinks import SinkError, open_sink
    from ..sinks.lock import output_lock
    from ..sinks.safety import check_outputs

    try:
        published, fields = pipeline_options(args)
        check_outputs(args.inputs, [("--db" if args.db else "--out", args.db or args.out), ("--errors", args.errors)])
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    if args.workers < 0:
        raise CommandError("--workers must be 0 or more")
    if args.partition_mb < 1:
        raise CommandError("--partition-mb must be 1 or more")
    target = args.db or args.out
    _check_target(args)
    check_output_folder("--errors", args.errors)
    check_output_folder("--summary-json", args.summary_json)
    if args.dask:
        require("dask", "--dask")
    found = check_inputs(args.inputs)
    for line in empty_dir_warnings(found):
        print(f"kazextract run: {line}", file=sys.stderr)
    if found.nothing:
        print("kazextract run: no input documents found", file=sys.stderr)
        return 1
    check_ner(args.ner, args.model)
    config = WorkerConfig(ner=args.ner, model_path=args.model, max_chars=args.max_chars,
                          published=published.isoformat() if published else None,
                          min_article_chars=args.min_article_chars, doc_timeout=args.doc_timeout)
    options = RunOptions(workers=args.workers, retry_errors=args.retry_errors, progress=args.progress,
                         count=not args.no_count, fields=fields, commit_every=args.commit_every)
    try:
        with output_lock(target):  # one run at a time per target
            if args.dask:
                from ..batch.dask_run import run_on_dask

                summary = run_on_dask(args.inputs, target, args.dask, config, options,
                                      partition_bytes=args.partition_mb << 20, errors_path=args.errors,
                                      note=lambda msg: print(f"kazextract run: {msg}", file=sys.stderr))
            else:
                sink = open_sink(target, errors_path=args.errors)
                summary = run_batch(args.inputs, sink, config, options, target=_shown(target))
    except SinkError as exc:
        raise CommandError(str(exc)) from None
    print(summary.report(), file=sys.stderr)
    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as f:
            json.dump(summary.as_dict(), f, ensure_ascii=False, indent=2)
            f.write("\n")
    if summary.interrupted:
        if args.workers > 0 and not args.dask:
            # Everything is committed and the target unlocked. The workers were killed, and one killed while
            # writing its result leaves half a message in the pool's result pipe: concurrent.futures' exit hook
            # would wait on it for ever (seen as a run that never exits after Ctrl-C). Leave without it.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        return 130
    if not summary.read:
        print("kazextract run: no input documents found", file=sys.stderr)
        return 1
    return 0


# the extra each kind of target needs
TARGET_EXTRAS = {"postgresql": "postgres", "parquet": "parquet"}


def _check_target(args) -> None:
    """--db is a database, --out a file; its folder exists; its driver is installed."""
    from ..sinks import SinkError, sink_kind

    target = args.db or args.out
    option = "--db" if args.db else "--out"
    try:
        kind = sink_kind(target)
    except SinkError as exc:
        raise CommandError(str(exc)) from None
    if args.db and kind in ("jsonl", "parquet"):
        raise CommandError(f"--db {args.db}: a database is an SQLite path or a postgresql:// URL; use --out "
                           "for .jsonl and .parquet")
    if args.out and kind not in ("jsonl", "parquet"):
        raise CommandError(f"--out {args.out}: expected a .jsonl file or a .parquet directory (use --db for "
                           "databases)")
    if kind != "postgresql":
        check_output_folder(option, target, directory=kind == "parquet")
    if kind in TARGET_EXTRAS:
        require(TARGET_EXTRAS[kind], f"{option} {_shown(target) if kind == 'postgresql' else target}")


def _shown(target: str) -> str:
    from ..sinks.postgres import redact

    return redact(target)

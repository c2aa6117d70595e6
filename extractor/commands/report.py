"""``kazextract report``: an HTML overview of a ``kazextract run`` output, with charts."""
from __future__ import annotations

import sys
from pathlib import Path


def register(sub):
    p = sub.add_parser("report", help="an HTML report with charts of a run's output (database, JSONL, Parquet)",
                       description="Counts, records per type, documents and money per month, money by currency "
                                   "(and measure), top organisations and places, jobs, errors and warnings by "
                                   "reason, computed by SQL aggregates in the database. Charts need the [report] "
                                   "extra (matplotlib); without it the page has the tables only.")
    p.add_argument("sink", metavar="SINK", help="SQLite path, postgresql:// URL, .jsonl file or .parquet directory")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..review import ReviewError
    from ..review.archive import figures, open_database
    from ..review.charts import available
    from ..review.report_page import render

    try:
        with open_database(args.sink) as db:
            figs = figures(db)
    except ReviewError as exc:
        print(f"kazextract: report: {exc}", file=sys.stderr)
        return 1
    if not available():
        print("kazextract: report: matplotlib is not installed, so the report has tables but no charts "
              "(pip install 'kazextract[report]')", file=sys.stderr)
    try:
        Path(args.output).write_text(render(figs), encoding="utf-8")
    except OSError as exc:
        print(f"kazextract: report: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"kazextract: report: {figs.documents} documents, {figs.records} records, {figs.errors} errors "
          f"→ {args.output}", file=sys.stderr)
    return 0

"""``kazextract show``: one article's records as a self-contained HTML page."""
from __future__ import annotations

import sys
from pathlib import Path

from . import add_pipeline_options, pipeline_options


def register(sub):
    p = sub.add_parser("show", help="an HTML page of one article with its records highlighted",
                       description="Write one self-contained HTML page (no network resources) with the article's "
                                   "text, every record highlighted by type with its value on hover, a table of the "
                                   "records and the document's warnings. INPUT: a .txt article or a JSONL of inputs "
                                   "(extracted now), or a JSONL of kazextract output (shown as it is; give the "
                                   "article with --text, checked against text_sha256).")
    p.add_argument("input", metavar="INPUT", help=".txt article, inputs .jsonl, or kazextract output .jsonl")
    p.add_argument("--doc-id", help="the document to show (default: the first in INPUT)")
    p.add_argument("--text", type=Path, metavar="FILE",
                   help="for an output JSONL: the article text (.txt, or the inputs JSONL the run read)")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    add_pipeline_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..review import ReviewError
    from ..review import documents, page

    try:
        published, fields = pipeline_options(args)
    except ValueError as exc:
        print(f"kazextract: show: {exc}", file=sys.stderr)
        return 2

    def extract(item):
        from ..api import Extractor

        ex = Extractor(ner=args.ner, model_path=args.model, max_chars=args.max_chars)
        return documents.document_dict(ex.process(item))

    try:
        doc, text = documents.load(Path(args.input), args.doc_id, args.text, fields, published, extract)
    except ReviewError as exc:
        print(f"kazextract: show: {exc}", file=sys.stderr)
        return 1
    try:
        Path(args.output).write_text(page.render(doc, text), encoding="utf-8")
    except OSError as exc:
        print(f"kazextract: show: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    n = len(doc.get("records") or [])
    print(f"kazextract: show: {doc.get('doc_id')}: {n} records → {args.output}", file=sys.stderr)
    return 0

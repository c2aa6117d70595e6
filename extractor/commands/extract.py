"""``kazextract extract``: records of articles as JSON Lines."""
from __future__ import annotations

import json
import sys
from contextlib import ExitStack

from ..api import Item
from . import CommandError, add_pipeline_options, pipeline_options
from ._checks import check_inputs, check_ner, check_output_folder, empty_dir_warnings

EPILOG = """\
exit status: 0 every input read; 1 an input or a document failed (each reported, the others written) or no
input documents found; 2 a mistake, found before any work (an input or output folder that does not exist, a
bad option, a missing optional dependency or NER model); 130 interrupted.
"""


def register(sub):
    p = sub.add_parser("extract", help="extract records from articles (text files, directories, JSONL, - for stdin)",
                       description="Write one JSON document per input article (the output contract) as JSON Lines.",
                       epilog=EPILOG)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a .txt article, a directory (searched for .txt/.jsonl), a .jsonl(.gz) file "
                        "with fields id, text, title, url, published, or - for standard input")
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="output file, - for standard output")
    p.add_argument("--errors", metavar="FILE", help="also write inputs that could not be read to this JSONL file "
                                                    "(default: reported on standard error only)")
    add_pipeline_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..api import Extractor
    from ..batch.memory import settle_loaded_pipeline
    from ..io.inputs import InputError, iter_inputs

    from ..sinks.safety import check_outputs

    try:
        published, fields = pipeline_options(args)
        check_outputs(args.inputs, [("-o", args.output), ("--errors", args.errors)])  # never over an input
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    check_output_folder("-o", args.output)
    check_output_folder("--errors", args.errors)
    found = check_inputs(args.inputs)
    for line in empty_dir_warnings(found):
        print(f"kazextract extract: {line}", file=sys.stderr)
    check_ner(args.ner, args.model)
    extractor = Extractor(ner=args.ner, model_path=args.model, max_chars=args.max_chars)
    settle_loaded_pipeline()  # the pipeline lives as long as the command: no collection walks it again
    failed = written = 0
    with ExitStack() as stack:
        out = sys.stdout if args.output == "-" else stack.enter_context(open(args.output, "w", encoding="utf-8"))
        errs = stack.enter_context(open(args.errors, "w", encoding="utf-8")) if args.errors else None

        def report(err: InputError):
            nonlocal failed
            failed += 1
            if errs is not None:
                errs.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
                errs.flush()
            print(f"kazextract: error: {err.location}: {err.reason}", file=sys.stderr)

        def items():
            for read in iter_inputs(args.inputs, fields, published, doc_timeout=args.doc_timeout,
                                    on_skip=lambda p: print(f"kazextract: skipped {p} (not .txt/.jsonl)",
                                                            file=sys.stderr)):
                if isinstance(read, InputError):
                    report(read)
                    continue
                yield read

        for doc in _safe_pipe(extractor, items(), report, args.doc_timeout):
            out.write(doc.to_json() + "\n")
            written += 1
        out.flush()
    if not written and not failed:
        print("kazextract extract: no input documents found", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _safe_pipe(extractor, items, report, doc_timeout=None):
    """Process items; a document that crashes the pipeline or overruns --doc-timeout is reported, the others
    go on (:func:`extractor.batch.worker.process_items`)."""
    from ..batch.worker import DONE, process_items
    from ..io.inputs import InputError

    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= 16:
            yield from _run_batch(extractor, batch, report, doc_timeout, DONE, process_items, InputError)
            batch = []
    if batch:
        yield from _run_batch(extractor, batch, report, doc_timeout, DONE, process_items, InputError)


def _run_batch(extractor, batch, report, doc_timeout, DONE, process_items, InputError):
    from ..batch.worker import memory_zone

    with memory_zone(extractor):  # strings of the batch's words leave the vocabulary after it
        results = process_items(extractor, batch, doc_timeout)
    for kind, location, doc_id, payload in results:
        if kind == DONE:
            yield payload
        else:
            report(InputError(location or doc_id or "?", payload, doc_id))

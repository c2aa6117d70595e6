"""Subcommands of the ``kazextract`` CLI, and the options that ``extract`` and ``run`` share."""
from __future__ import annotations

from ..api import DEFAULT_MAX_CHARS, parse_published
from ..batch.deadline import DEFAULT_DOC_TIMEOUT
from ..pipeline import NER_CHOICES

FIELD_HELP = "JSON field names, e.g. --field text=body --field id=uuid (defaults: id, text/maintext, title, url, " \
             "published/date_publish)"


def add_pipeline_options(p) -> None:
    """How documents are read and processed: --ner, --model, --published, --field, --max-chars."""
    p.add_argument("--ner", choices=NER_CHOICES, default="auto",
                   help="statistical NER for person/location/org: auto (the shipped model), spacy, stanza, none")
    p.add_argument("--model", help="path of the NER model to use instead of the shipped one")
    p.add_argument("--published", help="publish date YYYY-MM-DD for inputs that carry none "
                                       "(relative dates like 'өткен жылы' resolve against it)")
    p.add_argument("--field", action="append", default=[], metavar="ROLE=NAME", help=FIELD_HELP)
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="search at most this many characters of a document (0: no limit)")
    p.add_argument("--doc-timeout", type=float, default=DEFAULT_DOC_TIMEOUT, metavar="SECONDS",
                   help="a document that takes longer than this (plus 1 s per 10,000 characters) is stopped and "
                        f"reported as an error; the run goes on (default {DEFAULT_DOC_TIMEOUT:g}; 0: no limit)")


def pipeline_options(args):
    """``(published, FieldMap)`` from the shared options; ValueError names what is wrong."""
    from ..io.inputs import FieldMap

    return parse_published(args.published), FieldMap.parse(args.field)

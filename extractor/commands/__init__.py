"""Subcommands of the ``kazextract`` CLI, and the options that ``extract`` and ``run`` share."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..api import DEFAULT_MAX_CHARS, parse_published
from ..batch.deadline import DEFAULT_DOC_TIMEOUT
from ..pipeline import NER_CHOICES
from ._checks import CommandError

# KazNERD, for every command and bench script that reads it: --kaznerd DIR, else $KAZEXTRACT_KAZNERD, else the
# development data folder next to the repository (relative to the current directory, as in README's commands)
KAZNERD_ENV = "KAZEXTRACT_KAZNERD"
KAZNERD_FALLBACK = Path("..") / "shared" / "data" / "kaznerd"
KAZNERD_OLD_OPTIONS = ("--data",)  # earlier name of --kaznerd, still accepted (not shown in --help)

FIELD_HELP = "JSON field names, e.g. --field text=body --field id=uuid (defaults: id, text/maintext, title, url, " \
             "published/date_publish)"


def add_pipeline_options(p) -> None:
    """How documents are read and processed: --ner, --model, --published, --field, --max-chars."""
    p.add_argument("--ner", choices=NER_CHOICES, default="auto",
                   help="statistical NER for person/location/org: auto (the shipped model), spacy, stanza, none "
                        "(rules only)")
    p.add_argument("--model", metavar="DIR",
                   help="NER model directory instead of the shipped one (for --ner stanza: the Stanza model; "
                        "default: $KAZEXTRACT_STANZA_DIR, else Stanza's resources directory)")
    p.add_argument("--published", help="publish date YYYY-MM-DD for inputs that carry none "
                                       "(relative dates like 'өткен жылы' resolve against it)")
    p.add_argument("--field", action="append", default=[], metavar="ROLE=NAME", help=FIELD_HELP)
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="search at most this many characters of a document (0: no limit)")
    p.add_argument("--doc-timeout", type=float, default=DEFAULT_DOC_TIMEOUT, metavar="SECONDS",
                   help="a document that takes longer than this (plus 1 s per 10,000 characters) is stopped and "
                        f"reported as an error; the run goes on (default {DEFAULT_DOC_TIMEOUT:g}; 0: no limit)")


def default_kaznerd() -> Path:
    """Where KazNERD is when ``--kaznerd`` is not given: ``$KAZEXTRACT_KAZNERD``, else ``../shared/data/kaznerd``."""
    return Path(os.environ.get(KAZNERD_ENV) or KAZNERD_FALLBACK)


def add_kaznerd_option(p) -> None:
    """``--kaznerd DIR`` (``args.kaznerd``, a Path), the one way to say where KazNERD is."""
    p.add_argument("--kaznerd", type=Path, default=default_kaznerd(), metavar="DIR",
                   help=f"KazNERD folder (IOB2_valid.txt, IOB2_test.txt); default: ${KAZNERD_ENV}, else "
                        f"{KAZNERD_FALLBACK} (now: %(default)s)")
    for old in KAZNERD_OLD_OPTIONS:
        p.add_argument(old, dest="kaznerd", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def kaznerd_file(args, name: str) -> Path:
    """``args.kaznerd / name``; :class:`CommandError` when it is not there."""
    path = Path(args.kaznerd) / name
    if not path.exists():
        raise CommandError(f"KazNERD not found: no {path} (give --kaznerd DIR or set ${KAZNERD_ENV})")
    return path


def pipeline_options(args):
    """``(published, FieldMap)`` from the shared options; ValueError names what is wrong."""
    from ..io.inputs import FieldMap

    return parse_published(args.published), FieldMap.parse(args.field)

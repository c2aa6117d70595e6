"""``kazextract common-words``: regenerate ``data/common_words.tsv`` from KazNERD's validation split."""
from __future__ import annotations

import sys
from pathlib import Path

from . import add_kaznerd_option, kaznerd_file

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "lang" / "kk" / "data" / "common_words.tsv"


def register(sub):
    p = sub.add_parser("common-words", help="derive the table of ordinary (non-name) words from KazNERD",
                       description="Count how KazNERD's validation split writes each word (lower case or first "
                                   "in a sentence vs inside a person/place/organisation entity) and write the "
                                   "words that are no name by themselves, and the office words that end "
                                   "POSITION entities, to a TSV table (see extractor/names/common_words.py).")
    add_kaznerd_option(p)
    p.add_argument("-o", "--output", default=str(DEFAULT_OUTPUT), help="table to write")
    p.add_argument("--min-plain", type=int, default=3, help="fewest ordinary occurrences of a common word")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..names.common_words import count_words, table_rows, write_table
    from ..ner.kaznerd import read_conll

    path = kaznerd_file(args, "IOB2_valid.txt")
    rows = table_rows(count_words(read_conll(path)), min_plain=args.min_plain)
    write_table(Path(args.output), rows)
    kinds = {k: sum(1 for r in rows if r[1] == k) for k in ("form", "stem", "title")}
    print(f"{args.output}: " + ", ".join(f"{n} {k}" for k, n in kinds.items()), file=sys.stderr)
    return 0

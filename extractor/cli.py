"""``kazextract`` command line. Each subcommand lives in ``extractor/commands/<name>.py`` and has
``register(subparsers)``."""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import List, Optional

from .version import __version__

COMMANDS = ("extract", "schema")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kazextract",
                                     description="Structured records from Kazakh news text.")
    parser.add_argument("--version", action="version", version=f"kazextract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("kazextract: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head and closed
        return 0


if __name__ == "__main__":
    sys.exit(main())

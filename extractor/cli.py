"""``kazextract`` command line. Each subcommand lives in ``extractor/commands/<name>.py`` and has
``register(subparsers)``."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import List, Optional

from . import commands
from .version import __version__

# every module in extractor/commands is a subcommand; the first ones listed come first in --help
FIRST = ("extract", "run", "schema")


def command_names() -> List[str]:
    found = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    return [n for n in FIRST if n in found] + sorted(n for n in found if n not in FIRST)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kazextract",
                                     description="Structured records from Kazakh news text.")
    parser.add_argument("--version", action="version", version=f"kazextract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in command_names():
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

"""``kazextract`` command line. Each subcommand lives in ``extractor/commands/<name>.py`` and has
``register(subparsers)``.

A mistake gets one line and a non-zero exit status, never a traceback: argparse's errors show the
subcommand's usage (status 2); :class:`~extractor.commands._checks.CommandError` (a missing input, an output
folder that does not exist, a missing optional dependency or model) is one line with status 2; any other
exception is one line with status 1 (``KAZEXTRACT_TRACEBACK=1`` shows the traceback)."""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from typing import List, Optional

from . import commands
from .commands._checks import CommandError
from .version import __version__

# every module in extractor/commands is a subcommand; the first ones listed come first in --help
FIRST = ("extract", "run", "schema")
TRACEBACK_ENV = "KAZEXTRACT_TRACEBACK"


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as written, and every option's default after its help (unless the help
    already says what the default is)."""

    def _get_help_string(self, action):
        help_text = action.help or ""
        if (not action.option_strings or action.nargs == 0 or "default" in help_text
                or action.default in (None, argparse.SUPPRESS, [], ())):
            return help_text
        return f"{help_text} (default: %(default)s)" if help_text else "default: %(default)s"


class Parser(argparse.ArgumentParser):
    """The parser of kazextract and its bench scripts: no abbreviated options (``--worker`` is an error, not
    ``--workers``), defaults in ``--help``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def command_names() -> List[str]:
    found = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    return [n for n in FIRST if n in found] + sorted(n for n in found if n not in FIRST)


def build_parser() -> Parser:
    parser = Parser(prog="kazextract", description="Structured records from Kazakh news text.")
    parser.add_argument("--version", action="version", version=f"kazextract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in command_names():
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    parser.subcommands = sub.choices  # name -> the subcommand's parser
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    command = parser.subcommands[args.command]
    if unknown:  # the subcommand's usage, not the top-level one that argparse would show
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"{command.prog}: error: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("kazextract: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head and closed
        return 0
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback; KAZEXTRACT_TRACEBACK=1 shows it
        if os.environ.get(TRACEBACK_ENV, "") not in ("", "0"):
            raise
        reason = " ".join(str(exc).split())
        print(f"{command.prog}: error: {type(exc).__name__}: {reason} ({TRACEBACK_ENV}=1 shows the traceback)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

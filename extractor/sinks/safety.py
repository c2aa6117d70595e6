"""Output paths that would destroy something: an output that is also an input (``extract in.jsonl -o
in.jsonl``, ``run in.jsonl --out o.jsonl --errors in.jsonl``), an output inside an input directory that
the directory search would read back as input, two outputs that are the same file. Checked before anything
is opened or written."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

from .base import SinkError


class OutputError(SinkError, ValueError):
    """An output path that would overwrite an input or another output (a bad option: exit 2)."""


def _real(path: str) -> str:
    return os.path.realpath(os.path.abspath(path))


def _same(a: str, b: str) -> bool:
    if _real(a) == _real(b):
        return True
    try:
        return os.path.samefile(a, b)  # hard links
    except OSError:
        return False


def _inside(path: str, directory: str) -> bool:
    real, top = _real(path), _real(directory)
    return real != top and real.startswith(top.rstrip(os.sep) + os.sep)


def check_outputs(inputs: Sequence[str], outputs: Iterable[Tuple[str, Optional[str]]]) -> None:
    """Raise :class:`OutputError` (one line) when an output would overwrite an input or another output, or
    would be read as an input. ``outputs``: ``(option, path)`` pairs; ``None``, ``-`` and database URLs are
    passed over."""
    from ..io.inputs import INPUT_SUFFIXES

    files: List[Tuple[str, str]] = [(opt, p) for opt, p in outputs
                                    if p and p != "-" and "://" not in p]
    given = [i for i in inputs if i != "-"]
    for opt, path in files:
        for inp in given:
            if _same(path, inp):
                raise OutputError(f"{opt} {path} is also an input: writing it would destroy the input; "
                                  "choose another output file")
            if os.path.isdir(inp) and _inside(path, inp) and Path(path).name.lower().endswith(INPUT_SUFFIXES):
                raise OutputError(f"{opt} {path} is inside the input directory {inp} and would be read back as "
                                  "an input: write it outside that directory")
    for i, (opt_a, a) in enumerate(files):
        for opt_b, b in files[i + 1:]:
            if _same(a, b):
                raise OutputError(f"{opt_a} and {opt_b} are the same file ({a}): give them different paths")

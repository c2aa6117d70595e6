"""The errors as a JSON Lines file (``--errors FILE``, ``records.errors.jsonl``): one line per failed input,
``{"location", "doc_id", "reason", "failed_at"}``, rewritten whole at the end of a run.

The file may only replace (or, when nothing failed, remove) a file kazextract wrote: an existing file that
is not empty and does not start with such a line (an input, someone's notes) is refused before the run
starts, and is never deleted.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Tuple

from .base import SinkError
from .ledger import fsync_dir, fsync_file

FIELDS = ("location", "doc_id", "reason", "failed_at")


def is_errors_file(path: Path) -> bool:
    """True when ``path`` is empty or starts with a line kazextract writes to an errors file."""
    try:
        with open(path, "rb") as f:
            first = f.readline(1 << 20)
    except OSError:
        return False
    if not first.strip():
        return True
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and set(obj) == set(FIELDS)


def check_errors_file(path) -> None:
    """Refuse an errors file that would replace a file kazextract did not write."""
    path = Path(path)
    if path.is_dir():
        raise SinkError(f"--errors {path} is a directory; give a file name")
    if not path.parent.is_dir():
        raise SinkError(f"--errors {path}: directory {path.parent} does not exist")
    if path.exists() and not is_errors_file(path):
        raise SinkError(f"--errors {path} exists and is not an errors file kazextract wrote (it would be "
                        "replaced): choose another file")


def write_errors_jsonl(path, rows: Iterable[Tuple[str, object, str, str]]) -> None:
    """Write ``(location, doc_id, reason, failed_at)`` rows as JSON Lines, atomically; with no rows, remove
    the file, but only one kazextract wrote."""
    path = Path(path)
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        if path.exists() and is_errors_file(path):
            path.unlink()
        return
    if path.exists() and not is_errors_file(path):  # appeared during the run
        raise SinkError(f"--errors {path} exists and is not an errors file kazextract wrote: not replaced")
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", errors="replace") as f:
            for row in ([first], rows):
                for values in row:
                    f.write(json.dumps(dict(zip(FIELDS, values)), ensure_ascii=False) + "\n")
            fsync_file(f)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise SinkError(f"cannot write the errors file {path}: {exc.strerror or exc}") from None
    fsync_dir(path.parent)

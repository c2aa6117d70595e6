"""Directories searched recursively, without skipping anything silently.

Files come in sorted order (the reading order, and so the order in which repeated ids get suffixes). What is
not an input file is said, never passed over without a word:

* a file without an input suffix: ``on_skip(path)`` (the commands print a notice);
* a directory that cannot be read, a broken symbolic link, a symbolic link loop, a directory reached a second
  time through a symbolic link, a FIFO, socket or device: an :class:`~.reads.InputError` with the path and
  the reason (an error row). A FIFO is never opened (reading it could wait for ever).

Symbolic links to files and to directories are followed; each directory is read once (by device and inode),
so a link loop ends.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable, Iterator, Optional, Set, Tuple, Union

from .reads import InputError


def _special_kind(mode: int) -> Optional[str]:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return None


def walk_dir(root: Path, is_input: Callable[[Path], bool],
             on_skip: Optional[Callable[[Path], None]] = None) -> Iterator[Union[Path, InputError]]:
    """Input files under ``root`` (sorted, depth first) and errors for what cannot be read."""
    seen: Set[Tuple[int, int]] = set()
    first_path = {}
    ancestors: Set[Tuple[int, int]] = set()  # the directories being read (this one and those above it)

    def visit(d: Path) -> Iterator[Union[Path, InputError]]:
        try:
            st = d.stat()
        except OSError as exc:
            yield InputError(str(d), f"cannot read the directory: {exc.strerror or exc}")
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:
            what = ("a symbolic link loop (to a directory above it)" if key in ancestors
                    else f"the same directory as {first_path[key]}")
            yield InputError(str(d), f"not read again: {what}")
            return
        seen.add(key)
        first_path[key] = str(d)
        ancestors.add(key)
        try:
            yield from entries_of(d)
        finally:
            ancestors.discard(key)

    def entries_of(d: Path) -> Iterator[Union[Path, InputError]]:
        try:
            with os.scandir(d) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield InputError(str(d), f"cannot read the directory: {exc.strerror or exc}")
            return
        for e in entries:
            p = Path(e.path)
            try:
                st = os.stat(e.path)  # follows symbolic links
            except OSError as exc:
                if e.is_symlink():
                    reason = "a symbolic link loop" if exc.errno == 40 else "a broken symbolic link"
                    yield InputError(str(p), f"not read: {reason} ({exc.strerror or exc})")
                else:
                    yield InputError(str(p), f"cannot read: {exc.strerror or exc}")
                continue
            if stat.S_ISDIR(st.st_mode):
                yield from visit(p)
            elif stat.S_ISREG(st.st_mode):
                if is_input(p):
                    yield p
                elif on_skip is not None:
                    on_skip(p)
            else:
                kind = _special_kind(st.st_mode) or "not a regular file"
                if is_input(p):
                    yield InputError(str(p), f"not read: {kind}, not a regular file")
                elif on_skip is not None:
                    on_skip(p)

    yield from visit(root)

"""One run at a time per output: ``kazextract run`` holds a lock on its target for the whole run, and a
second run into the same target stops at once with one line (two writers would interleave their batches
and state, and a JSON Lines output would lose documents).

Files (SQLite, JSON Lines, Parquet): an exclusive ``flock`` on ``TARGET.lock`` next to the target, removed
at the end; the kernel releases it when the process dies, so a killed run never leaves a stale lock.
PostgreSQL: a session advisory lock named after the database and schema, held by its own connection.
The sink's own writers (a Dask run's partitions) do not take it: they are one run.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from .base import SinkError


def lock_path(target: str) -> Path:
    path = Path(target)
    return path.with_name(path.name.rstrip("/") + ".lock")


@contextmanager
def output_lock(target: str):
    """Hold the run lock of ``target`` (a path or a ``postgresql://`` URL) inside the ``with`` block."""
    from . import sink_kind

    if sink_kind(target) == "postgresql":
        with _pg_lock(target):
            yield
        return
    path = lock_path(target)
    if not path.parent.is_dir():
        raise SinkError(f"{target}: directory {path.parent} does not exist")
    fd = _flock(path, target)
    try:
        yield
    finally:
        try:
            os.unlink(path)  # still ours: a waiting run re-checks the inode and retries
        except OSError:
            pass
        os.close(fd)


def _flock(path: Path, target: str) -> int:
    for _ in range(10):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise SinkError(f"cannot create the lock file {path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            try:
                holder = os.read(fd, 32).decode("ascii", "replace").strip()
            except OSError:
                holder = ""
            os.close(fd)
            who = f"process {holder}" if holder.isdigit() else "it"
            raise SinkError(f"another kazextract run is writing to {target} ({who} holds {path}); wait for it to "
                            "finish, or stop it") from None
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            return fd
        os.close(fd)  # the previous holder removed it as we opened it: take the new one
    raise SinkError(f"cannot lock {path}: it keeps changing")


@contextmanager
def _pg_lock(dsn: str):
    from .postgres import redact

    try:
        import psycopg
    except ImportError:
        raise SinkError("the PostgreSQL sink needs psycopg: pip install 'kazextract[postgres]'") from None
    try:
        conn = psycopg.connect(dsn, connect_timeout=10, autocommit=True)
    except psycopg.Error as exc:
        raise SinkError(f"cannot connect to {redact(dsn)}: {str(exc).strip()}") from None
    try:
        key = "kazextract run " + conn.execute("SELECT current_database() || '.' || coalesce(current_schema(), '')").fetchone()[0]
        if not conn.execute("SELECT pg_try_advisory_lock(hashtext(%s))", (key,)).fetchone()[0]:
            raise SinkError(f"another kazextract run is writing to {redact(dsn)}; wait for it to finish, or stop it")
        yield
    finally:
        conn.close()  # ends the session, which releases the lock

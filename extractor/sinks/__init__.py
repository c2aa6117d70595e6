"""Where a batch run writes: JSON Lines, SQLite (the default database), PostgreSQL, Parquet.

:func:`open_sink` picks one from a target string; every sink follows the contract of
:class:`~extractor.sinks.base.Sink` (keyed by ``doc_id`` and ``text_sha256``, atomic commits, errors kept
with their input location).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .base import REPLACED, UNCHANGED, WRITTEN, Sink, SinkError, StoreError

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def sink_kind(target: str) -> str:
    """``postgresql``, ``parquet``, ``jsonl`` or ``sqlite`` for a ``--db``/``--out`` target."""
    if target.startswith(POSTGRES_SCHEMES):
        return "postgresql"
    name = target.lower().rstrip("/")
    if name.endswith(".parquet"):
        return "parquet"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if "://" in target:
        raise SinkError(f"{target}: unknown database URL (expected postgresql://...)")
    return "sqlite"


def open_sink(target: str, *, stream: str = "main", errors_path: Optional[str] = None) -> Sink:
    """The sink for ``target``: a ``postgresql://`` URL, a ``.parquet`` directory, a ``.jsonl`` file, or
    any other path: an SQLite database. ``stream`` names this writer in a Parquet dataset (Dask
    partitions); ``errors_path`` also exports the errors there as JSON Lines when the sink is closed (it
    must not be a file kazextract did not write: see :mod:`.errors_file`)."""
    kind = sink_kind(target)
    if kind == "postgresql":
        from .postgres import PostgresSink

        return PostgresSink(target, errors_path=errors_path)
    if kind == "parquet":
        from .parquet import ParquetSink

        return ParquetSink(target, stream=stream, errors_path=errors_path)
    if kind == "jsonl":
        from .jsonl import JsonlSink

        return JsonlSink(target, errors_path=errors_path)
    from .sqlite import SqliteSink

    parent = Path(target).parent
    if not parent.exists():
        raise SinkError(f"{target}: directory {parent} does not exist")
    return SqliteSink(target, errors_path=errors_path)


__all__ = ["open_sink", "sink_kind", "Sink", "SinkError", "StoreError", "WRITTEN", "REPLACED", "UNCHANGED"]

"""Beyond one machine: the inputs cut into partitions, each processed by a Dask task that writes straight
into the target (PostgreSQL, SQLite on a shared disk, or Parquet).

* :func:`partitions`: plain JSON Lines files in byte ranges of about ``partition_bytes`` (lines keep their
  file line numbers), each ``.jsonl.gz`` or WARC file whole, ``.txt`` files in groups; ranges and groups are
  made smaller when that is needed to give each of ``min_partitions`` workers a partition;
* :func:`process_partition`: one partition in the current (Dask worker) process: the pipeline is loaded
  once per process and reused by every partition that process runs; resumable like ``kazextract run``
  (each partition skips what the target already holds); returns the partition's summary as a dict;
* :func:`run_on_dask`: what ``kazextract run --dask ADDRESS`` does.

Run Dask workers with one thread each (``dask worker ADDRESS --nthreads 1 --nworkers N``): a spaCy pipeline
is shared by the tasks of a process and is not meant to be used by two threads at once.

With Parquet, each partition writes its own parts and ledger (``stream`` = the partition's key), so
resuming is per partition, and a ``doc_id`` found in two partitions is stored twice; the databases are
keyed globally.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Optional, Sequence, Tuple

from ..io.inputs import (FieldMap, InputError, guarded, input_kind, iter_files, iter_sources, read_jsonl_part,
                         read_path, read_text_file, text_doc_id, unique_ids)
from ..sinks import SinkError, open_sink, sink_kind
from .executors import InlineExecutor
from .runner import RunOptions, run_batch
from .summary import Summary
from .worker import WorkerConfig, pipeline_loads

TEXT_FILES_PER_PARTITION = 1000


@dataclass(frozen=True)
class Partition:
    """``kind``: ``range`` (lines of ``paths[0]`` starting in ``[start, end)``), ``files`` (whole files) or
    ``missing`` (an input path that does not exist)."""

    kind: str
    paths: Tuple[str, ...]
    start: int = 0
    end: int = 0
    ids: Tuple[str, ...] = ()  # ``files``: the ids of the .txt files (their paths relative to the input root)

    @property
    def key(self) -> str:
        """Stable name (the same inputs give the same keys): names the partition's Parquet stream."""
        h = hashlib.sha1(repr((self.kind, self.paths, self.start, self.end)).encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:16]


def partitions(inputs: Sequence[str], partition_bytes: int = 64 << 20,
               files_per_partition: int = TEXT_FILES_PER_PARTITION, min_partitions: int = 1) -> List[Partition]:
    """The partitions of ``inputs``: at least ``min_partitions`` (one per worker) when the inputs can be cut
    that fine. Only plain JSON Lines and groups of ``.txt`` files can: a ``.gz`` or WARC file is one partition.
    The same arguments give the same partitions (their keys name Parquet streams, so resuming needs that)."""
    out = _partitions(inputs, partition_bytes, files_per_partition)
    if len(out) >= min_partitions:
        return out
    plain_jsonl_bytes = text_files = whole = 0
    for path in iter_files(inputs):
        if isinstance(path, InputError) or path == "-":
            whole += 1
            continue
        kind = input_kind(Path(path))
        if kind == "text":
            text_files += 1
        elif kind == "jsonl" and not str(path).lower().endswith(".gz"):
            plain_jsonl_bytes += Path(path).stat().st_size
        else:
            whole += 1
    share = max(1, min_partitions - whole)  # partitions wanted from each splittable kind
    if plain_jsonl_bytes:
        partition_bytes = min(partition_bytes, max(1, plain_jsonl_bytes // share))
    if text_files:
        files_per_partition = min(files_per_partition, max(1, text_files // share))
    return _partitions(inputs, partition_bytes, files_per_partition)


def _partitions(inputs: Sequence[str], partition_bytes: int, files_per_partition: int) -> List[Partition]:
    out: List[Partition] = []
    texts: List[str] = []
    text_ids: List[str] = []

    def flush_texts():
        if texts:
            out.append(Partition("files", tuple(texts), ids=tuple(text_ids)))
            texts.clear()
            text_ids.clear()

    for found in iter_sources(inputs):
        if isinstance(found, InputError):
            flush_texts()
            out.append(Partition("missing", (found.location, found.reason)))
            continue
        if found == "-":
            raise SinkError("standard input cannot be split into Dask partitions; give files")
        path, root = found
        name = str(Path(path).resolve())
        kind = input_kind(Path(path))
        if kind == "text":
            texts.append(name)
            text_ids.append(text_doc_id(Path(path), root))
            if len(texts) >= files_per_partition:
                flush_texts()
            continue
        flush_texts()
        size = Path(path).stat().st_size
        if kind == "jsonl" and not name.lower().endswith(".gz") and size > partition_bytes:
            for start in range(0, size, partition_bytes):
                out.append(Partition("range", (name,), start, min(size, start + partition_bytes)))
        else:
            out.append(Partition("files", (name,)))
    flush_texts()
    return out


def too_few_partitions(n_parts: int, workers: int) -> Optional[str]:
    """Why fewer than ``workers`` workers will have work, ``None`` when all will."""
    if n_parts >= workers:
        return None
    return (f"{n_parts} partition{'s' if n_parts != 1 else ''} for {workers} workers, so only {n_parts} will have "
            "work: each .gz or WARC file is one partition, only plain JSON Lines and .txt files can be split")


def partition_reads(part: Partition, fields: FieldMap = FieldMap(), published=None) -> Iterator:
    """The documents of a partition (WARC pages as raw HtmlPages), ids unique within the partition (across
    partitions a repeated id is not renamed: the databases keep the last one written)."""
    yield from unique_ids(_partition_reads(part, fields, published))


def _partition_reads(part: Partition, fields: FieldMap, published) -> Iterator:
    if part.kind == "missing":
        yield InputError(part.paths[0], part.paths[1] if len(part.paths) > 1 else "no such file or directory")
    elif part.kind == "range":
        yield from guarded(read_jsonl_part(Path(part.paths[0]), part.start, part.end, fields, published),
                           part.paths[0])
    else:
        for k, p in enumerate(part.paths):
            path = Path(p)
            if input_kind(path) == "text":
                yield read_text_file(path, published, part.ids[k] if part.ids else None)
            else:
                yield from guarded(read_path(path, fields, published, defer_html=True), p)


def process_partition(part: Partition, target: str, config: WorkerConfig = WorkerConfig(),
                      retry_errors: bool = False, fields: Optional[FieldMap] = None,
                      commit_every: Optional[int] = None) -> dict:
    """Process one partition into ``target`` in this process; the partition's summary as a dict (with
    ``pid`` and ``pipeline_loads``: how many pipelines this process has loaded, 1 when reused)."""
    sink = open_sink(target, stream=part.key)
    options = RunOptions(workers=0, progress="off", count=False, retry_errors=retry_errors, show_errors=0,
                         fields=fields or FieldMap(), commit_every=commit_every)
    summary = run_batch([], sink, config, options, reads=partition_reads(part, options.fields, config.published),
                        executor=InlineExecutor(config))
    summary.partitions = 1
    out = summary.as_dict()
    out.update(pid=os.getpid(), pipeline_loads=pipeline_loads(), partition=part.key)
    return out


def absolute_target(target: str) -> str:
    """File targets as absolute paths (Dask workers may run elsewhere)."""
    return target if sink_kind(target) == "postgresql" else str(Path(target).resolve())


def run_on_dask(inputs: Sequence[str], target: str, scheduler: str, config: WorkerConfig,
                options: RunOptions = RunOptions(), partition_bytes: int = 64 << 20,
                errors_path: Optional[str] = None, client=None, note=None) -> Summary:
    """Process ``inputs`` on a Dask cluster (``scheduler``: an address, or ``local`` for a LocalCluster of
    ``options.workers`` processes) into ``target``: a database or a Parquet directory. The inputs are cut into
    at least ``options.workers`` partitions where they can be; ``note(message)`` is told when they cannot."""
    import time

    if sink_kind(target) == "jsonl":
        raise SinkError("--dask writes a database (--db) or Parquet (--out x.parquet), not one JSON Lines file")
    if errors_path:
        raise SinkError("--errors is not available with --dask: the errors are in the target's errors table "
                        "(Parquet: the errors/ dataset)")
    from dask.distributed import Client, LocalCluster, as_completed

    from .progress import Progress

    started = time.monotonic()
    target = absolute_target(target)
    open_sink(target).close()  # create the tables (or directories) once, before the partitions race to
    workers = max(1, options.workers)
    parts = partitions(inputs, partition_bytes, min_partitions=workers)
    message = too_few_partitions(len(parts), workers)
    if message and note is not None:
        note(message)
    cluster = None
    if client is None:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")  # any free port, never a clash
            client = Client(cluster)
        else:
            client = Client(scheduler)
        own_client = True
    else:
        own_client = False
    summary = Summary(workers=options.workers, target=target, errors_where=_errors_where(target))
    progress = Progress(options.progress, inputs, options.count)
    try:
        futures = client.map(process_partition, parts, target=target, config=config,
                             retry_errors=options.retry_errors, fields=options.fields,
                             commit_every=options.commit_every, pure=False)
        for fut in as_completed(futures):
            part = Summary.from_dict(fut.result())
            summary.merge(part)
            progress.update(part.accounted, f"partitions {summary.partitions}/{len(parts)}")
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        progress.close()
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
    summary.workers = len(summary.worker_peak_rss_kb)
    summary.seconds = time.monotonic() - started
    return summary


def _errors_where(target: str) -> str:
    if sink_kind(target) == "parquet":
        return str(Path(target) / "errors")
    return "the errors table"


__all__ = ["Partition", "partitions", "partition_reads", "process_partition", "run_on_dask"]

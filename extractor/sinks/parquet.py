"""Parquet (``--out records.parquet``): a directory of four datasets with the columns of the SQL tables
(:mod:`.schema`)::

    records.parquet/documents/part-main-000000.parquet   one row per document
    records.parquet/records/part-main-000000.parquet     one row per record
    records.parquet/sentences/part-main-000000.parquet   one row per sentence
    records.parquet/errors/part-main.parquet             inputs that failed (rewritten at the end of a run)
    records.parquet/_state/main.sqlite                   the ledger

Read them with ``pyarrow.parquet.read_table("records.parquet/records")``, ``pandas.read_parquet(...)`` or
DuckDB (``SELECT * FROM 'records.parquet/records/*.parquet'``).

Each commit writes one part per dataset (to a ``.tmp`` file, synced, then renamed) and then records the
part number in the ledger; on start, parts numbered at or above the ledger's ``next_part`` (written but
never committed) are deleted. A replaced document's old part is rewritten without it when the sink is
closed. ``stream`` names the writer: a Dask run gives each partition its own stream (own parts and
ledger), so partitions never write the same file.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import List, Optional, Tuple

from ..records import Document
from . import schema
from .base import SinkError, utcnow
from .errors_file import check_errors_file
from .files import Entry, FileSink
from .ledger import Ledger, fsync_dir, fsync_file, remove

_STREAM = re.compile(r"^[A-Za-z0-9_.-]+$")
# the datasets written at each commit, one part each
DATASETS = ("documents", "records", "sentences")
TABLES = {"documents": schema.DOCUMENTS, "records": schema.RECORDS, "sentences": schema.SENTENCES}


class ParquetSink(FileSink):
    commit_docs = 5000
    commit_seconds = 30.0

    def __init__(self, path, stream: str = "main", errors_path: Optional[Path] = None):
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise SinkError("the Parquet sink needs pyarrow: pip install 'kazextract[parquet]'") from None
        if not _STREAM.match(stream):
            raise ValueError(f"stream name {stream!r}: letters, digits, _ . - only")
        self.path = Path(path)
        self.where = str(self.path)
        if self.path.exists() and not self.path.is_dir():
            raise SinkError(f"{self.path} is a file; a Parquet output is a directory of datasets")
        if errors_path is not None:
            check_errors_file(errors_path)  # before anything is created
        self.stream = stream
        self.dirs = {name: self.path / name for name in DATASETS + ("errors", "_state")}
        for d in self.dirs.values():
            d.mkdir(parents=True, exist_ok=True)
        super().__init__(Ledger(self.dirs["_state"] / f"{stream}.sqlite"), Path(errors_path) if errors_path else None)
        self.errors_where = str(errors_path or self.dirs["errors"])
        self.next_part = int(self.ledger.get("next_part", 0))
        self._recover()

    def _part(self, table: str, n: int) -> Path:
        return self.dirs[table] / f"part-{self.stream}-{n:06d}.parquet"

    def _recover(self):
        pattern = re.compile(rf"^part-{re.escape(self.stream)}-(\d+)\.parquet(\.tmp)?$")
        for table in DATASETS:
            for f in self.dirs[table].iterdir():
                m = pattern.match(f.name)
                if m and (m.group(2) or int(m.group(1)) >= self.next_part):
                    f.unlink()  # written after the last commit: redone by this run

    def _serialize(self, doc: Document, location):
        now = utcnow()
        return (schema.arrow_table(schema.DOCUMENTS, [schema.document_row(doc, location, now)]),
                schema.arrow_table(schema.RECORDS, schema.record_rows(doc)),
                schema.arrow_table(schema.SENTENCES, schema.sentence_rows(doc)))

    @staticmethod
    def _write(table, path: Path):
        import pyarrow.parquet as pq

        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as f:
            pq.write_table(table, f, compression="zstd")
            fsync_file(f)
        os.replace(tmp, path)

    def _flush(self, entries: List[Tuple[str, Entry]]):
        import pyarrow as pa

        n = self.next_part
        for i, table in enumerate(DATASETS):
            self._write(pa.concat_tables([e.payload[i] for _, e in entries]), self._part(table, n))
        for table in DATASETS:
            fsync_dir(self.dirs[table])
        old = {e.replaces for _, e in entries if e.replaces is not None}
        self.ledger.conn.executemany("INSERT OR IGNORE INTO dirty VALUES (?)", [(p,) for p in old])
        self.ledger.set("next_part", n + 1)
        self.next_part = n + 1
        return [(doc_id, e.sha, n) for doc_id, e in entries]

    def _compact(self):
        """Rewrite each part holding a replaced document without it (idempotent: a crash is redone)."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        conn = self.ledger.conn
        for (part,) in conn.execute("SELECT pos FROM dirty ORDER BY pos").fetchall():
            live = pa.array([r[0] for r in conn.execute("SELECT doc_id FROM done WHERE pos = ?", (part,))],
                            type=pa.string())
            for table in DATASETS:
                path = self._part(table, part)
                if not path.exists():
                    continue
                data = pq.read_table(path, schema=schema.arrow_schema(TABLES[table]))
                self._write(data.filter(pc.is_in(data["doc_id"], value_set=live)), path)
            for table in DATASETS:
                fsync_dir(self.dirs[table])
            self.ledger.begin()
            conn.execute("DELETE FROM dirty WHERE pos = ?", (part,))
            self.ledger.set("superseded", 0)
            self.ledger.commit()

    def _finish(self):
        path = self.dirs["errors"] / f"part-{self.stream}.parquet"
        rows = [schema.error_row(loc, doc_id, reason, _parse_ts(at)) for loc, doc_id, reason, at in self.ledger.errors()]
        if rows:
            self._write(schema.arrow_table(schema.ERRORS, rows), path)
        else:
            remove([path])
        if self.errors_path is not None:
            self.export_errors_jsonl(self.errors_path)

    def _release(self):
        pass


def _parse_ts(value: str):
    import datetime as dt

    return dt.datetime.fromisoformat(value)

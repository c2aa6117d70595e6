"""The tables every database-like sink writes, generated from the pydantic models in
:mod:`extractor.records` so that they follow the output contract (a field added to a record model
becomes a column; an existing database gains the column when it is next opened).

Three tables:

* ``documents``: one row per document, keyed by ``doc_id``; the contract's document fields (``warnings``
  as a JSON list) and ``location`` (where the document was read), ``n_records`` and ``written_at``.
* ``records``: one row per record, keyed by ``(doc_id, idx)`` (``idx``: position in the document's
  ``records`` list); the union of the fields of all record types, ``NULL`` where a type has no such field.
* ``errors``: one row per input document that could not be read or processed, keyed by ``location``.

SQLite and PostgreSQL get the same tables, column names and indexes from :func:`ddl`; Parquet gets the
same columns from :func:`arrow_schema`. ``start`` and ``end`` keep their contract names, so ``end`` (an
SQL keyword) must be quoted in queries: ``SELECT "end" FROM records``.
"""
from __future__ import annotations

import datetime as dt
import json
import types
import typing
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ..records import RECORD_MODELS, Document

# column kinds and how each dialect stores them
KINDS = ("text", "integer", "boolean", "numeric", "date", "timestamp", "json")
SQL_TYPES = {
    "sqlite": {"text": "TEXT", "integer": "INTEGER", "boolean": "INTEGER", "numeric": "NUMERIC",
               "date": "TEXT", "timestamp": "TEXT", "json": "TEXT"},
    "postgresql": {"text": "text", "integer": "bigint", "boolean": "boolean", "numeric": "numeric",
                   "date": "date", "timestamp": "timestamptz", "json": "jsonb"},
}
# Parquet stores numbers as exact decimals with this many digits after the point
PARQUET_SCALE = 9
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    not_null: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    columns: Tuple[Column, ...]
    key: Tuple[str, ...]
    indexes: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()

    @property
    def names(self) -> List[str]:
        return [c.name for c in self.columns]


def _kind_of(annotation) -> Tuple[str, bool]:
    """(column kind, optional?) of a pydantic field annotation."""
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                raise TypeError(f"no column kind for a union of {args}")
            annotation = args[0]
            continue
        break
    if origin is typing.Literal:
        values = typing.get_args(annotation)
        if all(isinstance(v, str) for v in values):
            return "text", optional
        raise TypeError(f"no column kind for Literal{values}")
    if origin in (list, List, tuple):
        return "json", optional
    for py, kind in ((bool, "boolean"), (int, "integer"), (Decimal, "numeric"), (dt.datetime, "timestamp"),
                     (dt.date, "date"), (str, "text")):
        if isinstance(annotation, type) and issubclass(annotation, py):
            return kind, optional
    raise TypeError(f"no column kind for {annotation!r}")


def _model_columns(model, skip=()) -> List[Column]:
    out = []
    for name, field in model.model_fields.items():
        if name in skip:
            continue
        kind, optional = _kind_of(field.annotation)
        out.append(Column(name, kind, not_null=field.is_required() and not optional))
    return out


def record_columns() -> List[Column]:
    """``doc_id``, ``idx``, ``type``, then every field of every record model (first seen first)."""
    cols: Dict[str, Column] = {}
    for model in RECORD_MODELS.values():
        for col in _model_columns(model):
            if col.name in cols:
                if cols[col.name].kind != col.kind:
                    raise TypeError(f"record field {col.name!r} is {cols[col.name].kind} in one record type "
                                    f"and {col.kind} in another: one column cannot hold both")
                continue
            cols[col.name] = col
    common = set.intersection(*(set(m.model_fields) for m in RECORD_MODELS.values()))
    # a field only some record types have is NULL for the others
    fields = [Column(c.name, c.kind, c.not_null and c.name in common) for c in cols.values() if c.name != "type"]
    return [Column("doc_id", "text", True), Column("idx", "integer", True), Column("type", "text", True)] + fields


def document_columns() -> List[Column]:
    cols = _model_columns(Document, skip=("records",))
    return cols + [Column("location", "text"), Column("n_records", "integer", True),
                   Column("written_at", "timestamp", True)]


DOCUMENTS = Table("documents", tuple(document_columns()), ("doc_id",),
                  (("idx_documents_published", ("published",)),))
RECORDS = Table("records", tuple(record_columns()), ("doc_id", "idx"),
                (("idx_records_type", ("type",)),
                 ("idx_records_currency", ("currency",)),
                 ("idx_records_dates", ("date_start", "date_end")),
                 ("idx_records_name", ("type", "name"))))
ERRORS = Table("errors", (Column("location", "text", True), Column("doc_id", "text"), Column("reason", "text", True),
                          Column("failed_at", "timestamp", True)), ("location",),
               (("idx_errors_doc_id", ("doc_id",)),))
TABLES = (DOCUMENTS, RECORDS, ERRORS)


def quote(name: str) -> str:
    return '"%s"' % name.replace('"', '""')


def column_sql(col: Column, dialect: str) -> str:
    return f"{quote(col.name)} {SQL_TYPES[dialect][col.kind]}" + (" NOT NULL" if col.not_null else "")


def ddl(dialect: str) -> List[str]:
    """``CREATE TABLE/INDEX IF NOT EXISTS`` statements for ``sqlite`` or ``postgresql``."""
    out = ["CREATE TABLE IF NOT EXISTS kazextract_meta (key text PRIMARY KEY, value text NOT NULL)"]
    for table in TABLES:
        cols = [column_sql(c, dialect) for c in table.columns]
        cols.append(f"PRIMARY KEY ({', '.join(quote(k) for k in table.key)})")
        if table is RECORDS:
            cols.append("FOREIGN KEY (doc_id) REFERENCES documents (doc_id) ON DELETE CASCADE")
        out.append(f"CREATE TABLE IF NOT EXISTS {table.name} (\n  " + ",\n  ".join(cols) + "\n)")
        for name, cols_ in table.indexes:
            out.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table.name} ({', '.join(quote(c) for c in cols_)})")
    return out


def missing_columns(table: Table, existing: Iterable[str]) -> List[Column]:
    """Columns of ``table`` an existing database lacks (added by a newer version of the models).
    New columns are added nullable: old rows have no value for them."""
    have = {e.lower() for e in existing}
    return [Column(c.name, c.kind) for c in table.columns if c.name.lower() not in have]


# -- rows ------------------------------------------------------------------------------------------

def document_row(doc: Document, location: Optional[str], written_at: dt.datetime) -> Dict[str, object]:
    row = doc.model_dump(mode="python", exclude={"records"})
    row.update(location=location, n_records=len(doc.records), written_at=written_at)
    return row


def record_rows(doc: Document) -> List[Dict[str, object]]:
    out = []
    for idx, rec in enumerate(doc.records):
        row = rec.model_dump(mode="python")
        row.update(doc_id=doc.doc_id, idx=idx)
        out.append(row)
    return out


def error_row(location: str, doc_id: Optional[str], reason: str, failed_at: dt.datetime) -> Dict[str, object]:
    return {"location": location, "doc_id": doc_id, "reason": reason, "failed_at": failed_at}


def _sqlite_value(value, kind: str):
    if value is None:
        return None
    if kind == "numeric":
        # SQLite's NUMERIC affinity stores this exactly as an integer when whole, else as a REAL
        return str(value)
    if kind == "boolean":
        return int(bool(value))
    if kind in ("date", "timestamp"):
        return value.isoformat()
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    return value


def as_tuple(table: Table, row: Dict[str, object], dialect: str) -> tuple:
    """The row's values in ``table``'s column order, converted for the dialect."""
    if dialect == "sqlite":
        return tuple(_sqlite_value(row.get(c.name), c.kind) for c in table.columns)
    if dialect == "postgresql":
        from psycopg.types.json import Jsonb

        return tuple(Jsonb(row.get(c.name)) if c.kind == "json" and row.get(c.name) is not None
                     else row.get(c.name) for c in table.columns)
    raise ValueError(dialect)


# -- Parquet ---------------------------------------------------------------------------------------

def arrow_schema(table: Table):
    import pyarrow as pa

    types_ = {"text": pa.string(), "integer": pa.int64(), "boolean": pa.bool_(),
              "numeric": pa.decimal128(38, PARQUET_SCALE), "date": pa.date32(),
              "timestamp": pa.timestamp("us", tz="UTC"), "json": pa.string()}
    return pa.schema([pa.field(c.name, types_[c.kind], nullable=not c.not_null) for c in table.columns])


_QUANTUM = Decimal(1).scaleb(-PARQUET_SCALE)


def _arrow_value(value, kind: str):
    if value is None:
        return None
    if kind == "numeric":
        return Decimal(value).quantize(_QUANTUM, rounding=ROUND_HALF_EVEN)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    return value


def arrow_table(table: Table, rows: Sequence[Dict[str, object]]):
    import pyarrow as pa

    columns = {c.name: [_arrow_value(r.get(c.name), c.kind) for r in rows] for c in table.columns}
    return pa.Table.from_pydict(columns, schema=arrow_schema(table))

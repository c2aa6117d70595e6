"""The tables every database-like sink writes, generated from the pydantic models in
:mod:`extractor.records` so that they follow the output contract (a field added to a record model
becomes a column; an existing database gains the column when it is next opened).

Four tables:

* ``documents``: one row per document, keyed by ``doc_id``; the contract's document fields (``warnings``
  as a JSON list), ``url`` (``source`` when it is a web address, else NULL), ``location`` (where the
  document was read), ``n_records`` and ``written_at``.
* ``records``: one row per record, keyed by ``(doc_id, idx)`` (``idx``: position in the document's
  ``records`` list); the union of the fields of all record types, ``NULL`` where a type has no such field.
  Beside every number column (``value``, ``value_max``) a ``<name>_text`` column holds the exact decimal
  text (SQLite keeps a fraction as a binary float in the number column, which SUM needs); beside ``name``,
  ``name_fold`` holds ``name.casefold()`` (Cyrillic-aware; SQLite's ``lower``/``LIKE`` fold ASCII only).
* ``sentences``: ``(doc_id, sentence)`` key, ``start``, ``end``, ``text``: every sentence of the text as
  received, numbered as the records' ``sentence`` field, so a record's context is one join away.
* ``errors``: one row per input document that could not be read or processed, keyed by ``location``.

and one view per record type (``money``, ``jobs``, ``percents``, ``quantities``, ``dates``, ``orgs``,
``persons``, ``locations``: :data:`VIEW_NAMES`) with that type's columns only, generated from its model by
:func:`type_views`. ``kazextract_meta`` holds ``schema_version`` (:data:`SCHEMA_VERSION`): a database of
another version, or one kazextract did not create, is refused (:func:`check_existing`).

SQLite and PostgreSQL get the same tables, column names, indexes and views from :func:`ddl`; Parquet gets
the same columns from :func:`arrow_schema`. ``start`` and ``end`` keep their contract names, so ``end`` (an
SQL keyword) must be quoted in queries: ``SELECT "end" FROM records``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from ..records import RECORD_MODELS, Document
from .base import SinkError

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
# 1: the first tables; 2: exact ``*_text`` and ``name_fold`` columns, ``url``, ``sentences``, type views
SCHEMA_VERSION = 2
# the record fields that get a case-folded search key beside them
FOLDED = ("name",)
# the view of each record type
VIEW_NAMES = {"money": "money", "jobs": "jobs", "percent": "percents", "quantity": "quantities", "date": "dates",
              "org": "orgs", "person": "persons", "location": "locations"}


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
    return ([Column("doc_id", "text", True), Column("idx", "integer", True), Column("type", "text", True)]
            + [x for c in fields for x in with_companions(c)])


def companions(col: Column) -> List[Column]:
    """The columns the sinks write beside a field's column: the exact decimal text of a number, the
    case-folded search key of a name."""
    if col.kind == "numeric":
        return [Column(col.name + "_text", "text", col.not_null)]
    if col.name in FOLDED and col.kind == "text":
        return [Column(col.name + "_fold", "text", col.not_null)]
    return []


def with_companions(col: Column) -> List[Column]:
    return [col] + companions(col)


def document_columns() -> List[Column]:
    cols = _model_columns(Document, skip=("records",))
    return cols + [Column("url", "text"), Column("location", "text"), Column("n_records", "integer", True),
                   Column("written_at", "timestamp", True)]


DOCUMENTS = Table("documents", tuple(document_columns()), ("doc_id",),
                  (("idx_documents_published", ("published",)),))
RECORDS = Table("records", tuple(record_columns()), ("doc_id", "idx"),
                (("idx_records_type", ("type",)),
                 ("idx_records_currency", ("currency",)),
                 ("idx_records_dates", ("date_start", "date_end")),
                 ("idx_records_name", ("type", "name")),
                 ("idx_records_name_fold", ("type", "name_fold")),
                 ("idx_records_key", ("type", "key"))))
SENTENCES = Table("sentences", (Column("doc_id", "text", True), Column("sentence", "integer", True),
                                Column("start", "integer", True), Column("end", "integer", True),
                                Column("text", "text", True)), ("doc_id", "sentence"))
ERRORS = Table("errors", (Column("location", "text", True), Column("doc_id", "text"), Column("reason", "text", True),
                          Column("failed_at", "timestamp", True)), ("location",),
               (("idx_errors_doc_id", ("doc_id",)),))
TABLES = (DOCUMENTS, RECORDS, SENTENCES, ERRORS)


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
        if table in (RECORDS, SENTENCES):
            cols.append("FOREIGN KEY (doc_id) REFERENCES documents (doc_id) ON DELETE CASCADE")
        out.append(f"CREATE TABLE IF NOT EXISTS {table.name} (\n  " + ",\n  ".join(cols) + "\n)")
        for name, cols_ in table.indexes:
            out.append(f"CREATE INDEX IF NOT EXISTS {name} ON {table.name} ({', '.join(quote(c) for c in cols_)})")
    return out


def type_views() -> List[Tuple[str, str]]:
    """``(view name, SELECT)`` for each record type: ``doc_id``, ``idx`` and the columns of that type's
    model (with their companions), in the model's order, from ``records``. Generated from the models, so a
    field added to a record type appears in its view."""
    out = []
    for rtype, model in RECORD_MODELS.items():
        cols = ["doc_id", "idx"]
        for col in _model_columns(model):
            if col.name != "type":
                cols.extend(c.name for c in with_companions(col))
        select = ", ".join(f"r.{quote(c)}" for c in cols)
        joins = ""
        for link, shown in LINKED_COLUMNS.items():
            if link in model.model_fields:  # a facts link: the linked record's columns on the same row
                alias = quote("l_" + link)
                select += "".join(f", {alias}.{quote(col)} AS {quote(f'{link}_{col}' if col in ('name', 'key') else col)}"
                                  for col in shown)
                joins += (f" LEFT JOIN records {alias} ON {alias}.doc_id = r.doc_id"
                          f" AND {alias}.idx = r.{quote(link)}")
        out.append((VIEW_NAMES.get(rtype, rtype), f"SELECT {select} FROM records r{joins} WHERE r.type = '{rtype}'"))
    return out


# facts links (index fields of money and jobs) and what each view shows of the linked record: the linked
# organisation's and place's name and entity key, the linked date's span
LINKED_COLUMNS = {"org": ("name", "key"), "location": ("name", "key"), "date": ("date_start", "date_end")}


def views_signature() -> str:
    """Changes when the views must be made again (a field added to a record model)."""
    return hashlib.sha256(repr(type_views()).encode()).hexdigest()[:16]


def view_ddl() -> List[str]:
    """Drop and create the type views (run when :func:`views_signature` differs from the stored one)."""
    out = []
    for name, select in type_views():
        out.append(f"DROP VIEW IF EXISTS {quote(name)}")
        out.append(f"CREATE VIEW {quote(name)} AS {select}")
    return out


def own_names() -> List[str]:
    """The tables and views kazextract creates."""
    return ["kazextract_meta"] + [t.name for t in TABLES] + [name for name, _ in type_views()]


def check_existing(where: str, present: Iterable[str], version: Optional[str], *, whole_database: bool) -> None:
    """Refuse (:class:`SinkError`, one line) to write into a database kazextract did not create, or one of
    another schema version. ``present``: the tables and views there; ``version``: its stored
    ``schema_version`` (``None`` when it has no ``kazextract_meta``); ``whole_database``: SQLite (any table
    of another program is a reason to refuse) or a PostgreSQL schema (only our names are)."""
    present = set(present)
    if "kazextract_meta" in present:
        if version == str(SCHEMA_VERSION):
            return
        if version is not None and version.isdigit() and int(version) > SCHEMA_VERSION:
            raise SinkError(f"{where} was written by a newer kazextract (schema version {version}; this one "
                            f"writes {SCHEMA_VERSION}): use that version, or another database")
        raise SinkError(f"{where} holds a kazextract database of schema version {version}; this version writes "
                        f"schema {SCHEMA_VERSION} (exact *_text values, sentences, url, name_fold, type views) and "
                        "does not convert old databases: write to a new database")
    ours = present & set(own_names())
    if {"documents", "records"} <= ours:
        raise SinkError(f"{where} holds kazextract tables without a schema version (written by a kazextract "
                        f"before schema {SCHEMA_VERSION}), which this version does not convert: write to a new "
                        "database")
    foreign = sorted(present - set(own_names())) if whole_database else sorted(ours)
    if foreign:
        shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
        raise SinkError(f"{where} is not a kazextract database (it has tables kazextract did not create: {shown}); "
                        "kazextract does not change other databases: choose another --db")


def missing_columns(table: Table, existing: Iterable[str]) -> List[Column]:
    """Columns of ``table`` an existing database lacks (added by a newer version of the models).
    New columns are added nullable: old rows have no value for them."""
    have = {e.lower() for e in existing}
    return [Column(c.name, c.kind) for c in table.columns if c.name.lower() not in have]


# -- rows ------------------------------------------------------------------------------------------

_URL = re.compile(r"^(?!file:)[A-Za-z][A-Za-z0-9+.-]*://\S+$")


def url_of(source: Optional[str]) -> Optional[str]:
    """``source`` when it is a web address (``https://...``), else ``None`` (a file path, a name)."""
    return source if source and _URL.match(source) else None


def exact_text(value: Decimal) -> str:
    """The decimal without exponent or trailing zeros: ``5600000000``, ``100.8``, ``0.05``."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def document_row(doc: Document, location: Optional[str], written_at: dt.datetime) -> Dict[str, object]:
    row = doc.model_dump(mode="python", exclude={"records"})
    row.update(url=url_of(doc.source), location=location, n_records=len(doc.records), written_at=written_at)
    return row


def record_rows(doc: Document) -> List[Dict[str, object]]:
    out = []
    for idx, rec in enumerate(doc.records):
        row = rec.model_dump(mode="python")
        for name, value in list(row.items()):
            if isinstance(value, Decimal):
                row[name + "_text"] = exact_text(value)
            elif name in FOLDED and isinstance(value, str):
                row[name + "_fold"] = value.casefold()
        row.update(doc_id=doc.doc_id, idx=idx)
        out.append(row)
    return out


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` with the characters no database can hold (NUL, lone surrogates) as U+FFFD, one for one, so
    offsets still hold."""
    return _UNSTORABLE.sub("\ufffd", text)


def sentence_rows(doc: Document) -> List[Dict[str, object]]:
    """The document's sentences (none when it carries none: see :func:`extractor.document.document_sentences`).
    A whole text may hold a NUL or a lone surrogate where no record is: stored as U+FFFD, not as a failure."""
    from ..document import document_sentences

    return [{"doc_id": doc.doc_id, "sentence": i, "start": s, "end": e, "text": storable(t)}
            for i, s, e, t in document_sentences(doc) or ()]


def error_row(location: str, doc_id: Optional[str], reason: str, failed_at: dt.datetime) -> Dict[str, object]:
    return {"location": location, "doc_id": doc_id, "reason": reason, "failed_at": failed_at}


def _sqlite_value(value, kind: str):
    if value is None:
        return None
    if kind == "numeric":
        # SQLite's NUMERIC affinity stores this exactly as an integer when whole, else as a REAL (a binary
        # float: the exact text is in the <name>_text column beside it)
        return exact_text(value)
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

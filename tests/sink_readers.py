"""Read back what a sink stored, the same way for every kind, for the tests."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Dict, List, Tuple


def _num(v):
    return None if v is None else Decimal(str(v)).normalize()


def _date(v):
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(v)


def _record(r: dict) -> dict:
    out = {k: r.get(k) for k in ("type", "text", "start", "end", "sentence", "currency", "unit", "qualifier",
                                 "granularity", "name", "legal_form")}
    out["value"] = _num(r.get("value"))
    out["value_max"] = _num(r.get("value_max"))
    out["date_start"] = _date(r.get("date_start"))
    out["date_end"] = _date(r.get("date_end"))
    out["permanent"] = None if r.get("permanent") is None else bool(r.get("permanent"))
    out["relative"] = None if r.get("relative") is None else bool(r.get("relative"))
    return out


def doc_view(doc) -> dict:
    """The comparable view of a Document."""
    d = doc.model_dump(mode="python")
    return {"doc_id": d["doc_id"], "text_sha256": d["text_sha256"], "title": d["title"], "source": d["source"],
            "published": d["published"], "warnings": list(d["warnings"]),
            "records": [_record(r) for r in d["records"]]}


def read_back(kind: str, target: str) -> Tuple[List[dict], Dict[str, str]]:
    """(documents in storage, with duplicates if any; errors location → reason)."""
    if kind in ("sqlite", "postgresql"):
        return _read_sql(kind, target)
    if kind == "jsonl":
        return _read_jsonl(Path(target))
    if kind == "parquet":
        return _read_parquet(Path(target))
    raise ValueError(kind)


def _assemble(docs: List[dict], records: List[dict]) -> List[dict]:
    by_doc: Dict[str, List[dict]] = {}
    for r in sorted(records, key=lambda r: (r["doc_id"], r["idx"])):
        by_doc.setdefault(r["doc_id"], []).append(_record(r))
    out = []
    for d in docs:
        w = d["warnings"]
        out.append({"doc_id": d["doc_id"], "text_sha256": d["text_sha256"], "title": d["title"],
                    "source": d["source"], "published": _date(d["published"]),
                    "warnings": json.loads(w) if isinstance(w, str) else list(w),
                    "records": by_doc.get(d["doc_id"], [])})
    return out


def _read_sql(kind, target):
    if kind == "sqlite":
        import sqlite3

        conn = sqlite3.connect(target)
        conn.row_factory = sqlite3.Row
        rows = lambda sql: [dict(r) for r in conn.execute(sql)]  # noqa: E731
    else:
        import psycopg
        from psycopg.rows import dict_row

        conn = psycopg.connect(target, row_factory=dict_row)
        rows = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
    try:
        docs = rows("SELECT * FROM documents ORDER BY doc_id")
        records = rows("SELECT * FROM records")
        errors = {r["location"]: r["reason"] for r in rows("SELECT * FROM errors")}
    finally:
        conn.close()
    return _assemble(docs, records), errors


def _read_jsonl(path: Path):
    from extractor.records import Document
    from extractor.sinks.jsonl import default_errors_path

    docs = []
    if path.exists():
        with open(path, encoding="utf-8") as f:
            docs = [doc_view(Document.model_validate_json(line)) for line in f]
    errors = {}
    ep = default_errors_path(path)
    if ep.exists():
        with open(ep, encoding="utf-8") as f:
            for line in f:
                e = json.loads(line)
                errors[e["location"]] = e["reason"]
    return docs, errors


def _read_parquet(path: Path):
    import pyarrow.parquet as pq

    def table(name):
        d = path / name
        files = sorted(d.glob("*.parquet")) if d.exists() else []
        return [row for f in files for row in pq.read_table(f).to_pylist()]

    errors = {e["location"]: e["reason"] for e in table("errors")}
    return _assemble(table("documents"), table("records")), errors

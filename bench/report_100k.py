"""Benchmark of ``kazextract report`` on a large SQLite archive: the time and peak memory of the report on
a database of N documents, built quickly from synthetic rows (not by running extraction) with the sink's own
tables (:mod:`extractor.sinks.schema`), about 20 records per document, money and jobs records with the facts
fields, a warning on 5% of the documents and an error for 1%.

    python bench/report_100k.py                    # 100,000 documents, and 10,000 to compare memory
    python bench/report_100k.py --n 20000 --no-small

Each report is ``python -m extractor.cli report DB -o report.html`` in a fresh process; its wall time and
peak RSS (from the kernel's accounting of that child) are printed. The database is kept at --db for a
second look (delete it afterwards: about 60 bytes a record).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ORGS = ["Самұрық-Қазына", "ҚазМұнайГаз", "Қазақтелеком", "Даму қоры", "Бәйтерек холдингі", "Ұлттық банк",
        "Ауыл шаруашылығы министрлігі", "Энергетика министрлігі", "Қаржы министрлігі", "Атамекен палатасы"] + \
       [f"Компания {i}" for i in range(200)]
PLACES = ["Қазақстан", "Астана", "Алматы", "Шымкент", "Маңғыстау облысы", "Атырау облысы", "Қарағанды облысы",
          "Түркістан облысы", "Ақтөбе", "Павлодар", "Қытай", "Ресей"] + [f"Ауыл {i}" for i in range(300)]
PERSONS = [f"Адам {i}" for i in range(500)]
CURRENCIES = ["KZT"] * 12 + ["USD"] * 4 + ["EUR", "RUB", "CNY"]
MEASURES = ["investment", "funding", "cost", "revenue", "tax", "trade", "credit", "income", "loss", "other"]
FACT_COLUMNS = (("measure", "text"), ("status", "text"), ("org", "integer"), ("location", "integer"),
                ("date", "integer"))
WARNINGS = ["html: the text looks like HTML markup; tags were ignored", "language: text looks Russian, not Kazakh"]
ERRORS = ["malformed JSON: Expecting value: line 1 column 1 (char 0)", "extraction failed: ValueError: x",
          "binary: the file is not text"]


def _weighted(rnd: random.Random, pool, skew: float = 1.2):
    """Some names far more common than others, as in news."""
    return pool[min(len(pool) - 1, int(rnd.paretovariate(skew)) - 1)]


def build_database(path: Path, n: int, seed: int = 13, batch: int = 2000) -> Dict[str, object]:
    """An SQLite database in the sink's schema with ``n`` synthetic documents; returns what it holds
    (documents, records, errors, records per type, money count per currency, jobs per status)."""
    from extractor.sinks import schema

    rnd = random.Random(seed)
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    for stmt in schema.ddl("sqlite"):
        conn.execute(stmt)
    have = {r[1] for r in conn.execute("PRAGMA table_info(records)")}
    for name, kind in FACT_COLUMNS:  # a database written before the facts fields were in the models
        if name not in have:
            conn.execute(f"ALTER TABLE records ADD COLUMN {schema.quote(name)} "
                         f"{schema.SQL_TYPES['sqlite'][kind]}")
    rec_cols = [r[1] for r in conn.execute("PRAGMA table_info(records)")]
    doc_cols = [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    ins_rec = f"INSERT INTO records ({', '.join(schema.quote(c) for c in rec_cols)}) VALUES ({', '.join('?' * len(rec_cols))})"
    ins_doc = f"INSERT INTO documents ({', '.join(schema.quote(c) for c in doc_cols)}) VALUES ({', '.join('?' * len(doc_cols))})"
    now = dt.datetime(2025, 1, 1).isoformat()
    stats: Dict[str, object] = {"documents": n, "records": 0, "errors": 0, "types": {}, "currencies": {},
                                "jobs": {}}
    docs, recs, errs = [], [], []

    def flush():
        conn.executemany(ins_doc, docs)
        conn.executemany(ins_rec, recs)
        conn.executemany("INSERT INTO errors VALUES (?, ?, ?, ?)", errs)
        docs.clear(), recs.clear(), errs.clear()

    for k in range(n):
        doc_id = f"doc{k:07d}"
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rnd.randrange(3650))
        rows = []

        def rec(type_, **fields):
            row = {"doc_id": doc_id, "idx": len(rows), "type": type_, "text": "x", "start": len(rows) * 10,
                   "end": len(rows) * 10 + 5, "sentence": 0, "source": "rule", **fields}
            rows.append(row)
            return len(rows) - 1

        org = rec("org", name=_weighted(rnd, ORGS), legal_form=rnd.choice([None, "АҚ", "ЖШС"]))
        for _ in range(2):
            rec("org", name=_weighted(rnd, ORGS))
        loc = rec("location", name=_weighted(rnd, PLACES))
        for _ in range(2):
            rec("location", name=_weighted(rnd, PLACES))
        for _ in range(3):
            rec("person", name=rnd.choice(PERSONS))
        date = rec("date", date_start=day.replace(month=1, day=1).isoformat(),
                   date_end=day.replace(month=12, day=31).isoformat(), granularity="year", relative=False)
        for _ in range(3):
            rec("date", date_start=day.isoformat(), date_end=day.isoformat(), granularity="day", relative=False)
        for _ in range(2):
            cur = rnd.choice(CURRENCIES)
            rec("money", value=str(rnd.randint(1, 900) * 10 ** rnd.randint(6, 10)), currency=cur, qualifier="exact",
                measure=rnd.choice(MEASURES), status=rnd.choice(["actual", "actual", "planned"]), org=org,
                location=loc, date=date)
            stats["currencies"][cur] = stats["currencies"].get(cur, 0) + 1
        status = rnd.choice(["actual", "planned"])
        rec("jobs", value=str(rnd.randint(5, 3000)), qualifier="exact", measure="jobs", status=status, org=org,
            location=loc, date=None)
        stats["jobs"][status] = stats["jobs"].get(status, 0) + 1
        for _ in range(2):
            rec("percent", value=str(rnd.randint(1, 99)), qualifier="exact")
        rec("quantity", value=str(rnd.randint(1, 5000)), unit=rnd.choice(["t", "ha", "km"]), qualifier="exact")
        warnings = [rnd.choice(WARNINGS)] if rnd.random() < 0.05 else []
        doc = {"doc_id": doc_id, "source": f"archive.jsonl:{k + 1}", "published": day.isoformat(), "title": None,
               "text_sha256": f"{k:064x}", "extractor_version": "bench", "model": None,
               "warnings": json.dumps(warnings, ensure_ascii=False), "location": f"archive.jsonl:{k + 1}",
               "n_records": len(rows), "written_at": now}
        docs.append(tuple(doc.get(c) for c in doc_cols))
        recs.extend(tuple(r.get(c) for c in rec_cols) for r in rows)
        for r in rows:
            stats["types"][r["type"]] = stats["types"].get(r["type"], 0) + 1
        stats["records"] += len(rows)
        if rnd.random() < 0.01:
            errs.append((f"archive.jsonl:bad{k}", None, rnd.choice(ERRORS), now))
            stats["errors"] += 1
        if len(docs) >= batch:
            flush()
    flush()
    conn.commit()
    conn.close()
    return stats


def time_report(db: Path, out: Path):
    """(seconds, peak RSS in MiB) of ``kazextract report`` in a fresh process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "extractor.cli", "report", str(db), "-o", str(out)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode()
    if proc.returncode:
        raise SystemExit(f"report failed: {err}")
    return seconds, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--no-small", action="store_true", help="skip the 10,000-document comparison")
    ap.add_argument("--dir", type=Path, default=None, help="where the databases go (default: a temporary folder)")
    a = ap.parse_args()
    where = a.dir or Path(tempfile.mkdtemp(prefix="kazextract-report-bench-"))
    sizes = [a.n] if a.no_small else [10_000, a.n]
    print(f"machine: {os.cpu_count()} CPUs; databases in {where}")
    for n in sizes:
        db = where / f"report_{n}.sqlite"
        if db.exists():
            db.unlink()
        t0 = time.perf_counter()
        stats = build_database(db, n)
        built = time.perf_counter() - t0
        seconds, rss = time_report(db, where / f"report_{n}.html")
        print(f"{n:>8} documents, {stats['records']:>9} records, {db.stat().st_size / 2**20:7.1f} MiB database "
              f"(built in {built:5.1f} s): report {seconds:5.1f} s, peak RSS {rss:6.1f} MiB")


if __name__ == "__main__":
    main()

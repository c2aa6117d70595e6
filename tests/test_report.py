"""kazextract report: the figures come out the same from SQLite, JSON Lines, Parquet and PostgreSQL, equal
what the output holds counted another way, split by measure and status when the facts fields are there; the
page has its charts; bad input gives one clear line."""
import dataclasses
import importlib.util
import json
import sqlite3
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from archive_builders import kazakh_text
from review_docs import nested_document

from extractor.review import ReviewError
from extractor.review.archive import figures, open_database

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args, check=False):
    proc = subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def load_bench():
    spec = importlib.util.spec_from_file_location("report_100k", ROOT / "bench" / "report_100k.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same small archive (our own sentences, 3 months, one broken line) run into three sinks."""
    d = tmp_path_factory.mktemp("report")
    lines = [json.dumps({"id": f"d{k}", "text": kazakh_text(k, 8) + " Астанада «Жасыл Дала» ЖШС жұмыс істейді.",
                         "published": f"2024-0{1 + k % 3}-1{k % 9}"}, ensure_ascii=False) for k in range(12)]
    lines.insert(5, '{"id": "broken", "text": ')
    src = d / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = {"sqlite": d / "run.sqlite", "jsonl": d / "out.jsonl", "parquet": d / "out.parquet"}
    run_cli("run", "--ner", "none", "--no-progress", "--db", str(out["sqlite"]), str(src))
    run_cli("run", "--ner", "none", "--no-progress", "--out", str(out["jsonl"]), str(src))
    run_cli("run", "--ner", "none", "--no-progress", "--out", str(out["parquet"]), str(src))
    return {"src": src, **out}


def figs(target) -> dict:
    with open_database(str(target)) as db:
        out = dataclasses.asdict(figures(db))
    out.pop("source")
    return out


def test_every_sink_gives_the_same_figures(runs):
    base = figs(runs["sqlite"])
    assert figs(runs["jsonl"]) == base
    assert figs(runs["parquet"]) == base


def test_figures_equal_the_output_counted_in_python(runs):
    f = figs(runs["sqlite"])
    docs = [json.loads(line, parse_float=Decimal) for line in runs["jsonl"].read_text(encoding="utf-8").splitlines()]
    recs = [r for d in docs for r in d["records"]]
    assert (f["documents"], f["records"], f["errors"]) == (12, len(recs), 1)
    assert dict(f["records_per_type"]) == Counter(r["type"] for r in recs)
    assert dict(f["documents_per_month"]) == Counter(d["published"][:7] for d in docs)
    money = Counter()
    sums = Counter()
    for r in recs:
        if r["type"] == "money":
            money[r["currency"]] += 1
            sums[r["currency"]] += Decimal(str(r["value"]))
    assert {c: (n, s) for c, n, s in f["money_by_currency"]} == {c: (money[c], sums[c]) for c in money}
    orgs = Counter()
    for d in docs:
        for name in {r["name"] for r in d["records"] if r["type"] == "org"}:
            orgs[name] += 1
    assert f["top_orgs"][0][:2] == ("Жасыл Дала", 12) == ("Жасыл Дала", orgs["Жасыл Дала"])
    assert f["errors_by_reason"] == [("malformed JSON", 1)]
    # the pipeline gives every amount its facts: money by measure and currency, jobs by status
    by_measure = Counter()
    measure_sums = Counter()
    for r in recs:
        if r["type"] == "money":
            by_measure[(r["measure"], r["currency"])] += 1
            measure_sums[(r["measure"], r["currency"])] += Decimal(str(r["value"]))
    assert f["facts"]
    assert {(m, c): (n, s) for m, c, n, s in f["money_by_measure"]} == \
        {k: (by_measure[k], measure_sums[k]) for k in by_measure}
    statuses = {r["status"] for r in recs if r["type"] == "jobs"}
    assert {s for s, _, _ in f["jobs_by_status"]} == statuses


def test_postgresql_gives_the_same_figures(runs, pg_dsn):
    run_cli("run", "--ner", "none", "--no-progress", "--db", pg_dsn, str(runs["src"]), check=True)
    assert figs(pg_dsn) == figs(runs["sqlite"])


def test_facts_split_money_by_measure_and_jobs_into_actual_and_planned(tmp_path):
    docs = []
    for k, status in enumerate(["planned", "actual", "actual"]):
        d = nested_document(f"arai{k}")
        d["records"][5]["status"] = status
        d["records"][5]["value"] = 100 * (k + 1)
        docs.append(d)
    out = tmp_path / "facts.jsonl"
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    f = figs(out)
    assert f["facts"]
    assert f["jobs_by_status"] == [("actual", 2, Decimal(500)), ("planned", 1, Decimal(100))]
    assert f["money_by_measure"] == [("investment", "KZT", 3, Decimal(12600000000))]
    assert f["top_places"] == [("Түркістан облысы", 3, 3)]
    assert f["warnings_by_reason"] == [("html", 3)]


def test_synthetic_database_of_the_benchmark(tmp_path):
    bench = load_bench()
    db = tmp_path / "bench.sqlite"
    stats = bench.build_database(db, 300)
    f = figs(db)
    assert (f["documents"], f["records"], f["errors"]) == (stats["documents"], stats["records"], stats["errors"])
    assert dict(f["records_per_type"]) == stats["types"]
    assert {c: n for c, n, _ in f["money_by_currency"]} == stats["currencies"]
    assert {s: n for s, n, _ in f["jobs_by_status"]} == stats["jobs"]
    assert f["facts"] and {m for m, *_ in f["money_by_measure"]} <= set(bench.MEASURES)


def test_report_page_has_its_charts_and_tables(runs, tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "report.html"
    proc = run_cli("report", str(runs["sqlite"]), "-o", str(out), check=True)
    assert "12 documents" in proc.stderr
    page = out.read_text(encoding="utf-8")
    charts = page.count('<svg class="chart"')
    assert charts >= 8
    assert "Жасыл Дала" in page and "malformed JSON" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', "")


@pytest.mark.parametrize("case", ["empty", "missing", "not_sqlite", "no_tables", "bad_url"])
def test_bad_input_gives_one_clear_line(tmp_path, case):
    target = tmp_path / "x.sqlite"
    if case == "empty":
        from extractor.sinks import open_sink

        open_sink(str(target)).close()
    elif case == "not_sqlite":
        target.write_text("бұл дерекқор емес\n" * 100, encoding="utf-8")
    elif case == "no_tables":
        sqlite3.connect(str(target)).close()
    elif case == "bad_url":
        target = "mysql://localhost/x"
    proc = run_cli("report", str(target), "-o", str(tmp_path / "r.html"))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kazextract: report: "), proc.stderr
    expected = {"empty": "no documents", "missing": "no such file", "not_sqlite": "not an SQLite database",
                "no_tables": "not a kazextract output", "bad_url": "unknown database URL"}[case]
    assert expected in lines[0]
    assert not (tmp_path / "r.html").exists()


def test_report_reads_sqlite_without_writing(runs):
    before = runs["sqlite"].stat().st_mtime_ns
    figs(runs["sqlite"])
    assert runs["sqlite"].stat().st_mtime_ns == before
    with pytest.raises(ReviewError):
        with open_database(str(runs["sqlite"].with_name("nothing.sqlite"))):
            pass


def test_top_organisations_group_spellings_by_key(tmp_path):
    """Version 2 outputs give every name a key: two spellings of one bank count as one organisation."""
    def doc(doc_id, name):
        return {"doc_id": doc_id, "published": "2024-02-01", "text_sha256": "0" * 64, "warnings": [],
                "records": [{"type": "org", "text": name, "start": 0, "end": len(name), "sentence": 0,
                             "name": name, "legal_form": None, "key": "ұлттық банк"}]}
    out = tmp_path / "keys.jsonl"
    docs = [doc("a", "Ұлттық банк"), doc("b", "ҚР Ұлттық банкі"), doc("c", "Ұлттық банк")]
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    f = figs(out)
    assert len(f["top_orgs"]) == 1 and f["top_orgs"][0][1:] == (3, 3)

"""``kazextract run`` end to end: every input document is accounted for (stored or in the errors with
its location and reason), a second run skips everything, options and targets."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive_builders import NO_ARTICLE_HTML, article_html, kazakh_text, write_jsonl, write_warc
from extractor.cli import main
from extractor.document import text_sha256
from sink_readers import read_back

ROOT = Path(__file__).resolve().parent.parent
HUGE_BYTES = 20_000_000


def run_cli(*args) -> int:
    return main(["run", *map(str, args)])


def summary_of(path) -> dict:
    return json.loads(Path(path).read_text())


@pytest.fixture(scope="module")
def damaged(tmp_path_factory):
    """An archive with everything that goes wrong in scraped data, and what must come of each document."""
    pytest.importorskip("warcio")
    d = tmp_path_factory.mktemp("damaged")
    huge = (kazakh_text(99, sentences=40) + "\n") * (HUGE_BYTES // len((kazakh_text(99, sentences=40) + "\n").encode()) + 1)
    assert len(huge.encode()) >= HUGE_BYTES
    jl = d / "news.jsonl"
    with open(jl, "wb") as f:
        f.write(json.dumps({"id": "ok1", "text": kazakh_text(1), "published": "2024-05-01"}, ensure_ascii=False).encode() + b"\n")
        f.write(b'{"id": "broken", "text": "\xd0\x96\xd0\xbe\xd0\xb1\n')  # cut in the middle of the JSON
        f.write(json.dumps({"id": "cp1251", "text": "Казахстан экономика вырос"}, ensure_ascii=False).encode("cp1251") + b"\n")
        f.write(json.dumps({"id": "empty", "text": ""}).encode() + b"\n")
        f.write(json.dumps({"id": "huge", "text": huge}, ensure_ascii=False).encode() + b"\n")
        f.write(json.dumps({"text": kazakh_text(2)}, ensure_ascii=False).encode() + b"\n")
        f.write(json.dumps({"id": "baddate", "text": kazakh_text(3), "published": "кеше"}, ensure_ascii=False).encode() + b"\n")
    write_warc(d / "crawl.warc.gz", [
        {"url": "https://news.kz/article", "html": article_html("Жаңа зауыт", [kazakh_text(4), kazakh_text(5)], "2024-02-03")},
        {"url": "https://news.kz/login", "html": NO_ARTICLE_HTML},
        {"url": "https://news.kz/gone", "html": "<html><body>жоқ</body></html>", "status": 404},
    ])
    (d / "plain.txt").write_text(kazakh_text(6), encoding="utf-8")
    expected_ok = {"ok1", "cp1251", "empty", "huge", text_sha256(kazakh_text(2))[:16], "baddate", "plain"}
    return d, expected_ok


def check_damaged(kind, target, summary, expected_ok):
    docs, errors = read_back(kind, str(target))
    ids = [doc["doc_id"] for doc in docs]
    assert len(ids) == len(set(ids))
    warc_ids = [i for i in ids if i.startswith("urn:uuid:")]
    assert set(ids) - set(warc_ids) == expected_ok and len(warc_ids) == 1
    by_id = {doc["doc_id"]: doc for doc in docs}
    assert any(w.startswith("truncated") for w in by_id["huge"]["warnings"])
    assert any(w.startswith("empty") for w in by_id["empty"]["warnings"])
    assert any("not UTF-8" in w for w in by_id["cp1251"]["warnings"])
    assert any("not a date" in w for w in by_id["baddate"]["warnings"])
    assert by_id[warc_ids[0]]["published"].isoformat() == "2024-02-03"
    reasons = sorted((loc.rsplit("/", 1)[1], reason.split(":")[0]) for loc, reason in errors.items())
    assert [r[0].split(":")[0].split("@")[0] for r in reasons] == ["crawl.warc.gz", "news.jsonl"]
    assert any("no article" in reason for reason in errors.values())
    assert any(loc.endswith("news.jsonl:2") and "malformed JSON" in reason for loc, reason in errors.items())
    assert summary["read"] == 10
    assert (summary["written"], summary["failed"]) == (8, 2)
    assert summary["read"] == summary["written"] + summary["failed"] + summary["skipped_done"] + summary["skipped_failed"]


@pytest.mark.parametrize("kind", ["sqlite", "jsonl", "parquet"])
def test_every_damaged_input_is_accounted_for_and_a_rerun_skips_all(damaged, tmp_path, kind):
    d, expected_ok = damaged
    target = tmp_path / {"sqlite": "r.sqlite", "jsonl": "r.jsonl", "parquet": "r.parquet"}[kind]
    flag = "--db" if kind == "sqlite" else "--out"
    common = [d, flag, target, "--ner", "none", "--workers", "0", "--max-chars", "200000", "--no-progress"]
    assert run_cli(*common, "--summary-json", tmp_path / "s1.json") == 0
    check_damaged(kind, target, summary_of(tmp_path / "s1.json"), expected_ok)
    before = read_back(kind, str(target))
    assert run_cli(*common, "--summary-json", tmp_path / "s2.json") == 0
    again = summary_of(tmp_path / "s2.json")
    assert (again["written"], again["failed"], again["skipped_done"], again["skipped_failed"]) == (0, 0, 8, 2)
    assert read_back(kind, str(target)) == before
    assert run_cli(*common, "--retry-errors", "--summary-json", tmp_path / "s3.json") == 0
    retried = summary_of(tmp_path / "s3.json")
    assert (retried["failed"], retried["skipped_done"], retried["skipped_failed"]) == (2, 8, 0)
    assert read_back(kind, str(target)) == before  # the same errors, not duplicated


def test_worker_processes_and_postgresql(damaged, tmp_path, pg_dsn):
    """Two worker processes (the 20 MB document travels to one of them), into PostgreSQL, as a user runs it."""
    d, expected_ok = damaged
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "extractor.cli", "run", str(d), "--db", pg_dsn, "--ner", "none",
                           "--workers", "2", "--max-chars", "200000", "--summary-json", str(tmp_path / "s.json")],
                          env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    summary = summary_of(tmp_path / "s.json")
    check_damaged("postgresql", pg_dsn, summary, expected_ok)
    assert len(summary["worker_peak_rss_mib"]) == 2
    assert "documents read" in proc.stderr and "failed" in proc.stderr
    assert "secret" not in proc.stderr


def test_changed_input_replaces_its_records_on_the_next_run(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": kazakh_text(i)} for i in range(5)])
    db = tmp_path / "r.sqlite"
    assert run_cli(src, "--db", db, "--ner", "none", "--workers", "0", "--no-progress") == 0
    write_jsonl(src, [{"id": f"d{i}", "text": kazakh_text(i + (10 if i == 3 else 0))} for i in range(5)])
    assert run_cli(src, "--db", db, "--ner", "none", "--workers", "0", "--no-progress",
                   "--summary-json", tmp_path / "s.json") == 0
    s = summary_of(tmp_path / "s.json")
    assert (s["written"], s["replaced"], s["skipped_done"]) == (1, 1, 4)
    docs, _ = read_back("sqlite", str(db))
    assert {doc["doc_id"]: doc["text_sha256"] for doc in docs}["d3"] == text_sha256(kazakh_text(13))


def test_duplicate_ids_in_one_input_are_stored_once(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "same", "text": kazakh_text(1)}] * 3
                      + [{"id": "other", "text": kazakh_text(2)}])
    out = tmp_path / "r.jsonl"
    assert run_cli(src, "--out", out, "--ner", "none", "--workers", "0", "--no-progress",
                   "--summary-json", tmp_path / "s.json") == 0
    s = summary_of(tmp_path / "s.json")
    assert (s["read"], s["written"], s["skipped_done"]) == (4, 2, 2)
    assert sorted(json.loads(line)["doc_id"] for line in out.read_text().splitlines()) == ["other", "same"]


@pytest.mark.parametrize("args, message", [
    (["--db", "x.jsonl"], "use --out"),
    (["--out", "x.sqlite"], "expected a .jsonl file or a .parquet directory"),
    (["--db", "mysql://h/db"], "unknown database URL"),
    (["--db", "no/such/dir/r.sqlite"], "does not exist"),
])
def test_bad_targets_are_refused_before_any_work(tmp_path, capsys, args, message):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": kazakh_text(1)}])
    assert run_cli(src, *args, "--ner", "none", "--no-progress") == 2
    assert message in capsys.readouterr().err


def test_a_resumed_warc_run_does_not_parse_the_pages_again(tmp_path):
    pytest.importorskip("warcio")
    warc = write_warc(tmp_path / "crawl.warc.gz", [
        {"url": f"https://news.kz/{i}", "html": article_html(f"Жаңалық {i}", [kazakh_text(i), kazakh_text(50 + i)])}
        for i in range(6)] + [{"url": "https://news.kz/login", "html": NO_ARTICLE_HTML}])
    db = tmp_path / "r.sqlite"
    assert run_cli(warc, "--db", db, "--ner", "none", "--workers", "0", "--no-progress",
                   "--summary-json", tmp_path / "s1.json") == 0
    assert (summary_of(tmp_path / "s1.json")["written"], summary_of(tmp_path / "s1.json")["failed"]) == (6, 1)
    assert run_cli(warc, "--db", db, "--ner", "none", "--workers", "0", "--no-progress",
                   "--summary-json", tmp_path / "s2.json") == 0
    again = summary_of(tmp_path / "s2.json")
    assert (again["skipped_done"], again["skipped_failed"], again["written"]) == (6, 1, 0)
    assert again["first_result_seconds"] == 0  # no page went to the workers

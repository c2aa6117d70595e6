"""``kazextract run`` on the inputs of issue 12 that used to stop a run for good or lose documents silently:
every input ends up a document or an error row, exit 0, and a rerun changes nothing."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from archive_builders import article_html, kazakh_text, write_warc

ROOT = Path(__file__).resolve().parent.parent


def _run(*args):
    return subprocess.run([sys.executable, "-m", "extractor.cli", "run", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)


def _archive(tmp_path) -> Path:
    d = tmp_path / "in"
    for sub in ("a/1", "a/2"):
        (d / sub).mkdir(parents=True)
    (d / "a" / "1" / "index.txt").write_text(kazakh_text(1), encoding="utf-8")
    (d / "a" / "2" / "index.txt").write_text(kazakh_text(2), encoding="utf-8")
    # UTF-8 with one bad byte between two sentences
    (d / "bad_byte.txt").write_bytes(kazakh_text(3).encode("utf-8") + b" \xff " + kazakh_text(4).encode("utf-8"))
    lines = [
        '{"id": "a\\udc00", "text": "Ауданда 12 мектеп салынды."}',
        '{"id": "b\\u0000c", "text": "Облыста 40 шақырым жол жөнделді."}',
        '{"id": "dup", "text": "Бірінші: 5 млрд теңге бөлінді."}',
        '{"id": "dup", "text": "Екінші: 7 млрд теңге бөлінді."}',
        '{"id": "x", "text": "Мәтін \\ud800 мен \\u0000 ішінде, 3 көпір салынды."}',
    ]
    (d / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    warc = write_warc(tmp_path / "w.warc", [{"url": f"https://kaz.example/{i}",
                                             "html": article_html("Жаңалық", [kazakh_text(10 + i)] * 2)}
                                            for i in range(3)])
    data = warc.read_bytes()
    cut_at = data.index(b"WARC/1", data.index(b"https://kaz.example/1")) + 30  # inside a record header
    (d / "cut.warc").write_bytes(data[:cut_at])
    return d


def test_hostile_archive_runs_to_the_end_and_a_rerun_changes_nothing(tmp_path):
    src = _archive(tmp_path)
    db = tmp_path / "r.sqlite"
    first = _run(src, "--db", db, "--ner", "none", "--workers", "0", "--no-progress",
                 "--summary-json", tmp_path / "s1.json")
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    s1 = json.loads((tmp_path / "s1.json").read_text())
    with sqlite3.connect(db) as conn:
        docs = dict(conn.execute("SELECT doc_id, text_sha256 FROM documents"))
        errors = dict(conn.execute("SELECT location, reason FROM errors"))
        warnings = dict(conn.execute("SELECT doc_id, warnings FROM documents"))
    assert {"a/1/index", "a/2/index", "bad_byte", "a\\udc00", "b\\x00c", "dup", "dup#2", "x"} <= set(docs)
    assert any("U+FFFD" in w for w in json.loads(warnings["bad_byte"]))
    assert any(loc.startswith(str(src / "cut.warc")) and "stopped reading" in r for loc, r in errors.items())
    assert s1["read"] == s1["written"] + s1["failed"] == len(docs) + len(errors)

    again = _run(src, "--db", db, "--ner", "none", "--workers", "0", "--no-progress",
                 "--summary-json", tmp_path / "s2.json")
    assert again.returncode == 0, again.stderr
    s2 = json.loads((tmp_path / "s2.json").read_text())
    assert s2["written"] == 0 and s2["failed"] == 0
    with sqlite3.connect(db) as conn:
        assert dict(conn.execute("SELECT doc_id, text_sha256 FROM documents")) == docs

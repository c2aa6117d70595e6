"""Bad input never stops a run: each document is in the output (with warnings) or reported with its reason."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KAZAKH = "Жоба құны 5,6 млрд теңгені құрады. Зауыт қуаттылығы 50%-ға артты.\n"
RUSSIAN = ("Стоимость проекта составила 5,6 млрд тенге. Мощность завода выросла на 50%. "
           "Министр посетил регион и провёл совещание по вопросам развития транспорта.\n")


def run_cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=3600)


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (d / "latin1.txt").write_bytes("Café crème à 5 francs, déjà vu. Numéro spécial, été.".encode("latin-1"))
    (d / "cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))  # legacy Windows Cyrillic
    (d / "russian.txt").write_text(RUSSIAN, encoding="utf-8")
    (d / "html.txt").write_text("<html><body><p>" + KAZAKH + "</p><div>x</div><br></body></html>", encoding="utf-8")
    (d / "good.txt").write_text(KAZAKH, encoding="utf-8")
    big = (KAZAKH * (10_000_000 // len(KAZAKH.encode("utf-8")) + 1))
    (d / "huge.txt").write_text(big, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def result(bad_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    proc = run_cli("extract", "--ner", "none", str(bad_dir), "-o", str(out / "o.jsonl"), "--errors",
                   str(out / "e.jsonl"), "--max-chars", "0")
    docs = {json.loads(l)["doc_id"]: json.loads(l) for l in (out / "o.jsonl").read_text().splitlines()}
    errs = [json.loads(l) for l in (out / "e.jsonl").read_text().splitlines()]
    return proc, docs, errs


def test_every_file_is_accounted_for(bad_dir, result):
    proc, docs, errs = result
    names = {p.stem for p in bad_dir.iterdir()}
    reported = {Path(e["location"]).stem for e in errs}
    assert names == set(docs) | reported
    assert not set(docs) & reported
    assert proc.returncode == 1  # some inputs failed, the run still finished


def test_binary_files_are_errors_naming_the_file(result):
    _, _, errs = result
    by = {Path(e["location"]).stem: e["reason"] for e in errs}
    assert set(by) == {"binary", "png"}
    assert "binary" in by["binary"] and "PNG" in by["png"]


def test_empty_file_warns(result):
    _, docs, _ = result
    assert docs["empty"]["records"] == []
    assert any(w.startswith("empty") for w in docs["empty"]["warnings"])


def test_wrong_encodings_decode_with_a_warning(result):
    _, docs, _ = result
    assert any("Latin-1" in w for w in docs["latin1"]["warnings"])
    assert any("Windows-1251" in w for w in docs["cp1251"]["warnings"])


def test_russian_is_flagged(result):
    _, docs, _ = result
    assert any("Russian" in w for w in docs["russian"]["warnings"])
    assert not any("Russian" in w for w in docs["good"]["warnings"])


def test_html_is_flagged(result):
    _, docs, _ = result
    assert any(w.startswith("html") for w in docs["html"]["warnings"])


def test_huge_article_is_processed_whole(bad_dir, result):
    _, docs, _ = result
    text = (bad_dir / "huge.txt").read_text(encoding="utf-8")
    doc = docs["huge"]
    assert len(text) > 5_000_000
    for r in doc["records"][:50] + doc["records"][-50:]:
        assert text[r["start"]:r["end"]] == r["text"]
    if doc["records"]:  # once the recognisers exist: the last copy of the sentence is found too
        assert doc["records"][-1]["end"] > len(text) - 200


def test_truncation_warns(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text(KAZAKH * 50, encoding="utf-8")
    proc = run_cli("extract", "--ner", "none", "--max-chars", "100", str(f))
    doc = json.loads(proc.stdout)
    assert any(w.startswith("truncated") for w in doc["warnings"])
    assert all(r["end"] <= 100 for r in doc["records"])


def test_malformed_jsonl_lines_are_reported_and_the_rest_processed(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"id": "a", "text": "\xd0\x91\xd1\x96\xd1\x80"}\n{broken\n{"id": "c"}\n'
                  b'{"id": "d", "text": "ok", "published": "2025-13-45"}\n[1, 2]\n')
    proc = run_cli("extract", "--ner", "none", str(f), "--errors", str(tmp_path / "e.jsonl"))
    docs = [json.loads(l) for l in proc.stdout.decode().splitlines()]
    errs = [json.loads(l) for l in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [d["doc_id"] for d in docs] == ["a", "d"]
    assert sorted(e["location"].rsplit(":", 1)[1] for e in errs) == ["2", "3", "5"]
    assert any("malformed JSON" in e["reason"] for e in errs)
    assert any("no text field" in e["reason"] for e in errs)
    assert any("published" in w for w in docs[1]["warnings"])


def test_stdin_text_and_jsonl():
    proc = run_cli("extract", "--ner", "none", "-", stdin=KAZAKH.encode())
    doc = json.loads(proc.stdout)
    assert doc["doc_id"] == doc["text_sha256"][:16]
    proc = run_cli("extract", "--ner", "none", "-",
                   stdin=b'{"id": "x1", "text": "a"}\n{"id": "x2", "text": "b"}\n')
    assert [json.loads(l)["doc_id"] for l in proc.stdout.decode().splitlines()] == ["x1", "x2"]


def test_missing_input_is_an_error():
    proc = run_cli("extract", "--ner", "none", "/nonexistent/article.txt")
    assert proc.returncode == 2  # a mistake in the command, found before any work (tests/test_cli_mistakes.py)
    assert b"no such file" in proc.stderr

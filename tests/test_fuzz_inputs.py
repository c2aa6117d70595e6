"""Fuzzing (Hypothesis): random bytes, random JSON Lines structures and random Unicode (lone surrogates, NUL,
control characters, mixed scripts) through the readers, ``kazextract extract`` and ``kazextract run`` with
the JSON Lines and SQLite sinks (and PostgreSQL when a server is reachable). Every input must come out as a
document or as an error row with its location; nothing raises. Example counts are small so that the file
runs in seconds; ``KAZEXTRACT_FUZZ_EXAMPLES=N`` asks for more.

Each test adds the inputs it tried to ``TRIED`` and the ones it could not find in the output or the errors to
``LOST`` (always 0, or the test fails); the last test prints both.
"""
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.batch.runner import RunOptions, run_batch
from extractor.batch.worker import WorkerConfig
from extractor.document import text_sha256
from extractor.io.inputs import iter_inputs
from extractor.io.reads import InputError, Item
from extractor.sinks import open_sink
from sink_readers import read_back

N = int(os.environ.get("KAZEXTRACT_FUZZ_EXAMPLES", "0"))
FAST = settings(max_examples=N or 25, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=N or 8, deadline=None, suppress_health_check=list(HealthCheck))
CONFIG = WorkerConfig(ner="none", doc_timeout=60)
TRIED = {"readers": 0, "run": 0, "extract": 0}
LOST = {"readers": 0, "run": 0, "extract": 0}

# text: any code point (surrogates included), weighted towards Kazakh, Russian, Latin, digits and the
# characters that break things (NUL, controls, quotes, underscores, line breaks, U+FFFD, BOM)
KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя АӘБҒҚҢӨҰҮҺІ"
SPECIAL = "\x00\x01\x07\x0b\x1b\x7f\u200b\ufeff\ufffd\r\n\t «»_%.,-:;\"'\\/{}[]0123456789"
chars = st.one_of(st.sampled_from(KAZAKH), st.sampled_from(SPECIAL), st.characters(),
                  st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
texts = st.text(chars, max_size=120)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), texts)
json_values = st.recursive(json_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(texts, inner, max_size=3), max_leaves=6)
records = st.fixed_dictionaries({}, optional={
    "id": st.one_of(texts, st.integers(), json_values), "text": st.one_of(texts, json_values),
    "title": st.one_of(texts, json_values), "published": st.one_of(texts, st.just("2024-02-30"), json_values),
    "url": texts, "maintext": texts})


def _line(obj, how: int) -> bytes:
    if how == 0:
        return json.dumps(obj).encode("ascii")  # surrogates as \\udXXX escapes
    if how == 1:  # raw characters; a lone surrogate becomes bytes that are not UTF-8
        return json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")[: max(1, how)]  # cut short


jsonl_lines = st.lists(st.one_of(
    st.tuples(records, st.integers(0, 40)).map(lambda t: _line(*t)),
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" ")),
    st.just(b""), st.just(b"   "), st.just(b"{"), st.just(b"[1, 2]"), st.just(b'{"text": "\\ud800"}')),
    max_size=12)


def _nonblank(lines):
    return sum(bool(line.strip()) for line in lines)


def _write_inputs(root: Path, lines, raw: bytes, txt: bytes) -> int:
    """A directory with a JSON Lines file, a .txt file of random bytes and a WARC file of random bytes;
    returns how many documents or errors it must give at least (one per non-blank line, one per .txt)."""
    (root / "sub").mkdir(parents=True)
    (root / "in.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (root / "sub" / "a.txt").write_bytes(txt)
    (root / "sub" / "b.txt").write_bytes(raw)  # two .txt files: ids from their relative paths
    (root / "c.warc").write_bytes(b"WARC/1.0\r\n" + raw)
    return _nonblank(lines) + 2


def _check_reads(reads, expected_min):
    assert all(isinstance(r, (Item, InputError)) for r in reads)
    for r in reads:
        for s in (r.doc_id, r.location, getattr(r, "text", None), getattr(r, "title", None)):
            if isinstance(s, str):
                s.encode("utf-8")
                assert "\x00" not in s
    items = [r for r in reads if isinstance(r, Item)]
    ids = {}
    for it in items:  # one id, one content: never two different documents under one id
        assert ids.setdefault(it.doc_id, it.text) == it.text if it.doc_id is not None else True
    assert len(reads) >= expected_min
    return items


@FAST
@given(lines=jsonl_lines, raw=st.binary(max_size=300), txt=st.one_of(st.binary(max_size=300),
                                                                      texts.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_readers_give_every_input_as_a_document_or_an_error(lines, raw, txt):
    root = Path(tempfile.mkdtemp())
    try:
        expected = _write_inputs(root, lines, raw, txt)
        reads = list(iter_inputs([str(root)], defer_html=False))
        _check_reads(reads, expected)
        jsonl = [r for r in reads if (r.location or "").startswith(str(root / "in.jsonl"))]
        assert len(jsonl) == _nonblank(lines), "one read per non-blank JSON line"
        TRIED["readers"] += len(reads)
    finally:
        shutil.rmtree(root)


def _expected_id(item: Item) -> str:
    return item.doc_id or text_sha256(item.text)[:16]


def _run_and_account(inputs, target: str, kind: str, label: str) -> None:
    reads = list(iter_inputs(inputs))
    summary = run_batch(inputs, open_sink(target), CONFIG, RunOptions(workers=0, progress="off", count=False,
                                                                      show_errors=0))
    docs, errors = read_back(kind, target)
    stored = {d["doc_id"] for d in docs}
    lost = 0
    for r in reads:
        if isinstance(r, Item):
            lost += _expected_id(r) not in stored and r.location not in errors
        else:
            lost += r.location not in errors
    TRIED[label] += len(reads)
    LOST[label] += lost
    assert lost == 0
    assert summary.read == len(reads)
    assert summary.read == summary.written + summary.skipped_done + summary.failed
    # the same inputs again: nothing changes
    again = run_batch(inputs, open_sink(target), CONFIG, RunOptions(workers=0, progress="off", count=False,
                                                                    show_errors=0))
    assert again.written == 0 and again.read == summary.read
    assert read_back(kind, target)[0] == docs


@SLOW
@pytest.mark.parametrize("kind", ["jsonl", "sqlite"])
@given(lines=jsonl_lines, raw=st.binary(max_size=200), txt=texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_run_stores_every_input_or_its_error(kind, lines, raw, txt):
    root = Path(tempfile.mkdtemp())
    try:
        _write_inputs(root / "in", lines, raw, txt)
        target = str(root / ("r.jsonl" if kind == "jsonl" else "r.sqlite"))
        _run_and_account([str(root / "in")], target, kind, "run")
    finally:
        shutil.rmtree(root)


@pytest.fixture(scope="module")
def pg(request):
    return request.getfixturevalue("pg_server")


@SLOW
@given(lines=jsonl_lines)
def test_run_into_postgresql_stores_every_input_or_its_error(pg, lines):
    import uuid

    import psycopg

    from conftest import with_search_path

    root = Path(tempfile.mkdtemp())
    schema = "kx_fuzz_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        (root / "in.jsonl").write_bytes(b"\n".join(lines) + b"\n")
        _run_and_account([str(root / "in.jsonl")], with_search_path(pg, schema), "postgresql", "run")
    finally:
        shutil.rmtree(root)
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@SLOW
@given(lines=jsonl_lines, txt=texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_extract_writes_every_input_or_its_error(lines, txt):
    from extractor.cli import main

    root = Path(tempfile.mkdtemp())
    try:
        (root / "in").mkdir()
        (root / "in" / "a.jsonl").write_bytes(b"\n".join(lines) + b"\n")
        (root / "in" / "t.txt").write_bytes(txt)
        reads = list(iter_inputs([str(root / "in")]))
        code = main(["extract", "--ner", "none", str(root / "in"), "-o", str(root / "o.jsonl"),
                     "--errors", str(root / "e.jsonl")])
        out = [json.loads(line) for line in (root / "o.jsonl").read_text(encoding="utf-8").splitlines()]
        errs = [json.loads(line) for line in (root / "e.jsonl").read_text(encoding="utf-8").splitlines()]
        assert code in (0, 1) and (code == 1) == bool(errs)
        assert len(out) + len(errs) == len(reads)
        written = {d["doc_id"] for d in out}
        failed = {e["location"] for e in errs}
        lost = sum((_expected_id(r) not in written and r.location not in failed) if isinstance(r, Item)
                   else r.location not in failed for r in reads)
        TRIED["extract"] += len(reads)
        LOST["extract"] += lost
        assert lost == 0
    finally:
        shutil.rmtree(root)


def test_zz_report_counts(capsys):
    with capsys.disabled():
        print(f"\nfuzz: inputs tried {TRIED}, lost {LOST}")
    assert not any(LOST.values())

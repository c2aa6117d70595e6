"""File sinks after a crash at the awkward moments: output written but not yet in the ledger, a
compaction cut short. Each time the next start leaves every document exactly once."""
import shutil

import pytest

from extractor.sinks import SinkError, open_sink
from extractor.sinks import jsonl as jsonl_module
from sink_readers import read_back
from test_sinks_contract import make_doc


def ids(kind, target):
    docs, _ = read_back(kind, str(target))
    return sorted(d["doc_id"] for d in docs)


def test_jsonl_bytes_written_after_the_last_commit_are_cut(tmp_path):
    out = tmp_path / "r.jsonl"
    with open_sink(str(out)) as sink:
        sink.write(make_doc("a", "a"), "x:1")
    committed = out.stat().st_size
    with open(out, "ab") as f:  # a batch written and synced, then kill -9 before the ledger commit
        f.write(make_doc("b", "b").to_json().encode() + b"\n" + b'{"doc_id": "c", "sour')
    sink = open_sink(str(out))
    assert out.stat().st_size == committed
    assert sink.lookup(["a", "b"]) == {"a": make_doc("a", "a").text_sha256}
    sink.write(make_doc("b", "b"), "x:2")
    sink.close()
    assert ids("jsonl", out) == ["a", "b"]


def test_jsonl_refuses_a_file_it_did_not_write(tmp_path):
    out = tmp_path / "r.jsonl"
    out.write_text('{"doc_id": "mine"}\n')
    with pytest.raises(SinkError, match="not written by"):
        open_sink(str(out))
    assert out.read_text() == '{"doc_id": "mine"}\n'


def test_jsonl_shorter_than_its_ledger_is_refused(tmp_path):
    out = tmp_path / "r.jsonl"
    with open_sink(str(out)) as sink:
        sink.write(make_doc("a", "a"), "x:1")
    out.write_bytes(out.read_bytes()[:10])
    with pytest.raises(SinkError, match="shorter"):
        open_sink(str(out))


def _replaced_run(out):
    sink = open_sink(str(out))
    for i in range(5):
        sink.write(make_doc(f"d{i}", f"text {i}"), f"x:{i}")
    sink.commit()
    sink.write(make_doc("d2", "changed"), "x:2")
    sink.write(make_doc("d4", "changed"), "x:4")
    return sink


def test_jsonl_compaction_killed_before_the_rename_is_finished_on_the_next_start(tmp_path, monkeypatch):
    out = tmp_path / "r.jsonl"
    sink = _replaced_run(out)

    def killed(src, dst):
        raise SystemExit("killed")  # the new copy and its offsets are committed; the rename never happens

    monkeypatch.setattr(jsonl_module.os, "replace", killed)
    with pytest.raises(SystemExit):
        sink.close()
    monkeypatch.undo()
    assert len(out.read_text().splitlines()) == 7  # the old file: superseded lines still there
    sink = open_sink(str(out))  # finishes the compaction
    sink.write(make_doc("d9", "new"), "x:9")
    sink.close()
    docs, _ = read_back("jsonl", str(out))
    assert sorted(d["doc_id"] for d in docs) == ["d0", "d1", "d2", "d3", "d4", "d9"]
    shas = {d["doc_id"]: d["text_sha256"] for d in docs}
    assert shas["d2"] == make_doc("d2", "changed").text_sha256


def test_jsonl_compaction_killed_while_copying_leaves_the_output_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "r.jsonl"
    sink = _replaced_run(out)
    real, calls = jsonl_module.fsync_file, []

    def killed_second_time(f):
        calls.append(f)
        if len(calls) == 2:  # 1: the batch, committed; 2: the compacted copy
            raise SystemExit("killed")
        real(f)

    monkeypatch.setattr(jsonl_module, "fsync_file", killed_second_time)
    with pytest.raises(SystemExit):
        sink.close()
    monkeypatch.undo()
    tmp = tmp_path / "r.jsonl.compact.tmp"
    tmp.write_bytes(b'{"doc_id": "d0", "half')  # what kill -9 would leave behind
    assert len(out.read_text().splitlines()) == 7
    with open_sink(str(out)) as sink:
        assert not tmp.exists()
        assert sink.lookup(["d2"]) == {"d2": make_doc("d2", "changed").text_sha256}
    assert ids("jsonl", out) == ["d0", "d1", "d2", "d3", "d4"]  # compacted at this close


def test_parquet_parts_written_after_the_last_commit_are_deleted(tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "r.parquet"
    with open_sink(str(out)) as sink:
        sink.write(make_doc("a", "a"), "x:1")
    # a part written and renamed, then kill -9 before the ledger commit
    for table in ("documents", "records"):
        shutil.copy(out / table / "part-main-000000.parquet", out / table / "part-main-000001.parquet")
        (out / table / "part-main-000002.parquet.tmp").write_bytes(b"half")
    assert ids("parquet", out) == ["a", "a"]
    with open_sink(str(out)) as sink:
        sink.write(make_doc("b", "b"), "x:2")
    assert ids("parquet", out) == ["a", "b"]
    assert not list(out.glob("*/*.tmp"))


def test_parquet_streams_write_their_own_parts(tmp_path):
    pytest.importorskip("pyarrow")
    from extractor.sinks.parquet import ParquetSink

    out = tmp_path / "r.parquet"
    one, two = ParquetSink(out, stream="p1"), ParquetSink(out, stream="p2")
    one.write(make_doc("a", "a"), "x:1")
    two.write(make_doc("b", "b"), "y:1")
    one.error("x:2", None, "bad")
    one.close()
    two.close()
    assert ids("parquet", out) == ["a", "b"]
    assert sorted(p.name for p in (out / "documents").iterdir()) == ["part-p1-000000.parquet", "part-p2-000000.parquet"]
    assert read_back("parquet", str(out))[1] == {"x:2": "bad"}

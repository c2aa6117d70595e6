"""Kill ``kazextract run`` part-way (SIGKILL: no clean-up at all, or Ctrl-C), start it again, and every
input document is in the target exactly once."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive_builders import article_html, kazakh_text, write_jsonl, write_warc
from sink_readers import read_back

ROOT = Path(__file__).resolve().parent.parent
N_JSONL = 240
N_WARC = 40


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    pytest.importorskip("warcio")
    d = tmp_path_factory.mktemp("archive")
    write_jsonl(d / "a.jsonl", [{"id": f"j{i}", "text": kazakh_text(i, sentences=12)} for i in range(N_JSONL)])
    write_warc(d / "b.warc.gz", [{"url": f"https://news.kz/{i}", "html": article_html(f"Жаңалық {i}", [
        kazakh_text(1000 + i), kazakh_text(2000 + i)], "2024-01-0%d" % (1 + i % 9))} for i in range(N_WARC)])
    return d


def start(archive, flag, target, *extra):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "extractor.cli", "run", str(archive), flag, str(target), "--ner", "none",
           "--no-progress", "--commit-every", "10", *map(str, extra)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def stored_ids(kind, target):
    try:
        docs, _ = read_back(kind, str(target))
    except Exception:  # noqa: BLE001 - not created yet
        return []
    return [d["doc_id"] for d in docs]


def wait_for(kind, target, at_least, proc, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False  # finished before we could kill it
        if len(stored_ids(kind, target)) >= at_least:
            return True
        time.sleep(0.05)
    raise AssertionError("the run made no progress")


def target_for(kind, tmp_path, request):
    if kind == "postgresql":
        return "--db", request.getfixturevalue("pg_dsn")
    return {"sqlite": ("--db", tmp_path / "r.sqlite"), "jsonl": ("--out", tmp_path / "r.jsonl"),
            "parquet": ("--out", tmp_path / "r.parquet")}[kind]


def expected_count():
    return N_JSONL + N_WARC


@pytest.mark.parametrize("kind", ["sqlite", "postgresql", "jsonl", "parquet"])
def test_sigkill_part_way_then_resume_stores_every_document_once(archive, tmp_path, request, kind):
    if kind == "parquet":
        pytest.importorskip("pyarrow")
    flag, target = target_for(kind, tmp_path, request)
    # worker processes for the databases; the file sinks in-process (the same code path in the main
    # process, which is the only writer, and a faster test)
    workers = "2" if kind in ("sqlite", "postgresql") else "0"
    kills = 0
    for at_least in (20, 120):  # kill twice, at different points
        proc = start(archive, flag, target, "--workers", workers)
        if wait_for(kind, target, at_least, proc):
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=60)
        ids = stored_ids(kind, target)
        assert len(ids) == len(set(ids)), "a document was stored twice"
    assert kills >= 1
    proc = start(archive, flag, target, "--workers", workers, "--summary-json", tmp_path / "s.json")
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    ids = stored_ids(kind, target)
    assert len(ids) == len(set(ids)) == expected_count()
    assert {i for i in ids if i.startswith("j")} == {f"j{i}" for i in range(N_JSONL)}
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["skipped_done"] >= 20  # it resumed rather than redid
    assert summary["written"] + summary["skipped_done"] == expected_count() == summary["read"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_commits_what_is_done_and_the_rerun_finishes(archive, tmp_path, sig):
    target = tmp_path / "r.sqlite"
    proc = start(archive, "--db", target, "--workers", "2")
    assert wait_for("sqlite", target, 20, proc)
    os.killpg(proc.pid, sig)  # to the whole process group, as Ctrl-C in a terminal or a service stop does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "run the same command again" in err
    assert read_back("sqlite", str(target))[1] == {}, "a stopped worker was blamed on a document"
    done = len(stored_ids("sqlite", target))
    assert 20 <= done < expected_count()
    proc = start(archive, "--db", target, "--workers", "2", "--summary-json", tmp_path / "s.json")
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["skipped_done"] == done
    ids = stored_ids("sqlite", target)
    assert len(ids) == len(set(ids)) == expected_count()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_exit_when_the_main_process_is_killed(archive, tmp_path):
    target = tmp_path / "r.sqlite"
    proc = start(archive, "--db", target, "--workers", "2")
    assert wait_for("sqlite", target, 10, proc)
    children = [pid for pid in _all_pids() if _ppid(pid) == proc.pid]
    assert children, "no worker processes found"
    os.kill(proc.pid, signal.SIGKILL)  # the main process only
    proc.communicate(timeout=60)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in children), "orphaned workers kept running"


def _all_pids():
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def _ppid(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False

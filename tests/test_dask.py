"""Dask: partitions cover the inputs exactly, partitions run on a LocalCluster write the database or
Parquet, the pipeline is loaded once per worker process, and a rerun resumes."""
import json
from collections import Counter, defaultdict

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")

from archive_builders import article_html, kazakh_text, write_jsonl, write_warc  # noqa: E402
from extractor.batch.dask_run import partition_reads, partitions, process_partition, run_on_dask  # noqa: E402
from extractor.batch.runner import RunOptions  # noqa: E402
from extractor.batch.worker import WorkerConfig  # noqa: E402
from extractor.cli import main  # noqa: E402
from extractor.io.inputs import iter_inputs  # noqa: E402
from sink_readers import read_back  # noqa: E402

CONFIG = WorkerConfig(ner="none")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    pytest.importorskip("warcio")
    d = tmp_path_factory.mktemp("dask_archive")
    write_jsonl(d / "big.jsonl", [{"id": f"j{i}", "text": kazakh_text(i)} for i in range(60)])
    with open(d / "big.jsonl", "a", encoding="utf-8") as f:
        f.write("{broken line\n")
    import gzip

    with gzip.open(d / "more.jsonl.gz", "wt", encoding="utf-8") as f:
        for i in range(10):
            f.write(json.dumps({"id": f"g{i}", "text": kazakh_text(100 + i)}, ensure_ascii=False) + "\n")
    write_warc(d / "crawl.warc", [{"url": f"https://news.kz/{i}", "html": article_html(f"Жаңалық {i}", [
        kazakh_text(200 + i), kazakh_text(300 + i)])} for i in range(5)])
    texts = d / "texts"
    texts.mkdir()
    for i in range(7):
        (texts / f"t{i}.txt").write_text(kazakh_text(400 + i), encoding="utf-8")
    return d


N_DOCS = 60 + 10 + 5 + 7  # and one broken line


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_partitions_read_every_document_once(archive):
    parts = partitions([str(archive)], partition_bytes=1500, files_per_partition=3)
    kinds = Counter(p.kind for p in parts)
    assert kinds["range"] > 3 and kinds["files"] >= 3 + 2  # big.jsonl in ranges; gz, warc, texts in groups of 3
    assert len({p.key for p in parts}) == len(parts)
    whole = sorted((r.doc_id or "", r.location) for r in iter_inputs([str(archive)], defer_html=True))
    split = sorted((r.doc_id or "", r.location) for p in parts for r in partition_reads(p))
    assert split == [(d, loc.replace(str(archive), str(archive.resolve()))) for d, loc in whole]


def test_dask_bag_recipe_loads_the_pipeline_once_per_worker(archive, tmp_path, client):
    import dask.bag as db

    target = str(tmp_path / "r.sqlite")
    parts = partitions([str(archive)], partition_bytes=1500, files_per_partition=3)
    bag = db.from_sequence(parts, npartitions=len(parts))
    summaries = bag.map(process_partition, target=target, config=CONFIG).compute()
    assert len(summaries) == len(parts) > 4
    loads = defaultdict(int)
    for s in summaries:
        loads[s["pid"]] = max(loads[s["pid"]], s["pipeline_loads"])
    assert 1 <= len(loads) <= 2 and set(loads.values()) == {1}
    assert sum(s["written"] for s in summaries) == N_DOCS
    assert sum(s["failed"] for s in summaries) == 1
    docs, errors = read_back("sqlite", target)
    assert len(docs) == len({d["doc_id"] for d in docs}) == N_DOCS
    assert len(errors) == 1 and list(errors)[0].endswith("big.jsonl:61")


@pytest.mark.parametrize("kind", ["parquet", "postgresql"])
def test_run_on_dask_writes_the_target_and_resumes(archive, tmp_path, client, kind, request):
    if kind == "parquet":
        pytest.importorskip("pyarrow")
        target = str(tmp_path / "r.parquet")
    else:
        target = request.getfixturevalue("pg_dsn")
    options = RunOptions(progress="off", workers=2)
    first = run_on_dask([str(archive)], target, "", CONFIG, options, partition_bytes=2000, client=client)
    assert (first.written, first.failed, first.read) == (N_DOCS, 1, N_DOCS + 1)
    assert first.partitions > 4
    docs, errors = read_back(kind, target)
    assert len(docs) == len({d["doc_id"] for d in docs}) == N_DOCS and len(errors) == 1
    again = run_on_dask([str(archive)], target, "", CONFIG, options, partition_bytes=2000, client=client)
    assert (again.written, again.skipped_done, again.skipped_failed) == (0, N_DOCS, 1)
    assert len(read_back(kind, target)[0]) == N_DOCS


def test_cli_with_a_scheduler_address(archive, tmp_path, client):
    out = tmp_path / "r.parquet"
    pytest.importorskip("pyarrow")
    code = main(["run", str(archive), "--out", str(out), "--dask", client.scheduler.address, "--ner", "none",
                 "--no-progress", "--summary-json", str(tmp_path / "s.json")])
    assert code == 0
    summary = json.loads((tmp_path / "s.json").read_text())
    assert (summary["written"], summary["failed"]) == (N_DOCS, 1)
    assert len(read_back("parquet", str(out))[0]) == N_DOCS


def test_one_json_lines_file_cannot_take_parallel_writers(archive, tmp_path, capsys):
    code = main(["run", str(archive), "--out", str(tmp_path / "r.jsonl"), "--dask", "tcp://127.0.0.1:1",
                 "--ner", "none"])
    assert code == 2 and "not one JSON Lines file" in capsys.readouterr().err


def test_cli_starts_a_local_cluster(archive, tmp_path):
    db = tmp_path / "r.sqlite"
    code = main(["run", str(archive), "--db", str(db), "--dask", "local", "--workers", "1", "--ner", "none",
                 "--no-progress", "--summary-json", str(tmp_path / "s.json")])
    assert code == 0
    summary = json.loads((tmp_path / "s.json").read_text())
    assert (summary["written"], summary["failed"], summary["workers"]) == (N_DOCS, 1, 1)
    assert len(read_back("sqlite", str(db))[0]) == N_DOCS

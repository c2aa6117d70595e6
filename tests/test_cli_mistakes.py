"""A mistake gets one clear line and a non-zero exit status, never a traceback, and is found before any work:
one test per mistake. Also: no option prefix matching, the subcommand's usage on option errors, defaults in
--help, one --kaznerd option, --dask --workers N gives N workers a partition, every bench script answers --help."""
import argparse
import gzip
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from archive_builders import kazakh_text, write_jsonl
from extractor.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = str(ROOT / "corpus" / "inform_kz_mangystau.txt")


def cli(capsys, *args):
    """``(exit status, stderr)`` of ``kazextract ARGS`` run in this process."""
    rc = main([str(a) for a in args])
    return rc, capsys.readouterr().err


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def jsonl(tmp_path):
    return write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": kazakh_text(i)} for i in range(3)])


def without(monkeypatch, *modules):
    """Make ``import module`` fail, as when the package is not installed."""
    for name in modules:
        monkeypatch.setitem(sys.modules, name, None)


# -- missing inputs ---------------------------------------------------------------------------------------

def test_extract_missing_input(capsys, tmp_path):
    out = tmp_path / "out.jsonl"
    rc, err = cli(capsys, "extract", tmp_path / "missing.txt", ARTICLE, "-o", out, "--ner", "none")
    assert rc == 2
    assert one_line(err) == f"kazextract extract: error: {tmp_path / 'missing.txt'}: no such file or directory"
    assert not out.exists()  # stopped before any work


def test_run_missing_input(capsys, tmp_path):
    db = tmp_path / "r.sqlite"
    rc, err = cli(capsys, "run", tmp_path / "missing.jsonl", "--db", db, "--ner", "none", "--no-progress")
    assert rc == 2
    assert "missing.jsonl: no such file or directory" in one_line(err)
    assert not db.exists()  # no database with a stale error row


# -- output in a folder that does not exist ---------------------------------------------------------------

def test_extract_output_in_missing_folder(capsys, tmp_path):
    rc, err = cli(capsys, "extract", ARTICLE, "-o", tmp_path / "missing" / "dir" / "x", "--ner", "none")
    assert rc == 2
    assert f"the folder {tmp_path / 'missing' / 'dir'} does not exist" in one_line(err)


def test_extract_errors_file_in_missing_folder(capsys, tmp_path):
    rc, err = cli(capsys, "extract", ARTICLE, "--errors", tmp_path / "missing" / "e.jsonl", "--ner", "none")
    assert rc == 2
    assert one_line(err).startswith("kazextract extract: error: --errors ")


def test_extract_output_that_is_a_directory(capsys, tmp_path):
    rc, err = cli(capsys, "extract", ARTICLE, "-o", tmp_path, "--ner", "none")
    assert rc == 2
    assert one_line(err) == f"kazextract extract: error: -o {tmp_path}: is a directory; give a file name"


def test_run_out_in_missing_folder(capsys, tmp_path, jsonl):
    rc, err = cli(capsys, "run", jsonl, "--out", tmp_path / "missing" / "dir" / "x.jsonl", "--ner", "none")
    assert rc == 2
    assert "--out" in one_line(err) and "does not exist" in err
    assert not (tmp_path / "missing").exists()


def test_run_db_in_missing_folder(capsys, tmp_path, jsonl):
    rc, err = cli(capsys, "run", jsonl, "--db", tmp_path / "missing" / "dir" / "x.sqlite", "--ner", "none")
    assert rc == 2
    assert "--db" in one_line(err) and "does not exist" in err


# -- a missing optional dependency: the extra that brings it, exit 2 ----------------------------------------

def test_dask_without_dask(capsys, monkeypatch, tmp_path, jsonl):
    without(monkeypatch, "dask", "distributed")
    rc, err = cli(capsys, "run", jsonl, "--db", tmp_path / "r.sqlite", "--dask", "local", "--ner", "none")
    assert rc == 2
    assert one_line(err).endswith("pip install 'kazextract[dask]'") and "--dask needs" in err
    assert not (tmp_path / "r.sqlite").exists()


def test_parquet_without_pyarrow(capsys, monkeypatch, tmp_path, jsonl):
    without(monkeypatch, "pyarrow")
    rc, err = cli(capsys, "run", jsonl, "--out", tmp_path / "r.parquet", "--ner", "none")
    assert rc == 2
    assert one_line(err).endswith("pip install 'kazextract[parquet]'")
    assert not (tmp_path / "r.parquet").exists()


def test_postgresql_without_psycopg(capsys, monkeypatch, jsonl):
    without(monkeypatch, "psycopg")
    rc, err = cli(capsys, "run", jsonl, "--db", "postgresql://kx:secret@localhost/news", "--ner", "none")
    assert rc == 2
    line = one_line(err)
    assert line.endswith("pip install 'kazextract[postgres]'") and "secret" not in line


@pytest.mark.parametrize("module", ["warcio", "trafilatura"])
@pytest.mark.parametrize("command", ["run", "extract"])
def test_warc_without_its_extra(capsys, monkeypatch, tmp_path, module, command):
    warc = tmp_path / "archive" / "crawl.warc.gz"
    warc.parent.mkdir()
    warc.write_bytes(gzip.compress(b""))  # never read: the check comes first
    without(monkeypatch, module)
    target = ["--db", tmp_path / "r.sqlite"] if command == "run" else ["-o", tmp_path / "o.jsonl"]
    rc, err = cli(capsys, command, warc.parent, *target, "--ner", "none")
    assert rc == 2
    line = one_line(err)
    assert f"{warc} is a WARC archive" in line and module in line and line.endswith("pip install 'kazextract[warc]'")


# -- NER models ---------------------------------------------------------------------------------------------

def test_stanza_without_a_model(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("KAZEXTRACT_STANZA_DIR", raising=False)
    rc, err = cli(capsys, "extract", ARTICLE, "--ner", "stanza", "--model", tmp_path, "-o", tmp_path / "o.jsonl")
    assert rc == 2
    assert one_line(err).startswith("kazextract extract: error: --ner stanza: no Stanza Kazakh NER model found")
    assert not (tmp_path / "o.jsonl").exists()


def test_stanza_without_the_stanza_package(capsys, monkeypatch, tmp_path, jsonl):
    model = tmp_path / "stanza_kk"
    model.mkdir()
    (model / "ner.pt").write_bytes(b"")
    (model / "pretrain.pt").write_bytes(b"")
    without(monkeypatch, "stanza")
    rc, err = cli(capsys, "run", jsonl, "--db", tmp_path / "r.sqlite", "--ner", "stanza", "--model", model)
    assert rc == 2
    assert one_line(err).endswith("pip install 'kazextract[stanza]'")


def test_spacy_model_that_is_not_there(capsys, tmp_path):
    rc, err = cli(capsys, "extract", ARTICLE, "--model", tmp_path / "nope")
    assert rc == 2
    assert one_line(err) == f"kazextract extract: error: --model {tmp_path / 'nope'}: does not exist"


# -- no input documents -------------------------------------------------------------------------------------

def test_run_directory_without_texts(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("not an input", encoding="utf-8")
    rc, err = cli(capsys, "run", tmp_path / "in", "--db", tmp_path / "r.sqlite", "--ner", "none")
    assert rc == 1
    assert "Traceback" not in err
    assert f"warning: {tmp_path / 'in'}: no input files in this directory" in err
    assert err.strip().endswith("kazextract run: no input documents found")


def test_extract_directory_without_texts(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    rc, err = cli(capsys, "extract", tmp_path / "in", "--ner", "none", "-o", tmp_path / "o.jsonl")
    assert rc == 1
    assert "no input files in this directory" in err and "no input documents found" in err


def test_run_empty_jsonl_has_no_documents(capsys, tmp_path):
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    rc, err = cli(capsys, "run", tmp_path / "empty.jsonl", "--db", tmp_path / "r.sqlite", "--ner", "none",
                  "--workers", "0", "--no-progress")
    assert rc == 1
    assert err.strip().endswith("kazextract run: no input documents found")


# -- anything else: one line, exit 1 ------------------------------------------------------------------------

def test_unexpected_error_is_one_line(capsys, monkeypatch):
    from extractor.commands import schema

    def broken(args):
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(schema, "run", broken)
    monkeypatch.delenv("KAZEXTRACT_TRACEBACK", raising=False)
    rc, err = cli(capsys, "schema")
    assert rc == 1
    assert one_line(err) == ("kazextract schema: error: RuntimeError: disk on fire second line "
                             "(KAZEXTRACT_TRACEBACK=1 shows the traceback)")


# -- argparse -----------------------------------------------------------------------------------------------

def test_no_option_prefix_matching(capsys, tmp_path, jsonl):
    with pytest.raises(SystemExit) as exc:
        main(["run", str(jsonl), "--db", str(tmp_path / "r.sqlite"), "--worker", "2"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --worker" in err
    assert not (tmp_path / "r.sqlite").exists()


def test_option_errors_show_the_subcommands_usage(capsys, jsonl):
    with pytest.raises(SystemExit):
        main(["run", str(jsonl), "--workers", "two", "--db", "x.sqlite"])
    err = capsys.readouterr().err
    assert err.startswith("usage: kazextract run ") and "kazextract run: error: argument --workers" in err
    with pytest.raises(SystemExit):  # an unknown option too, not the top-level usage
        main(["extract", str(jsonl), "--nonsense"])
    err = capsys.readouterr().err
    assert err.startswith("usage: kazextract extract ") and "unrecognized arguments: --nonsense" in err


def subparsers():
    parser = build_parser()
    return parser, parser.subcommands


def test_every_parser_refuses_abbreviations():
    parser, subs = subparsers()
    assert not parser.allow_abbrev and all(not p.allow_abbrev for p in subs.values())


def test_help_shows_every_default():
    _, subs = subparsers()
    for name, p in subs.items():
        formatter = p._get_formatter()
        for action in p._actions:
            if (not action.option_strings or action.nargs == 0 or action.help == argparse.SUPPRESS
                    or action.default in (None, argparse.SUPPRESS, [], ())):
                continue
            text = formatter._get_help_string(action) % {"default": action.default}
            assert "default" in text, f"kazextract {name} {action.option_strings[0]}: no default in --help"
    assert "(default: 1)" in " ".join(subs["run"].format_help().split())


# -- KazNERD: one option, one default -----------------------------------------------------------------------

KAZNERD_COMMANDS = ("train-ner", "evaluate-ner", "common-words", "train-stanza-ner")


@pytest.mark.parametrize("command", KAZNERD_COMMANDS)
def test_kaznerd_option_and_default(monkeypatch, tmp_path, command):
    monkeypatch.setenv("KAZEXTRACT_KAZNERD", str(tmp_path / "env"))
    p = build_parser().subcommands[command]
    extra = ["-o", "m"] if command == "train-stanza-ner" else []
    assert p.parse_args(extra).kaznerd == tmp_path / "env"
    assert p.parse_args(extra + ["--kaznerd", "k"]).kaznerd == Path("k")
    assert p.parse_args(extra + ["--data", "old"]).kaznerd == Path("old")  # the old name, hidden
    assert "--data" not in p.format_help() and "KAZEXTRACT_KAZNERD" in p.format_help()
    monkeypatch.delenv("KAZEXTRACT_KAZNERD")
    assert build_parser().subcommands[command].parse_args(extra).kaznerd == Path("..") / "shared" / "data" / "kaznerd"


@pytest.mark.parametrize("command", ["evaluate-ner", "common-words", "train-ner"])
def test_kaznerd_not_there(capsys, tmp_path, command):
    rc, err = cli(capsys, command, "--kaznerd", tmp_path / "nope")
    assert rc == 2
    assert "KazNERD not found" in one_line(err) and "--kaznerd DIR" in err


# -- bench scripts ------------------------------------------------------------------------------------------

BENCH = sorted((ROOT / "bench").glob("*.py"))


@pytest.mark.parametrize("script", BENCH, ids=lambda p: p.name)
def test_bench_script_answers_help(script):
    proc = subprocess.run([sys.executable, str(script), "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("usage: ") and not proc.stderr.strip()


@pytest.mark.parametrize("script", ["ner_speed.py", "model_checks_kaznerd.py"])
def test_bench_scripts_that_read_kaznerd_take_kaznerd(script):
    proc = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert "--kaznerd DIR" in proc.stdout


# -- Dask: --workers N gives N workers a partition, or says why not -----------------------------------------

def test_partitions_are_cut_for_the_workers(tmp_path):
    from extractor.batch.dask_run import partitions

    small = write_jsonl(tmp_path / "small.jsonl", [{"id": f"d{i}", "text": kazakh_text(i)} for i in range(9)])
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(5):
        (texts / f"t{i}.txt").write_text(kazakh_text(i), encoding="utf-8")
    assert len(partitions([str(small)])) == 1
    for workers in (2, 3, 4):
        assert len(partitions([str(small)], min_partitions=workers)) >= workers
        assert len(partitions([str(texts)], min_partitions=workers)) >= workers
    # the same arguments give the same partitions (Parquet resume depends on it)
    assert partitions([str(small)], min_partitions=3) == partitions([str(small)], min_partitions=3)


def test_a_gz_file_cannot_be_cut_and_the_run_says_so(tmp_path):
    from extractor.batch.dask_run import partitions, too_few_partitions

    with gzip.open(tmp_path / "one.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", "text": kazakh_text(1)}, ensure_ascii=False) + "\n")
    parts = partitions([str(tmp_path / "one.jsonl.gz")], min_partitions=2)
    assert len(parts) == 1
    note = too_few_partitions(len(parts), 2)
    assert note.startswith("1 partition for 2 workers") and ".gz" in note
    assert too_few_partitions(2, 2) is None


def test_dask_local_runs_the_workers_asked_for(tmp_path, capsys):
    pytest.importorskip("dask")
    pytest.importorskip("distributed")
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": f"d{i}", "text": kazakh_text(i)} for i in range(8)])
    db = tmp_path / "r.sqlite"
    rc, err = cli(capsys, "run", src, "--db", db, "--dask", "local", "--workers", "2", "--ner", "none",
                  "--no-progress", "--summary-json", tmp_path / "s.json")
    assert rc == 0, err
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["partitions"] >= 2 and summary["written"] == 8
    assert "will have work" not in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 8

"""Hostile inputs at the readers (issue 12): one record never stops reading, nothing is dropped or replaced
without a word, and every string handed on can be stored (no lone surrogates, no NUL)."""
import io
import json
import os
import sys
from pathlib import Path

import pytest

from archive_builders import article_html, kazakh_text, write_warc
from extractor.io.decoding import BadInput, decode_bytes
from extractor.io.inputs import InputError, iter_files, iter_inputs, read_stdin
from extractor.io.reads import Item

KAZAKH = "Жоба құны 5,6 млрд теңгені құрады. Зауыт қуаттылығы 50%-ға артты. Ауданда 12 мектеп салынды.\n"


def _reads(*inputs, **kw):
    return list(iter_inputs([str(p) for p in inputs], **kw))


def _storable(s):
    s.encode("utf-8")  # no lone surrogate
    assert "\x00" not in s


def _jsonl_bytes(lines):
    return b"".join(line.encode("utf-8", "surrogatepass") + b"\n" for line in lines)


# -- 1. one record never stops a run ---------------------------------------------------------------------

def test_lone_surrogates_and_nul_in_jsonl_give_storable_distinct_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl_bytes([
        '{"id": "a\\udc00", "text": "Қала әкімдігі 3 мектеп салды."}',
        '{"id": "a\\ud800", "text": "Ауылда 5 үй салынды."}',
        '{"id": "b\\u0000c", "text": "Биыл 7 көпір жөнделді.", "title": "t\\u0000\\udfff"}',
        '{"id": "ok", "text": "Мәтін \\udc80 ішінде \\u0000 бар."}',
    ]))
    reads = _reads(src)
    assert all(isinstance(r, Item) for r in reads)
    ids = [r.doc_id for r in reads]
    assert ids == ["a\\udc00", "a\\ud800", "b\\x00c", "ok"]
    for r in reads:
        _storable(r.doc_id)
        _storable(r.text)
        r.title is None or _storable(r.title)
    text = reads[3]
    assert len(text.text) == len("Мәтін \udc80 ішінде \x00 бар.")  # one for one: offsets unchanged
    assert any("replaced by U+FFFD" in w for w in text.warnings)
    assert any(w.startswith("id: changed") for w in reads[0].warnings)


def test_a_very_long_id_is_cut_with_a_hash_of_the_whole(tmp_path):
    src = tmp_path / "in.jsonl"
    long_a, long_b = "х" * 5000 + "1", "х" * 5000 + "2"
    src.write_text("\n".join(json.dumps({"id": i, "text": KAZAKH}) for i in (long_a, long_b)) + "\n")
    a, b = _reads(src)
    assert len(a.doc_id) <= 512 and len(b.doc_id) <= 512 and a.doc_id != b.doc_id


def test_warc_cut_inside_a_record_header_is_an_error_row_and_the_next_file_is_read(tmp_path):
    whole = write_warc(tmp_path / "a.warc", [{"url": f"https://kaz.example/{i}",
                                              "html": article_html("Жаңалық", [kazakh_text(i)])} for i in range(3)])
    data = whole.read_bytes()
    # cut in the middle of the third record's WARC header
    third = data.index(b"WARC/1", data.index(b"https://kaz.example/1"))
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:third + 40])
    (tmp_path / "z.txt").write_text(KAZAKH, encoding="utf-8")
    reads = _reads(cut, tmp_path / "z.txt", defer_html=True)
    errors = [r for r in reads if isinstance(r, InputError)]
    assert errors and all(str(cut) in e.location for e in errors)
    assert any("stopped reading" in e.reason for e in errors)
    assert isinstance(reads[-1], Item) and reads[-1].text == KAZAKH


def test_a_reader_that_raises_ends_only_its_file(tmp_path, monkeypatch):
    import extractor.io.inputs as inputs

    def broken(*a, **k):
        yield Item(text="Бірінші құжат.", doc_id="x1", location="bad.jsonl:1")
        raise RuntimeError("reader bug")

    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n')
    (tmp_path / "b.txt").write_text(KAZAKH, encoding="utf-8")
    real = inputs.read_path
    monkeypatch.setattr(inputs, "read_path", lambda p, *a, **k: broken() if p.name == "a.jsonl" else real(p, *a, **k))
    reads = _reads(tmp_path)
    assert [type(r).__name__ for r in reads] == ["Item", "InputError", "Item"]
    assert "reader bug" in reads[1].reason and "a.jsonl" in reads[1].location


# -- 2. no silent loss ------------------------------------------------------------------------------------

def test_same_named_txt_files_in_different_folders_keep_distinct_ids(tmp_path):
    for sub, n in (("a/1", 3), ("a/2", 4)):
        (tmp_path / sub).mkdir(parents=True)
        (tmp_path / sub / "index.txt").write_text(kazakh_text(n), encoding="utf-8")
    (tmp_path / "top.txt").write_text(KAZAKH, encoding="utf-8")
    ids = [r.doc_id for r in _reads(tmp_path)]
    assert ids == ["a/1/index", "a/2/index", "top"]
    assert [r.doc_id for r in _reads(tmp_path / "a" / "1" / "index.txt")] == ["index"]


def test_duplicate_jsonl_ids_get_stable_suffixes_in_input_order(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [("d", "Бірінші мәтін."), ("d", "Екінші мәтін."), ("d", "Бірінші мәтін."), ("d#2", "Басқа мәтін."),
            ("d", "Үшінші мәтін.")]
    src.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in rows))
    first = [r.doc_id for r in _reads(src)]
    # the same content keeps its id (the same document), other content is renamed in input order
    assert first == ["d", "d#2", "d", "d#2#2", "d#3"]
    assert [r.doc_id for r in _reads(src)] == first  # stable: a rerun gives the same ids
    renamed = _reads(src)[1]
    assert any("already used" in w for w in renamed.warnings)


def test_the_same_id_in_two_inputs_is_not_replaced(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "n.txt").write_text("Бірінші мақала 5 мектеп туралы.", encoding="utf-8")
    (tmp_path / "y" / "n.txt").write_text("Екінші мақала 7 аурухана туралы.", encoding="utf-8")
    ids = [r.doc_id for r in _reads(tmp_path / "x", tmp_path / "y")]
    assert ids == ["n", "n#2"]


def test_one_invalid_byte_keeps_a_utf8_text_utf8():
    data = KAZAKH.encode("utf-8") * 3
    at = data.index(b" ", 30)  # between two characters
    broken = data[:at] + b"\xff" + data[at:]
    text, warnings = decode_bytes(broken)
    assert text == data[:at].decode("utf-8") + "\ufffd" + data[at:].decode("utf-8")
    assert any("UTF-8 with 1 invalid byte sequence" in w and f"byte {at}" in w for w in warnings)


def test_windows_1251_is_still_recognised():
    text = "Стоимость проекта составила 5,6 млрд тенге, мощность завода выросла."
    decoded, warnings = decode_bytes(text.encode("cp1251"))
    assert decoded == text and any("Windows-1251" in w for w in warnings)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec):
    decoded, warnings = decode_bytes(KAZAKH.encode(codec))
    assert decoded == KAZAKH
    assert any("without a byte-order mark" in w for w in warnings)


def test_random_binary_is_still_refused():
    with pytest.raises(BadInput):
        decode_bytes(bytes(range(256)) * 40)
    with pytest.raises(BadInput):
        decode_bytes(b"\x00" * 1000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_symlink_loops_and_broken_links_are_error_rows(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(KAZAKH, encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    os.symlink(root, root / "sub" / "loop")  # a loop back to the top
    os.symlink(root / "sub", root / "alias")  # the same directory twice
    os.symlink(root / "gone.txt", root / "dangling.txt")
    found = list(iter_files([str(root)]))
    errors = {Path(e.location).name: e.reason for e in found if isinstance(e, InputError)}
    files = [p for p in found if not isinstance(p, InputError)]
    assert "FIFO" in errors["pipe.txt"]
    assert "broken symbolic link" in errors["dangling.txt"]
    assert "loop" in errors["loop"]
    assert "same directory" in errors["sub"] or "same directory" in errors["alias"]
    assert [p.name for p in files] == ["a.txt"]  # read once, through whichever path comes first


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root reads any directory; the unreadable case cannot be made here")
def test_an_unreadable_directory_is_an_error_row(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(KAZAKH, encoding="utf-8")
    locked.chmod(0)
    try:
        found = list(iter_files([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert any(isinstance(e, InputError) and "cannot read the directory" in e.reason for e in found)


def test_a_malformed_first_line_does_not_make_stdin_one_text():
    lines = ['{"id": "a", "text": "Бірінші', json.dumps({"id": "b", "text": KAZAKH}, ensure_ascii=False),
             json.dumps({"id": "c", "text": KAZAKH}, ensure_ascii=False)]
    reads = list(read_stdin(stream=io.BytesIO("\n".join(lines).encode("utf-8") + b"\n")))
    assert [type(r).__name__ for r in reads] == ["InputError", "Item", "Item"]
    assert reads[0].location == "<stdin>:1" and "malformed JSON" in reads[0].reason


def test_plain_text_on_stdin_stays_one_document():
    reads = list(read_stdin(stream=io.BytesIO((KAZAKH * 4).encode("utf-8"))))
    assert len(reads) == 1 and reads[0].text == KAZAKH * 4
    forced = list(read_stdin(stream=io.BytesIO(b'{"text": "x"}\n'), fmt="text"))
    assert len(forced) == 1 and forced[0].text == '{"text": "x"}\n'


def test_reading_does_not_import_spacy():
    import subprocess

    code = "import sys, extractor.io.inputs, extractor.io.warc; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_named_pipe_given_by_name_is_read_once_and_not_counted(tmp_path):
    import gzip
    import threading

    from extractor.io.inputs import count_documents

    pipe = tmp_path / "news.jsonl"
    os.mkfifo(pipe)
    assert count_documents([str(pipe)]) is None  # counting would steal the reader's data
    payload = gzip.compress(b"".join(json.dumps({"id": f"p{i}", "text": KAZAKH}).encode() + b"\n" for i in range(3)))

    def feed():
        with open(pipe, "wb") as f:
            f.write(payload)

    writer = threading.Thread(target=feed)
    writer.start()
    reads = _reads(pipe)
    writer.join(timeout=10)
    assert [r.doc_id for r in reads] == ["p0", "p1", "p2"]

"""JSON Lines inputs: field names (ours and news-please's), gzip, damaged lines, byte ranges for partitions."""
import gzip
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from archive_builders import kazakh_text, write_jsonl
from extractor.api import Item
from extractor.io.inputs import FieldMap, InputError, count_documents, iter_inputs, read_jsonl_part


def test_default_and_news_please_fields(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [
        {"id": 7, "text": "Бірінші мәтін.", "title": "Т", "url": "https://a.kz/1", "published": "2024-01-02"},
        # news-please writes maintext and date_publish
        {"maintext": "Екінші мәтін.", "title": "Т2", "url": "https://a.kz/2", "date_publish": "2023-05-06 10:11:12"},
    ])
    first, second = iter_inputs([str(path)])
    assert (first.doc_id, first.text, first.title, first.source, first.published) == \
           ("7", "Бірінші мәтін.", "Т", "https://a.kz/1", "2024-01-02")
    assert first.location == f"{path}:1"
    assert (second.doc_id, second.text, second.published) == (None, "Екінші мәтін.", "2023-05-06 10:11:12")


def test_configured_field_names_come_first(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"uuid": "u1", "id": "other", "body": "Мәтін.", "text": "басқа"}])
    fields = FieldMap.parse(["id=uuid", "text=body"])
    (item,) = iter_inputs([str(path)], fields)
    assert (item.doc_id, item.text) == ("u1", "Мәтін.")


def test_gzip_and_damaged_lines_are_each_accounted_for(tmp_path):
    lines = [
        json.dumps({"id": "ok1", "text": kazakh_text(1)}, ensure_ascii=False).encode(),
        b"{not json",
        b"",  # blank: not a document
        json.dumps({"id": "cp", "text": "Қазақстан экономикасы өсті"}, ensure_ascii=False).encode("utf-8")
        .replace("Қазақстан".encode(), "Казахстан".encode("cp1251")),  # one line in another encoding
        json.dumps({"id": "notext", "title": "тақырып"}).encode(),
        json.dumps(["a", "list"]).encode(),
        json.dumps({"id": "ok2", "text": ""}).encode(),
    ]
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    reads = list(iter_inputs([str(path)]))
    assert len(reads) == 6 == count_documents([str(path)])
    kinds = [(type(r).__name__, r.location.rsplit(":", 1)[1]) for r in reads]
    assert kinds == [("Item", "1"), ("InputError", "2"), ("Item", "4"), ("InputError", "5"), ("InputError", "6"),
                     ("Item", "7")]
    assert "malformed JSON" in reads[1].reason
    assert any("not UTF-8" in w for w in reads[2].warnings)
    assert reads[3].doc_id == "notext" and "no text field" in reads[3].reason


def test_truncated_gzip_stops_with_an_error(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wb") as f:
        for i in range(200):
            f.write((json.dumps({"id": i, "text": kazakh_text(i)}, ensure_ascii=False) + "\n").encode())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    reads = list(iter_inputs([str(path)]))
    assert isinstance(reads[-1], InputError) and "stopped reading" in reads[-1].reason
    assert all(isinstance(r, Item) for r in reads[:-1]) and len(reads) > 1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5000), max_size=6), st.data())
def test_byte_ranges_read_every_line_once_with_its_line_number(tmp_path_factory, cuts, data):
    n = data.draw(st.integers(min_value=0, max_value=30))
    path = tmp_path_factory.mktemp("ranges") / "a.jsonl"
    objs = [{"id": f"d{i}", "text": kazakh_text(i, sentences=1 + i % 3)} for i in range(n)]
    with open(path, "w", encoding="utf-8") as f:
        for i, obj in enumerate(objs):
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            if i % 7 == 3:
                f.write("\n")  # blank lines shift the line numbers
    size = path.stat().st_size
    bounds = sorted({0, size, *(c % (size + 1) for c in cuts)})
    whole = [(r.doc_id, r.location) for r in iter_inputs([str(path)])]
    parts = [(r.doc_id, r.location) for a, b in zip(bounds, bounds[1:]) for r in read_jsonl_part(path, a, b)]
    assert parts == whole
    assert [d for d, _ in whole] == [o["id"] for o in objs]

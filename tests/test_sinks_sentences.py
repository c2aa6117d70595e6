"""The sentences a processed document carries reach the database sinks (SQLite, PostgreSQL, Parquet), are
replaced with the document, and never show in the contract JSON."""
import json
import sqlite3

import pytest

from extractor.document import ExtractedDocument, document_sentences
from extractor.records import Document
from extractor.sinks import REPLACED, open_sink
from test_sinks_contract import make_doc

TEXT_A = "Алматыда жаңа мектеп ашылды. Оған 2 млрд теңге бөлінді."
TEXT_B = "Шымкентте көпір салынды."


def with_sentences(doc_id: str, text: str, n: int = 0) -> ExtractedDocument:
    base = make_doc(doc_id, text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"), n=n)
    doc = ExtractedDocument(**base.model_dump())
    spans, pos = [], 0
    for i, part in enumerate(text.split(". ")):
        sentence = part if part.endswith(".") else part + "."
        start = text.index(sentence, pos)
        spans.append((i, start, start + len(sentence), sentence))
        pos = start + len(sentence)
    doc._sentences = spans
    return doc


def stored_sentences(kind, target):
    if kind == "sqlite":
        conn = sqlite3.connect(target)
        return conn.execute('SELECT doc_id, sentence, start, "end", text FROM sentences ORDER BY 1, 2').fetchall()
    if kind == "postgresql":
        import psycopg

        with psycopg.connect(target) as conn:
            return [tuple(r) for r in conn.execute('SELECT doc_id, sentence, start, "end", text FROM sentences '
                                                   "ORDER BY 1, 2").fetchall()]
    import pyarrow.parquet as pq

    rows = pq.read_table(f"{target}/sentences").to_pylist()
    return sorted((r["doc_id"], r["sentence"], r["start"], r["end"], r["text"]) for r in rows)


@pytest.fixture(params=["sqlite", "postgresql", "parquet"])
def target(request, tmp_path):
    if request.param == "postgresql":
        return "postgresql", request.getfixturevalue("pg_dsn")
    if request.param == "parquet":
        pytest.importorskip("pyarrow")
        return "parquet", str(tmp_path / "o.parquet")
    return "sqlite", str(tmp_path / "o.sqlite")


def test_sentences_are_stored_and_replaced_with_their_document(target):
    kind, t = target
    a = with_sentences("a", TEXT_A)
    with open_sink(t) as sink:
        sink.write(a, "x:1")
        sink.write(make_doc("plain", "мәтін"), "x:2")  # a Document read from JSON carries no sentences
    assert stored_sentences(kind, t) == [("a", i, s, e, txt) for i, s, e, txt in document_sentences(a)]
    assert all(TEXT_A[s:e] == txt for _, _, s, e, txt in stored_sentences(kind, t))
    b = with_sentences("a", TEXT_B)  # the same doc_id with another text
    with open_sink(t) as sink:
        assert sink.write(b, "x:1") == REPLACED
    assert stored_sentences(kind, t) == [("a", 0, 0, len(TEXT_B), TEXT_B)]


def test_sentences_are_not_in_the_contract_json():
    doc = with_sentences("a", TEXT_A)
    assert document_sentences(doc)
    as_json = json.loads(doc.to_json())
    assert "sentences" not in as_json and "_sentences" not in as_json
    assert Document.model_validate_json(doc.to_json()) == make_doc("a", TEXT_A)
    assert document_sentences(Document.model_validate_json(doc.to_json())) is None


def test_sentences_cross_the_worker_process(tmp_path):
    """``kazextract run`` with a worker process: the sentences travel back with the document."""
    from archive_builders import kazakh_text, write_jsonl
    from extractor.cli import main

    texts = {f"w{i}": kazakh_text(i, 4) for i in range(3)}
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": k, "text": v} for k, v in texts.items()])
    db = tmp_path / "r.sqlite"
    assert main(["run", str(src), "--db", str(db), "--workers", "1", "--ner", "none", "--no-progress"]) == 0
    rows = stored_sentences("sqlite", str(db))
    assert {r[0] for r in rows} == set(texts)
    assert all(texts[doc_id][s:e] == text for doc_id, _, s, e, text in rows)
    assert sum(1 for r in rows if r[0] == "w0") >= 4


def test_a_sentence_with_characters_no_database_holds_is_stored_with_replacements(target):
    kind, t = target
    text = "Бұл сөйлем\x00 бар. Мұнда \udc80 жалғыз суррогат."
    doc = with_sentences("bad", text)
    with open_sink(t) as sink:
        sink.write(doc, "x:1")
    rows = stored_sentences(kind, t)
    assert [r[4] for r in rows] == ["Бұл сөйлем\ufffd бар.", "Мұнда \ufffd жалғыз суррогат."]
    assert all(e - s == len(txt) for _, _, s, e, txt in rows)  # one for one: offsets still hold

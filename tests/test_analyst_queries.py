"""The analyst's database: the five queries shown in README run on SQLite and on PostgreSQL over articles
processed by the real pipeline, and give the answers computed in Python from the same documents; exact
values, Cyrillic search keys, sentences, url and the per-type views."""
import re
import sqlite3
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.api import Extractor, Item
from extractor.document import document_sentences
from extractor.records import RECORD_MODELS
from extractor.sinks import open_sink, schema

README = Path(__file__).resolve().parent.parent / "README.md"

# my own sentences (not from the corpus): two months of 2024 and one of 2025, one place written two ways
ARTICLES = [
    ("d1", "2024-01-15", "https://example.kz/news/1",
     "«Шығыс Мұнай» ЖШС Алматы қаласында жаңа зауыт салды. Жобаға 12,5 млрд теңге жұмсалды. "
     "Зауытта 250 жұмыс орны ашылды."),
    ("d2", "2024-01-28", "https://example.kz/news/2",
     "Алматыда «Шығыс Мұнай» ЖШС 3,2 млрд теңге инвестиция тартты. Компания 40 жаңа жұмыс орнын ашты."),
    ("d3", "2024-02-10", "/data/archive/d3.txt",
     "Астана қаласында «Дала Агро» АҚ 700 млн теңгеге жылыжай салды.\nОнда 60 адам жұмыс істейді."),
    ("d4", "2025-03-01", "https://example.kz/news/4",
     "«Шығыс Мұнай» ЖШС Ақтөбеде 1,5 млн доллар тұратын жобаны бастады. Өңірде 120 жұмыс орны құрылады. "
     "Өнім көлемі 100,8% құрады."),
]


def readme_queries():
    """``{name: sql}`` from the README block of ``-- [name]`` queries."""
    text = README.read_text(encoding="utf-8")
    out = {}
    for block in re.findall(r"```sql\n(.*?)```", text, re.S):
        for m in re.finditer(r"^-- \[(\w+)\][^\n]*\n(.*?;)", block, re.S | re.M):
            out[m.group(1)] = m.group(2).strip().rstrip(";")
    return out


QUERIES = readme_queries()


@pytest.fixture(scope="module")
def docs():
    ex = Extractor(ner="none")
    return [ex.process(Item(text=text, doc_id=doc_id, published=pub, source=src, location=f"in.jsonl:{i + 1}"))
            for i, (doc_id, pub, src, text) in enumerate(ARTICLES)]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path, docs):
    """(run a query → rows as tuples, dialect) over a database holding the articles."""
    if request.param == "postgresql":
        import psycopg

        dsn = request.getfixturevalue("pg_dsn")
        with open_sink(dsn) as sink:
            for d in docs:
                sink.write(d, None)
        conn = psycopg.connect(dsn)
        yield (lambda sql: [tuple(r) for r in conn.execute(sql).fetchall()]), "postgresql"
        conn.close()
        return
    path = str(tmp_path / "a.sqlite")
    with open_sink(path) as sink:
        for d in docs:
            sink.write(d, None)
    conn = sqlite3.connect(path)
    yield (lambda sql: conn.execute(sql).fetchall()), "sqlite"
    conn.close()


def num(v):
    return None if v is None else Decimal(str(v)).normalize()


def records(docs, rtype):
    return [(d, r) for d in docs for r in d.records if r.type == rtype]


def test_readme_has_the_five_queries():
    assert set(QUERIES) == {"kzt_per_month", "jobs_per_year", "articles_about_place", "top_orgs",
                            "amounts_with_sentence", "investment_per_place_year", "jobs_planned_vs_created"}


def linked(d, idx, field):
    return None if idx is None else getattr(d.records[idx], field)


def fact_year(d, r):
    start = linked(d, r.date, "date_start")
    return (start or d.published).isoformat()[:4]


def test_kzt_investment_per_place_per_year(db, docs):
    run, _ = db
    expected = defaultdict(lambda: [Decimal(0), 0])
    for d, r in records(docs, "money"):
        if r.measure == "investment" and r.currency == "KZT":
            key = (linked(d, r.location, "name"), fact_year(d, r), r.status)
            expected[key][0] += r.value
            expected[key][1] += 1
    assert expected, "the test articles hold a KZT investment"
    got = {(place, year, status): (num(kzt), n)
           for place, year, status, kzt, n in run(QUERIES["investment_per_place_year"])}
    assert got == {k: (v.normalize(), n) for k, (v, n) in expected.items()}


def test_jobs_planned_vs_created_per_year(db, docs):
    run, _ = db
    expected = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for d, r in records(docs, "jobs"):
        expected[fact_year(d, r)][0 if r.status == "actual" else 1] += r.value
    assert any(p for _, p in expected.values()) and any(c for c, _ in expected.values())
    got = {year: (num(c), num(p)) for year, c, p in run(QUERIES["jobs_planned_vs_created"])}
    assert got == {y: (c.normalize(), p.normalize()) for y, (c, p) in expected.items()}


def test_total_kzt_per_month(db, docs):
    run, _ = db
    expected = defaultdict(lambda: [Decimal(0), 0])
    for d, r in records(docs, "money"):
        if r.currency == "KZT":
            expected[d.published.isoformat()[:7]][0] += r.value
            expected[d.published.isoformat()[:7]][1] += 1
    got = [(month, num(total), n) for month, total, n in run(QUERIES["kzt_per_month"])]
    assert got == [(m, v.normalize(), n) for m, (v, n) in sorted(expected.items())]
    assert [m for m, *_ in got] == ["2024-01", "2024-02"]  # the USD amount of 2025 is not tenge


def test_job_counts_by_year(db, docs):
    run, _ = db
    expected = defaultdict(lambda: [Decimal(0), set()])
    for d, r in records(docs, "jobs"):
        expected[str(d.published.year)][0] += r.value
        expected[str(d.published.year)][1].add(d.doc_id)
    got = [(y, num(j), n) for y, j, n in run(QUERIES["jobs_per_year"])]
    assert got == [(y, v.normalize(), len(ids)) for y, (v, ids) in sorted(expected.items())]
    assert len(got) == 2


def test_articles_mentioning_a_place(db, docs):
    run, _ = db
    got = run(QUERIES["articles_about_place"])
    expected = sorted((d.published, d.doc_id) for d, r in records(docs, "location")
                      if r.name.casefold().startswith("алматы"))
    assert [row[0] for row in got] == [doc_id for _, doc_id in sorted(set(expected))]
    assert {row[0] for row in got} == {"d1", "d2"}  # «Алматы қаласы» and «Алматы» alike
    assert all(row[3] and row[3].startswith("https://") for row in got)


def test_top_organisations(db, docs):
    run, _ = db
    articles = defaultdict(set)
    for d, r in records(docs, "org"):
        articles[r.name.casefold()].add(d.doc_id)
    got = run(QUERIES["top_orgs"])
    assert [(o.casefold(), n) for o, n in got] == sorted(((k, len(v)) for k, v in articles.items()),
                                                         key=lambda kv: (-kv[1], kv[0]))
    assert got[0][1] == 3


def test_amounts_with_their_sentence(db, docs):
    run, _ = db
    got = run(QUERIES["amounts_with_sentence"])
    expected = []
    for d, r in records(docs, "money"):
        if r.currency == "KZT":
            sentence = {i: t for i, _, _, t in document_sentences(d)}[r.sentence]
            assert r.text in sentence
            expected.append((d.doc_id, schema.exact_text(r.value), r.text, sentence))
    expected.sort(key=lambda row: -Decimal(row[1]))
    assert got == expected and len(got) == 3


def test_sentences_are_the_text_as_received(db, docs):
    run, _ = db
    for (doc_id, _, _, text), d in zip(ARTICLES, docs):
        rows = run(f"SELECT sentence, start, \"end\", text FROM sentences WHERE doc_id = '{doc_id}' ORDER BY sentence")
        assert rows and all(text[s:e] == t for _, s, e, t in rows)
        assert [r[0] for r in rows] == list(range(len(rows)))
        # every record lies in the sentence it names
        spans = {i: (s, e) for i, s, e, _ in rows}
        assert all(spans[r.sentence][0] <= r.start < spans[r.sentence][1] for r in d.records)
    # the line break ends a sentence in d3
    assert run("SELECT count(*) FROM sentences WHERE doc_id = 'd3'") == [(2,)]


def test_values_are_exact_and_names_fold_cyrillic(db):
    run, dialect = db
    rows = run("SELECT value, value_text FROM percents")
    assert [r[1] for r in rows] == ["100.8"]
    if dialect == "postgresql":
        assert rows[0][0] == Decimal("100.8")  # numeric
    # a search key in lower case finds a capitalised Kazakh name; the name itself keeps its case
    assert run("SELECT name FROM orgs WHERE name_fold = 'шығыс мұнай' ORDER BY doc_id") == [("Шығыс Мұнай",)] * 3
    assert run("SELECT count(*) FROM orgs WHERE name_fold = 'ШЫҒЫС МҰНАЙ'") == [(0,)]


def test_url_is_apart_from_the_input_path(db):
    run, _ = db
    rows = dict((r[0], r[1:]) for r in run("SELECT doc_id, url, source, location FROM documents"))
    assert rows["d1"][0] == "https://example.kz/news/1"
    assert rows["d3"][0] is None and rows["d3"][1] == "/data/archive/d3.txt"


def test_each_type_view_has_that_types_columns_only(db):
    run, dialect = db
    for rtype, model in RECORD_MODELS.items():
        view = schema.VIEW_NAMES[rtype]
        if dialect == "sqlite":
            cols = [r[1] for r in run(f"PRAGMA table_info({view})")]
        else:
            cols = [r[0] for r in run("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                      f"current_schema() AND table_name = '{view}' ORDER BY ordinal_position")]
        fields = [f for f in model.model_fields if f != "type"]
        # money and jobs views end with what they link to (facts): org/place name and key, the date's span
        linked = [f"{link}_{c}" if c in ("name", "key") else c
                  for link, shown in schema.LINKED_COLUMNS.items() if link in model.model_fields for c in shown]
        own = cols[2:len(cols) - len(linked)]
        assert cols[:2] == ["doc_id", "idx"]
        assert [c for c in own if not c.endswith(("_text", "_fold"))] == fields
        assert cols[len(cols) - len(linked):] == linked
        count = run(f"SELECT count(*) FROM {view}")[0][0]
        assert count == run(f"SELECT count(*) FROM records WHERE type = '{rtype}'")[0][0]


def test_money_view_carries_the_linked_records_on_the_same_row(db):
    run, _ = db
    rows = run("SELECT m.doc_id, m.org, m.org_name, m.org_key, m.location, m.location_name, m.date, m.date_start, "
               "m.date_end FROM money m")
    linked = 0
    for doc_id, org, org_name, org_key, loc, loc_name, date, d_start, d_end in rows:
        for idx, shown in ((org, (org_name, org_key)), (loc, (loc_name,)), (date, (d_start, d_end))):
            if idx is None:
                assert all(v is None for v in shown)
                continue
            linked += 1
            cols = "name, key" if len(shown) == 2 else ("name" if len(shown) == 1 else "date_start, date_end")
            target = run(f"SELECT {cols} FROM records WHERE doc_id = '{doc_id}' AND idx = {idx}")[0]
            assert tuple(str(v) if v is not None else None for v in target) == \
                tuple(str(v) if v is not None else None for v in shown)
    assert linked, "the articles of this test link at least one amount to an org, place or date"


def test_name_fold_is_indexed(tmp_path, docs):
    path = str(tmp_path / "i.sqlite")
    with open_sink(path) as sink:
        for d in docs:
            sink.write(d, None)
    conn = sqlite3.connect(path)
    plan = " ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM locations "
                                                "WHERE name_fold = 'алматы'"))
    assert "idx_records_name_fold" in plan

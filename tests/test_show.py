"""kazextract show: the page's markup (one element per record, nested where records nest, text unchanged),
the values shown, where the document and its text come from, and bad input."""
import json
import re
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from review_docs import TEXT, nested_document, write_output

from extractor.review import marks, page, values

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "corpus" / "inform_kz_mangystau.txt"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


class TextMarks(HTMLParser):
    """The text and the marks of ``<div id="text">``: each mark's record index, kind, and text; nesting."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = 0
        self.text = []
        self.open = []
        self.marks = []  # (index, class, text, parent index or None)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and a.get("id") == "text":
            self.inside = 1
        elif self.inside and tag == "mark":
            parent = self.open[-1][0] if self.open else None
            self.open.append((int(a["data-i"]), a["class"].split()[0], len("".join(self.text)), parent,
                              a.get("title")))
        elif self.inside:
            self.inside += 1

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "mark":
            i, cls, start, parent, title = self.open.pop()
            self.marks.append((i, cls, "".join(self.text)[start:], parent, title))
        else:
            self.inside -= 1

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)


def parse(page_html: str) -> TextMarks:
    p = TextMarks()
    p.feed(page_html)
    return p


def test_nested_and_crossing_records_keep_the_text_and_one_element_each():
    doc = nested_document()
    p = parse(page.render(doc, TEXT))
    assert "".join(p.text) == TEXT  # the carriage return survives as &#13;
    main = [m for m in p.marks if m[1] == "rec"]
    assert sorted(m[0] for m in main) == list(range(len(doc["records"])))
    by_index = {m[0]: m for m in main}
    assert by_index[1][3] == 0  # the org is inside the money mark
    # the crossing date record: its main element and continuation pieces together spell its text
    pieces = "".join(m[2] for m in sorted((m for m in p.marks if m[0] == 2), key=lambda m: m[1] != "rec"))
    assert pieces == doc["records"][2]["text"]
    assert [m for m in p.marks if m[1] == "rec-cont"] and all(m[0] == 2 for m in p.marks if m[1] == "rec-cont")
    for i, r in enumerate(doc["records"]):
        if i != 2:
            assert by_index[i][2] == r["text"]


def test_an_outer_record_is_underlined_below_the_records_inside_it():
    doc = nested_document()
    out = page.render(doc, TEXT)
    assert re.search(r'<mark class="rec t-money" data-i="0" id="r0" style="--h:1"', out)
    assert re.search(r'<mark class="rec t-org" data-i="1" id="r1" title', out)  # nothing inside: no offset


def test_marks_render_identical_spans_and_empty_records():
    text = "Алматы қаласы"
    recs = [{"type": "location", "start": 0, "end": 13}, {"type": "org", "start": 0, "end": 13},
            {"type": "date", "start": 6, "end": 6}]
    out = marks.render(text, recs, lambda i, first, h: f'<mark class="{"rec" if first else "rec-cont"}" data-i="{i}">')
    p = TextMarks()
    p.inside = 1
    p.feed(out)
    assert "".join(p.text) == text
    assert sorted(m[0] for m in p.marks if m[1] == "rec") == [0, 1, 2]
    assert not [m for m in p.marks if m[1] == "rec-cont"]


def test_values_are_written_exactly_with_currency_unit_and_range():
    assert values.number(Decimal("5600000000")) == "5\u202f600\u202f000\u202f000"
    assert values.number(Decimal("0.1")) == "0.1"
    assert values.value_text({"type": "money", "value": Decimal("5.6E+9"), "currency": "USD"}) == \
        "5\u202f600\u202f000\u202f000 USD"
    assert values.value_text({"type": "quantity", "value": 5, "value_max": 7, "unit": "t"}) == "5–7 t"
    assert values.value_text({"type": "jobs", "value": 40, "permanent": True}) == "40 jobs, permanent"
    assert values.value_text({"type": "date", "date_start": None, "date_end": None, "granularity": "year",
                              "relative": True}) == "unresolved, year, relative"


def test_hover_and_table_show_the_qualifier_base_form_and_fact_links():
    doc = nested_document()
    recs = doc["records"]
    title = values.hover_title(recs[0], recs)
    assert "4\u202f200\u202f000\u202f000 KZT" in title and "investment, actual" in title
    assert "org: Арай Құрылыс" in title and "date: 2023-01-01 … 2023-12-31" in title
    out = page.render(doc, TEXT)
    table = out[out.index('<table id="records">'):]
    assert "<th>measure</th>" in table and "<th>status</th>" in table
    assert '<a href="#r4">#4</a> Түркістан облысы' in table  # jobs → location
    assert "planned" in table
    assert "html: a warning for the page to show" in out


def test_without_facts_fields_the_table_has_no_fact_columns():
    doc = nested_document()
    for r in doc["records"]:
        for f in ("measure", "status", "org", "location", "date"):
            r.pop(f, None)
    out = page.render(doc, TEXT)
    assert "<th>measure</th>" not in out
    assert out.count('class="rec ') == len(doc["records"])


def test_the_page_loads_nothing_from_outside():
    out = page.render(nested_document(), TEXT)
    assert not re.search(r'\b(src|href)="(?!#)', out)
    assert "@import" not in out and "url(" not in out
    assert "white-space: pre-wrap" in out


def test_show_a_text_file_extracts_it(tmp_path):
    out = tmp_path / "page.html"
    proc = run_cli("show", "--ner", "none", str(ARTICLE), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    p = parse(out.read_text(encoding="utf-8"))
    assert "".join(p.text) == ARTICLE.read_text(encoding="utf-8")
    m = re.search(r"(\d+) records", proc.stderr)
    assert m and int(m.group(1)) == len([x for x in p.marks if x[1] == "rec"]) > 10


def test_show_an_output_jsonl_with_its_text(tmp_path):
    doc = nested_document()
    outj = write_output(tmp_path, doc)
    txt = tmp_path / "arai.txt"
    txt.write_bytes(TEXT.encode("utf-8"))
    out = tmp_path / "page.html"
    proc = run_cli("show", str(outj), "--doc-id", "arai", "--text", str(txt), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    p = parse(out.read_text(encoding="utf-8"))
    assert "".join(p.text) == TEXT
    assert len([x for x in p.marks if x[1] == "rec"]) == len(doc["records"])
    # the text may also come from the inputs JSONL, found by its SHA-256
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(json.dumps({"id": "x", "text": "басқа мәтін"}, ensure_ascii=False) + "\n"
                      + json.dumps({"id": "arai", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    proc = run_cli("show", str(outj), "--doc-id", "arai", "--text", str(inputs), "-o", str(out))
    assert proc.returncode == 0, proc.stderr


def test_show_an_inputs_jsonl_picks_the_document(tmp_path):
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(json.dumps({"id": "a", "text": "Жоба құны 5 млрд теңгені құрады."}, ensure_ascii=False) + "\n"
                      + json.dumps({"id": "b", "text": "Зауыт қуаттылығы 50%-ға артты.", "published": "2024-01-02"},
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "page.html"
    proc = run_cli("show", "--ner", "none", str(inputs), "--doc-id", "b", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    body = out.read_text(encoding="utf-8")
    assert "Зауыт қуаттылығы" in body and "Жоба құны" not in body
    assert 'class="rec t-percent"' in body and "2024-01-02" in body


@pytest.mark.parametrize("case", ["unknown_id", "no_text", "wrong_text", "missing_file", "unknown_id_txt"])
def test_bad_input_gives_one_clear_line(tmp_path, case):
    doc = nested_document()
    outj = write_output(tmp_path, doc)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(TEXT + "артық", encoding="utf-8")
    args = {"unknown_id": [str(outj), "--doc-id", "жоқ", "--text", str(wrong)],
            "no_text": [str(outj), "--doc-id", "arai"],
            "wrong_text": [str(outj), "--doc-id", "arai", "--text", str(wrong)],
            "missing_file": [str(tmp_path / "none.jsonl")],
            "unknown_id_txt": [str(ARTICLE), "--doc-id", "жоқ", "--ner", "none"]}[case]
    proc = run_cli("show", *args, "-o", str(tmp_path / "p.html"))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kazextract: show: "), proc.stderr
    expected = {"unknown_id": "no document with doc_id 'жоқ'", "no_text": "--text FILE",
                "wrong_text": "SHA-256 differs", "missing_file": "no such file",
                "unknown_id_txt": "no document with doc_id 'жоқ'"}[case]
    assert expected in lines[0]
    assert not (tmp_path / "p.html").exists()

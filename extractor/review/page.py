"""The review page of one document (``kazextract show``): one self-contained HTML file (inline CSS and
script, nothing fetched) with the article text as received (line breaks kept: ``white-space: pre-wrap``),
every record highlighted by type, its normalised value on hover (``title``), a table of all records with
their values and fact links, and the document's warnings."""
from __future__ import annotations

import html
from collections import Counter
from typing import Sequence

from . import marks, values

TYPES = ("money", "jobs", "percent", "quantity", "date", "org", "person", "location")
# one colour per record type: the underline, and a light fill of the same hue
COLOURS = {"money": "#2e7d32", "jobs": "#6a1b9a", "percent": "#ef6c00", "quantity": "#00838f",
           "date": "#1565c0", "org": "#c62828", "person": "#ad1457", "location": "#6d4c41"}
FALLBACK_COLOUR = "#546e7a"

CSS = """
body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 1.5em auto; max-width: 68em; padding: 0 1em;
       color: #222; background: #fff; }
h1 { font-size: 1.4em; margin-bottom: .2em; }
h2 { font-size: 1.1em; margin-top: 1.6em; }
.meta { color: #555; font-size: .9em; }
.legend span { display: inline-block; margin: 0 .8em .3em 0; padding: 0 .4em; border-bottom: 3px solid;
               font-size: .9em; }
#text { white-space: pre-wrap; line-height: 2.3; font-size: 1.05em; border: 1px solid #ddd; padding: .8em 1em;
        border-radius: 4px; }
mark { background: transparent; color: inherit; border-bottom: 3px solid;
       padding: 1px 0 calc(1px + var(--h, 0) * 5px); cursor: help; }
mark.hl { outline: 2px solid #ffb300; }
table { border-collapse: collapse; font-size: .85em; }
.scroll { overflow-x: auto; }
th, td { border: 1px solid #ddd; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.num { text-align: right; white-space: nowrap; }
td.val { text-align: right; min-width: 8em; }
td.src { white-space: pre-wrap; min-width: 10em; max-width: 24em; }
tr.hl td { background: #fff8e1; }
.warnings li { color: #8d4a00; }
.none { color: #777; }
"""

SCRIPT = """
(function () {
  function marksOf(i) { return document.querySelectorAll('#text mark[data-i="' + i + '"]'); }
  function rowOf(i) { return document.getElementById('row' + i); }
  function light(i, on) {
    marksOf(i).forEach(function (m) { m.classList.toggle('hl', on); });
    var row = rowOf(i);
    if (row) { row.classList.toggle('hl', on); }
  }
  document.querySelectorAll('#text mark, #records tbody tr').forEach(function (el) {
    var i = el.getAttribute('data-i');
    el.addEventListener('mouseenter', function () { light(i, true); });
    el.addEventListener('mouseleave', function () { light(i, false); });
  });
  document.querySelectorAll('#text mark.rec').forEach(function (m) {
    m.addEventListener('click', function (ev) {
      ev.stopPropagation();
      var row = rowOf(m.getAttribute('data-i'));
      if (row) { row.scrollIntoView({block: 'center'}); }
    });
  });
})();
"""


def colour(t: str) -> str:
    return COLOURS.get(t, FALLBACK_COLOUR)


def type_css() -> str:
    rules = []
    for t, c in list(COLOURS.items()) + [("other", FALLBACK_COLOUR)]:
        rules.append(f"mark.t-{t} {{ border-bottom-color: {c}; background: {c}1f; }}\n"
                     f".legend .t-{t} {{ border-bottom-color: {c}; background: {c}1f; }}")
    return "\n".join(rules)


def _cls(t) -> str:
    return f"t-{t}" if t in COLOURS else "t-other"


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _records_table(records: Sequence[dict]) -> str:
    facts = values.has_facts(records)
    head = ["#", "type", "text", "start–end", "value", "qualifier", "name / legal form", "sentence", "source"]
    if facts:
        head += ["measure", "status", "org", "location", "date"]
    rows = []
    for i, r in enumerate(records):
        t = r.get("type")
        value = values.value_text(r) if t not in ("org", "person", "location") else ""
        name = r.get("name") or ""
        if r.get("legal_form"):
            name = f"{name} / {r['legal_form']}"
        cells = [f'<td class="num"><a href="#r{i}">{i}</a></td>',
                 f'<td><span class="{_cls(t)}">{_e(t)}</span></td>',
                 f'<td class="src">{marks.escape_text(str(r.get("text", "")))}</td>',
                 f'<td class="num">{_e(r.get("start"))}–{_e(r.get("end"))}</td>',
                 f'<td class="val">{_e(value)}</td>',
                 f'<td>{_e(r.get("qualifier"))}</td>',
                 f'<td>{_e(name)}</td>',
                 f'<td class="num">{_e(r.get("sentence"))}</td>',
                 f'<td>{_e(r.get("source"))}</td>']
        if facts:
            cells += [f'<td>{_e(r.get("measure"))}</td>', f'<td>{_e(r.get("status"))}</td>']
            for f in values.FACT_LINKS:
                other = values.linked(records, r.get(f))
                if other is None:
                    cells.append("<td></td>")
                else:
                    shown = values.date_span(other) if f == "date" else values.label(other)
                    cells.append(f'<td><a href="#r{r[f]}">#{r[f]}</a> {_e(shown)}</td>')
        rows.append(f'<tr id="row{i}" data-i="{i}">' + "".join(cells) + "</tr>")
    if not rows:
        return '<p class="none">no records</p>'
    return ('<div class="scroll"><table id="records"><thead><tr>' + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr></thead><tbody>"
            + "\n".join(rows) + "</tbody></table></div>")


def render(doc: dict, text: str) -> str:
    """The whole page for a document (output-contract dict) and the text its offsets point into."""
    records = list(doc.get("records") or [])

    def open_tag(i: int, first: bool, height: int) -> str:
        r = records[i]
        attrs = f'class="{"rec" if first else "rec-cont"} {_cls(r.get("type"))}" data-i="{i}"'
        if first:
            attrs += f' id="r{i}"'
        if height:
            attrs += f' style="--h:{height}"'
        return f'<mark {attrs} title="{_e(values.hover_title(r, records))}">'

    body = marks.render(text, records, open_tag)
    counts = Counter(r.get("type") for r in records)
    legend = "".join(f'<span class="{_cls(t)}">{_e(t)} {counts.get(t, 0)}</span>'
                     for t in list(TYPES) + sorted(t for t in counts if t not in TYPES))
    warnings = doc.get("warnings") or []
    warn_html = ("<ul class=\"warnings\">" + "".join(f"<li>{_e(w)}</li>" for w in warnings) + "</ul>"
                 if warnings else '<p class="none">no warnings</p>')
    meta = " · ".join(f"{k} {_e(doc.get(k))}" for k in ("doc_id", "published", "source", "extractor_version", "model")
                      if doc.get(k) is not None)
    title = doc.get("title") or doc.get("doc_id") or "document"
    return f"""<!DOCTYPE html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{_e(title)} — kazextract</title>
<style>{CSS}{type_css()}</style>
</head>
<body>
<h1>{_e(title)}</h1>
<p class="meta">{meta} · {len(records)} records</p>
<div class="legend">{legend}</div>
<h2>Text</h2>
<div id="text">{body}</div>
<h2>Warnings</h2>
{warn_html}
<h2>Records</h2>
{_records_table(records)}
<script>{SCRIPT}</script>
</body>
</html>
"""

"""The archive report (``kazextract report``): one self-contained HTML page of tables and inline SVG charts."""
from __future__ import annotations

import html
from decimal import Decimal
from typing import List, Optional, Sequence

from . import charts, values
from .archive import Figures

CSS = """
body { font-family: system-ui, "DejaVu Sans", sans-serif; margin: 1.5em auto; max-width: 64em; padding: 0 1em;
       color: #222; background: #fff; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.8em; border-bottom: 1px solid #ddd; }
.meta, .note { color: #555; font-size: .9em; }
.totals { display: flex; gap: 1.5em; }
.totals div { border: 1px solid #ddd; border-radius: 4px; padding: .5em 1em; }
.totals b { display: block; font-size: 1.6em; }
table { border-collapse: collapse; font-size: .85em; margin: .5em 0; }
th, td { border: 1px solid #ddd; padding: .2em .5em; text-align: left; }
th { background: #f4f4f4; } td.num { text-align: right; white-space: nowrap; }
svg.chart { max-width: 100%; height: auto; display: block; margin: .5em 0; }
.row { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.chart-box { flex: 0 1 34em; min-width: 18em; }
details summary { cursor: pointer; color: #335; font-size: .9em; }
"""


def _e(v) -> str:
    return html.escape("" if v is None else str(v))


def _n(v) -> str:
    if isinstance(v, (int, Decimal)) and not isinstance(v, bool):
        return values.number(Decimal(v).quantize(Decimal(1)) if isinstance(v, Decimal) else v)
    return _e(v)


def table(head: Sequence[str], rows: Sequence[Sequence], cls: str = "") -> str:
    if not rows:
        return '<p class="note">none</p>'
    out = [f'<table class="{cls}"><thead><tr>' + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f'<td class="num">{_n(c)}</td>' if isinstance(c, (int, Decimal)) else
                                    f"<td>{_e(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def main_currency(f: Figures) -> Optional[str]:
    return f.money_by_currency[0][0] if f.money_by_currency else None


def render(f: Figures) -> str:
    draw = charts.available()
    parts: List[str] = []

    def section(title: str, svg: Optional[str], *tables: str):
        """A heading, then the chart and its table side by side (stacked on a narrow screen)."""
        box = f'<div class="chart-box">{svg}</div>' if svg else ""
        parts.append(f"<section><h2>{_e(title)}</h2><div class=\"row\">{box}<div>{''.join(tables)}</div></div>"
                     "</section>")

    parts.append('<div class="totals">' + "".join(
        f"<div><b>{_n(n)}</b>{label}</div>" for n, label in
        ((f.documents, "documents"), (f.records, "records"), (f.errors, "errors"))) + "</div>")
    if not draw:
        parts.append("<p class=\"note\">Charts need matplotlib: pip install 'kazextract[report]'.</p>")

    section("Records per type",
            draw and charts.hbars("types", [t for t, _ in f.records_per_type], [n for _, n in f.records_per_type],
                                  "records per type"),
            table(["type", "records"], f.records_per_type))
    section("Documents per month (published)",
            draw and charts.columns("months", [m for m, _ in f.documents_per_month],
                                    [n for _, n in f.documents_per_month], "documents per month"),
            "<details><summary>table</summary>" + table(["month", "documents"], f.documents_per_month) + "</details>")
    cur = main_currency(f)
    months = [(m, s) for m, c, _, s in f.money_per_month if c == cur]
    section("Money per month",
            draw and cur and charts.columns("money-months", [m for m, _ in months], [float(s) / 1e9 for _, s in months],
                                            f"money stated per month, {cur}", ylabel=f"billion {cur}"),
            "<details><summary>table (every currency)</summary>"
            + table(["month", "currency", "amounts", "sum"], f.money_per_month) + "</details>")
    section("Money by currency",
            draw and charts.hbars("currencies", [c for c, _, _ in f.money_by_currency],
                                  [n for _, n, _ in f.money_by_currency], "money amounts per currency", "amounts"),
            table(["currency", "amounts", "sum"], f.money_by_currency))
    if f.money_by_measure is not None:
        rows = [(m, s) for m, c, _, s in f.money_by_measure if c == cur]
        section("Money by measure",
                draw and cur and charts.hbars("measures", [m for m, _ in rows], [float(s) / 1e9 for _, s in rows],
                                              f"money by measure, {cur}", f"billion {cur}"),
                table(["measure", "currency", "amounts", "sum"], f.money_by_measure))
    note = "" if f.facts else ('<p class="note">No facts fields (measure, status) in this output: jobs are not '
                               "split into actual and planned.</p>")
    section("Jobs" + (": actual and planned" if f.facts else ""),
            draw and f.jobs_by_status and charts.hbars("jobs", [s for s, _, _ in f.jobs_by_status],
                                                       [float(v) for _, _, v in f.jobs_by_status],
                                                       "jobs (sum of the job counts stated)", "jobs"),
            table(["status", "records", "jobs"], f.jobs_by_status), note)
    for title, name, rows in (("Top organisations", "orgs", f.top_orgs), ("Top places", "places", f.top_places)):
        section(title, draw and charts.hbars(name, [r[0] for r in rows], [r[1] for r in rows],
                                             f"{title.lower()}, by documents", "documents"),
                table(["name", "documents", "mentions"], rows))
    for title, name, rows in (("Errors by reason", "errors", f.errors_by_reason),
                              ("Warnings by reason", "warnings", f.warnings_by_reason)):
        section(title, draw and rows and charts.hbars(name, [r[0] for r in rows], [r[1] for r in rows], title.lower()),
                table(["reason", "count"], rows))

    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>kazextract report — {_e(f.source)}</title>
<style>{CSS}</style>
</head>
<body>
<h1>kazextract report</h1>
<p class="meta">{_e(f.source)}</p>
{body}
</body>
</html>
"""

"""The archive report in a real browser (headless Chromium): no console errors, no network requests, every
chart drawn with a size, the screenshot not blank."""
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from browser import browser, distinct_colours  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parent.parent


def test_report_in_browser(browser, tmp_path):
    pytest.importorskip("matplotlib")
    spec = importlib.util.spec_from_file_location("report_100k", ROOT / "bench" / "report_100k.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    db = tmp_path / "small.sqlite"
    bench.build_database(db, 200)
    out = tmp_path / "report.html"
    subprocess.run([sys.executable, "-m", "extractor.cli", "report", str(db), "-o", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    page = browser.new_page()
    page.open(out)
    charts = page.evaluate("""Array.from(document.querySelectorAll('svg.chart')).map(s => {
        const r = s.getBoundingClientRect(); return [s.getAttribute('data-chart'), r.width, r.height,
        s.querySelectorAll('path, rect, use').length]; })""")
    assert page.console_errors() == []
    assert page.network_requests() == []
    names = [c[0] for c in charts]
    assert {"types", "months", "money-months", "currencies", "measures", "jobs", "orgs", "places", "errors",
            "warnings"} <= set(names)
    assert len(names) == len(set(names))
    for name, width, height, shapes in charts:
        assert width > 200 and height > 50 and shapes > 5, name
    total = page.evaluate("document.querySelector('.totals b').textContent")
    assert total.replace("\u202f", "") == "200"
    assert distinct_colours(page.screenshot()) > 20

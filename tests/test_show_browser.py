"""The review page in a real browser (headless Chromium): no console errors, no network requests, one
highlighted element per record, the page's text is the article's text, the screenshot is not blank."""
import json
import subprocess
import sys
from pathlib import Path

from browser import browser, distinct_colours  # noqa: F401 - the fixture
from review_docs import TEXT, nested_document, write_output

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "corpus" / "inform_kz_mangystau.txt"

CHECKS = """(() => {
  const box = document.getElementById('text');
  const main = box.querySelectorAll('mark.rec');
  const byIndex = {};
  box.querySelectorAll('mark').forEach(m => {
    const i = m.getAttribute('data-i');
    (byIndex[i] = byIndex[i] || []).push(m.textContent);
  });
  return {
    text: box.textContent,
    marks: main.length,
    indices: Array.from(main).map(m => +m.getAttribute('data-i')),
    pieces: byIndex,
    untitled: Array.from(box.querySelectorAll('mark')).filter(m => !m.title).length,
    whiteSpace: getComputedStyle(box).whiteSpace,
    rows: document.querySelectorAll('#records tbody tr').length,
  };
})()"""


def check_page(browser, path: Path, text: str, records: list):
    page = browser.new_page()
    page.open(path)
    got = page.evaluate(CHECKS)
    assert page.console_errors() == []
    assert page.network_requests() == []
    assert got["marks"] == len(records)
    assert sorted(got["indices"]) == list(range(len(records)))
    assert got["text"] == text
    assert got["whiteSpace"] == "pre-wrap"
    assert got["untitled"] == 0
    assert got["rows"] == len(records)
    for i, r in enumerate(records):  # the main element first, then continuation pieces (crossing records)
        assert "".join(got["pieces"][str(i)]) == r["text"], (i, r)
    # hovering a highlight lights its table row (the page's script runs without errors)
    page.evaluate("document.querySelector('#text mark.rec').dispatchEvent(new MouseEvent('mouseenter'))")
    assert page.evaluate("document.querySelectorAll('#records tr.hl').length") == 1
    assert page.console_errors() == []
    assert distinct_colours(page.screenshot()) > 20


def test_article_page_in_browser(browser, tmp_path):
    out = tmp_path / "page.html"
    pred = tmp_path / "pred.jsonl"
    subprocess.run([sys.executable, "-m", "extractor.cli", "extract", "--ner", "none", str(ARTICLE), "-o", str(pred)],
                   cwd=ROOT, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "extractor.cli", "show", str(pred), "--text", str(ARTICLE), "-o", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    doc = json.loads(pred.read_text(encoding="utf-8"))
    check_page(browser, out, ARTICLE.read_text(encoding="utf-8"), doc["records"])


def test_nested_crossing_and_crlf_page_in_browser(browser, tmp_path):
    doc = nested_document()
    outj = write_output(tmp_path, doc)
    txt = tmp_path / "arai.txt"
    txt.write_bytes(TEXT.encode("utf-8"))
    out = tmp_path / "page.html"
    subprocess.run([sys.executable, "-m", "extractor.cli", "show", str(outj), "--doc-id", "arai", "--text", str(txt),
                    "-o", str(out)], cwd=ROOT, check=True, capture_output=True)
    check_page(browser, out, TEXT, doc["records"])


def test_the_browser_checks_catch_requests_and_errors(browser, tmp_path):
    """The harness itself: a page that fetches from the network and throws is caught by both checks."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><body><img src="http://192.0.2.1/x.png"><p>мәтін</p>'
                   "<script>console.error('сынақ қатесі'); undefinedFunction();</script></body></html>",
                   encoding="utf-8")
    page = browser.new_page()
    page.open(bad)
    assert any(url.startswith("http://192.0.2.1/") for url in page.network_requests())
    errors = page.console_errors()
    assert any("сынақ қатесі" in e for e in errors) and any("undefinedFunction" in e for e in errors)

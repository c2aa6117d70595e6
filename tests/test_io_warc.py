"""WARC archives of scraped pages: which records are documents, article text by boilerplate removal,
published date from the page metadata, ids and locations."""
import gzip

import pytest

pytest.importorskip("warcio")
pytest.importorskip("trafilatura")

from archive_builders import NO_ARTICLE_HTML, article_html, kazakh_text, write_warc  # noqa: E402
from extractor.api import Item  # noqa: E402
from extractor.io.inputs import InputError, count_documents, iter_inputs  # noqa: E402
from extractor.io.warc import HtmlPage, iter_warc_pages, page_to_item, read_warc  # noqa: E402

PARAS = ["Биыл облыста 120 жаңа жұмыс орны ашылды. Жоба құны 5,6 млрд теңгені құрады.",
         "Зауыт қуаттылығы 50%-ға артты, өңірде 300 мың тонна астық жиналды."]


def mixed_pages():
    return [
        {"url": "https://news.kz/a1", "html": article_html("Облыста жаңа зауыт ашылды", PARAS, "2024-03-05")},
        {"url": "https://news.kz/login", "html": NO_ARTICLE_HTML},
        {"url": "https://news.kz/missing", "html": "<html><body>Табылмады</body></html>", "status": 404},
        {"url": "https://news.kz/logo.png", "html": b"\x89PNG\r\n\x1a\n" + bytes(100), "content_type": "image/png"},
        {"url": "https://news.kz/a2", "type": "request"},
        {"url": "https://news.kz/a2", "html": article_html("Астанада мектеп салынады", [kazakh_text(2)]),
         "content_type": None},  # no Content-Type: recognised by its markup
        {"url": "https://news.kz/meta", "type": "metadata", "html": "fetchTimeMs: 120", "content_type": "text/plain"},
    ]


@pytest.fixture(params=["plain", "gz"])
def warc(tmp_path, request):
    name = "crawl.warc" if request.param == "plain" else "crawl.warc.gz"
    return write_warc(tmp_path / name, mixed_pages())


def test_only_successful_html_responses_are_documents(warc):
    pages = list(iter_warc_pages(warc))
    assert [p.url for p in pages] == ["https://news.kz/a1", "https://news.kz/login", "https://news.kz/a2"]
    assert all(isinstance(p, HtmlPage) for p in pages)
    assert count_documents([str(warc)]) == 3


def test_article_text_title_and_published_from_metadata(warc):
    reads = list(read_warc(warc, published="2020-01-01"))
    first = reads[0]
    assert isinstance(first, Item)
    assert "120 жаңа жұмыс орны" in first.text and "5,6 млрд теңгені" in first.text
    for boilerplate in ("Басты бет", "Көп оқылғандар", "құқықтар қорғалған"):
        assert boilerplate not in first.text
    assert first.title == "Облыста жаңа зауыт ашылды"
    assert first.published == "2024-03-05"  # from the page, not the default
    assert first.source == "https://news.kz/a1"
    # a page without a date in its metadata gets the default
    assert reads[2].published == "2020-01-01"


def test_page_without_article_is_an_error_with_its_location(warc):
    reads = list(read_warc(warc))
    err = reads[1]
    assert isinstance(err, InputError)
    assert "no article" in err.reason
    assert err.location.startswith(f"{warc}@")
    assert err.doc_id and err.doc_id.startswith("urn:uuid:")


def test_doc_id_is_the_warc_record_id_and_location_its_offset(warc):
    from warcio.archiveiterator import ArchiveIterator

    pages = list(iter_warc_pages(warc))
    assert len({p.doc_id for p in pages}) == 3
    for page in pages:
        offset = int(page.location.rsplit("@", 1)[1])
        with open(warc, "rb") as f:
            f.seek(offset)
            record = next(iter(ArchiveIterator(f)))
            assert record.rec_headers.get_header("WARC-Record-ID") == f"<{page.doc_id}>"
            assert record.rec_headers.get_header("WARC-Target-URI") == page.url


def test_deferred_pages_become_the_same_items(warc):
    deferred = list(iter_inputs([str(warc)], defer_html=True))
    assert all(isinstance(r, HtmlPage) for r in deferred)
    direct = list(iter_inputs([str(warc)]))
    converted = [page_to_item(p) for p in deferred]
    assert [(getattr(r, "text", None), r.doc_id, r.location) for r in converted] == \
           [(getattr(r, "text", None), r.doc_id, r.location) for r in direct]


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
@pytest.mark.parametrize("keep", [0.5, 0.7, 0.95])
def test_truncated_archive_reports_and_keeps_what_was_read(tmp_path, suffix, keep):
    warc = write_warc(tmp_path / f"crawl{suffix}", [
        {"url": f"https://news.kz/{i}", "html": article_html(f"Жаңалық {i}", [kazakh_text(i)])} for i in range(5)])
    data = warc.read_bytes()
    cut = tmp_path / f"cut{suffix}"
    cut.write_bytes(data[: int(len(data) * keep)])
    reads = list(iter_warc_pages(cut))
    assert 1 <= sum(isinstance(r, HtmlPage) for r in reads) < 5
    assert isinstance(reads[-1], InputError)
    assert "truncated" in reads[-1].reason or "incomplete" in reads[-1].reason
    # whatever was read whole is complete markup
    assert all(p.html.rstrip().endswith(b"</html>") for p in reads if isinstance(p, HtmlPage))


def test_not_a_warc_file(tmp_path):
    bad = tmp_path / "bad.warc.gz"
    with gzip.open(bad, "wb") as f:
        f.write(b"this is not a WARC file\n" * 10)
    reads = list(iter_warc_pages(bad))
    assert len(reads) == 1 and isinstance(reads[0], InputError)


def test_page_larger_than_the_limit_is_an_error(tmp_path):
    warc = write_warc(tmp_path / "big.warc", [{"url": "https://news.kz/big", "html": article_html("Үлкен", [kazakh_text(1)] * 50)}])
    reads = list(iter_warc_pages(warc, max_page_bytes=1000))
    assert len(reads) == 1 and isinstance(reads[0], InputError) and "larger than" in reads[0].reason

"""WARC archives (``.warc``, ``.warc.gz``) of scraped HTML pages.

Reading is split in two steps so that a batch run can do the expensive one in its worker processes:

* :func:`iter_warc_pages` walks the archive and yields one :class:`HtmlPage` per successful HTML
  response (the raw bytes, the URL, the WARC-Record-ID); it is cheap (no HTML parsing);
* :func:`page_to_item` takes the article text out of the page with trafilatura (boilerplate removal:
  navigation, footers, comments and ads are dropped) and ``published`` from the page's metadata (meta
  tags, JSON-LD, ``<time>``) when present.

:func:`read_warc` does both, for the simple ``extract`` command.

What counts as a document: ``response`` (and ``resource``) records with an HTTP 2xx status and an HTML
content type (``text/html``, ``application/xhtml+xml``, or no type but markup that starts like HTML).
Requests, metadata, revisits, redirects, errors, images, scripts and style sheets are not documents and
are passed over silently. The document id is the record's ``WARC-Record-ID`` (unique per capture, the
same on every run); ``location`` is ``PATH@OFFSET``, the record's byte offset in the (compressed)
file, which ``warcio extract PATH OFFSET`` prints.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, List, Optional, Union

from .reads import InputError
from .safe import make_item, safe_field, safe_id

# a page longer than this is not an article (and would only fill memory); it is reported as an error
MAX_PAGE_BYTES = 50_000_000
# boilerplate removal that leaves fewer characters than this found no article (a menu, a login form)
MIN_ARTICLE_CHARS = 50
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SNIFF = (b"<!doctype html", b"<html", b"<head", b"<body")


@dataclass
class HtmlPage:
    """One HTML page from a WARC archive, not yet turned into text."""

    location: str
    doc_id: Optional[str]
    url: Optional[str]
    html: bytes
    warnings: List[str] = field(default_factory=list)  # carried to the document (e.g. a renamed id)


def _looks_like_html(head: bytes) -> bool:
    return head.lstrip()[:200].lower().startswith(_SNIFF)


def _record_id(record) -> Optional[str]:
    rid = record.rec_headers.get_header("WARC-Record-ID")
    return safe_id(rid.strip().strip("<>"))[0] if rid else None


def _is_html_response(record) -> Optional[bool]:
    """True/False for a 2xx response or resource that is/is not HTML; None when it is not a page at all.
    ``None`` is also returned for a 2xx response without a content type (decided by sniffing)."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return False
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        ctype = http.get_header("Content-Type")
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type")
    else:
        return False
    if not ctype:
        return None
    return ctype.split(";")[0].strip().lower() in _HTML_TYPES


def iter_warc_pages(path: Path, max_page_bytes: int = MAX_PAGE_BYTES) -> Iterator[Union[HtmlPage, InputError]]:
    """The HTML pages of a WARC file, streamed record by record. A record that cannot be parsed (a header
    cut short, a broken length) ends the file with an error row at its offset; nothing raises."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        records = ArchiveIterator(stream)
        offset = 0
        try:
            for record in records:
                offset = records.offset  # where this record starts (before its content is read)
                html = _is_html_response(record)
                if html is False:
                    continue
                location = f"{path}@{offset}"
                doc_id = _record_id(record)
                body = record.content_stream()
                try:
                    data = body.read(max_page_bytes + 1)
                except Exception as exc:  # noqa: BLE001 - a broken content or transfer encoding
                    yield InputError(location, f"cannot read the page: {type(exc).__name__}: {exc}", doc_id)
                    continue
                if len(data) > max_page_bytes:
                    yield InputError(location, f"page larger than {max_page_bytes} bytes, not read", doc_id)
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended inside this record
                    yield InputError(location, "incomplete record: the archive is truncated", doc_id)
                    continue
                if html is None and not _looks_like_html(data[:1024]):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                yield HtmlPage(location=location, doc_id=doc_id, url=safe_field(uri.strip("<>")) if uri else None,
                               html=data)
        except Exception as exc:  # noqa: BLE001 - truncated, a header cut short, not a WARC file at all
            offset = max(offset, getattr(records, "offset", 0) or 0)
            what = "" if isinstance(exc, (OSError, EOFError, ValueError)) or "ArchiveLoad" in type(exc).__name__ \
                else "a record header cut short or malformed "
            yield InputError(f"{path}@{offset}", f"stopped reading the archive: {what}({type(exc).__name__}: "
                                                 f"{safe_field(str(exc))})" if what else
                             f"stopped reading the archive: {type(exc).__name__}: {safe_field(str(exc))}")
            return
        size = os.fstat(stream.fileno()).st_size
        if records.offset < size:  # warcio ends quietly at a record cut short
            yield InputError(f"{path}@{records.offset}", f"stopped reading the archive: it ends in an incomplete "
                                                         f"record ({size - records.offset} bytes left unread)")


def count_warc_pages(path: Path) -> int:
    """How many documents :func:`iter_warc_pages` will yield (for a progress bar's total), without parsing HTML."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                html = _is_html_response(record)
                if html is None:
                    html = _looks_like_html(record.content_stream().read(1024))
                n += bool(html)
    except Exception:  # noqa: BLE001 - the reader reports a broken archive; a count is only a hint
        n += 1
    return n


def _quiet_trafilatura():
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def page_to_item(page: HtmlPage, published=None, min_chars: int = MIN_ARTICLE_CHARS):
    """The article of an HTML page as an :class:`Item`, or an ``InputError`` when the page holds none.

    ``published`` is used only when the page's metadata gives no publication date."""
    import trafilatura

    _quiet_trafilatura()
    try:
        found = trafilatura.bare_extraction(
            page.html, url=page.url, with_metadata=True, include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:  # noqa: BLE001 - broken markup must not stop the run
        return InputError(page.location, f"HTML could not be parsed: {type(exc).__name__}: {exc}", page.doc_id)
    text = (found.text or "") if found is not None else ""
    if len(text.strip()) < min_chars:
        return InputError(page.location, f"no article in the HTML page (boilerplate removal left "
                                         f"{len(text.strip())} characters)", page.doc_id)
    date = getattr(found, "date", None)
    return make_item(text, doc_id=page.doc_id, source=page.url, title=found.title or None,
                     published=date or published, location=page.location, warnings=page.warnings)


def read_warc(path: Path, published=None, min_chars: int = MIN_ARTICLE_CHARS, doc_timeout: Optional[float] = None):
    """Items (articles) and InputErrors of a WARC file. ``doc_timeout``: the per-document limit of
    :mod:`extractor.batch.deadline` for taking the article out of each page (a page that overruns is an error)."""
    from ..batch.deadline import DocTimeout, deadline, limit_for, timeout_reason

    for page in iter_warc_pages(Path(path)):
        if isinstance(page, HtmlPage):
            limit = limit_for(len(page.html), doc_timeout)
            try:
                with deadline(limit):
                    item = page_to_item(page, published, min_chars)
                yield item
            except DocTimeout:
                yield InputError(page.location, f"taking the article out of the HTML {timeout_reason(limit)}",
                                 page.doc_id)
            except Exception as exc:  # noqa: BLE001 - one page never stops the archive
                yield InputError(page.location, f"HTML could not be parsed: {type(exc).__name__}: {exc}", page.doc_id)
        else:
            yield page

"""The document ``kazextract show`` displays, with its text.

INPUT is one of

* a ``.txt`` article: extracted now;
* a JSON Lines file of inputs (lines with a text field): the document chosen by ``--doc-id`` (else the first)
  is extracted now;
* a JSON Lines file of kazextract output (lines with ``records`` and ``text_sha256``): its records are shown
  as they are. Output lines do not carry the text, so the article comes from ``--text FILE`` (the ``.txt`` or
  the inputs JSONL the run read). Its SHA-256 must equal the document's ``text_sha256``: offsets into any
  other text would highlight the wrong characters, so a mismatch is an error rather than a silent
  re-extraction.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator, Optional, Tuple

from . import ReviewError


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_output_line(obj) -> bool:
    return isinstance(obj, dict) and "records" in obj and "text_sha256" in obj


def _json_lines(path: Path) -> Iterator[Tuple[int, dict]]:
    from ..io.inputs import open_maybe_gzip

    try:
        stream = open_maybe_gzip(path)
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with stream:
        for lineno, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            try:
                yield lineno, json.loads(raw.decode("utf-8"), parse_float=Decimal)
            except (ValueError, UnicodeDecodeError) as exc:
                raise ReviewError(f"{path}:{lineno}: not a JSON line ({exc})") from None


def _item_id(obj: dict, fields) -> Optional[str]:
    from ..io.inputs import _first

    v = _first(obj, fields.id)
    if v is not None:
        return str(v)
    text = _first(obj, fields.text)
    return sha256(text)[:16] if isinstance(text, str) else None  # the doc_id extraction will give it


def is_jsonl(path: Path) -> bool:
    from ..io.inputs import JSONL_SUFFIXES

    return path.name.lower().endswith(JSONL_SUFFIXES)


def read_article(path: Path):
    """An Item for a ``.txt`` file; ReviewError when it cannot be read or decoded."""
    from ..io.inputs import InputError, read_text_file

    item = read_text_file(path)
    if isinstance(item, InputError):
        raise ReviewError(f"{item.location}: {item.reason}")
    return item


def find_line(path: Path, doc_id: Optional[str], fields) -> dict:
    """The JSON object of ``doc_id`` (output or input line), or the first when ``doc_id`` is None."""
    seen = 0
    for _, obj in _json_lines(path):
        seen += 1
        if doc_id is None:
            return obj
        if not isinstance(obj, dict):
            continue
        ident = str(obj.get("doc_id")) if is_output_line(obj) else _item_id(obj, fields)
        if ident == doc_id:
            return obj
    if not seen:
        raise ReviewError(f"{path}: no documents in this file")
    raise ReviewError(f"{path}: no document with doc_id {doc_id!r}")


def text_for(doc: dict, text_path: Optional[Path], fields, where: Path) -> str:
    """The article text of an output document from ``--text``, checked against its ``text_sha256``."""
    if text_path is None:
        raise ReviewError(f"{where} is kazextract output, which does not carry the article text: give it with "
                          f"--text FILE (the .txt or the inputs JSONL that was extracted)")
    want = doc.get("text_sha256")
    if is_jsonl(text_path):
        from ..io.inputs import InputError, item_from_json

        for lineno, obj in _json_lines(text_path):
            item = item_from_json(obj, f"{text_path}:{lineno}", fields)
            if isinstance(item, InputError):
                continue
            if sha256(item.text) == want:
                return item.text
        raise ReviewError(f"{text_path}: no text with the SHA-256 of document {doc.get('doc_id')!r} ({want[:16]}…)")
    text = read_article(text_path).text
    if sha256(text) != want:
        raise ReviewError(f"{text_path} is not the text document {doc.get('doc_id')!r} was extracted from "
                          "(its SHA-256 differs from text_sha256)")
    return text


def load(path: Path, doc_id: Optional[str], text_path: Optional[Path], fields, published,
         extract: Callable) -> Tuple[dict, str]:
    """``(document as a JSON dict, text)``. ``extract(item)`` runs the pipeline on an Item."""
    if not path.exists():
        raise ReviewError(f"{path}: no such file")
    if not is_jsonl(path):
        item = read_article(path)
        if doc_id is not None and doc_id != item.doc_id:
            raise ReviewError(f"{path}: no document with doc_id {doc_id!r} (this article's doc_id is {item.doc_id!r})")
        item.published = published
        return extract(item), item.text
    obj = find_line(path, doc_id, fields)
    if is_output_line(obj):
        return obj, text_for(obj, text_path, fields, path)
    from ..io.inputs import InputError, item_from_json

    item = item_from_json(obj, str(path), fields, published)
    if isinstance(item, InputError):
        raise ReviewError(f"{path}: {item.reason}")
    if item.doc_id is None:
        item.doc_id = sha256(item.text)[:16]
    return extract(item), item.text


def document_dict(document) -> dict:
    """A pydantic Document as the JSON dict the output contract writes (numbers exact)."""
    return json.loads(document.to_json(), parse_float=Decimal)

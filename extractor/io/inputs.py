"""Input readers: text files, directories, JSON Lines (plain or gzip), WARC archives and standard input.

Every reader yields either an :class:`~extractor.api.Item` (a document to process) or an
:class:`InputError` (a document that could not be read, with where it was and why), never raises for
one bad document, and streams: nothing is loaded whole except a single document's text.
"""
from __future__ import annotations

import gzip
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Sequence, Union

from ..api import Item
from .decoding import BadInput, decode_bytes

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
INPUT_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


@dataclass
class InputError:
    location: str
    reason: str
    doc_id: Optional[str] = None

    def to_dict(self) -> dict:
        return {"location": self.location, "doc_id": self.doc_id, "reason": self.reason}


@dataclass
class FieldMap:
    """Which JSON fields hold what. Each entry lists names tried in order (news-please's are included)."""

    id: Sequence[str] = ("id", "doc_id")
    text: Sequence[str] = ("text", "maintext")
    title: Sequence[str] = ("title",)
    url: Sequence[str] = ("url", "source")
    published: Sequence[str] = ("published", "date_publish", "date")

    @classmethod
    def parse(cls, specs: Iterable[str]) -> "FieldMap":
        """From ``role=name`` strings (``--field text=body``); the given name is tried first."""
        fm = cls()
        for spec in specs:
            role, _, name = spec.partition("=")
            if role not in ("id", "text", "title", "url", "published") or not name:
                raise ValueError(f"--field {spec!r}: expected ROLE=NAME with ROLE one of id, text, title, url, published")
            setattr(fm, role, (name,) + tuple(n for n in getattr(fm, role) if n != name))
        return fm


Read = Union[Item, InputError]


def _first(obj: dict, names: Sequence[str]):
    for n in names:
        if n in obj and obj[n] is not None:
            return obj[n]
    return None


def item_from_json(obj, location: str, fields: FieldMap, published=None) -> Read:
    """One JSON object → Item, or InputError when it has no usable text."""
    if not isinstance(obj, dict):
        return InputError(location, f"not a JSON object but {type(obj).__name__}")
    doc_id = _first(obj, fields.id)
    doc_id = None if doc_id is None else str(doc_id)
    text = _first(obj, fields.text)
    if text is None:
        return InputError(location, f"no text field (tried {', '.join(fields.text)})", doc_id)
    if not isinstance(text, str):
        return InputError(location, f"text field is {type(text).__name__}, not a string", doc_id)
    title = _first(obj, fields.title)
    url = _first(obj, fields.url)
    pub = _first(obj, fields.published)
    return Item(text=text, doc_id=doc_id, source=None if url is None else str(url),
                title=None if title is None else str(title), published=pub if pub is not None else published,
                location=location)


def read_jsonl_stream(stream: BinaryIO, name: str, fields: FieldMap = FieldMap(), published=None,
                      first_line: int = 1, end: Optional[int] = None) -> Iterator[Read]:
    """JSON Lines from a binary stream, one document per line; blank lines are skipped.

    ``first_line`` is the line number of the stream's first line; with ``end`` (a byte offset in a
    seekable stream) only the lines that start before ``end`` are read."""
    lineno = first_line - 1
    while True:
        if end is not None and stream.tell() >= end:
            return
        raw = stream.readline()
        if not raw:
            return
        lineno += 1
        location = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            line, warnings = decode_bytes(raw)
        except BadInput as exc:
            yield InputError(location, str(exc))
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            yield InputError(location, f"malformed JSON: {exc}")
            continue
        item = item_from_json(obj, location, fields, published)
        if isinstance(item, Item):
            item.warnings.extend(warnings)
        yield item


def open_maybe_gzip(path: Path) -> BinaryIO:
    with open(path, "rb") as f:
        magic = f.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rb")
    return open(path, "rb")


def read_text_file(path: Path, published=None) -> Read:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"cannot read: {exc.strerror or exc}")
    try:
        text, warnings = decode_bytes(data)
    except BadInput as exc:
        return InputError(str(path), str(exc), path.stem)
    return Item(text=text, doc_id=path.stem, source=str(path), published=published, warnings=warnings,
                location=str(path))


def input_kind(path: Path) -> str:
    """``jsonl``, ``warc`` or ``text``, from the file name."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    return "text"


_kind = input_kind


def read_jsonl_part(path: Path, start: int, end: int, fields: FieldMap = FieldMap(), published=None) -> Iterator[Read]:
    """The lines of an uncompressed JSON Lines file that start in the byte range ``[start, end)``.

    Ranges that tile the file read every line exactly once; locations keep the file's line numbers."""
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        lineno = 1
        if start > 0:
            stream.seek(start - 1)
            if stream.read(1) != b"\n":
                stream.readline()  # the rest of a line that started in the previous range
            pos = stream.tell()
            stream.seek(0)
            left = pos
            while left > 0:
                block = stream.read(min(left, 1 << 22))
                if not block:
                    break
                lineno += block.count(b"\n")
                left -= len(block)
            stream.seek(pos)
        yield from read_jsonl_stream(stream, str(path), fields, published, first_line=lineno, end=end)


def read_path(path: Path, fields: FieldMap = FieldMap(), published=None, defer_html: bool = False) -> Iterator[Read]:
    """The documents of one file. With ``defer_html`` a WARC archive yields raw
    :class:`~extractor.io.warc.HtmlPage` objects (for :func:`~extractor.io.warc.page_to_item` later,
    in a worker process) instead of items."""
    kind = input_kind(path)
    if kind == "jsonl":
        try:
            stream = open_maybe_gzip(path)
        except OSError as exc:
            yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
            return
        with stream:
            try:
                yield from read_jsonl_stream(stream, str(path), fields, published)
            except (OSError, EOFError, gzip.BadGzipFile) as exc:  # truncated or corrupt gzip
                yield InputError(str(path), f"stopped reading: {exc}")
    elif kind == "warc":
        from .warc import iter_warc_pages, read_warc

        yield from (iter_warc_pages(path) if defer_html else read_warc(path, published=published))
    else:
        yield read_text_file(path, published)


def read_stdin(fields: FieldMap = FieldMap(), published=None, stream: Optional[BinaryIO] = None) -> Iterator[Read]:
    """Standard input: JSON Lines when the first line is a JSON object, else one text document."""
    stream = stream or sys.stdin.buffer
    first = stream.readline()
    head = first.strip()
    if head.startswith(b"{"):
        try:
            json.loads(head)
            rest = io.BufferedReader(_Chain(first, stream))  # type: ignore[arg-type]
            yield from read_jsonl_stream(rest, "<stdin>", fields, published)
            return
        except ValueError:
            pass
    data = first + stream.read()
    try:
        text, warnings = decode_bytes(data)
    except BadInput as exc:
        yield InputError("<stdin>", str(exc))
        return
    yield Item(text=text, source=None, published=published, warnings=warnings, location="<stdin>")


class _Chain(io.RawIOBase):
    """A raw stream that yields ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head = head
        self._stream = stream

    def readable(self):
        return True

    def readinto(self, b):
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(b))
        n = len(data)
        b[:n] = data
        return n


def iter_files(inputs: Sequence[str], on_skip=None) -> Iterator[Union[Path, str, InputError]]:
    """The input files in reading order: each path given, directories searched recursively (sorted, only
    files with an input suffix), ``"-"`` as is, an :class:`InputError` for a path that does not exist."""
    for spec in inputs:
        if spec == "-":
            yield spec
            continue
        path = Path(spec)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.lower().endswith(INPUT_SUFFIXES):
                    yield child
                elif on_skip is not None:
                    on_skip(child)
        elif path.exists():
            yield path
        else:
            yield InputError(spec, "no such file or directory")


def iter_inputs(inputs: Sequence[str], fields: FieldMap = FieldMap(), published=None,
                on_skip=None, defer_html: bool = False) -> Iterator[Read]:
    """All documents of the given paths (files, directories searched recursively, ``-`` for stdin)."""
    for path in iter_files(inputs, on_skip):
        if isinstance(path, InputError):
            yield path
        elif path == "-":
            yield from read_stdin(fields, published)
        else:
            yield from read_path(path, fields, published, defer_html=defer_html)


def count_documents(inputs: Sequence[str], stop=None) -> Optional[int]:
    """How many documents (items and read errors) :func:`iter_inputs` will yield, for a progress bar's
    total; ``None`` when it cannot be known (standard input) or ``stop()`` became true."""
    total = 0
    for path in iter_files(inputs):
        if stop is not None and stop():
            return None
        if path == "-":
            return None
        if isinstance(path, InputError):
            total += 1
            continue
        kind = input_kind(path)
        if kind == "text":
            total += 1
        elif kind == "warc":
            from .warc import count_warc_pages

            total += count_warc_pages(path)
        else:
            try:
                with open_maybe_gzip(path) as stream:
                    for line in stream:
                        total += bool(line.strip())
                        if stop is not None and not total % 65536 and stop():
                            return None
            except (OSError, EOFError):
                total += 1
    return total

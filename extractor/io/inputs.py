"""Input readers: text files, directories, JSON Lines (plain or gzip), WARC archives and standard input.

Every reader yields either an :class:`~extractor.io.reads.Item` (a document to process) or an
:class:`InputError` (a document that could not be read, with where it was and why), never raises for
one bad document, and streams: nothing is loaded whole except a single document's text.

:func:`iter_inputs` adds two guarantees over all inputs of a run: an exception while reading one file
becomes an error row for that file (where reading stopped) and the next file is read; and document ids are
unique (:mod:`.ids`: a repeated id becomes ``ID#2``…), storable (:mod:`.safe`) and stable from run to run.
A ``.txt`` file's id is its path relative to the directory given (``a/1/index.txt`` → ``a/1/index``), or
its name without ``.txt`` when the file itself was given.

This module does not import spaCy (nor the pipeline): reading can be tested and used alone.
"""
from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Sequence, Tuple, Union

from .decoding import BadInput, decode_bytes
from .ids import UniqueIds
from .reads import InputError, Item
from .safe import make_item, safe_field, safe_id
from .walk import walk_dir
from .warc import count_warc_pages, iter_warc_pages, read_warc

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
INPUT_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


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
# standard input is JSON Lines when the first non-empty lines (up to this many) mostly look like JSON objects
STDIN_SNIFF_LINES = 5


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
    return make_item(text, doc_id=doc_id, source=None if url is None else str(url),
                     title=None if title is None else str(title),
                     published=(pub if isinstance(pub, str) else str(pub)) if pub is not None else published,
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
        except (ValueError, RecursionError) as exc:
            yield InputError(location, f"malformed JSON: {exc}")
            continue
        try:
            item = item_from_json(obj, location, fields, published)
        except Exception as exc:  # noqa: BLE001 - one odd record is an error row, never the end of the run
            item = InputError(location, f"unreadable record: {type(exc).__name__}: {exc}")
        if isinstance(item, Item):
            item.warnings[:0] = warnings
        elif item.doc_id is not None:
            item.doc_id = safe_id(item.doc_id)[0]
        yield item


def open_maybe_gzip(path: Path) -> BinaryIO:
    """The file, decompressed when it starts with gzip's magic number. Opened once (a named pipe can be
    read only once: its first bytes are peeked, not consumed)."""
    f = open(path, "rb")
    try:
        magic = f.peek(2)[:2]
    except Exception:
        f.close()
        raise
    if magic == b"\x1f\x8b":
        g = gzip.GzipFile(fileobj=f, mode="rb")
        g.myfileobj = f  # closed with the GzipFile
        return g  # type: ignore[return-value]
    return f


def text_doc_id(path: Path, root: Optional[Path] = None) -> str:
    """A ``.txt`` file's id: its path relative to ``root`` (the directory given) without the suffix, with
    ``/`` between folders; its name without the suffix when there is no root."""
    rel = path.relative_to(root) if root is not None else Path(path.name)
    name = rel.as_posix()
    return name[:-4] if name.lower().endswith(".txt") else name


def read_text_file(path: Path, published=None, doc_id: Optional[str] = None) -> Read:
    doc_id = doc_id if doc_id is not None else text_doc_id(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"cannot read: {exc.strerror or exc}", safe_id(doc_id)[0])
    try:
        text, warnings = decode_bytes(data)
    except BadInput as exc:
        return InputError(str(path), str(exc), safe_id(doc_id)[0])
    return make_item(text, doc_id=doc_id, source=str(path), published=published, warnings=warnings,
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


def read_path(path: Path, fields: FieldMap = FieldMap(), published=None, defer_html: bool = False,
              root: Optional[Path] = None, doc_timeout: Optional[float] = None) -> Iterator[Read]:
    """The documents of one file. With ``defer_html`` a WARC archive yields raw
    :class:`~extractor.io.warc.HtmlPage` objects (for :func:`~extractor.io.warc.page_to_item` later,
    in a worker process) instead of items. ``root``: the directory given on the command line that holds
    ``path`` (a ``.txt`` file's id is its path relative to it)."""
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
            except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:  # truncated or corrupt gzip
                yield InputError(str(path), f"stopped reading: {exc}")
    elif kind == "warc":
        yield from (iter_warc_pages(path) if defer_html else read_warc(path, published=published,
                                                                       doc_timeout=doc_timeout))
    else:
        yield read_text_file(path, published, text_doc_id(path, root))


def _looks_like_jsonl(lines: Sequence[bytes]) -> bool:
    """The first non-empty lines of a stream: JSON Lines when most of them start like a JSON object and at
    least one parses as one (a malformed first line does not make the stream one text document)."""
    heads = [ln.strip().lstrip(b"\xef\xbb\xbf") for ln in lines if ln.strip()]
    if not heads:
        return False
    objects = [h for h in heads if h.startswith(b"{")]
    if len(objects) * 2 <= len(heads):
        return False
    for h in objects:
        try:
            if isinstance(json.loads(h), dict):
                return True
        except (ValueError, RecursionError):
            continue
    return len(heads) == 1 and heads[0].startswith(b"{") and heads[0].endswith(b"}")


def read_stdin(fields: FieldMap = FieldMap(), published=None, stream: Optional[BinaryIO] = None,
               fmt: str = "auto") -> Iterator[Read]:
    """Standard input: JSON Lines or one text document. ``fmt``: ``jsonl``, ``text`` or ``auto`` (JSON Lines
    when most of the first :data:`STDIN_SNIFF_LINES` non-empty lines look like JSON objects and one of them
    parses, see :func:`_looks_like_jsonl`)."""
    stream = stream or sys.stdin.buffer
    head: list = []
    nonempty = 0
    while nonempty < STDIN_SNIFF_LINES and sum(map(len, head)) < (1 << 24):
        line = stream.readline()
        if not line:
            break
        head.append(line)
        nonempty += bool(line.strip())
    first = b"".join(head)
    if fmt == "jsonl" or (fmt == "auto" and _looks_like_jsonl(head)):
        rest = io.BufferedReader(_Chain(first, stream))  # type: ignore[arg-type]
        yield from read_jsonl_stream(rest, "<stdin>", fields, published)
        return
    data = first + stream.read()
    try:
        text, warnings = decode_bytes(data)
    except BadInput as exc:
        yield InputError("<stdin>", str(exc))
        return
    yield make_item(text, source=None, published=published, warnings=warnings, location="<stdin>")


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


def _is_input(path: Path) -> bool:
    return path.name.lower().endswith(INPUT_SUFFIXES)


def iter_sources(inputs: Sequence[str], on_skip=None) -> Iterator[Union[Tuple[Path, Optional[Path]], str, InputError]]:
    """Like :func:`iter_files`, with each file's root: ``(path, the directory given that holds it, or None)``."""
    for spec in inputs:
        if spec == "-":
            yield spec
            continue
        path = Path(spec)
        try:
            if path.is_dir():
                for found in walk_dir(path, _is_input, on_skip):
                    yield found if isinstance(found, InputError) else (found, path)
            elif path.exists():
                yield path, None
            elif path.is_symlink():
                yield InputError(spec, "a broken symbolic link")
            else:
                yield InputError(spec, "no such file or directory")
        except OSError as exc:
            yield InputError(spec, f"cannot read: {exc.strerror or exc}")


def iter_files(inputs: Sequence[str], on_skip=None) -> Iterator[Union[Path, str, InputError]]:
    """The input files in reading order: each path given, directories searched recursively (sorted, only
    files with an input suffix, see :mod:`.walk`), ``"-"`` as is, an :class:`InputError` for a path that
    does not exist or cannot be read."""
    for found in iter_sources(inputs, on_skip):
        yield found[0] if isinstance(found, tuple) else found


def iter_inputs(inputs: Sequence[str], fields: FieldMap = FieldMap(), published=None,
                on_skip=None, defer_html: bool = False, stdin_format: str = "auto",
                doc_timeout: Optional[float] = None) -> Iterator[Read]:
    """All documents of the given paths (files, directories searched recursively, ``-`` for stdin), with
    ids unique over the run (see the module's docstring). ``doc_timeout`` limits the time to take an article
    out of a WARC page when it is done here (not ``defer_html``)."""
    ids = UniqueIds()
    for found in iter_sources(inputs, on_skip):
        if isinstance(found, InputError):
            yield found
            continue
        if found == "-":
            reads, where = read_stdin(fields, published, fmt=stdin_format), "<stdin>"
        else:
            path, root = found
            reads, where = read_path(path, fields, published, defer_html=defer_html, root=root,
                                     doc_timeout=doc_timeout), str(path)
        yield from unique_ids(guarded(reads, where), ids)


def guarded(reads: Iterable[Read], where: str) -> Iterator[Read]:
    """The reads of one file; an exception while reading ends the file with an error row that says where."""
    last = where
    try:
        for read in reads:
            last = read.location or last
            yield read
    except Exception as exc:  # noqa: BLE001 - a reader bug or an odd file ends this file, not the run
        yield InputError(f"{where} (after {last})" if last != where else where,
                         f"stopped reading: {type(exc).__name__}: {exc}")


def unique_ids(reads: Iterable[Read], ids: Optional[UniqueIds] = None) -> Iterator[Read]:
    """The reads with ids made unique (:class:`~.ids.UniqueIds`; a warning on each renamed document)."""
    ids = ids if ids is not None else UniqueIds()
    for read in reads:
        if not isinstance(read, InputError) and read.doc_id is not None:
            read.doc_id, note = ids.claim(read.doc_id, read.text if isinstance(read, Item) else read.html)
            if note:
                read.warnings.append(note)
        yield read


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
        if not path.is_file():  # a pipe given by name (<(cmd)): reading it here would take the reader's data
            return None
        kind = input_kind(path)
        if kind == "text":
            total += 1
        elif kind == "warc":
            total += count_warc_pages(path)
        else:
            try:
                with open_maybe_gzip(path) as stream:
                    for line in stream:
                        total += bool(line.strip())
                        if stop is not None and not total % 65536 and stop():
                            return None
            except (OSError, EOFError, zlib.error):
                total += 1
    return total

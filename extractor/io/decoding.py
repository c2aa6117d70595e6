"""Bytes → text for documents of unknown origin: a clear error for binary data, a warning for a
guessed encoding."""
from __future__ import annotations

from typing import List, Tuple

import regex

_MAGIC = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\x7fELF", "executable"),
    (b"\xfd7zXZ", "xz"), (b"7z\xbc\xaf", "7-Zip"), (b"Rar!", "RAR"), (b"SQLite format 3", "SQLite"),
)
_LETTER = regex.compile(r"\p{L}")
_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")


class BadInput(ValueError):
    """The input cannot be read as text; the message says why."""


def _control_ratio(data: bytes) -> float:
    sample = data[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def decode_bytes(data: bytes) -> Tuple[str, List[str]]:
    """Decode a document's bytes. Returns ``(text, warnings)``; raises :class:`BadInput` for binary data."""
    warnings: List[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ["encoding: UTF-16 text (decoded)"]
        except UnicodeDecodeError as exc:
            raise BadInput(f"broken UTF-16 text: {exc.reason} at byte {exc.start}") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BadInput(f"binary file ({kind}), not text")
    if b"\x00" in data[:8192] or _control_ratio(data) > 0.05:
        raise BadInput("binary data (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    cp = data.decode("cp1251", errors="replace")
    letters = len(_LETTER.findall(cp[:20000]))
    if letters and len(_CYRILLIC.findall(cp[:20000])) / letters >= 0.6:
        warnings.append(f"encoding: not UTF-8 (invalid byte at {first_bad}); decoded as Windows-1251")
        return cp, warnings
    warnings.append(f"encoding: not UTF-8 (invalid byte at {first_bad}); decoded as Latin-1, "
                    "check the source encoding")
    return data.decode("latin-1"), warnings

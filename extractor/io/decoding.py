"""Bytes → text for documents of unknown origin: a clear error for binary data, a warning for a
guessed encoding or replaced bytes.

Order of the checks:

1. a byte-order mark: UTF-8 (dropped) or UTF-16;
2. the magic number of a known binary format (PDF, ZIP, images, archives…): an error;
3. UTF-16 without a BOM (NUL or control bytes on every other byte, and a strict UTF-16 decode gives
   ordinary text): decoded, with a warning;
4. other NUL or control bytes: binary data, an error;
5. UTF-8. A text that is UTF-8 except for a few bad bytes (at most one per :data:`UTF8_BAD_RATIO` valid
   multi-byte characters, or at most :data:`UTF8_BAD_MAX` in a text without multi-byte characters) stays
   UTF-8: each invalid sequence becomes one U+FFFD, a warning gives their number and where the first was,
   and record offsets point into that decoded text;
6. otherwise Windows-1251 when most letters come out Cyrillic, else Latin-1 (with a warning).
"""
from __future__ import annotations

from typing import List, Optional, Tuple

import regex

_MAGIC = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\x7fELF", "executable"),
    (b"\xfd7zXZ", "xz"), (b"7z\xbc\xaf", "7-Zip"), (b"Rar!", "RAR"), (b"SQLite format 3", "SQLite"),
)
_LETTER = regex.compile(r"\p{L}")
_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
# ordinary text: letters, marks, digits, spaces, punctuation and symbols
_TEXTLIKE = regex.compile(r"[\p{L}\p{M}\p{N}\p{Zs}\p{P}\p{S}\t\n\r\f]")
# a valid UTF-8 multi-byte character
_UTF8_MULTI = regex.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

UTF8_BAD_RATIO = 20  # valid multi-byte characters per invalid sequence, at least, to keep a text UTF-8
UTF8_BAD_MAX = 3     # invalid sequences kept as UTF-8 in a text without multi-byte characters


class BadInput(ValueError):
    """The input cannot be read as text; the message says why."""


def _control_ratio(data: bytes) -> float:
    sample = data[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def _textlike_ratio(text: str) -> float:
    sample = text[:4096]
    return len(_TEXTLIKE.findall(sample)) / len(sample) if sample else 0.0


def _utf16_without_bom(data: bytes) -> Optional[Tuple[str, str]]:
    """``(text, "LE"/"BE")`` when ``data`` reads as ordinary UTF-16 text without a BOM."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    # in UTF-16 text of one script, one byte of each pair is nearly constant (00 for Latin, 04 for Cyrillic)
    for order, high in (("LE", odd), ("BE", even)):
        common = max(set(high), key=high.count)
        if high.count(common) / len(high) < 0.5 or common > 0x30:
            continue
        body = data[:len(data) - len(data) % 2]
        try:
            text = body.decode(f"utf-16-{order.lower()}")
        except UnicodeDecodeError:
            continue
        if _textlike_ratio(text) >= 0.95:
            return text, order
    return None


def _utf8_with_bad_bytes(data: bytes, first_bad: int) -> Optional[Tuple[str, List[str]]]:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multi = len(_UTF8_MULTI.findall(data))
    if (multi and bad * UTF8_BAD_RATIO <= multi) or (not multi and bad <= UTF8_BAD_MAX):
        return text, [f"encoding: UTF-8 with {bad} invalid byte sequence{'s' if bad != 1 else ''} (the first at "
                      f"byte {first_bad}), each replaced by U+FFFD; offsets are into the text so decoded"]
    return None


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
        found = _utf16_without_bom(data)
        if found is not None:
            text, order = found
            extra = " (an odd last byte dropped)" if len(data) % 2 else ""
            return text, [f"encoding: UTF-16-{order} without a byte-order mark (detected, decoded){extra}"]
        raise BadInput("binary data (NUL or control bytes; not UTF-8 or UTF-16 text)")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    kept = _utf8_with_bad_bytes(data, first_bad)
    if kept is not None:
        return kept
    cp = data.decode("cp1251", errors="replace")
    letters = len(_LETTER.findall(cp[:20000]))
    if letters and len(_CYRILLIC.findall(cp[:20000])) / letters >= 0.6:
        warnings.append(f"encoding: not UTF-8 (invalid byte at {first_bad}); decoded as Windows-1251")
        return cp, warnings
    warnings.append(f"encoding: not UTF-8 (invalid byte at {first_bad}); decoded as Latin-1, "
                    "check the source encoding")
    return data.decode("latin-1"), warnings

"""Checks on a document's text that become warnings (the document is still processed)."""
from __future__ import annotations

from typing import List

import regex

from .lang.kk.char_classes import KAZAKH_ONLY
from .normalize import looks_like_html

_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}")
_LATIN = regex.compile(r"\p{Script=Latin}")
_KAZAKH = regex.compile("[%s]" % KAZAKH_ONLY)
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
SAMPLE = 100_000


def language_warnings(text: str) -> List[str]:
    sample = text[:SAMPLE]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    kaz = len(_KAZAKH.findall(sample))
    letters = cyr + lat
    if letters < 20:
        return []
    if cyr < lat and cyr / letters < 0.3:
        return [f"language: text is mostly Latin script ({lat} Latin, {cyr} Cyrillic letters), not Kazakh; "
                "records may be missing"]
    if cyr >= 50 and kaz / cyr < 0.004:
        return [f"language: text looks Russian, not Kazakh (no Kazakh-specific letters among {cyr} Cyrillic); "
                "records may be missing"]
    return []


def text_warnings(text: str) -> List[str]:
    """Warnings a user should see for this text (empty, markup, wrong language, damaged characters)."""
    if not text.strip():
        return ["empty: the document has no text"]
    out = []
    if looks_like_html(text):
        out.append("html: the text looks like HTML markup; tags were ignored, offsets still point into the markup")
    bad = len(_CONTROL.findall(text[:SAMPLE]))
    if bad:
        out.append(f"encoding: {bad} control or replacement characters in the text (damaged or binary input?)")
    out.extend(language_warnings(text))
    return out

"""Moved to :mod:`extractor.lang.kk.normalize` (the Kazakh normaliser belongs with the language); this
name stays so that existing imports keep working."""
from .lang.kk.normalize import CYRILLIC, Normalized, OffsetMap, looks_like_html, normalize

__all__ = ["CYRILLIC", "Normalized", "OffsetMap", "looks_like_html", "normalize"]

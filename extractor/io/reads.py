"""What a reader yields: an :class:`Item` (a document to process) or an :class:`InputError` (an input that
could not be read, with where it was and why). Plain data classes, importable without spaCy."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import List, Optional, Union

DateLike = Union[str, dt.date, None]


@dataclass
class Item:
    """One document to process."""

    text: str
    doc_id: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    published: DateLike = None
    warnings: List[str] = field(default_factory=list)
    location: Optional[str] = None  # where it was read: path, path:line, WARC record offset ...


@dataclass
class InputError:
    """An input that is not a document: ``location`` (path, ``path:line``, ``path@offset``) and ``reason``."""

    location: str
    reason: str
    doc_id: Optional[str] = None

    def __post_init__(self):
        from .safe import safe_field, safe_id  # paths may hold undecodable bytes (lone surrogates)

        self.location = safe_field(str(self.location))
        self.reason = safe_field(str(self.reason))
        self.doc_id = safe_id(self.doc_id)[0]

    def to_dict(self) -> dict:
        return {"location": self.location, "doc_id": self.doc_id, "reason": self.reason}

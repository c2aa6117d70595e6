"""What recognisers produce: a typed span of the normalised text with its attributes.

A :class:`Mention` is the fact; :mod:`extractor.document` turns it into a contract record with
offsets into the original text.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional

from spacy.tokens import Doc

for _name, _default in (("kx_mentions", None), ("kx_published", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@dataclass
class Mention:
    type: str  # money | jobs | percent | quantity | date | org | person | location
    start: int  # offsets into doc.text (the normalised text)
    end: int
    attrs: Dict[str, Any] = field(default_factory=dict)
    source: str = "rule"

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Context:
    """What a recogniser may know besides the text."""

    published: Optional[dt.date] = None
    doc: Optional[Doc] = None
    # mentions found by earlier components (dates use earlier years to complete "бірінші тоқсанда")
    mentions: List[Mention] = field(default_factory=list)


Finder = Callable[[str, Context], Iterable[Mention]]


def published_of(doc: Doc) -> Optional[dt.date]:
    p = doc._.kx_published
    if p is None or isinstance(p, dt.date):
        return p
    return dt.date.fromisoformat(str(p))


def add_mentions(doc: Doc, mentions: Iterable[Mention]) -> None:
    current = doc._.kx_mentions
    if current is None:
        current = []
    current.extend(mentions)
    doc._.kx_mentions = current


def get_mentions(doc: Doc) -> List[Mention]:
    return list(doc._.kx_mentions or [])

"""Turn a processed spaCy Doc into a contract :class:`~extractor.records.Document`."""
from __future__ import annotations

import bisect
import hashlib
from typing import List, Optional

from pydantic import ValidationError
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from .facts import relink
from .lang.kk.tokenizer import offset_map, original_text
from .mentions import get_mentions
from .records import RECORD_MODELS, Document
from .version import __version__


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def sentence_starts(doc: Doc) -> List[int]:
    """Character offsets (in doc.text) where sentences start; ``[0]`` when none are set."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [0]
    arr = doc.to_array([SENT_START, IDX])
    starts = [int(idx) for flag, idx in arr if int(flag) == 1]
    return starts if starts and starts[0] == 0 else [0] + starts


def records_of(doc: Doc, warnings: Optional[List[str]] = None) -> list:
    """Contract records for the mentions on ``doc``, in text order, offsets into the original text."""
    raw = original_text(doc)
    omap = offset_map(doc)
    starts = sentence_starts(doc)
    out = []
    made = {}  # mention position → its record: links between mentions become record indices (relink)
    for k, m in enumerate(get_mentions(doc)):
        s, e = omap.span(m.start, m.end)
        model = RECORD_MODELS[m.type]
        try:
            made[k] = model(text=raw[s:e], start=s, end=e, sentence=max(0, bisect.bisect_right(starts, m.start) - 1),
                            source=m.source, **m.attrs)
            out.append(made[k])
        except ValidationError as exc:  # a recogniser bug must not lose the document
            if warnings is not None:
                warnings.append(f"dropped a {m.type} record at {s}:{e} ({raw[s:e]!r}): "
                                f"{exc.errors()[0].get('msg', exc)}")
    out.sort(key=lambda r: (r.start, r.end))
    relink(out, made)
    return out


def build_document(doc: Doc, *, doc_id: Optional[str] = None, source: Optional[str] = None,
                   title: Optional[str] = None, published=None, model: Optional[str] = None,
                   warnings: Optional[List[str]] = None) -> Document:
    raw = original_text(doc)
    sha = text_sha256(raw)
    warnings = list(warnings or [])
    records = records_of(doc, warnings)
    return Document(doc_id=doc_id or sha[:16], source=source, published=published, title=title, text_sha256=sha,
                    extractor_version=__version__, model=model, records=records, warnings=warnings)

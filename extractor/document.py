"""Turn a processed spaCy Doc into a contract :class:`~extractor.records.Document`."""
from __future__ import annotations

import bisect
import hashlib
from typing import List, Optional, Tuple

from pydantic import PrivateAttr, ValidationError
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
    starts = arr[arr[:, 0] == 1, 1].tolist()  # one numpy pass, not a Python loop over the tokens
    return starts if starts and starts[0] == 0 else [0] + starts


#: one sentence of the text as received: (index, start, end, text); ``text == original_text[start:end]``
Sentence = Tuple[int, int, int, str]


class ExtractedDocument(Document):
    """A contract :class:`Document` that also carries its sentences, for the database sinks (their
    ``sentences`` table). The sentences are not a contract field: JSON output and the JSON Schema do not
    show them, and a plain :class:`Document` (read from JSON) has none."""

    _sentences: Optional[List[Sentence]] = PrivateAttr(default=None)


def document_sentences(document: Document) -> Optional[List[Sentence]]:
    """The sentences a document carries (``None`` when it was not built here from a processed text)."""
    return getattr(document, "_sentences", None) if isinstance(document, ExtractedDocument) else None


def sentence_spans(doc: Doc, offset: int = 0, first: int = 0) -> List[Sentence]:
    """The sentences of ``doc`` as ``(index, start, end, text)`` in the text as received, numbered as the
    records' ``sentence`` field; without the whitespace around them (a sentence that is only whitespace is
    left out). ``offset``/``first`` shift positions and indices (a long text processed in pieces)."""
    raw = original_text(doc)
    if not raw:
        return []
    omap = offset_map(doc)
    starts = [omap.to_original(s) for s in sentence_starts(doc)]
    out = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(raw)
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((first + i, offset + s, offset + e, raw[s:e]))
    return out


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
    out = ExtractedDocument(doc_id=doc_id or sha[:16], source=source, published=published, title=title,
                            text_sha256=sha, extractor_version=__version__, model=model, records=records,
                            warnings=warnings)
    out._sentences = sentence_spans(doc)
    return out

"""Python API: ``extractor.extract(text, published=None)`` and the reusable :class:`Extractor`."""
from __future__ import annotations

import datetime as dt
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

from .document import build_document
from .facts import shift_links
from .io.reads import DateLike, Item
from .pipeline import build_pipeline, inference_batch_sizes, model_name
from .quality import text_warnings
from .records import Document

# documents longer than this go through the pipeline in pieces cut at line breaks
CHUNK_CHARS = 100_000
# and text beyond this is not processed at all (a warning says so); 0 means no limit
DEFAULT_MAX_CHARS = 20_000_000


def parse_published(value: DateLike) -> Optional[dt.date]:
    """A publish date from ``YYYY-MM-DD``, an ISO timestamp, or a date; ``None`` when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        raise ValueError(f"published: not a date: {value!r} (expected YYYY-MM-DD)") from None


def _chunks(text: str, size: int) -> List[Tuple[int, str]]:
    """Cut ``text`` into pieces of about ``size`` characters at line breaks (or spaces)."""
    out, pos, n = [], 0, len(text)
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            cut = text.rfind("\n", pos + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", pos + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


class Extractor:
    """A loaded pipeline. ``ner``: ``"auto"`` (the shipped model when present), ``"spacy"``, ``"stanza"`` or
    ``"none"`` (rules only)."""

    def __init__(self, ner: str = "auto", model_path: Optional[str] = None, max_chars: int = DEFAULT_MAX_CHARS,
                 **options):
        self.nlp = build_pipeline(ner=ner, model_path=model_path, **options)
        self.model = model_name(self.nlp)
        self.max_chars = max_chars

    def _prepare(self, item: Item):
        text = item.text
        warnings = list(item.warnings)
        if self.max_chars and len(text) > self.max_chars:
            warnings.append(f"truncated: text has {len(text)} characters; only the first {self.max_chars} "
                            "were searched")
        warnings.extend(text_warnings(text))
        try:
            published = parse_published(item.published)
        except ValueError as exc:  # one bad date costs the document its relative dates, not its records
            warnings.append(f"{exc}; relative dates left unresolved")
            published = None
        return warnings, published

    def _make_doc(self, text: str, published):
        doc = self.nlp.make_doc(text)
        doc._.kx_published = published
        return doc

    def process(self, item: Item) -> Document:
        warnings, published = self._prepare(item)
        text = item.text
        limit = min(len(text), self.max_chars) if self.max_chars else len(text)
        if limit == len(text) and limit <= CHUNK_CHARS:
            doc = self.nlp(self._make_doc(text, published))
            return build_document(doc, doc_id=item.doc_id, source=item.source, title=item.title,
                                  published=published, model=self.model, warnings=warnings)
        return self._process_long(item, text, limit, published, warnings)

    def _process_long(self, item, text, limit, published, warnings) -> Document:
        """Process a long text piece by piece; offsets and sentence numbers are shifted back."""
        whole = build_document(self.nlp.make_doc(""), doc_id=item.doc_id, source=item.source, title=item.title,
                               published=published, model=self.model, warnings=warnings)
        from .document import sentence_spans, sentence_starts, text_sha256

        records, sentences, spans = [], 0, []
        for offset, piece in _chunks(text[:limit], CHUNK_CHARS):
            doc = self.nlp(self._make_doc(piece, published))
            part = build_document(doc, published=published, model=self.model)
            base = len(records)  # facts link records by index: the piece's indices move by base
            for r in part.records:
                records.append(r.model_copy(update={"start": r.start + offset, "end": r.end + offset,
                                                    "sentence": r.sentence + sentences, **shift_links(r, base)}))
            spans.extend(sentence_spans(doc, offset, sentences))
            sentences += len(sentence_starts(doc)) if len(doc) else 0
        sha = text_sha256(text)
        out = whole.model_copy(update={"records": records, "text_sha256": sha, "doc_id": item.doc_id or sha[:16]})
        out._sentences = spans
        return out

    def pipe(self, items: Iterable[Item], batch_size: int = 32) -> Iterator[Document]:
        """Process many items in order, batching the short ones through ``nlp.pipe``."""
        batch: List[Item] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._pipe_batch(batch)
                batch = []
        if batch:
            yield from self._pipe_batch(batch)

    def _pipe_batch(self, batch: List[Item]) -> Iterator[Document]:
        short = []
        for item in batch:
            if len(item.text) <= CHUNK_CHARS and not (self.max_chars and len(item.text) > self.max_chars):
                warnings, published = self._prepare(item)
                short.append((item, warnings, published, self._make_doc(item.text, published)))
        docs = [d for *_, d in short]
        done = iter(self.nlp.pipe(docs, batch_size=len(short) or 1,
                                  component_cfg=inference_batch_sizes(self.nlp, docs)))
        pending = {id(item): (warnings, published) for item, warnings, published, _ in short}
        for item in batch:
            if id(item) in pending:
                warnings, published = pending[id(item)]
                doc = next(done)
                yield build_document(doc, doc_id=item.doc_id, source=item.source, title=item.title,
                                     published=published, model=self.model, warnings=warnings)
            else:
                yield self.process(item)


_LOADED: Dict[str, Extractor] = {}


def get_extractor(ner: str = "auto") -> Extractor:
    """The pipeline for ``ner``, loaded on first use and kept."""
    if ner not in _LOADED:
        _LOADED[ner] = Extractor(ner=ner)
    return _LOADED[ner]


def extract(text: str, published: DateLike = None, *, doc_id: Optional[str] = None, ner: str = "auto") -> Document:
    """Extract the records of one Kazakh text. The pipeline is loaded once and reused."""
    return get_extractor(ner).process(Item(text=text, published=published, doc_id=doc_id))

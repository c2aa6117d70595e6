"""The names layer's :class:`~.text.TextInfo` of a Doc, made once and kept on the Doc.

``kx_org`` and ``kx_names`` read the same text, and :class:`~.text.TextInfo` memoises what both ask of it
(the words, the gazetteer's finds, the head nouns, the datelines, the legal abbreviations). In
``nlp.pipe`` a whole batch of documents passes ``kx_org`` before the first reaches ``kx_names``, so the
small cache of :func:`~.text.text_info` (the last few texts) no longer holds a document's info when
``kx_names`` asks for it, and every document was analysed twice. The info now travels on the Doc
(``doc._.kx_names_info``) from ``kx_org`` to ``kx_names``, which drops it when done.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .text import TextInfo, text_info

if not Doc.has_extension("kx_names_info"):
    Doc.set_extension("kx_names_info", default=None)


def doc_text_info(doc: Optional[Doc], text: str) -> TextInfo:
    """The info of ``text`` (``doc``'s text): the one kept on ``doc`` when it has one for this text, else
    made now and kept there. Without a Doc, :func:`~.text.text_info`."""
    if doc is None:
        return text_info(text)
    got = doc._.kx_names_info
    if got is None or (got.text is not text and got.text != text):
        got = text_info(text)
        doc._.kx_names_info = got
    return got


def drop_text_info(doc: Doc) -> None:
    """Forget the info kept on ``doc`` (the names layer is done with it; the Doc may live on)."""
    doc._.kx_names_info = None

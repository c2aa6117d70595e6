"""The key a run checks before processing (doc_id, sha of the input text) is the key the sink stores,
so a resumed run skips finished documents without processing them again."""
import pytest

from extractor.api import CHUNK_CHARS, Extractor, Item
from extractor.document import text_sha256

TEXTS = [
    "Жоба құны 5,6 млрд\nтеңгені құрады.",
    "Қазақ\u00adстан\u00a0«ҚазАзот» ЖШС \u201cжаңа\u201d зауыт — 2010–2014 жж.\r\nKазақ",  # soft hyphen, NBSP, dashes, Latin K
    "",
    "  \n\n ",
    ("Биыл облыста 120 жаңа жұмыс орны ашылды.\n" * (CHUNK_CHARS // 40 + 50)),  # processed in pieces
]


@pytest.fixture(scope="module")
def extractor():
    return Extractor(ner="none")


@pytest.mark.parametrize("text", TEXTS, ids=["line-break", "normalised", "empty", "blank", "long"])
def test_stored_sha_is_the_sha_of_the_input_text(extractor, text):
    doc = extractor.process(Item(text=text))
    assert doc.text_sha256 == text_sha256(text)
    assert doc.doc_id == text_sha256(text)[:16]  # no id: the contract's doc_id

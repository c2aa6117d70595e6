"""A hand-made output document for the review tests: our own Kazakh sentences, with records that nest (an
organisation inside a money phrase), cross (a record starting inside another and ending after it), stand on
both sides of a Windows line break, and carry the facts fields."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

TEXT = ("«Арай Құрылыс» ЖШС-нің 4,2 млрд теңгесі 2023 жылы\r\nжаңа зауытқа салынды.\n"
        "Биыл Түркістан облысында 350 жұмыс орнын ашу көзделген.\n")


def _span(text: str, piece: str, after: int = 0):
    s = text.index(piece, after)
    return s, s + len(piece)


def nested_document(doc_id: str = "arai") -> dict:
    t = TEXT
    recs = []

    def add(type_, piece, **fields):
        s, e = _span(t, piece)
        recs.append({"type": type_, "text": piece, "start": s, "end": e, "sentence": 0 if s < 70 else 1,
                     "source": "rule", **fields})

    add("money", "«Арай Құрылыс» ЖШС-нің 4,2 млрд теңгесі", value=4200000000, value_max=None, currency="KZT",
        qualifier="exact", measure="investment", status="actual", org=1, location=None, date=2)
    add("org", "«Арай Құрылыс» ЖШС", name="Арай Құрылыс", legal_form="ЖШС")
    add("date", "теңгесі 2023 жылы", date_start="2023-01-01", date_end="2023-12-31", granularity="year",
        relative=False)  # crosses the money record: starts inside it, ends after it
    add("date", "Биыл", date_start="2024-01-01", date_end="2024-12-31", granularity="year", relative=True)
    add("location", "Түркістан облысында", name="Түркістан облысы")
    add("jobs", "350 жұмыс орнын", value=350, value_max=None, qualifier="exact", permanent=None,
        measure="jobs", status="planned", org=None, location=4, date=3)
    assert [r["start"] for r in recs] == sorted(r["start"] for r in recs)  # text order: the links above hold
    return {"doc_id": doc_id, "source": None, "published": "2024-03-01", "title": "Зауыт салынды",
            "text_sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(), "extractor_version": "test",
            "model": None, "records": recs, "warnings": ["html: a warning for the page to show"]}


def write_output(tmp: Path, doc: dict) -> Path:
    p = tmp / "out.jsonl"
    other = dict(doc, doc_id="other", records=[], text_sha256="0" * 64)
    p.write_text(json.dumps(other, ensure_ascii=False) + "\n" + json.dumps(doc, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    return p

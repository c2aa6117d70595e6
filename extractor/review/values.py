"""What a record says, in words: its normalised value, qualifier, date span, base-form name and fact links,
as shown in the review page's hover titles and record table. Records are JSON dicts of the output contract
(numbers as :class:`~decimal.Decimal` when read with ``parse_float=Decimal``); fields a record type lacks,
or the version 2 facts fields of an older output, are simply absent."""
from __future__ import annotations

from decimal import Decimal
from typing import List, Optional, Sequence

FACT_LINKS = ("org", "location", "date")


def number(value) -> str:
    """``5600000000`` → ``5 600 000 000``; ``Decimal('5.6')`` → ``5.6`` (exact, never through float)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    return f"{d:,}".replace(",", "\u202f")


def value_text(rec: dict) -> str:
    """The normalised value with its currency or unit: ``5 600 000 000 KZT``, ``50–70 %``, ``12 t``."""
    t = rec.get("type")
    if t == "date":
        return date_span(rec)
    if t in ("org", "person", "location"):
        return rec.get("name") or ""
    if "value" not in rec:
        return ""
    v = number(rec.get("value"))
    if rec.get("value_max") is not None:
        v = f"{v}–{number(rec['value_max'])}"
    suffix = {"money": rec.get("currency"), "quantity": rec.get("unit"), "percent": "%"}.get(t)
    if t == "jobs":
        suffix = {True: "jobs, permanent", False: "jobs, temporary"}.get(rec.get("permanent"), "jobs")
    return f"{v} {suffix}" if suffix else v


def date_span(rec: dict) -> str:
    start, end = rec.get("date_start"), rec.get("date_end")
    if start is None and end is None:
        span = "unresolved"
    elif start == end:
        span = str(start)
    else:
        span = f"{start} … {end}"
    parts = [span]
    if rec.get("granularity"):
        parts.append(rec["granularity"])
    if rec.get("relative"):
        parts.append("relative")
    return ", ".join(parts)


def linked(records: Sequence[dict], index) -> Optional[dict]:
    if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(records):
        return records[index]
    return None


def label(rec: dict) -> str:
    """A short name for a linked record: its base-form name, else its text."""
    return rec.get("name") or rec.get("text") or ""


def facts_text(rec: dict, records: Sequence[dict]) -> str:
    """``investment, actual; org: ҚазАзот; date: 2015-01-01 … 2019-12-31`` (empty without facts fields)."""
    parts: List[str] = []
    head = ", ".join(str(rec[f]) for f in ("measure", "status") if rec.get(f))
    if head:
        parts.append(head)
    for f in FACT_LINKS:
        other = linked(records, rec.get(f))
        if other is not None:
            parts.append(f"{f}: {date_span(other) if f == 'date' else label(other)}")
    return "; ".join(parts)


def has_facts(records: Sequence[dict]) -> bool:
    return any(f in r for r in records for f in ("measure", "status") + FACT_LINKS)


def hover_title(rec: dict, records: Sequence[dict]) -> str:
    """The tooltip of a highlight: type, value, qualifier, legal form, facts."""
    parts = [rec.get("type", "?")]
    v = value_text(rec)
    if v:
        parts.append(v)
    q = rec.get("qualifier")
    if q and q != "exact":
        parts.append(q)
    if rec.get("legal_form"):
        parts.append(f"legal form {rec['legal_form']}")
    if rec.get("key") and rec.get("key") != (rec.get("name") or "").casefold():
        parts.append(f"key {rec['key']}")
    f = facts_text(rec, records)
    if f:
        parts.append(f)
    return " · ".join(parts)

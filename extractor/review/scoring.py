"""Scores of predicted documents against gold (``kazextract evaluate``), by the definitions of the shared
scorers (``../shared/tools/score.py`` and ``score_facts.py``), so the figures are the same:

* records, per type, micro-averaged over documents: a **value** match when the record's key agrees (money:
  value and currency; jobs, percent: value; quantity: value and unit; date: start and end; org: the name
  casefolded without quotes; person: the surname; location: the place, with or without ``қаласы``); a
  **full** match when the attributes agree as well (qualifier, currency, permanent, granularity, legal
  form). Value records are compared as multisets per document, names as sets. Values are compared
  rounded to 3 decimals.
* offset errors: predicted records whose ``text`` is not ``article[start:end]``.
* facts: a gold fact is found by the first unused predicted money/jobs record of its type with the same value
  that overlaps the gold text's place (the n-th occurrence for the n-th fact with that text); then measure and
  status accuracy, link precision/recall/F1 for org, location and date, and the share of gold facts with
  everything right.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from .gold import GoldDoc

TYPES = ("money", "jobs", "percent", "quantity", "date", "org", "person", "location")
QUOTE_CHARS = "«»\"“”„'‘’`"
CITY_WORDS = frozenset({"қаласы", "қ.", "қ", "ауылы", "кенті", "city"})
FACT_CITY_WORDS = CITY_WORDS - {"city"}  # score_facts.py does not drop the English word
DATE_WINDOW = 600  # a gold date text counts when it stands this close to the amount (characters)


def rounded(x) -> Optional[Decimal]:
    """A number to 3 decimals (the scorers' tolerance); None for anything that is not a number."""
    if x is None or isinstance(x, bool):
        return None
    try:
        return Decimal(str(x)).quantize(Decimal("0.001"))
    except (InvalidOperation, ValueError):
        return None


def casefolded(name) -> str:
    s = unicodedata.normalize("NFC", name or "")
    for q in QUOTE_CHARS:
        s = s.replace(q, " ")
    return " ".join(s.casefold().split())


def place_key(name, city_words=CITY_WORDS) -> str:
    words = casefolded(name).split()
    while len(words) > 1 and words[-1] in city_words:
        words.pop()
    return " ".join(words)


def surname_key(name) -> str:
    words = [w for w in casefolded(name).replace(".", ". ").split() if not w.endswith(".")]
    return words[-1] if words else ""


# type → (key, attributes of the full match, compared as a set)
MATCHING: Dict[str, Tuple[Callable[[dict], object], Tuple[str, ...], bool]] = {
    "money": (lambda r: (rounded(r.get("value")), r.get("currency")), ("qualifier",), False),
    "jobs": (lambda r: rounded(r.get("value")), ("qualifier", "permanent"), False),
    "percent": (lambda r: rounded(r.get("value")), ("qualifier",), False),
    "quantity": (lambda r: (rounded(r.get("value")), r.get("unit")), ("qualifier",), False),
    "date": (lambda r: (r.get("date_start"), r.get("date_end")), ("granularity",), False),
    "org": (lambda r: casefolded(r.get("name")), ("legal_form",), True),
    "person": (lambda r: surname_key(r.get("name")), (), True),
    "location": (lambda r: place_key(r.get("name")), (), True),
}


def _attributes(rec: dict, names: Sequence[str]) -> tuple:
    return tuple(rec.get(n, "exact" if n == "qualifier" else None) for n in names)


def _counts(records: Sequence[dict], t: str) -> Tuple[Counter, Counter]:
    key, names, as_set = MATCHING[t]
    value = Counter(key(r) for r in records)
    full = Counter((key(r), _attributes(r, names)) for r in records)
    if as_set:
        value, full = Counter(set(value)), Counter(set(full))
    return value, full


def prf(tp: int, pred: int, gold: int) -> Tuple[float, float, float]:
    """Precision, recall, F1 rounded to 4 places; nothing predicted for nothing gold is perfect."""
    p = tp / pred if pred else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def offset_errors(text: Optional[str], records: Sequence[dict], name: str) -> List[dict]:
    if text is None:
        return []
    out = []
    for r in records:
        s, e = r.get("start"), r.get("end")
        ok = isinstance(s, int) and isinstance(e, int) and text[s:e] == r.get("text")
        if not ok:
            out.append({"doc_id": name, "type": r.get("type"), "text": r.get("text"), "start": s, "end": e})
    return out


def score_records(gold: Dict[str, GoldDoc], preds: Dict[str, dict], types: Sequence[str] = TYPES) -> dict:
    docs = {n: g for n, g in gold.items() if g.has_gold}
    tally = {t: Counter() for t in types}
    errors: List[dict] = []
    for name, g in docs.items():
        recs = (preds.get(name) or {}).get("records") or []
        errors += offset_errors(g.text, recs, name)
        for t in types:
            gv, gf = _counts(g.gold.get(t) or [], t)
            pv, pf = _counts([r for r in recs if r.get("type") == t], t)
            c = tally[t]
            c["gold"] += sum(gv.values())
            c["pred"] += sum(pv.values())
            c["value_tp"] += sum((gv & pv).values())
            c["full_tp"] += sum((gf & pf).values())
    result = {"documents": len(docs), "missing_documents": [n for n in docs if n not in preds],
              "offset_errors": len(errors), "offset_error_list": errors, "types": {}}
    total = Counter()
    for t in types:
        c = tally[t]
        total.update(c)
        row = {"gold": c["gold"], "pred": c["pred"]}
        row.update(zip(("value_p", "value_r", "value_f1"), prf(c["value_tp"], c["pred"], c["gold"])))
        row.update(zip(("full_p", "full_r", "full_f1"), prf(c["full_tp"], c["pred"], c["gold"])))
        result["types"][t] = row
    micro = {"gold": total["gold"], "pred": total["pred"]}
    micro.update(zip(("value_p", "value_r", "value_f1"), prf(total["value_tp"], total["pred"], total["gold"])))
    micro.update(zip(("full_p", "full_r", "full_f1"), prf(total["full_tp"], total["pred"], total["gold"])))
    result["micro"] = micro
    return result


def _spans_of(text: str, needle: str) -> List[Tuple[int, int]]:
    out = []
    if not needle:
        return out
    i = text.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _overlaps(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def score_facts(gold: Dict[str, GoldDoc], preds: Dict[str, dict]) -> Optional[dict]:
    """Facts scores, or None when no gold document has a facts file."""
    docs = [g for g in gold.values() if g.facts is not None]
    if not docs:
        return None
    n = Counter()
    differences: List[dict] = []
    for g in docs:
        text = g.text or ""
        recs = (preds.get(g.name) or {}).get("records") or []
        taken = set()
        seen_texts: Counter = Counter()
        for fact in g.facts:
            n["gold"] += 1
            places = _spans_of(text, fact.get("text") or "")
            k = seen_texts[fact.get("text")]
            seen_texts[fact.get("text")] += 1
            g0, g1 = places[min(k, len(places) - 1)] if places else (-1, -1)
            want = rounded(fact.get("value"))
            match = next((i for i, r in enumerate(recs) if i not in taken and r.get("type") == fact.get("type")
                          and rounded(r.get("value")) == want and isinstance(r.get("start"), int)
                          and _overlaps(r["start"], r.get("end"), g0, g1)), None)
            if match is None:
                differences.append({"doc_id": g.name, "amount": fact.get("text"), "what": "amount not found"})
                continue
            taken.add(match)
            rec = recs[match]
            n["found"] += 1
            right = True
            for field in ("measure", "status"):
                expected = "jobs" if field == "measure" and fact.get("type") != "money" else fact.get(field)
                if rec.get(field) == expected:
                    n[field] += 1
                else:
                    right = False
                    differences.append({"doc_id": g.name, "amount": fact.get("text"),
                                        "what": f"{field}: gold {expected} pred {rec.get(field)}"})
            for field in ("org", "location", "date"):
                expected = fact.get(field)
                j = rec.get(field)
                other = recs[j] if isinstance(j, int) and not isinstance(j, bool) and 0 <= j < len(recs) else None
                if field == "date":
                    ok = bool(expected and other) and any(
                        _overlaps(other.get("start", -1), other.get("end", -1), s, e)
                        for s, e in _spans_of(text, expected) if abs(s - g0) < DATE_WINDOW)
                else:
                    ok = bool(expected and other) and (place_key(other.get("name"), FACT_CITY_WORDS)
                                                       == place_key(expected, FACT_CITY_WORDS))
                n[field + "_pred"] += other is not None
                n[field + "_gold"] += bool(expected)
                n[field + "_tp"] += ok
                if (expected or other is not None) and not ok:
                    right = False
                    shown = (other.get("name") or other.get("text")) if other else None
                    differences.append({"doc_id": g.name, "amount": fact.get("text"),
                                        "what": f"{field}: gold {expected} pred {shown}"})
            n["fully_right"] += right
    found = n["found"] or 1
    links = {}
    for field in ("org", "location", "date"):
        p, r, f = prf(n[field + "_tp"], n[field + "_pred"], n[field + "_gold"])
        links[field] = {"precision": p, "recall": r, "f1": f, "gold": n[field + "_gold"], "pred": n[field + "_pred"]}
    return {"gold_facts": n["gold"], "found": n["found"],
            "measure_accuracy": round(n["measure"] / found, 4), "status_accuracy": round(n["status"] / found, 4),
            "links": links, "fully_right": round(n["fully_right"] / (n["gold"] or 1), 4),
            "differences": differences}

"""Whole-document name corpora (``news.txt``): short news items with the org, person and location records they
must give, read by :func:`read_items` and scored by :func:`score` (``bench/names_news.py``, ``tests/test_names_news.py``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

HERE = Path(__file__).resolve().parent
TYPES = ("org", "person", "location")
Name = Tuple[str, Optional[str]]  # (name, legal_form); legal_form None for person and location


@dataclass
class NewsItem:
    id: str
    set: str  # "tune" or "aside"
    text: str
    gold: Dict[str, Set[Name]] = field(default_factory=dict)


def _name(kind: str, raw: str) -> Name:
    if kind == "org" and "|" in raw:
        name, form = (p.strip() for p in raw.split("|", 1))
        return name, form
    return raw.strip(), None


def read_items(path: Path = HERE / "news.txt") -> List[NewsItem]:
    items: List[NewsItem] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            ident, which = line[2:].split()
            if which not in ("tune", "aside"):
                raise ValueError(f"{path}:{lineno}: set must be tune or aside, not {which!r}")
            items.append(NewsItem(ident, which, ""))
            continue
        if not items:
            raise ValueError(f"{path}:{lineno}: text before the first '@ ID SET' line")
        item = items[-1]
        kind, sep, rest = line.partition(":")
        if sep and kind in TYPES:
            item.gold[kind] = {_name(kind, p) for p in rest.split(";") if p.strip()}
        else:
            item.text = f"{item.text}\n{line}" if item.text else line
    return items


def _same_place(name: str) -> str:
    # annotation.md: a city may be written with or without қаласы; the scorer treats both as one place
    return name[:-len(" қаласы")] if name.endswith(" қаласы") else name


def found(records: Iterable) -> Dict[str, Set[Name]]:
    out: Dict[str, Set[Name]] = {t: set() for t in TYPES}
    for r in records:
        if r.type in TYPES:
            name = r.name if r.type != "location" else _same_place(r.name)
            out[r.type].add((name, getattr(r, "legal_form", None) if r.type == "org" else None))
    return out


def score(pairs: Iterable[Tuple[NewsItem, Dict[str, Set[Name]]]]) -> Dict[str, Dict[str, float]]:
    """Micro precision/recall/F1 per type over (item, found names) pairs."""
    tp = {t: 0 for t in TYPES}
    n_gold = dict(tp)
    n_pred = dict(tp)
    for item, pred in pairs:
        for t in TYPES:
            gold = {(_same_place(n), f) if t == "location" else (n, f) for n, f in item.gold.get(t, set())}
            tp[t] += len(gold & pred[t])
            n_gold[t] += len(gold)
            n_pred[t] += len(pred[t])
    out = {}
    for t in TYPES:
        p = tp[t] / n_pred[t] if n_pred[t] else 1.0
        r = tp[t] / n_gold[t] if n_gold[t] else 1.0
        out[t] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": n_gold[t]}
    return out

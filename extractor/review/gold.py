"""Gold files as ``../shared/spec/annotation.md`` describes them: ``NAME.gold.json`` (records by type) beside the
article ``NAME.txt``, and optionally ``NAME.facts.json`` (``{"facts": [...]}``, ``facts.md``)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from . import ReviewError

RECORD_TYPES = ("money", "jobs", "percent", "quantity", "date", "org", "person", "location")
GOLD_SUFFIX = ".gold.json"
FACTS_SUFFIX = ".facts.json"


@dataclass
class GoldDoc:
    name: str
    gold: dict
    text: Optional[str]
    facts: Optional[List[dict]] = None
    has_gold: bool = True  # False: only NAME.facts.json is there


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ReviewError(f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read: {exc.strerror or exc}") from None


def load_gold_dir(gold_dir: Path) -> Dict[str, GoldDoc]:
    """Every ``*.gold.json`` of ``gold_dir`` by NAME (sorted), with its text and facts when present."""
    if not gold_dir.is_dir():
        raise ReviewError(f"{gold_dir}: not a directory")
    out: Dict[str, GoldDoc] = {}
    for p in sorted(gold_dir.glob("*" + GOLD_SUFFIX)):
        name = p.name[: -len(GOLD_SUFFIX)]
        gold = _read_json(p)
        if not isinstance(gold, dict):
            raise ReviewError(f"{p}: a gold file is a JSON object, not {type(gold).__name__}")
        for t in RECORD_TYPES:
            recs = gold.get(t, [])
            if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
                raise ReviewError(f"{p}: {t!r} must be a list of record objects")
        txt = p.with_name(name + ".txt")
        text = txt.read_text(encoding="utf-8") if txt.exists() else None
        out[name] = GoldDoc(name, gold, text)
    for p in sorted(gold_dir.glob("*" + FACTS_SUFFIX)):
        name = p.name[: -len(FACTS_SUFFIX)]
        data = _read_json(p)
        facts = data.get("facts") if isinstance(data, dict) else None
        if not isinstance(facts, list):
            raise ReviewError(f"{p}: a facts file is {{\"facts\": [...]}}")
        txt = p.with_name(name + ".txt")
        if not txt.exists():
            raise ReviewError(f"{p}: no article {txt.name} beside it")
        doc = out.get(name) or GoldDoc(name, {}, txt.read_text(encoding="utf-8"), has_gold=False)
        if doc.text is None:
            doc.text = txt.read_text(encoding="utf-8")
        doc.facts = facts
        out.setdefault(name, doc)
    if not out:
        raise ReviewError(f"{gold_dir}: no *{GOLD_SUFFIX} files")
    return out

"""The facts corpora (``extractor/facts/corpora/*.txt``): Kazakh sentences, each with the facts its
marked amount must get. Same style as the dimensions' ``corpus.txt``::

    = {"measure": "investment", "status": "actual", "org": "ҚазАзот", "date": "2015 жылы"}
    «ҚазАзот» ЖШС 2015 жылы зауытқа [5,6 млрд теңге] салды.

A block starts with ``= `` and a JSON object of the fields to check: ``measure`` and ``status`` as
written in the record; ``org`` and ``location`` the linked record's ``name``, ``date`` the linked
record's text, ``null`` for no link. ``[...]`` marks the amount; ``\\n`` stands for a line break.
``python -m extractor.facts.corpus`` prints how many examples of each corpus are right.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from ..corpus_format import read_examples

CORPUS_DIR = Path(__file__).resolve().parent / "corpora"
QUOTES = "«»\"“”„"
CITY_WORDS = {"қаласы", "қ.", "қ", "ауылы", "кенті"}  # as ../shared/tools/score_facts.py: Шымкент = Шымкент қаласы


@dataclass
class Example:
    expected: dict
    text: str
    amount: str
    where: str


def parse(path: Path) -> List[Example]:
    out = []
    for e in read_examples(path):
        if e.expected is None or not e.marked:
            raise ValueError(f"{path}:{e.line}: a facts example needs a JSON block and its amount in [...]")
        out.append(Example(e.expected, e.text, e.mention, f"{path.name}:{e.line}"))
    return out


def _norm(s: Optional[str]) -> Optional[str]:
    if s is None:
        return None
    for q in QUOTES:
        s = s.replace(q, "")
    parts = s.casefold().split()
    while len(parts) > 1 and parts[-1] in CITY_WORDS:
        parts.pop()
    return " ".join(parts)


def differences(ex: Example, doc) -> List[str]:
    """What the document's record for the marked amount gets wrong (empty when all is right)."""
    recs = [r for r in doc.records if r.type in ("money", "jobs") and r.text == ex.amount]
    if not recs:
        return [f"no money/jobs record {ex.amount!r}; got {[r.text for r in doc.records]}"]
    r = recs[0]
    out = []
    for key, want in ex.expected.items():
        if key in ("measure", "status"):
            have = getattr(r, key)
        else:
            j = getattr(r, key)
            linked = doc.records[j] if j is not None else None
            have = None if linked is None else (linked.text if key == "date" else linked.name)
            have, want = _norm(have), _norm(want)
        if have != want:
            out.append(f"{key}: {have!r} != {want!r}")
    return out


def corpora() -> Dict[str, List[Example]]:
    return {p.stem: parse(p) for p in sorted(CORPUS_DIR.glob("*.txt"))}


def main() -> int:
    from .. import api

    ex_ = api.Extractor(ner=sys.argv[1] if len(sys.argv) > 1 else "none")
    for name, examples in corpora().items():
        wrong = [(e, d) for e in examples if (d := differences(e, ex_.process(api.Item(text=e.text))))]
        fields = sum(len(e.expected) for e in examples)
        bad = sum(len(d) for _, d in wrong)
        print(f"{name}: {len(examples) - len(wrong)}/{len(examples)} examples right, "
              f"{fields - bad}/{fields} fields right")
        for e, d in wrong:
            print(f"  {e.where}: {e.text!r}: {'; '.join(d)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Entity-level precision, recall and F1 over IOB2 tag sequences (the CoNLL / seqeval convention).

An entity is a maximal run ``B-X I-X I-X ...``. As in conlleval and seqeval's default mode, an
``I-X`` that does not continue an entity of type ``X`` (after ``O``, at the start, or after an entity
of another type) starts a new entity. A predicted entity counts as correct only when its first
token, last token and type all equal those of a gold entity. Scores are micro-averaged over all
entities of all sentences; entities never cross sentence boundaries.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Dict, Iterable, List, Sequence, Set, Tuple

Entity = Tuple[int, int, str]  # (first token, end token exclusive, type)


def iob2_entities(tags: Sequence[str]) -> List[Entity]:
    """Entities of one sentence's tags as ``(start, end, type)`` token spans."""
    out: List[Entity] = []
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and start is not None and label == kind
        if continues:
            continue
        if start is not None:
            out.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I"):
            start, kind = i, label
    return out


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    overall: Score
    by_type: Dict[str, Score]

    def format(self, digits: int = 2) -> str:
        rows = [("type", "precision", "recall", "f1", "support")]
        for name in sorted(self.by_type):
            s = self.by_type[name]
            rows.append((name, *(f"{100 * v:.{digits}f}" for v in (s.precision, s.recall, s.f1)), str(s.n_gold)))
        o = self.overall
        rows.append(("micro avg", *(f"{100 * v:.{digits}f}" for v in (o.precision, o.recall, o.f1)), str(o.n_gold)))
        width = max(len(r[0]) for r in rows)
        return "\n".join(f"{r[0]:<{width}}  " + "  ".join(f"{c:>9}" for c in r[1:]) for r in rows)

    def to_dict(self) -> dict:
        def d(s: Score):
            return {"precision": s.precision, "recall": s.recall, "f1": s.f1, "support": s.n_gold,
                    "predicted": s.n_pred, "correct": s.tp}

        return {"micro": d(self.overall), "types": {k: d(v) for k, v in sorted(self.by_type.items())}}


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Report:
    """Entity-level scores of predicted tag sequences against gold ones (same sentences, same lengths)."""
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for k, (g, p) in enumerate(zip(gold, pred, strict=True)):
        if len(g) != len(p):
            raise ValueError(f"sentence {k}: {len(g)} gold tags but {len(p)} predicted")
        gold_ents: Set[Entity] = set(iob2_entities(g))
        pred_ents: Set[Entity] = set(iob2_entities(p))
        n_gold.update(e[2] for e in gold_ents)
        n_pred.update(e[2] for e in pred_ents)
        tp.update(e[2] for e in gold_ents & pred_ents)
    types = set(n_gold) | set(n_pred)
    by_type = {t: Score(tp[t], n_pred[t], n_gold[t]) for t in types}
    overall = Score(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return Report(overall, by_type)

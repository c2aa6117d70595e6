"""Reading the KazNERD corpus (CoNLL-2002 style IOB2, optionally with sentence-ID lines).

KazNERD: Yeshpanov, Khassanov, Varol (2022), LREC, CC BY 4.0, https://github.com/IS2AI/KazNERD.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

from .metrics import iob2_entities

_ID = re.compile(r"^([A-Z])ID(\d+)$")


@dataclass
class Sentence:
    tokens: List[str]
    tags: List[str]
    sent_id: Optional[str] = None  # e.g. "AID327344"

    @property
    def source_id(self) -> Optional[str]:
        """The source sentence number shared by the A-F rendering variants."""
        if not self.sent_id:
            return None
        m = _ID.match(self.sent_id)
        return m.group(2) if m else self.sent_id

    def entities(self) -> List[Tuple[int, int, str]]:
        """``(start_token, end_token, label)`` spans of the IOB2 tags (ill-formed I- starts a span)."""
        return iob2_entities(self.tags)


def read_conll(path: Path) -> Iterator[Sentence]:
    tokens: List[str] = []
    tags: List[str] = []
    sent_id = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield Sentence(tokens, tags, sent_id)
                tokens, tags, sent_id = [], [], None
                continue
            token, _, tag = line.rpartition(" ")
            if not tokens and sent_id is None and _ID.match(token) and tag == "O":
                sent_id = token
                continue
            tokens.append(token)
            tags.append(tag)
    if tokens:
        yield Sentence(tokens, tags, sent_id)


def keep_labels(sentences: Sequence[Sentence], labels: Optional[Iterable[str]]) -> List[Sentence]:
    """The sentences with every entity whose label is not in ``labels`` tagged ``O`` (all kept: ``None``)."""
    if not labels:
        return list(sentences)
    wanted = set(labels)
    return [Sentence(s.tokens, [t if t.partition("-")[2] in wanted else "O" for t in s.tags], s.sent_id)
            for s in sentences]


def split_by_source(sentences: Sequence[Sentence], heldout: float = 0.1, seed: int = 13):
    """Split into (train, heldout) keeping all variants of one source sentence on the same side."""
    ids = sorted({s.source_id or str(i) for i, s in enumerate(sentences)})
    rng = random.Random(seed)
    rng.shuffle(ids)
    held = set(ids[: int(round(len(ids) * heldout))])
    train = [s for i, s in enumerate(sentences) if (s.source_id or str(i)) not in held]
    dev = [s for i, s in enumerate(sentences) if (s.source_id or str(i)) in held]
    return train, dev

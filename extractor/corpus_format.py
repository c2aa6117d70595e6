"""The example files that specify the rules, Duckling style (``extractor/dimensions/*/corpus.txt``,
``extractor/facts/corpora/*.txt``): one reader for all of them.

::

    # comment
    = {"value": 5600000000, "currency": "KZT", "qualifier": "exact"}
    5,6 млрд теңге
    Жоба құны [5,6 млрд\\nтеңгені] құрады.

    = none
    бюджет қаржысы

A block starts with ``= `` and a JSON object (what every example below it must give) or ``none``; each
following line is one example text, ``[...]`` marking the mention's exact extent (without brackets the
whole line is the mention) and ``\\n`` standing for a line break. Blocks end at a blank line. What the
JSON keys mean is up to each corpus."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional


@dataclass(frozen=True)
class Example:
    expected: Optional[dict]  # None: the block is ``= none``
    text: str
    mention: Optional[str]  # None only in a ``= none`` block without brackets
    marked: bool  # the mention was given with [...]
    line: int


def read_examples(path: Path) -> List[Example]:
    out: List[Example] = []
    expected, in_block = None, False
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            in_block = False
            continue
        if line.lstrip().startswith("#"):
            continue
        if line.startswith("= "):
            body = line[2:].strip()
            expected = None if body == "none" else json.loads(body)
            in_block = True
            continue
        if not in_block:
            raise ValueError(f"{path}:{lineno}: example outside a '= ...' block")
        raw = line.replace("\\n", "\n")
        if "[" in raw and "]" in raw:
            i, j = raw.index("["), raw.index("]")
            mention = raw[i + 1:j]
            out.append(Example(expected, raw[:i] + mention + raw[j + 1:], mention, True, lineno))
        else:
            out.append(Example(expected, raw, raw if expected is not None else None, False, lineno))
    return out

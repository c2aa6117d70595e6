"""Runs every dimension corpus (``extractor/dimensions/*/corpus.txt``): the Kazakh examples are the
specification.

Corpus format (one file per dimension, Duckling style)::

    # comment
    = {"value": 5600000000, "currency": "KZT", "qualifier": "exact"}
    5,6 млрд теңге
    Жоба құны [5,6 млрд\\nтеңгені] құрады.

    = none
    бюджет қаржысы

A block starts with ``= `` and the attributes every example below it must give (a JSON object; keys
starting with ``@`` are context, not compared: ``"@published": "2025-12-17"``). ``= none`` means the
examples must give no record of this dimension. Each following line is one example text: ``[...]``
marks the mention's exact extent (without brackets the whole line is the mention); ``\\n`` stands for
a line break. Blocks end at a blank line.
"""
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import pytest

from extractor.corpus_format import read_examples

DIM_DIR = Path(__file__).resolve().parent.parent / "extractor" / "dimensions"


@dataclass
class Example:
    dimension: str
    expected: Optional[dict]  # None: no record expected
    text: str
    mention: Optional[str]
    where: str


def parse_corpus(path: Path) -> List[Example]:
    dim = path.parent.name
    return [Example(dim, e.expected, e.text, e.mention, f"{dim}/corpus.txt:{e.line}") for e in read_examples(path)]


def all_examples() -> List[Example]:
    out = []
    for path in sorted(DIM_DIR.glob("*/corpus.txt")):
        out.extend(parse_corpus(path))
    return out


EXAMPLES = all_examples()


def _jsonable(v):
    from decimal import Decimal
    import datetime as dt

    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


@pytest.mark.skipif(not EXAMPLES, reason="no corpus files yet")
@pytest.mark.parametrize("ex", EXAMPLES, ids=[e.where for e in EXAMPLES])
def test_corpus_example(ex, nlp_rules):
    from extractor.api import Extractor

    published = (ex.expected or {}).get("@published")
    extractor = Extractor.__new__(Extractor)  # reuse the session pipeline
    extractor.nlp, extractor.model, extractor.max_chars = nlp_rules, None, 0
    from extractor.api import Item

    doc = extractor.process(Item(text=ex.text, published=published))
    recs = [r for r in doc.records if r.type == ex.dimension]
    if ex.expected is None:
        assert not recs, f"{ex.where}: expected no {ex.dimension}, got {[r.text for r in recs]}"
        return
    hits = [r for r in recs if r.text == ex.mention]
    assert hits, f"{ex.where}: no {ex.dimension} record with text {ex.mention!r}; got {[r.text for r in recs]}"
    got = hits[0].model_dump()
    for key, want in ex.expected.items():
        if key.startswith("@"):
            continue
        have = _jsonable(got.get(key))
        if isinstance(want, (int, float)) and isinstance(have, (int, float)):
            assert abs(have - want) < 1e-9 * max(1, abs(want)), f"{ex.where}: {key} {have} != {want}"
        else:
            assert have == want, f"{ex.where}: {key} {have!r} != {want!r}"


def test_corpus_parser_reads_brackets_and_none(tmp_path):
    d = tmp_path / "money"
    d.mkdir()
    (d / "corpus.txt").write_text('# c\n= {"value": 5}\nЖоба [5\\nтеңге] тұрады\n5 теңге\n\n= none\nбюджет\n',
                                  encoding="utf-8")
    exs = parse_corpus(d / "corpus.txt")
    assert [(e.dimension, e.text, e.mention, e.expected) for e in exs] == [
        ("money", "Жоба 5\nтеңге тұрады", "5\nтеңге", {"value": 5}),
        ("money", "5 теңге", "5 теңге", {"value": 5}),
        ("money", "бюджет", None, None),
    ]

"""Loader for the Kazakh language data tables in ``data/``.

Every table is a UTF-8 TSV file with a header row. Lines starting with ``#`` and blank lines are
comments. Cells are stripped; an empty cell is ``""``. Tables are read once and cached.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Dict, List, Tuple

DATA_PACKAGE = "extractor.lang.kk"


def parse_table(text: str, name: str) -> Tuple[Dict[str, str], ...]:
    """Rows of a table's TSV text as dicts keyed by the header names (``name`` for error messages)."""
    header: List[str] | None = None
    rows: List[Dict[str, str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise ValueError(f"{name}:{lineno}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells)))
    return tuple(rows)


@lru_cache(maxsize=128)
def load_table(name: str) -> Tuple[Dict[str, str], ...]:
    """Rows of ``data/NAME.tsv`` as dicts keyed by the header names."""
    text = resources.files(DATA_PACKAGE).joinpath("data", f"{name}.tsv").read_text(encoding="utf-8")
    return parse_table(text, f"{name}.tsv")


def column(name: str, col: str) -> Tuple[str, ...]:
    """One column of a table, in file order."""
    return tuple(r[col] for r in load_table(name))

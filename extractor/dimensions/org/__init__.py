"""The ``kx_org`` pipeline component: organisations by rule.

Recognition lives in :mod:`extractor.names.orgs` (the grammar, its tables and rules); this package
registers it as a dimension and holds its ``corpus.txt``. The dependency runs one way: dimensions →
names.
"""
from __future__ import annotations

from typing import List

from ...mentions import Context, Mention
from ...names.orgs import find_orgs


def find(text: str, ctx: Context) -> List[Mention]:
    return find_orgs(text)

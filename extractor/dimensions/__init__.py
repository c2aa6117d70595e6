"""Rule recognisers, one package per dimension (Duckling-style).

Each ``dimensions/<name>/`` package has ``find(text, ctx) -> Iterable[Mention]`` (its rules) and a
``corpus.txt`` that groups Kazakh surface forms under the value they must give; one test runs every
corpus. Language data (number words, scales, currencies, ...) lives in ``extractor/lang/kk/data``.
"""
from __future__ import annotations

import importlib
from typing import List

from ..components import register_rule_component

# pipeline order; overlaps between value types are settled later by kx_resolve
DIMENSIONS = ("money", "percent", "quantity", "jobs", "date", "org")


def rule_component_names(dimensions=DIMENSIONS) -> List[str]:
    """Register the ``kx_<dimension>`` factories and return their names in pipeline order."""
    names = []
    for dim in dimensions:
        module = importlib.import_module(f"{__name__}.{dim}")
        names.append(register_rule_component(dim, module.find))
    return names

"""What an organisation rule finds: a span of the (normalised) text, the name and the legal form."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class OrgFinding:
    start: int
    end: int
    name: str  # as the rule reads it; quotes are cleaned off later
    legal_form: Optional[str] = None

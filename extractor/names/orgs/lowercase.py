"""Social networks, messengers and mobile operators written in Cyrillic in lower case
(``data/org_lowercase_brands.tsv``): ``фейсбуктағы парақшасында`` → фейсбук, ``билайн абоненттері`` →
билайн. The gazetteer needs a capital for a Cyrillic name; these transliterations are nothing else in
Kazakh, so the lower-case spelling with any fitting case ending is a mention (a capitalised Cyrillic
spelling is the gazetteer's: ``Фейсбук``). The name is written as the text writes it, in the nominative."""
from __future__ import annotations

from functools import lru_cache
from typing import List

import regex

from ...lang.kk.morph import case_suffix_pattern
from ...lang.kk.tables import load_table
from ..gazetteer import ending_fits
from ..text import TextInfo
from .finding import OrgFinding


@lru_cache(maxsize=1)
def _pattern() -> regex.Pattern:
    words = sorted({r["word"] for r in load_table("org_lowercase_brands")}, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\p{N}])(?P<name>%s)(?P<ending>%s)(?![\p{L}\p{N}])"
                         % ("|".join(regex.escape(w) for w in words), case_suffix_pattern()),
                         regex.IGNORECASE | regex.VERSION1)


def find_lowercase_brands(info: TextInfo) -> List[OrgFinding]:
    out = []
    for m in _pattern().finditer(info.text):
        name, ending = m.group("name"), m.group("ending")
        if not name[0].islower():
            continue  # a capitalised Cyrillic spelling is the gazetteer's to list (Фейсбук, Телеграм)
        if ending and not ending_fits(name, ending):
            continue
        out.append(OrgFinding(m.start(), m.end(), name))
    return out

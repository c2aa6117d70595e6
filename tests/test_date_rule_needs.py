"""The words a date rule ``needs`` (:mod:`extractor.dimensions.date.rule`) are really needed: wherever the
rule's pattern matches, the text contains one of its word groups, so skipping texts without them loses
nothing. Checked on every example of the dimension corpora and on sentences written here."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.dimensions.date import RULES, candidates
from extractor.dimensions.date.rule import needs_of
from extractor.normalize import normalize

CORPORA = sorted((Path(__file__).resolve().parent.parent / "extractor" / "dimensions").glob("*/corpus.txt"))
OWN = [
    "Жиналыс ҚАҢТАРДЫҢ 15-і күні өтеді.",
    "Келесі жұмада және өткен сенбіде кездесу болды.",
    "Ол осыдан бес жыл бұрын келді, ал бүгінгі\nкүні басқарады.",
    "Үстіміздегі айдың соңына дейін екінші тоқсанның жоспары бекітіледі.",
    "Сексенінші ЖЫЛДАРДЫҢ басында 1990 жылдары қыркүйегінде салынды.",
]


def _texts():
    out = list(OWN)
    for path in CORPORA:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "=", "@")):
                out.append(line.replace("[", "").replace("]", "").replace("\\n", "\n"))
    return [normalize(t).text for t in out]


TEXTS = _texts()


@pytest.mark.parametrize("rule", [r for r in RULES if r.needs], ids=lambda r: r.name)
def test_a_rule_matches_only_texts_with_a_word_it_needs(rule):
    matched = 0
    for text in TEXTS:
        if rule.pattern.search(text):
            matched += 1
            assert rule.may_match(text.lower()), (rule.name, text)
    assert matched, f"no example exercises {rule.name}"


def test_a_text_without_the_words_skips_the_rule_and_gives_the_same_dates():
    text = "Зауыт 2018 жылы іске қосылды, 15 қарашада ашылады."
    month = next(r for r in RULES if r.name == "day_month")
    assert month.may_match(text.lower()) and not month.may_match("зауыт 2018 жылы іске қосылды.")
    full = [(it.start, it.end) for g in candidates(text) for it in g]
    assert (text.index("15"), text.index(" ашылады")) in full


def test_needs_of_splits_phrases_into_word_groups():
    assert needs_of(["Осы ай", "бүгін", ""]) == (("бүгін",), ("осы", "ай"))


def _dev_texts():
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    paths = sorted(shared.glob("*.txt")) + sorted((shared / "raw").glob("*.txt"))
    return [normalize(p.read_text(encoding="utf-8")).text for p in paths]


@pytest.mark.parametrize("rule", [r for r in RULES if r.starts is not None], ids=lambda r: r.name)
def test_a_rule_tried_at_its_start_positions_finds_what_finditer_finds(rule):
    texts = TEXTS + _dev_texts() + [
        "«15» қарашада 2018 жылдың 3-тоқсанында, 12.03.2018 ж. және 1990-2000 жылдары; 2017, 2018 және 2019 "
        "жылдары 80-90 жылдары, ал биыл және өткен жылы, жылдың басынан бері, 2015-19 жылдары.",
        "3 634 2018 жылы 1 000 жыл 5-2018 жылы 12:2018 жылы «2018» жылы",
    ]
    found = 0
    for text in texts:
        full = [m.span() for m in rule.pattern.finditer(text)]
        assert [m.span() for m in rule.matches(text)] == full, (rule.name, text[:80])
        found += len(full)
    assert found, f"no example exercises {rule.name}"


def test_dense_starts_fall_back_to_finditer_with_the_same_matches():
    from extractor.dimensions.date.rule import DENSE_STARTS

    rule = next(r for r in RULES if r.name == "year_date")
    text = " ".join(["2018 жылы"] + ["12"] * (DENSE_STARTS * 2))  # more starts than one per DENSE_STARTS chars
    assert [m.span() for m in rule.matches(text)] == [m.span() for m in rule.pattern.finditer(text)] == [(0, 9)]


def test_a_quote_starts_a_date_only_before_a_digit():
    from extractor.dimensions.date.rule import DIGIT_START

    assert [m.start() for m in DIGIT_START.finditer("«15» және «ол» 2018")] == [0, 1, 15]


def test_rules_sharing_what_is_known_of_a_text_decide_as_each_alone():
    # one memo of word → contained for all rules of a text (the month names are needed by four rules)
    for text in TEXTS + ["Қаңтар-наурыз айларында, ал бүгін емес.", "Ешбір күн жоқ мәтін."]:
        low, seen = text.lower(), {}
        for rule in RULES:
            assert rule.may_match(low, seen) == rule.may_match(low), (rule.name, text)
        assert all((w in low) == got for w, got in seen.items())

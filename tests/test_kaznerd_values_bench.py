"""The KazNERD value benchmark's reading (``bench/kaznerd_values.py``): the written-form text it builds from
KazNERD's tokens and the gold spans it maps to record types."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import kaznerd_values as kv  # noqa: E402
from extractor.ner.metrics import iob2_entities  # noqa: E402


def _gold(tokens, tags):
    text, starts = kv.value_text(tokens)
    return text, {(text[a:b], t) for a, b, t in kv.gold_spans(tokens, iob2_entities(tags), starts)}


def test_decimals_and_percent_signs_are_glued_as_written():
    text, starts = kv.value_text(["Өсім", "14", ",", "8", "%-ке", "жетті", ",", "бірақ", "аз", "."])
    assert text == "Өсім 14,8%-ке жетті , бірақ аз ."
    assert starts[:5] == [0, 5, 7, 8, 9]  # each token where it is in the glued text
    assert kv.value_text(["14", ",", "8"], spaced=True)[0] == "14 , 8"


def test_value_types_and_the_calendar_subset_of_dates():
    tokens = ["Биыл", "3", "жыл", "бойы", "5", "млн", "теңге", "бөлінді"]
    tags = ["B-DATE", "B-DATE", "I-DATE", "I-DATE", "B-MONEY", "I-MONEY", "I-MONEY", "O"]
    _, gold = _gold(tokens, tags)
    assert ("5 млн теңге", "money") in gold
    assert ("Биыл", "date") in gold and ("Биыл", "date-cal") in gold
    assert ("3 жыл бойы", "date") in gold and ("3 жыл бойы", "date-cal") not in gold  # a duration


def test_a_count_before_workplaces_is_the_jobs_gold():
    tokens = ["Зауыт", "4000", "тұрақты", "жұмыс", "орнын", "ашты", ",", "12", "адам", "келді"]
    tags = ["O", "B-CARDINAL", "O", "O", "O", "O", "O", "B-CARDINAL", "O", "O"]
    _, gold = _gold(tokens, tags)
    assert gold == {("4000", "jobs")}

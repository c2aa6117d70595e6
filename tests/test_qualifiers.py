"""Qualifiers before and after amounts, and the case they agree with (extractor.dimensions.qualifiers)."""
import pytest

from extractor.dimensions import qualifiers as Q
from extractor.dimensions.tokens import tokenize


@pytest.mark.parametrize("rest, case", [
    ("ден", "abl"), ("нан", "abl"), ("тан", "abl"), ("ға", "dat"), ("ке", "dat"), ("не", "dat"),
    ("ы", "nom"), ("", "nom"), ("мен", "ins"), ("-ға", "dat"), ("ынан", "abl"),
])
def test_case_of_ending(rest, case):
    assert Q.case_of_ending(rest) == case


@pytest.mark.parametrize("word, case", [
    ("теңгеден", "abl"), ("тоннаға", "dat"), ("50%", "any"), ("1000", "any"), ("доллар", "nom"),
])
def test_case_of_word(word, case):
    assert Q.case_of(word) == case


def _after(text, case):
    toks = tokenize(text)
    got = Q.after(toks, 0, case)
    return None if got is None else (got[0], " ".join(t.text for t in toks[:got[1]]))


@pytest.mark.parametrize("text, case, want", [
    ("астам қаржы", "abl", ("more_than", "астам")),
    ("артық болмайды", "abl", ("up_to", "артық болмайды")),
    ("артық таппаса", "abl", ("up_to", "артық таппаса")),
    ("асып кетпесе", "abl", ("up_to", "асып кетпесе")),
    ("асып түсті", "abl", ("more_than", "асып түсті")),
    ("кем емес", "abl", ("at_least", "кем емес")),
    ("кем", "abl", ("less_than", "кем")),
    ("жақын", "abl", ("less_than", "жақын")),
    ("жақын", "dat", ("approx", "жақын")),
    ("жуық", "dat", ("approx", "жуық")),
    ("дейін", "dat", ("up_to", "дейін")),
    ("дейін", "any", ("up_to", "дейін")),
    ("шамасында", "nom", ("approx", "шамасында")),
    # no agreement: "50 тонна артық өнім" (surplus), "жуық" after an ablative
    ("артық өнім", "nom", None),
    ("жуық", "abl", None),
    # "кем дегенде" begins the qualifier of the next amount
    ("кем дегенде 5 мың", "any", None),
])
def test_after(text, case, want):
    assert _after(text, case) == want


@pytest.mark.parametrize("text, want", [
    ("шамамен 30", "approx"), ("Шамамен 30", "approx"), ("орта есеппен 30", "approx"),
    ("кем дегенде 30", "at_least"), ("кемінде 30", "at_least"), ("ең көбі 30", "up_to"), ("бюджет 30", None),
])
def test_before(text, want):
    toks = tokenize(text)
    got = Q.before(toks, len(toks) - 1)
    assert (got[0] if got else None) == want
    if got:
        assert got[1] == 0

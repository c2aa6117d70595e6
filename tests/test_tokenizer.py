"""The kk tokenizer on the hard cases of news text."""
import pytest
import spacy

import extractor  # noqa: F401 - registers kk


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("kk")


def toks(nlp, text):
    return [t.text for t in nlp(text)]


def test_blank_kk_is_kazakh(nlp):
    assert nlp.lang == "kk"
    assert type(nlp).__name__ == "Kazakh"


@pytest.mark.parametrize("text,expected", [
    ("5,6 млрд", ["5,6", "млрд"]),
    ("916,865 млрд", ["916,865", "млрд"]),
    ("3 634 жұмыс орнын", ["3 634", "жұмыс", "орнын"]),
    ("8 308 адам", ["8 308", "адам"]),
    ("60 435,9 тонна", ["60 435,9", "тонна"]),
    ("1 000 000 теңге", ["1 000 000", "теңге"]),
    ("2015 жылы 3 634 адам", ["2015", "жылы", "3 634", "адам"]),
    ("2015 634", ["2015", "634"]),
    ("1000-нан астам", ["1000-нан", "астам"]),
    ("50%-ға артты", ["50%-ға", "артты"]),
    ("10-12%-ға", ["10-12%-ға"]),
    ("2-ші", ["2-ші"]),
    ("8-ін", ["8-ін"]),
    ("84,526 млрд.теңгені", ["84,526", "млрд.", "теңгені"]),
    ("1,1 млрд. теңге", ["1,1", "млрд.", "теңге"]),
    ("2015-2019 жж.", ["2015-2019", "жж."]),
    ("2018 ж. қарашада", ["2018", "ж.", "қарашада"]),
    ("т.б. елдер", ["т.б.", "елдер"]),
    ("ҚР Үкіметі", ["ҚР", "Үкіметі"]),
    ("АҚШ долларына", ["АҚШ", "долларына"]),
    ("«ҚазАзот» ЖШС", ["«", "ҚазАзот", "»", "ЖШС"]),
    ('"Казцинк" ЖШС', ['"', "Казцинк", '"', "ЖШС"]),
    ("Ә.Исекешев индустрияландыру", ["Ә.", "Исекешев", "индустрияландыру"]),
    ("Ғалым Құрманғазы Ұлытау", ["Ғалым", "Құрманғазы", "Ұлытау"]),
    ("берді.Сонымен", ["берді", ".", "Сонымен"]),
    ("inform.kz", ["inform.kz"]),
])
def test_tokens(nlp, text, expected):
    assert toks(nlp, text) == expected


def test_kazakh_letters_are_alpha_for_punctuation_rules(nlp):
    # a comma between two Kazakh words is split (spaCy's classes lack ғ қ ұ)
    assert toks(nlp, "Қазақстан,Ұлытау") == ["Қазақстан", ",", "Ұлытау"]


def test_like_num(nlp):
    doc = nlp("үш мыңнан 1000-нан 3 634 жұмыс")
    assert [t.like_num for t in doc] == [True, True, True, True, False]


def test_doc_keeps_original_text_and_offsets(nlp):
    from extractor.lang.kk.tokenizer import offset_map, original_text

    raw = "дастар\u00adқан\u00adдағы 5,6\u00a0млрд\nтеңгені"
    doc = nlp(raw)
    assert doc.text == "дастарқандағы 5,6 млрд теңгені"
    assert original_text(doc) == raw
    span = doc.text.index("5,6"), len(doc.text)
    s, e = offset_map(doc).span(*span)
    assert raw[s:e] == "5,6\u00a0млрд\nтеңгені"


def test_single_sign_exceptions_are_dropped_and_signs_stay_tokens(nlp):
    # spaCy's one-sign exceptions (line break, space, dash, apostrophe) are left out of the rules: using
    # one stopped the tokenizer's cache for the rest of the text; each sign is still one token
    assert not {"\n", " ", "—", "'", "’"} & set(nlp.tokenizer.rules)
    text = "Ауыл — үлкен.\nМектеп  'Жұлдыз' деп аталады ’бүгін’ \n\n— Иә, — деді ол.\t(—)"
    for _ in range(2):  # the second pass reads the tokenizer's cache (the normaliser writes - and ' here)
        assert toks(nlp, text) == ["Ауыл", "-", "үлкен", ".", "\n", "Мектеп", " ", "'", "Жұлдыз", "'", "деп",
                                   "аталады", "'", "бүгін", "'", "\n\n", "-", "Иә", ",", "-", "деді", "ол", ".",
                                   "(", "-", ")"]


def test_many_grouped_numbers_build_the_same_doc_as_the_retokenizer(nlp, monkeypatch):
    # past MERGE_IN_PLACE_MAX grouped numbers the doc is built anew (spaCy's retokenizer is quadratic in
    # the number of merges); the tokens, spaces and norms must be those the retokenizer gives
    from extractor.lang.kk import tokenizer as kk_tokenizer

    parts = ["1 000 теңге", "ҚР", "2 500 000", "млрд.", "жыл", "3 634,5 тонна,", "\n", "45", "«7 000»"]
    text = " ".join(parts[k % len(parts)] for k in range(700))

    def signature(doc):
        return [(t.text, t.whitespace_, t.norm_, t.idx) for t in doc]

    monkeypatch.setattr(kk_tokenizer, "MERGE_IN_PLACE_MAX", 10 ** 9)
    merged_in_place = signature(nlp(text))
    monkeypatch.setattr(kk_tokenizer, "MERGE_IN_PLACE_MAX", 0)
    rebuilt = nlp(text)
    assert signature(rebuilt) == merged_in_place
    assert rebuilt.text == text
    assert {"1 000", "2 500 000", "3 634,5", "7 000"} <= {t.text for t in rebuilt}
    assert any(t.text == "млрд." and t.norm_ != t.lex.norm_ for t in rebuilt)  # an exception's norm kept

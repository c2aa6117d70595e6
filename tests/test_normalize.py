"""Normalisation keeps every record traceable to the text as received."""
from hypothesis import given, strategies as st

from extractor.normalize import normalize


def test_soft_hyphen_removed_and_mapped():
    raw = "Эко\u00adномиканы дамыту"
    n = normalize(raw)
    assert n.text == "Экономиканы дамыту"
    s, e = n.span(0, len("Экономиканы"))
    assert raw[s:e] == "Эко\u00adномиканы"


def test_spaces_dashes_quotes_one_for_one():
    raw = "5\u00a0млрд\u2009теңге \u2013 \u201cКазцинк\u201d \u22122%"
    n = normalize(raw)
    assert n.text == '5 млрд теңге - "Казцинк" -2%'
    assert len(n.text) == len(raw)


def test_latin_lookalikes_inside_cyrillic_words():
    raw = "xабарлайды Kazinform Атыраy"  # Latin x and y inside Cyrillic words
    assert normalize(raw).text == "хабарлайды Kazinform Атырау"


def test_scraper_line_breaks_after_abbreviations_are_joined():
    assert normalize("5,6 млрд\nтеңгені").text == "5,6 млрд теңгені"
    assert normalize("1,8 трлн.\nтеңгенің").text == "1,8 трлн. теңгенің"
    assert normalize("2010-2014 жж\nИндустрияландыру").text == "2010-2014 жж Индустрияландыру"
    # a real sentence end stays
    assert normalize("аралады\nСоның ішінде").text == "аралады\nСоның ішінде"


def test_decomposed_letters_are_composed():
    raw = "ми\u0306ын"  # й as и + combining breve
    n = normalize(raw)
    assert n.text == "м\u0439ын"
    assert n.span(0, len(n.text)) == (0, len(raw))


def test_html_blanked_in_place():
    raw = "<html><body><p>Жоба құны 5,6&nbsp;млрд теңге.</p><div>Екінші</div><br></body></html>"
    n = normalize(raw)
    assert "<" not in n.text and "&nbsp;" not in n.text
    i = n.text.index("5,6")
    s, e = n.span(i, n.text.index("теңге") + len("теңге"))
    assert raw[s:e] == "5,6&nbsp;млрд теңге"


@given(st.lists(st.sampled_from(list("аәбқ5, \n\u00ad\u00a0\u2013\u200b\u0306и") + ["млрд\n"]), max_size=30).map("".join))
def test_every_normalised_span_maps_inside_the_original(raw):
    n = normalize(raw)
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 6) + 1):
            s, e = n.span(i, j)
            assert 0 <= s < e <= len(raw)
            # deleted characters are the only difference
            kept = raw[s:e]
            assert len(kept) >= j - i

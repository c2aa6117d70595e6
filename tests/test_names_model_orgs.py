"""A model org whose surface the rules read as a legal-form organisation takes the rules' name and legal form;
the look-up is kept per surface (:func:`extractor.names.component._legal_org_attrs`)."""
from extractor.names import component
from extractor.names.component import span_mention
from extractor.names.model_checks import Span
from extractor.names.text import text_info

TEXT = "Өткен аптада «Жасыл Дала» ЖШС жаңа қойма салды."


def org_span(text, surface):
    start = text.index(surface)
    return Span("org", start, start + len(surface))


def test_a_legal_form_org_seen_again_gives_equal_attributes_in_fresh_dicts():
    component._legal_org_attrs.cache_clear()
    info = text_info(TEXT)
    first = span_mention(info, org_span(TEXT, "«Жасыл Дала» ЖШС"))
    assert first.attrs == {"name": "Жасыл Дала", "legal_form": "ЖШС"}
    other = "Кеше «Жасыл Дала» ЖШС директоры сөз сөйледі."
    second = span_mention(text_info(other), org_span(other, "«Жасыл Дала» ЖШС"))
    assert component._legal_org_attrs.cache_info().hits >= 1
    assert second.attrs == first.attrs and second.attrs is not first.attrs
    second.attrs["name"] = "changed"  # later steps rewrite names: the kept answer must not change with them
    again = span_mention(info, org_span(TEXT, "«Жасыл Дала» ЖШС"))
    assert again.attrs["name"] == "Жасыл Дала"


def test_an_org_without_a_legal_form_is_named_from_its_surface():
    text = "Биыл Ұлттық банк мөлшерлемені өзгертпеді."
    m = span_mention(text_info(text), org_span(text, "Ұлттық банк"))
    assert m.attrs["legal_form"] is None and m.attrs["name"]
    assert component._legal_org_attrs("Ұлттық банк") is None


def test_a_quoted_name_before_a_thing_or_event_noun_is_no_model_org():
    from extractor.names.model_checks import check_span
    for text, surface in (("Үкімет «Көкорай» су жобасын қолдады.", "Көкорай"),
                          ("«Шалқар» маркалы ірімшік сөреге шықты.", "Шалқар"),
                          ("Қалада «Жібек көш» конкурсы басталды.", "Жібек көш"),
                          ("«Тұлпар» спорт кешенін салу аяқталды.", "Тұлпар")):
        assert check_span(text_info(text), org_span(text, surface)) is None, text
    # a head noun or an office after the quotation: the body itself
    for text, surface in (("«Көкорай» серіктестігі жаңа жоба бастады.", "Көкорай"),
                          ("Бұл туралы «Шалқар» басшысы айтты.", "Шалқар")):
        assert check_span(text_info(text), org_span(text, surface)) is not None, text

"""Official bodies' names in written news (``extractor.names.orgs``): a place's centre is no body, comma-joined
words inside a name, territorial departments, a web domain before a descriptor. Our own sentences."""
import pytest

import extractor  # noqa: F401 - registers the kk language
from extractor.names.model_checks import Span, check_span
from extractor.names.orgs import find_orgs
from extractor.names.text import TextInfo


def orgs(text):
    return [(text[m.start:m.end], m.attrs["name"]) for m in find_orgs(text)]


# 1. a place's (administrative) centre --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ақмола облысының әкімшілік орталығы — Көкшетау қаласы.",
    "Біз Жаңақорған ауданы орталығынан 80 шақырым жерде тұрамыз.",
    "Сайрам ауданының орталығы Ақсу ауылында жаңа саябақ ашылды.",
    "Ол аудан орталығында тұрады.",
])
def test_a_place_centre_is_no_organisation(text):
    assert orgs(text) == []


def test_a_body_centre_after_a_place_stays_an_organisation():
    text = "Павлодар облысының жастар орталығы жиын өткізді."
    assert orgs(text) == [("Павлодар облысының жастар орталығы", "Павлодар облысының жастар орталығы")]


def test_the_model_s_place_centre_is_dropped():
    text = "Сайрам ауданының орталығы Ақсу ауылында мешіт салынды."
    surface = "Сайрам ауданының орталығы"
    start = text.index(surface)
    assert check_span(TextInfo(text), Span("org", start, start + len(surface)), frozenset()) is None
    body = "Павлодар облысының жастар орталығы"
    text = body + " жиын өткізді."
    kept = check_span(TextInfo(text), Span("org", 0, len(body)), frozenset())
    assert kept is not None and kept.kind == "org"


# 2. a list inside a body's name ---------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, name", [
    ("Көрмені Мәдениет, тілдер және архив ісі басқармасы ұйымдастырды.",
     "Мәдениет, тілдер және архив ісі басқармасы", "Мәдениет, тілдер және архив ісі басқармасы"),
    ("Ол Көлік, байланыс және логистика колледжінде оқиды.",
     "Көлік, байланыс және логистика колледжінде", "Көлік, байланыс және логистика колледжі"),
    ("Бұйрыққа Ғылым, инновация және жоғары білім министрлігі қол қойды.",
     "Ғылым, инновация және жоғары білім министрлігі", "Ғылым, инновация және жоғары білім министрлігі"),
    ("Ол Алматы экономика, құқық және басқару институтында сабақ береді.",
     "Алматы экономика, құқық және басқару институтында", "Алматы экономика, құқық және басқару институты"),
])
def test_comma_joined_words_with_a_last_joiner_stay_in_the_name(text, surface, name):
    assert orgs(text) == [(surface, name)]


def test_a_comma_without_a_joiner_after_it_still_ends_the_name():
    # a comma lets the walk on only inside a list that a joiner closes between it and the head
    assert all("," not in surface for surface, _ in orgs("Бұл туралы Астана, облыстық білім басқармасы хабарлады."))
    assert orgs("Ауылда мектеп, аурухана және ауылдық округ әкімдігі бар.") == []


# 3. a territorial department ------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, name", [
    ("Өртті Павлодар облысы бойынша төтенше жағдайлар департаментінің құтқарушылары сөндірді.",
     "Павлодар облысы бойынша төтенше жағдайлар департаментінің",
     "Павлодар облысы бойынша төтенше жағдайлар департаменті"),
    ("Тексеруді Солтүстік Қазақстан облысы бойынша санитарлық-эпидемиологиялық бақылау департаменті жүргізді.",
     "Солтүстік Қазақстан облысы бойынша санитарлық-эпидемиологиялық бақылау департаменті",
     "Солтүстік Қазақстан облысы бойынша санитарлық-эпидемиологиялық бақылау департаменті"),
    ("Шымкент қаласы бойынша Мемлекеттік кірістер департаменті салықты есептеді.",
     "Шымкент қаласы бойынша Мемлекеттік кірістер департаменті",
     "Шымкент қаласы бойынша Мемлекеттік кірістер департаменті"),
])
def test_a_territorial_department_is_named_from_its_place(text, surface, name):
    assert orgs(text) == [(surface, name)]


def test_by_a_country_or_a_place_without_its_type_word_is_no_territorial_name():
    assert orgs("Қазақстан бойынша полиция департаменті жаңа тәртіп енгізді.") == []
    assert orgs("Жоспар Маңғыстау облысы бойынша орындалды, деді білім басқармасы.") == []


# 4. a web domain and a descriptor ------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, name", [
    ("Бұл туралы Qalam.kz ақпараттық агенттігі хабарлады.", "Qalam.kz", "Qalam.kz"),
    ("Сұхбатты Dalanews.kz ақпараттық порталы жариялады.", "Dalanews.kz", "Dalanews.kz"),
    ("Мақаланы Orda.kz жаңалықтар сайты жазды.", "Orda.kz", "Orda.kz"),
])
def test_a_domain_before_a_descriptor_is_the_name_alone(text, surface, name):
    assert orgs(text) == [(surface, name)]


def test_a_one_word_latin_name_that_is_no_domain_keeps_the_old_reading():
    # an unlisted Latin word inside what a body does is no publisher of its own
    assert ("Digital", "Digital") not in orgs("Жаңа Digital білім беру орталығы жұмыс істейді.")


def test_a_domain_with_a_case_ending_before_a_body_is_no_descriptor_of_it():
    text = "Бұл туралы Orda.kz-ке облыс әкімдігі мәлім етті."
    assert ("Orda.kz-ке", "Orda.kz") in orgs(text)

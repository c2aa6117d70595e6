"""The canonical ``key`` of org, person and location records (``extractor.names.keys``)."""
import pytest

import extractor
from extractor.names.keys import entity_key


@pytest.mark.parametrize("written", ["Ұлттық банк", "ҚР Ұлттық банкі", "Ұлттық Банкі", "«Ұлттық банк»",
                                     "Қазақстан Республикасының Ұлттық банкі"])
def test_spellings_of_one_body_share_a_key(written):
    assert entity_key("org", written) == "ұлттық банк"


def test_an_abbreviation_and_its_full_name_share_a_key():
    assert entity_key("org", "ТЖМ") == entity_key("org", "Төтенше жағдайлар министрлігі")
    assert entity_key("org", "ҚР ІІМ") == entity_key("org", "Ішкі істер министрлігі")


def test_latin_cyrillic_and_dateline_capitals_of_an_agency_share_a_key():
    keys = {entity_key("org", n) for n in ("KAZINFORM", "Kazinform", "ҚазАқпарат", "Қазақпарат")}
    assert len(keys) == 1


def test_different_bodies_keep_different_keys():
    assert entity_key("org", "Ұлттық банк") != entity_key("org", "Ұлттық қор")
    assert entity_key("org", "Павлодар облысының білім басқармасы") != entity_key("org", "Павлодар облысы әкімдігі")


def test_a_city_and_its_region_are_two_places():
    assert entity_key("location", "Қарағанды") == entity_key("location", "Қарағанды қаласы") == "қарағанды"
    assert entity_key("location", "Қарағанды облысы") != entity_key("location", "Қарағанды")
    assert entity_key("location", "АСТАНА") == entity_key("location", "Нұр-Сұлтан")
    assert entity_key("location", "ШҚО") == entity_key("location", "Шығыс Қазақстан облысы")


def test_a_person_key_ignores_case_and_the_space_after_an_initial():
    assert entity_key("person", "Е. Сапаров") == entity_key("person", "Е.Сапаров") == "е.сапаров"
    with pytest.raises(ValueError):
        entity_key("money", "5 теңге")


def test_records_carry_the_key_and_forms_of_one_body_get_one():
    doc = extractor.extract("Мөлшерлемені ҚР Ұлттық банкі өзгертті. Ұлттық банкінің есебі Атырау қаласында "
                            "жарияланды. Кейін ТЖМ мен Төтенше жағдайлар министрлігі мәлімдеме жасады.", ner="none")
    orgs = [r for r in doc.records if r.type == "org"]
    assert {r.key for r in orgs if "банк" in r.text} == {"ұлттық банк"}
    # the abbreviation takes the full name the same text writes
    assert {r.name for r in orgs if r.key == "төтенше жағдайлар министрлігі"} == {"Төтенше жағдайлар министрлігі"}
    assert [r.key for r in doc.records if r.type == "location"] == ["атырау"]


def test_an_owner_place_in_the_genitive_or_the_nominative_gives_one_key():
    assert entity_key("org", "Атырау облысының әкімдігі") == entity_key("org", "Атырау облысы әкімдігі")
    assert entity_key("org", "Талғар ауданының әкімдігі") == "талғар ауданы әкімдігі"


def test_spellings_of_one_entity_in_one_text_get_one_name():
    doc = extractor.extract("Атырау облысы әкімдігі жоба ұсынды. Кейін Атырау облысының әкімдігі оны бекітті. "
                            "Атырау облысы әкімдігі қаржы бөлді.", ner="none")
    orgs = [r for r in doc.records if r.type == "org"]
    assert len(orgs) == 3 and {r.name for r in orgs} == {"Атырау облысы әкімдігі"}
    assert {r.key for r in orgs} == {"атырау облысы әкімдігі"}


def test_a_chamber_written_alone_takes_the_fuller_name_the_text_also_writes():
    doc = extractor.extract("Заң жобасын Парламент Мәжілісінің депутаттары талқылады. Мәжіліс оны мақұлдады. "
                            "Мәжіліс Төрағасы сөз сөйледі. Кейін Сенат та қолдады.", ner="none")
    orgs = [r for r in doc.records if r.type == "org"]
    assert {r.name for r in orgs if "Мәжіліс" in r.text} == {"Парламент Мәжілісі"}
    assert len({r.key for r in orgs if "Мәжіліс" in r.text}) == 1
    # the Senate, written alone, keeps its own spelling: the text never writes the fuller one
    assert {r.name for r in orgs if r.text == "Сенат"} == {"Сенат"}


def test_without_the_fuller_spelling_a_chamber_keeps_its_name():
    doc = extractor.extract("Мәжіліс заңды қабылдады. Мәжілістің отырысы ұзаққа созылды.", ner="none")
    assert {r.name for r in doc.records if r.type == "org"} == {"Мәжіліс"}

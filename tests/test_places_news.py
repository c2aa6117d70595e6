"""Places of regional written news: villages and rural districts, roads and dams, headings in capitals, a person's
surname before a place, and countries' abbreviations (``extractor.names.locations``)."""
import pytest

import extractor
from extractor.lang.kk.tables import load_table
from extractor.names.keys import entity_key
from extractor.names.lexicon import lookup
from extractor.names.locations import country_abbreviations, find_places


def places(text):
    return [(p.name, text[p.start:p.end]) for p in find_places(text)]


def names(text):
    return [name for name, _ in places(text)]


@pytest.mark.parametrize("text,name", [
    ("Биыл Көктерек аулында жаңа мектеп ашылды.", "Көктерек ауылы"),
    ("Жол Сарыбұлақ аулының шетінен өтеді.", "Сарыбұлақ ауылы"),
    ("Малшылар Ақжар аулына қайтты.", "Ақжар ауылы"),
])
def test_a_village_written_aul_takes_the_spelling_auyly(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize("text,name", [
    ("Әкім Көкөзек ауыл округіндегі мектепті аралады.", "Көкөзек ауыл округі"),
    ("Ескі Шалқар ауыл округінде жаңа клуб салынады.", "Ескі Шалқар ауыл округі"),
    ("Жөндеу Петропавл-Есіл тас жолында жүргізілді.", "Петропавл-Есіл тас жолы"),
    ("Көктемде Ақсай бөгетіне су толды.", "Ақсай бөгеті"),
])
def test_a_rural_district_a_road_and_a_dam_with_their_head(text, name):
    assert names(text) == [name]


def test_a_road_between_two_cities_is_one_place_not_the_cities():
    assert names("Апат Қостанай-Рудный тас жолында болды.") == ["Қостанай-Рудный тас жолы"]


@pytest.mark.parametrize("text,name", [
    ("Аудан әкімі Ержан Бекет Қызылжар ауылдық округі тұрғындарымен кездесті.", "Қызылжар ауылдық округі"),
    ("Кеше Айдос Серік Жаңатұрмыс ауылдық округінде болды.", "Жаңатұрмыс ауылдық округі"),
])
def test_a_persons_surname_before_a_place_stays_out_of_its_name(text, name):
    assert names(text) == [name]


def test_an_unknown_two_word_name_before_a_head_still_holds_both_words():
    assert names("Біз Ролан Гаррос аренасында ойнадық.") == ["Ролан Гаррос аренасы"]


def test_a_heading_in_capitals_takes_the_name_the_text_gives_the_place():
    text = "ҚОСКӨЛ ОКРУГІНДЕ\nАудан әкімі Қоскөл ауылдық округінде болып, тұрғындармен сөйлесті."
    assert set(names(text)) == {"Қоскөл ауылдық округі"}


def test_a_heading_in_capitals_alone_gives_a_name_in_normal_capitals():
    assert names("ТАЛДЫБҰЛАҚ АУЫЛЫНДА\nЖол жөнделді.") == ["Талдыбұлақ ауылы"]


def test_an_abbreviation_takes_the_full_name_the_text_writes():
    text = "Елші Қытай Халық Республикасынан келді. Қазақстан ҚХР-мен сауда жасайды."
    assert places(text) == [("Қытай Халық Республикасы", "Қытай Халық Республикасынан"),
                            ("Қазақстан", "Қазақстан"), ("Қытай Халық Республикасы", "ҚХР-мен")]


def test_an_abbreviation_alone_keeps_its_name():
    assert names("Көрме БАӘ-де өтеді.") == ["БАӘ"]


def test_one_record_name_for_a_country_written_three_ways():
    doc = extractor.extract("Қытай мен Қазақстан келісті. Қытай Халық Республикасының елшісі келді. "
                            "Президент ҚХР-ға барады.", ner="none")
    china = {(r.name, r.key) for r in doc.records if r.type == "location" and r.key == entity_key("location", "Қытай")}
    assert china == {("Қытай Халық Республикасы", "қытай")}


def test_country_abbreviations_and_full_names_are_places_with_one_key():
    table = country_abbreviations()
    assert len(table) == len(load_table("country_abbreviations"))
    for abbr, full in table.items():
        assert abbr.isupper()
        assert lookup(abbr, "location") is not None, abbr
        assert lookup(full, "location") is not None, full
        assert entity_key("location", abbr) == entity_key("location", full), abbr


@pytest.mark.parametrize("text,name", [
    ("Кеше Қарабалық – Ақтөбе тас жолы жабылды.", "Қарабалық – Ақтөбе тас жолы"),
    ("Биыл Атырау – Бейнеу күрежолын жөндеу басталады.", "Атырау – Бейнеу күрежолы"),
    ("Жүргізушілер Талдықорған – Үшарал автожолында абай болсын.", "Талдықорған – Үшарал автожолы"),
])
def test_a_road_named_by_its_two_ends_is_one_place(text, name):
    assert names(text) == [name]


def test_a_common_word_opening_the_sentence_is_no_end_of_a_road():
    assert names("Жол – Ақтөбе тас жолы.") == ["Ақтөбе тас жолы"]


def _mention(kind, text, words, source):
    from extractor.mentions import Mention

    start = text.index(words)
    return Mention(kind, start, start + len(words), {"name": words}, source)


def test_a_model_person_does_not_run_into_a_place_the_rules_found():
    from extractor.names.component import merge

    text = "Аудан әкімі Ержан Сейітов Қоскөл ауылдық округінің тұрғындарымен кездесті."
    rules = [_mention("person", text, "Ержан Сейітов", "rule"),
             _mention("location", text, "Қоскөл ауылдық округінің", "rule")]
    model = [_mention("person", text, "Ержан Сейітов Қоскөл", "model")]
    got = [(m.type, text[m.start:m.end]) for m in merge([], rules, model, text)]
    assert got == [("person", "Ержан Сейітов"), ("location", "Қоскөл ауылдық округінің")]


def test_a_model_person_still_takes_a_first_name_that_is_also_a_place():
    from extractor.names.component import merge

    text = "Кеше Шалқар Асанов марапатталды."
    rules = [_mention("location", text, "Шалқар", "rule"), _mention("person", text, "Асанов", "rule")]
    model = [_mention("person", text, "Шалқар Асанов", "model")]
    got = [(m.type, text[m.start:m.end]) for m in merge([], rules, model, text)]
    assert got == [("person", "Шалқар Асанов")]

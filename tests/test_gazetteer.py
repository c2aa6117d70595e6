"""Gazetteer tables and their lookups in text (``extractor/names/gazetteer.py``)."""
import pytest

from extractor.lang.kk.tables import load_table
from extractor.names.gazetteer import find_gazetteer
from extractor.names.lexicon import canonical_location, canonical_org, gazetteer, lookup


def names_in(text, entity=None):
    return [(text[g.start:g.end], g.entry.name) for g in find_gazetteer(text)
            if entity is None or g.entry.entity == entity]


@pytest.mark.parametrize("text,surface,name", [
    ("Биыл Қазақстанның экспорты өсті.", "Қазақстанның", "Қазақстан"),
    ("Көрме Астанадағы сарайда өтті.", "Астанадағы", "Астана"),
    ("Ұшақ Джакартадан ұшты.", "Джакартадан", "Джакарта"),
    ("Делегация АҚШ-тың астанасына барды.", "АҚШ-тың", "АҚШ"),
    ("ШҚО-да жер учаскелері қайтарылды.", "ШҚО-да", "ШҚО"),
    ("Жүк Маңғыстау облысына жетті.", "Маңғыстау облысына", "Маңғыстау облысы"),
    ("Шикізат Ресейден келеді.", "Ресейден", "Ресей"),
    ("Ол Шығыс Қазақстан облысында туған.", "Шығыс Қазақстан облысында", "Шығыс Қазақстан облысы"),
    ("Көпір Кеңес Одағы кезінде салынған.", "Кеңес Одағы", "Кеңес Одағы"),
])
def test_places_with_endings(text, surface, name):
    assert (surface, name) in names_in(text, "location")


def test_both_sides_of_a_hyphenated_pair():
    assert [n for _, n in names_in("Қазақстан-Қытай жобасы іске қосылды.")] == ["Қазақстан", "Қытай"]


@pytest.mark.parametrize("text", [
    "Қытайлық инвесторлар келді.",  # an adjective made from the name, no mention of the place
    "Ресейлік компания жеңді.",
    "Арал жағалауына барамыз.",  # Арал (town) is also 'island': not at the start of a sentence
    "ақ жол тіледі.",  # the party Ақ жол is written with a capital
])
def test_not_a_name(text):
    assert names_in(text) == []


def test_ambiguous_name_inside_a_sentence():
    assert names_in("Делегация Аралға барды.", "location") == [("Аралға", "Арал")]


def test_latin_names_match_in_capitals_and_keep_their_spelling():
    found = find_gazetteer("АСТАНА. KAZINFORM - Бүгін Kazinform хабарлады.")
    orgs = [g.surface for g in found if g.entry.entity == "org"]
    assert orgs == ["KAZINFORM", "Kazinform"]
    assert [g.entry.name for g in found if g.entry.entity == "location"] == ["Астана"]


def test_a_name_inside_a_longer_quoted_title_is_not_found():
    assert names_in('"Пушкин және Абай" кеші, ("Google Maps" картасы)') == []
    assert names_in("«Kazinform» агенттігі хабарлады.") == [("Kazinform", "Kazinform")]


def test_orgs_from_the_gazetteer():
    assert names_in("Кеше Үкіметтің кеңесі болды, деп жазады ҚазАқпарат агенттігі.", "org") == [
        ("Үкіметтің", "Үкімет"), ("ҚазАқпарат", "ҚазАқпарат")]


def test_canonical_names():
    assert canonical_org("Ұлттық банкі") == "Ұлттық банк"
    assert canonical_org("Ұлттық Банкі") == "Ұлттық банк"
    assert canonical_org("Lion Air") == "Lion Air"
    assert canonical_location("АСТАНА") == "Астана"
    assert canonical_location("ҚЫЗЫЛОРДА") == "Қызылорда"
    assert lookup("Қарақия", "location").match == "head"


def test_tables_are_consistent():
    for e in gazetteer():
        assert e.name == " ".join(e.name.split()), e
        assert e.match in ("bare", "ambiguous", "head")
    regions = [r["name"] for r in load_table("gazetteer_locations") if r["kind"] == "region" and " " in r["name"]]
    assert len(regions) >= 17 and all(r.endswith("облысы") for r in regions)
    for abbr in ("ШҚО", "СҚО", "БҚО"):
        assert lookup(abbr, "location") is not None
    for city in ("Астана", "Алматы", "Шымкент", "Ақтау", "Атырау", "Қызылорда"):
        assert lookup(city, "location").kind == "city"
    for country in ("Ресей", "Қытай", "АҚШ", "Түркия", "Иран", "Франция", "Ауғанстан", "Индонезия",
                    "Сингапур", "Германия"):
        assert lookup(country, "location").kind == "country"
    for org in ("Үкімет", "Парламент", "Мәжіліс", "Сенат", "Ұлттық банк", "Kazinform", "ҚазАқпарат", "Хабар",
                "Instagram", "Facebook"):
        assert lookup(org, "org") is not None


@pytest.mark.parametrize("text,names", [
    ("Форумға Оңтүстік Африка мен Бразилия өкілдері қатысты.", ["Оңтүстік Африка", "Бразилия"]),
    ("Делегация Невада мен Аризонада болды.", ["Невада", "Аризона"]),  # US states
    ("Жүк Барнауылға жөнелтілді, кейін Қашқардан оралды.", ["Барнауыл", "Қашқар"]),
    ("Ұшақ Буэнос-Айрестен Мехикоға ұшты.", ["Буэнос-Айрес", "Мехико"]),
])
def test_foreign_places_in_kazakh_spelling(text, names):
    from extractor.names.locations import find_places

    assert [p.name for p in find_places(text)] == names

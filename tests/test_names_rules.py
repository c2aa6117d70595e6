"""Places and people by rule, and short names resolved to the fullest form (``extractor/names``)."""
import pytest

from extractor.names.locations import find_places
from extractor.names.persons import find_persons
from extractor.names.resolve import resolve_persons


def places(text):
    return [p.name for p in find_places(text)]


def persons(text):
    return [p.name for p in find_persons(text)]


@pytest.mark.parametrize("text,name", [
    ("Бұл Қарақия ауданында метанол зауытын салуға көмектеседі.", "Қарақия ауданы"),
    ("Қазір Торғай өңірінде бидай өседі.", "Торғай өңірі"),
    ("Тағы 3 үй жөнделеді: Ғұмаров көшесіндегі 88 үй.", "Ғұмаров көшесі"),
    ("Зілзала Сулавеси аралындағы Палу қаласына жақын болды.", "Сулавеси аралы"),
    ("Зілзала Сулавеси аралындағы Палу қаласына жақын болды.", "Палу қаласы"),
    ("Ұшақ Ява теңізіне құлады.", "Ява теңізі"),
    ("Компания Ракушечное кен ошағын игереді.", "Ракушечное кен ошағы"),
    ("Авангард 3 ықшам ауданындағы №6 үй жөнделеді.", "Авангард 3 ықшам ауданы"),
    ("Жол Қабанбай батыр көшесінде жабылды.", "Қабанбай батыр көшесі"),
    ('Шара "Бейбітшілік және келісім" сарайында өтеді.', "Бейбітшілік және келісім сарайы"),
    ("Былтыр Сингапур елінде 6 миллионға жуық адам тұрды.", "Сингапур"),
])
def test_places_by_head_noun(text, name):
    assert name in places(text)


def test_coordinated_names_share_the_head():
    assert places("Көктемде Самал және Жұмыскер шағын ауданы көгалдандырылады.") == [
        "Самал шағын ауданы", "Жұмыскер шағын ауданы"]


@pytest.mark.parametrize("text", [
    "Бұл облысы бойынша көрсеткіш.",  # no name before the head
    "Ол Сіздерге және Павлодар облысының әкіміне алғыс айтты.",  # a pronoun does not share the head
    "Қазақ елі тәуелсіздік алды.",  # a descriptor head only for a known place
])
def test_no_place_without_a_name(text):
    assert "Сіздерге облысы" not in places(text) and "Бұл облысы" not in places(text)
    assert "Қазақ" not in places(text) and "Қазақ елі" not in places(text)


def test_dateline_gives_the_city():
    assert places("ҚЫЗЫЛОРДА. KAZINFORM - Күріш егісі азаяды.")[0] == "Қызылорда"
    assert places("КЕНТАУ. KAZINFORM - Жаңа мектеп ашылды.")[0] == "Кентау"
    assert places("ЖАҢАҚҰРЫЛЫС. KAZINFORM - Жаңа мектеп ашылды.")[0] == "Жаңақұрылыс"
    # an agency the gazetteer does not list: a Latin-script or all-capitals name
    assert places("ТАРАЗ. Taraz.kz - Жаңа саябақ ашылды.")[0] == "Тараз"
    # a capitalised ordinary word after a city the gazetteer does not know is no agency: no dateline
    assert places("ЖАҢАҚҰРЫЛЫС. Бүгін - жаңбыр жауады.") == []


@pytest.mark.parametrize("text,name", [
    ("ҚР Инвестициялар және даму министрі Әсет Исекешев Маңғыстау облысына барды.", "Әсет Исекешев"),
    ("Сондай-ақ Ә.Исекешев зауытпен танысты.", "Ә.Исекешев"),
    ("Биыл З.Ахметовтің туғанына 90 жыл толды.", "З.Ахметов"),
    ("- деді Д. Ержанов.", "Д.Ержанов"),
    ("Мұражай меңгерушісі Мөлдір Баймаханбетованың айтуынша, кітаптар келді.", "Мөлдір Баймаханбетова"),
    ("Бұл туралы Атырау қаласы әкімінің орынбасары Нұрлан Таубаев айтты.", "Нұрлан Таубаев"),
    ("Кітапты академиктің жары Зия Насырқызы тапсырды.", "Зия Насырқызы"),
    ("- дейді директор Құрман Абдрахман.", "Құрман Абдрахман"),
    ("Делегацияны Қасым-Жомарт Кемелұлы Тоқаевқа таныстырды.", "Қасым-Жомарт Кемелұлы Тоқаев"),
    ("Ақмола облысының әкімі Алтай Серікбаевқа хат жолдады.", "Алтай Серікбаев"),
    ("Ол Лермонтов шығармаларын аударды.", "Лермонтов"),
    ("Ұстаздары Жирмунский мен Малов болды.", "Жирмунский"),
])
def test_people(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Үй Ғұмаров көшесінде тұр.",  # a street named after a person
    "Ол Назарбаев Университетін бітірді.",  # an institution
    "Кітапхана Гумилев атындағы университетте.",
    "Атышулы оқиға болды.",  # an adjective, not a patronymic
    "Сәтбаев қаласында жиын өтті.",  # a city
])
def test_not_people(text):
    assert persons(text) == []


def test_short_forms_resolve_to_the_full_name():
    m = resolve_persons(["Әсет Исекешев", "Ә.Исекешев", "Исекешев", "Зәки Ахметов", "З.Ахметов", "Д.Ержанов"])
    assert m["Ә.Исекешев"] == m["Исекешев"] == "Әсет Исекешев"
    assert m["З.Ахметов"] == "Зәки Ахметов"
    assert m["Д.Ержанов"] == "Д.Ержанов"


def test_an_ambiguous_short_form_stays():
    m = resolve_persons(["Асқар Мамин", "Ерлан Мамин", "Мамин", "Е.Мамин"])
    assert m["Мамин"] == "Мамин"
    assert m["Е.Мамин"] == "Ерлан Мамин"


def test_patronymic_and_misspelt_forms_join_the_first_full_name():
    m = resolve_persons(["Құрман Абдрахман", "Құрман Тұрғанұлы",
                         "Алимұхаммед Құттұмұратұлы", "Алимұхаммед Кұттұмұратұлы"])
    assert m["Құрман Тұрғанұлы"] == "Құрман Абдрахман"
    assert m["Алимұхаммед Кұттұмұратұлы"] == "Алимұхаммед Құттұмұратұлы"
    # two different full names with the same first name: the patronymic is left alone
    m = resolve_persons(["Құрман Абдрахман", "Құрман Сейітов", "Құрман Тұрғанұлы"])
    assert m["Құрман Тұрғанұлы"] == "Құрман Тұрғанұлы"

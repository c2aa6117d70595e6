"""Publishers named as sources and sports clubs (``extractor/names/orgs/media.py``, ``clubs.py``)."""
import pytest

from extractor.names.orgs import find_orgs
from extractor.names.orgs.clubs import club_name, find_clubs, sports_text
from extractor.names.orgs.media import find_domains, find_media_sources
from extractor.names.text import text_info


def orgs(text):
    return [(text[m.start:m.end], m.attrs["name"]) for m in find_orgs(text)]


def names(text):
    return [m.attrs["name"] for m in find_orgs(text)]


@pytest.mark.parametrize("text,surface,name", [
    ("Жол жөнделді, деп хабарлайды Qalalyq.kz.", "Qalalyq.kz", "Qalalyq.kz"),  # a sentence's full stop
    ("Бұл туралы dalalyq.kz тілшісі жазды.", "dalalyq.kz", "dalalyq.kz"),  # lower case in a sentence
    ("Ақпаратты Qalalyq.kz-ке әкімдік берді.", "Qalalyq.kz-ке", "Qalalyq.kz"),  # a case ending after a hyphen
    ("Жаңалықты Дала.қаз таратты.", "Дала.қаз", "Дала.қаз"),  # a Cyrillic label and domain
    ("Жаңалықты kaz.qalalyq.kz таратты.", "kaz.qalalyq.kz", "kaz.qalalyq.kz"),  # a subdomain
])
def test_a_domain_used_as_a_name_is_an_org(text, surface, name):
    assert (surface, name) in orgs(text)


@pytest.mark.parametrize("text", [
    "Өтінішті info@qalalyq.kz поштасына жазыңыз.",  # an e-mail
    "Толығырақ https://qalalyq.kz/news/7 бетінде.",  # a web address with a path
    "Құжаттар www.qalalyq.kz сайтында.",  # an address to visit
    "Баға 3.5 пайызға өсті.",  # a number is no domain
    "Мақала осымен бітті.\nqalalyq.kz\n",  # a lower-case link pasted alone under the text
])
def test_a_domain_inside_an_address_or_a_pasted_link_is_no_org(text):
    assert find_domains(text_info(text)) == []


def test_a_capitalised_domain_alone_on_its_line_is_a_name():
    text = "Мақала осымен бітті.\nQalalyq.kz\n"
    assert [f.name for f in find_domains(text_info(text))] == ["Qalalyq.kz"]


@pytest.mark.parametrize("text,name", [
    ("Саябақ ашылды, деп хабарлайды Dala Habary.", "Dala Habary"),  # Latin-script, after the construction
    ("Жиын өтті, деп хабарлады «Таңшолпан».", "Таңшолпан"),  # quoted
    ("Жиын өтті, деп жазады «Таңшолпанның» тілшісі.", "Таңшолпан"),  # quoted with an ending, before тілшісі
    ("ДалаТАГ хабарлауынша, жиын ертең өтеді.", "ДалаТАГ"),  # one agency word with capitals inside
    ("Dala Habary-дің хабарлауынша, жол жабылды.", "Dala Habary"),  # a Latin name with a hyphenated ending
    ("Мұны Steppe Daily тілшісі жазды.", "Steppe Daily"),
])
def test_a_publisher_in_a_reporting_slot_is_an_org(text, name):
    assert name in [f.name for f in find_media_sources(text_info(text))]
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "Жиын аяқталды, деп хабарлады Айгүл Сейітова.",  # a person's name in the slot
    "Кездесу өтті, деп хабарлайды ҚР Сыртқы істер министрлігі.",  # a prefix, the name goes on
    "Кездесу өтті, деп хабарлайды ТМД Атқару комитеті.",  # an abbreviation, the name goes on
    "Жиын өтті, деп хабарлайды облыс әкімдігі.",  # lower case
])
def test_no_publisher_where_the_slot_holds_no_publishers_name(text):
    assert find_media_sources(text_info(text)) == []


@pytest.mark.parametrize("quoted,name", [
    ("Тобыл", "Тобыл"),
    ("Тобылы", "Тобыл"),  # the possessive: Қостанайдың «Тобылы»
    ("Тобылына", "Тобыл"),  # possessive + dative
    ("Ордабасымен", "Ордабасы"),
    ("Елімайды", "Елімай"),
    ("Шахтері", "Шахтер"),
    ("Барысқа", "Барыс"),
    ("Тобылбай", None),  # no case ending: another word
    ("Жаңа өркен", None),  # not in the table
])
def test_club_name_reads_case_forms_and_the_possessive(quoted, name):
    assert club_name(quoted) == name


def test_clubs_need_a_sports_text():
    sport = "Футбол чемпионатында алматылық «Қайрат» пен «Астана» тең ойнады."
    other = "Кеше «Қайрат» пен «Астана» атты кітаптар жарық көрді."
    assert sports_text(text_info(sport)) and not sports_text(text_info(other))
    assert [f.name for f in find_clubs(text_info(sport))] == ["Қайрат", "Астана"]
    assert find_clubs(text_info(other)) == []


def test_a_city_named_club_is_the_club_not_a_place():
    text = "Хоккей турнирінде «Ақтөбе» үш ұпай жинады."
    assert ("Ақтөбе", "Ақтөбе") in orgs(text)


def test_a_quotation_listed_with_a_club_is_a_club():
    text = "Футболдан бірінші лигада «Жаңа өркен», павлодарлық «Ертіс» және Қарағандының «Шахтері» ойнайды."
    assert [f.name for f in find_clubs(text_info(text))] == ["Жаңа өркен", "Ертіс", "Шахтер"]


def test_a_list_before_a_club_word_is_a_list_of_clubs():
    text = "Футбол кубогында «Жаңа өркен» мен «Көк бөрі» клубы кездеседі."
    assert {"Жаңа өркен", "Көк бөрі"} <= set(names(text))


def test_a_place_named_after_a_club_is_no_club():
    text = "Футбол жанкүйерлері «Астана» стадионына жиналды."
    assert find_clubs(text_info(text)) == []


def test_the_ending_inside_the_quotes_takes_the_whole_quotation():
    text = "Хоккейден «Барысқа» жанкүйерлер қолдау көрсетті."
    assert ("«Барысқа»", "Барыс") in orgs(text)


def test_a_quoted_name_after_its_city_that_ends_the_clause_is_a_club():
    text = "Футболдан бірінші лигада шымкенттік «Жас қыран», елордалық «Көк бөрі» ойнады."
    assert [f.name for f in find_clubs(text_info(text))] == ["Жас қыран", "Көк бөрі"]


@pytest.mark.parametrize("text", [
    "Хоккейден алматылық «Жас қыран» жеңді.",  # not in the table, and a verb follows: unknown
    "Футболдан халықаралық «Жас қыран», «Көк бөрі» жарыстары өтті.",  # халықаралық is made from no place
])
def test_no_club_from_a_city_adjective_where_the_name_goes_on_or_no_city_is_said(text):
    assert find_clubs(text_info(text)) == []


def test_a_quoted_title_with_a_noun_after_it_is_no_publisher():
    text = "Ел тарихы туралы деп жазды «Көне дала» кітабында."
    assert find_media_sources(text_info(text)) == []
    assert names("Тарих туралы деп жазды «Көне дала» тілшісі.") == ["Көне дала"]


def test_the_teams_of_a_match_are_clubs():
    text = "Футболдан «Жас қыран» – «Тобыл» матчы 1:1 есебімен аяқталды."
    assert [f.name for f in find_clubs(text_info(text))] == ["Жас қыран", "Тобыл"]

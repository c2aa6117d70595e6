"""Organisations on written web news: a country's body with its owner, owner places in the nominative,
lower-case social networks and operators, a quoted name with its case ending inside, hospital wards."""
import pytest

from extractor.names.keys import org_key
from extractor.names.orgs import find_orgs


def orgs(text):
    return [(text[m.start:m.end], m.attrs["name"]) for m in find_orgs(text)]


@pytest.mark.parametrize("text,surface,key", [
    ("Кеше Өзбекстан Республикасының Сыртқы істер министрлігі нота жолдады.",
     "Өзбекстан Республикасының Сыртқы істер министрлігі", "өзбекстан республикасы сыртқы істер министрлігі"),
    ("Құжатқа Қырғыз Республикасының Қаржы министрлігі қол қойды.",
     "Қырғыз Республикасының Қаржы министрлігі", "қырғыз республикасы қаржы министрлігі"),
])
def test_a_republic_in_the_genitive_owns_its_ministry(text, surface, key):
    """The whole name as written (the full hierarchical name); its key reads the owner nominative."""
    assert orgs(text) == [(surface, surface)]
    assert org_key(surface) == key


def test_two_countries_ministries_stay_two_entities():
    text = ("Қазақстан Республикасының Әділет министрлігі мен Армения Республикасының Әділет министрлігі "
            "меморандум жасасты.")
    names = [n for _, n in orgs(text)]
    assert names == ["Қазақстан Республикасының Әділет министрлігі", "Армения Республикасының Әділет министрлігі"]
    # the home country's ministry keys as the bare ministry (ҚР Әділет министрлігі), a foreign one keeps its state
    assert [org_key(n) for n in names] == ["әділет министрлігі", "армения республикасы әділет министрлігі"]


@pytest.mark.parametrize("text,name,key", [
    ("Арыз Маңғыстау облысының прокуратурасына түсті.", "Маңғыстау облысының прокуратурасы",
     "маңғыстау облысы прокуратурасы"),
    ("Жобаны Талғар ауданының әкімдігі қаржыландырды.", "Талғар ауданының әкімдігі", "талғар ауданы әкімдігі"),
    ("Семей қаласының білім бөлімі мәлімдеме жасады.", "Семей қаласының білім бөлімі", "семей қаласы білім бөлімі"),
])
def test_an_owner_place_in_the_genitive_stays_in_the_name_and_keys_nominative(text, name, key):
    """The text's hierarchical name (dimensions/org/corpus.txt: Павлодар облысының білім басқармасы), one key
    with the body written with its owner in the nominative."""
    assert [n for _, n in orgs(text)] == [name]
    assert org_key(name) == key


@pytest.mark.parametrize("text,names", [
    ("Әнші бұл суретті инстаграмдағы парақшасына салды.", ["инстаграм"]),
    ("Хабарлама фейсбукта және телеграм арналарында тарады.", ["фейсбук", "телеграм"]),
    ("Ауылда билайн мен кселл желісі нашар ұстайды.", ["билайн", "кселл"]),
    ("Ол ютубқа жаңа бейне жүктеді.", ["ютуб"]),
])
def test_lower_case_networks_and_operators_are_orgs(text, names):
    assert [n for _, n in orgs(text)] == names


def test_a_case_ending_that_is_no_case_ending_gives_nothing():
    assert orgs("Бұл тиктокер жас жігіт.") == []


@pytest.mark.parametrize("text,surface,name", [
    ("Тұрғындар «Жастар ресурстық орталығының» жұмысына риза.",
     "Жастар ресурстық орталығының", "Жастар ресурстық орталығы"),
    ("Оқушылар «Облыстық балалар кітапханасына» барып қайтты.",
     "Облыстық балалар кітапханасына", "Облыстық балалар кітапханасы"),
])
def test_a_quoted_name_with_its_case_ending_inside_is_the_body(text, surface, name):
    assert orgs(text) == [(surface, name)]


@pytest.mark.parametrize("text", [
    "Реанимация бөлімінде үш науқас жатыр.",
    "Жан сақтау бөліміне екі адам жеткізілді.",
    "Кардиология бөлімшесі жаңа жабдық алды.",
])
def test_a_hospital_ward_is_no_organisation(text):
    assert orgs(text) == []


def test_a_body_with_a_ward_head_stays():
    assert [n for _, n in orgs("Бұл туралы Ордабасы аудандық білім бөлімі хабарлады.")] == \
        ["Ордабасы аудандық білім бөлімі"]


@pytest.mark.parametrize("text,name", [
    ("Әкім Көктерек дәрігерлік амбулаториясының құрылысын көрді.", "Көктерек дәрігерлік амбулаториясы"),
    ("Балқаш қалалық перзентханасында он екі сәби дүниеге келді.", "Балқаш қалалық перзентханасы"),
])
def test_medical_facilities_with_their_place_are_orgs(text, name):
    assert [n for _, n in orgs(text)] == [name]


def test_a_medical_facility_word_alone_names_nobody():
    assert orgs("Ол амбулаторияға барып, дәрігерге қаралды.") == []


@pytest.mark.parametrize("text,name", [
    ("Ресей ІІМ өкілі брифинг өткізді.", "Ресей ІІМ"),
    ("Қазақстан ҰОК төрағасы спортшыларды құттықтады.", "Қазақстан ҰОК"),
])
def test_an_abbreviated_body_after_its_country_is_one_name(text, name):
    assert [n for _, n in orgs(text)] == [name]


def test_the_home_prefix_stays_out_of_an_abbreviated_body():
    assert [n for _, n in orgs("Бұл туралы ҚР ІІМ баспасөз қызметі хабарлады.")] == ["ІІМ"]


def test_a_country_before_an_organisation_of_states_is_a_member():
    assert [n for _, n in orgs("Армения мен Қырғызстан ЕАЭО шеңберінде келісімге келді.")] == ["ЕАЭО"]


def test_a_relation_between_countries_is_no_body():
    # 'the strategic partnership between Kazakhstan and Turkey': серіктестігі is no company here
    assert orgs("Қазақстан мен Түркия арасындағы стратегиялық серіктестіктің маңызы зор.") == []


@pytest.mark.parametrize("text", [
    "Болашақта Түркістан аймақтық сауда орталығына айналады.",
    "Университет өңірдегі ғылымның басты орталығына айналды.",
])
def test_what_something_became_is_no_body(text):
    assert orgs(text) == []


def test_a_body_named_before_another_verb_stays():
    assert [n for _, n in orgs("Ол Астана халықаралық қаржы орталығына барды.")] == \
        ["Астана халықаралық қаржы орталығы"]


@pytest.mark.parametrize("text,name", [
    ("Су тасқыны кезінде төтенше жағдайлар министрлігі құтқарушылар жіберді.", "Төтенше жағдайлар министрлігі"),
    ("Бұл туралы денсаулық сақтау министрлігінің өкілі айтты.", "Денсаулық сақтау министрлігі"),
])
def test_a_ministry_in_lower_case_is_that_ministry(text, name):
    assert [n for _, n in orgs(text)] == [name]


def test_a_lower_case_ministry_after_another_country_is_not_ours():
    assert "Сыртқы істер министрлігі" not in [n for _, n in orgs("Ресейдің сыртқы істер министрлігі нота жолдады.")]


@pytest.mark.parametrize("text,names", [
    ("Жаңа заңды сенат депутаттары мақұлдады.", ["Сенат"]),
    ("Министр үкімет отырысында баяндама жасады.", ["Үкімет"]),
    ("Мәжіліс депутаттарымен кездесу өтті, оған парламент төрағасы қатысты.", ["Мәжіліс", "Парламент"]),
])
def test_a_lower_case_state_body_before_its_members_or_sittings(text, names):
    assert [n for _, n in orgs(text)] == names


@pytest.mark.parametrize("text", [
    "Ел үкіметі жаңа бағдарлама қабылдады деп жазды ол.",
    "Жиналыста үкімет туралы көп айтылды.",
])
def test_a_lower_case_state_word_alone_names_no_body(text):
    assert "Үкімет" not in [n for _, n in orgs(text)]


def test_keys_join_spellings_of_one_entity_and_keep_states_apart():
    from extractor.names.keys import org_key
    assert org_key("инстаграм") == org_key("Instagram")
    assert org_key("билайн") == org_key("Beeline")
    assert org_key("Қазақстан Республикасы Сыртқы істер министрлігі") == org_key("ҚР Сыртқы істер министрлігі")
    assert org_key("Армения Республикасы Сыртқы істер министрлігі") != org_key("ҚР Сыртқы істер министрлігі")

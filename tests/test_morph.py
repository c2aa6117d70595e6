"""Kazakh endings (``data/case_endings.tsv``): which variant follows which stem, base forms of names,
lemmas, and the match patterns other recognisers build on."""
import regex
import pytest
from hypothesis import given, settings, strategies as st

from extractor.lang.kk import morph
from extractor.lang.kk.morph import (CASES, base_form, ending_chain_pattern, inflect, parses, strip_endings,
                                     suffix_pattern)
from extractor.lang.kk.tables import load_table

# one real example for every ending of the table that a name can take: (written, base, kind)
CASE_EXAMPLES = [
    # genitive: -ның/-нің after a vowel or a nasal, -дың/-дің after л р й у ж з, -тың/-тің after voiceless
    ("Астананың", "Астана", "location"), ("Ақтөбенің", "Ақтөбе", "location"),
    ("Қазақстанның", "Қазақстан", "location"), ("Атыраудың", "Атырау", "location"),
    ("Ресейдің", "Ресей", "location"), ("Тоқаевтың", "Тоқаев", "person"), ("Шымкенттің", "Шымкент", "location"),
    ("Ахметовтің", "Ахметов", "person"), ("Баймаханбетованың", "Баймаханбетова", "person"),
    ("Маңғыстау облысының", "Маңғыстау облысы", "location"), ("Ұлттық банкінің", "Ұлттық банк", "org"),
    ("Халық банкінің", "Халық банкі", "org"),
    # accusative: -ны/-ні, -ды/-ді, -ты/-ті, -н after a possessive
    ("Астананы", "Астана", "location"), ("Ақтөбені", "Ақтөбе", "location"), ("Тоқаевты", "Тоқаев", "person"),
    ("Ресейді", "Ресей", "location"), ("Исекешевті", "Исекешев", "person"),
    ("Ракушечное кен ошағын", "Ракушечное кен ошағы", "location"),
    ("Асқар Ұзақбайұлын", "Асқар Ұзақбайұлы", "person"),
    # dative: -ға/-ге, -қа/-ке, -на/-не after a possessive
    ("Астанаға", "Астана", "location"), ("Ресейге", "Ресей", "location"), ("Иранға", "Иран", "location"),
    ("Тоқаевқа", "Тоқаев", "person"), ("Шымкентке", "Шымкент", "location"),
    ("Маңғыстау облысына", "Маңғыстау облысы", "location"), ("Ява теңізіне", "Ява теңізі", "location"),
    # locative: -да/-де, -та/-те, -нда/-нде
    ("Атырауда", "Атырау", "location"), ("Ақтөбеде", "Ақтөбе", "location"), ("Сарыағашта", "Сарыағаш", "location"),
    ("Шымкентте", "Шымкент", "location"), ("Қарақия ауданында", "Қарақия ауданы", "location"),
    ("Торғай өңірінде", "Торғай өңірі", "location"),
    # locative turned attribute: -дағы/-дегі, -тағы/-тегі, -ндағы/-ндегі
    ("Астанадағы", "Астана", "location"), ("Мәскеудегі", "Мәскеу", "location"),
    ("Ленинградтағы", "Ленинград", "location"), ("Шымкенттегі", "Шымкент", "location"),
    ("Сулавеси аралындағы", "Сулавеси аралы", "location"), ("Ғұмаров көшесіндегі", "Ғұмаров көшесі", "location"),
    # ablative: -дан/-ден, -тан/-тен, -нан/-нен
    ("Джакартадан", "Джакарта", "location"), ("Ресейден", "Ресей", "location"),
    ("Сарыағаштан", "Сарыағаш", "location"), ("Исекешевтен", "Исекешев", "person"),
    ("Қазақстаннан", "Қазақстан", "location"), ("Қызылорда облысынан", "Қызылорда облысы", "location"),
    ("Шиелі ауданының", "Шиелі ауданы", "location"), ("Ғұмаров көшесінен", "Ғұмаров көшесі", "location"),
    # instrumental: -мен, -бен, -пен
    ("Ресеймен", "Ресей", "location"), ("Қазақстанмен", "Қазақстан", "location"), ("Таразбен", "Тараз", "location"),
    ("Тоқаевпен", "Тоқаев", "person"),
    # only the last word of a name inflects
    ("Маңғыстау облысы әкімдігінің", "Маңғыстау облысы әкімдігі", "org"),
    ("Ұлттық академиялық кітапхананың", "Ұлттық академиялық кітапхана", "org"),
    ("Жекешелендіру жөніндегі ұлттық офистің", "Жекешелендіру жөніндегі ұлттық офис", "org"),
    ("Зәки Ахметовтің", "Зәки Ахметов", "person"),
    # abbreviations, numbers and foreign words take the ending after a hyphen
    ("АЭА-ында", "АЭА", "org"), ("ҚазМУ-ді", "ҚазМУ", "org"), ("АҚШ-тың", "АҚШ", "location"),
    ("ШҚО-да", "ШҚО", "location"), ("Facebook-тағы", "Facebook", "org"),
    # initials stay on the surname
    ("Ә.Исекешевтен", "Ә.Исекешев", "person"), ("З.Ахметовтің", "З.Ахметов", "person"),
]


@pytest.mark.parametrize("written,base,kind", CASE_EXAMPLES, ids=[e[0] for e in CASE_EXAMPLES])
def test_base_form_strips_the_case_ending(written, base, kind):
    assert base_form(written, kind) == base


# base forms that end like an ending: the stem before it would not take that variant, or the
# gazetteer knows the word
BASE_FORMS = ["Алматы", "Ақтөбе", "Түркия", "Франция", "Ресей", "Қытай", "Иран", "Қазақстан", "Сингапур",
              "Канада", "Қарағанды", "Өскемен", "Теректі", "Баймаханбетова", "Құттұмұратұлы", "Ерден",
              "Маңғыстау облысы", "Қарақия ауданы", "Кеңес Одағы", "Атырау"]


@pytest.mark.parametrize("name", BASE_FORMS)
def test_base_forms_stay(name):
    for kind in ("location", "person", "org"):
        assert base_form(name, kind) == name


def test_the_variant_must_fit_the_stem():
    # after a vowel the accusative is -ны: Алматы is not Алма + -ты
    assert not any(p.case for p in parses("Алматы"))
    # after a nasal the ablative is -нан, not -дан
    assert not [p for p in parses("Қазақстандан") if p.case == "дан"]
    assert {p.base for p in parses("Қазақстаннан") if p.case} == {"Қазақстан"}
    # a Kazakh stem keeps its harmony: a back stem takes no front ending
    assert not [p for p in parses("Қазақстанде") if p.case == "де"]
    # -на is the dative only after a possessive
    assert not [p for p in parses("Астана") if p.case]


def test_borrowed_names_take_either_harmony():
    assert base_form("Нәубековтің", "person") == "Нәубеков"
    assert base_form("Тоқаевтің", "person") == "Тоқаев"


def test_a_known_stem_wins_over_a_guess():
    # Қарағанды + -да, not Қараған + -ды + ...
    assert base_form("Қарағандыда", "location") == "Қарағанды"
    # accusative -ды/-ті after a consonant looks like a toponym's own ending: only for a known stem
    assert base_form("Жезқазғанды", "location") == "Жезқазған"
    assert base_form("Бірлікті", "location") == "Бірлікті"
    assert base_form("Бірлікті", "location", known=lambda w: w == "Бірлік") == "Бірлік"


def test_people_take_no_locative():
    assert base_form("Абайдағы", "person") == "Абайдағы"
    assert base_form("Абайдағы", "location") == "Абай"


def test_the_possessive_accusative_needs_a_possessive_name():
    # Ерсін is a first name, not *Ерсі + -н; a patronymic or a head noun does take -н
    assert base_form("Ерсін", "person") == "Ерсін"
    assert base_form("Маңғыстау облысын", "location") == "Маңғыстау облысы"


def test_kind_is_checked():
    with pytest.raises(ValueError):
        base_form("Астана", "city")


@pytest.mark.parametrize("word,lemma", [("тоннаға", "тонна"), ("теңгеден", "теңге"), ("мыңнан", "мың"),
                                        ("облысына", "облыс"), ("адамдар", "адам"), ("ошағын", "ошақ"),
                                        ("құқықтарын", "құқық"), ("теңгеге", "теңге"), ("АЭА-ында", "АЭА")])
def test_strip_endings(word, lemma):
    assert strip_endings(word) == lemma


@pytest.mark.parametrize("stem,word", [("теңге", "теңгеден"), ("теңге", "теңгенің"), ("мың", "мыңнан"),
                                       ("орын", "орындары"), ("облыс", "облыстарының"), ("млрд", "млрд"),
                                       ("Астана", "Астанадағы")])
def test_suffix_pattern_accepts_inflected_words(stem, word):
    assert regex.fullmatch(suffix_pattern(stem), word, regex.IGNORECASE)


def test_suffix_pattern_rejects_other_words():
    assert not regex.fullmatch(suffix_pattern("мың"), "мыңғырт", regex.IGNORECASE)


# what the first version of the table held: the chain pattern must still accept all of it
OLD_ENDINGS = ("ның нің дың дің тың тің ны ні ды ді ты ті н ға ге қа ке на не а е да де та те нда нде дан ден "
               "тан тен нан нен мен бен пен ы і сы сі ғы гі қы кі лық лік дық дік тық тік лар лер дар дер тар "
               "тер ыншы інші ншы нші шы ші").split()


def test_chain_pattern_keeps_every_old_ending():
    chain = regex.compile(ending_chain_pattern())
    for e in OLD_ENDINGS:
        assert chain.fullmatch(e), e
    assert chain.fullmatch("ларының") and chain.fullmatch("ындағы")


def test_table_rows_are_well_formed():
    rows = load_table("case_endings")
    assert {r["use"] for r in rows} == {"case", "stem", "other"}
    assert {r["harmony"] for r in rows} <= {"back", "front", "any"}
    for r in rows:
        assert set(r["after"].split()) <= set(morph.SOUND_CLASSES) | {"poss3", "any"}, r
    # every case has a variant for every kind of stem
    for case in ("genitive", "accusative", "dative", "locative", "ablative", "instrumental"):
        covered = set()
        for r in rows:
            if r["case"] == case:
                covered |= set(r["after"].split())
        assert set(morph.SOUND_CLASSES) <= covered, case


@pytest.mark.parametrize("word,case,written", [
    ("Астана", "locative_attr", "Астанадағы"), ("Маңғыстау облысы", "dative", "Маңғыстау облысына"),
    ("Атырау", "genitive", "Атыраудың"), ("Тоқаев", "dative", "Тоқаевқа"), ("Ахметов", "genitive", "Ахметовтің"),
    ("Баймаханбетова", "genitive", "Баймаханбетованың"), ("АҚШ", "genitive", "АҚШ-тың"),
    ("Ғұмаров көшесі", "locative_attr", "Ғұмаров көшесіндегі"), ("Қазақстан", "ablative", "Қазақстаннан"),
    ("Тараз", "instrumental", "Таразбен"), ("Путин", "dative", "Путинге")])
def test_inflect(word, case, written):
    assert inflect(word, case) == written


GAZ_LOCATIONS = sorted({r["name"] for r in load_table("gazetteer_locations")})


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(GAZ_LOCATIONS), st.sampled_from(CASES))
def test_every_gazetteer_place_comes_back_from_every_case(name, case):
    assert base_form(name, "location") == name
    assert base_form(inflect(name, case), "location") == name

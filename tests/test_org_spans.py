"""Organisation spans on written news: the whole Latin name, a resource's stock, owners written before a name."""
import pytest

from extractor.names.orgs import find_orgs


def orgs(text):
    return [(text[m.start:m.end], m.attrs["name"]) for m in find_orgs(text)]


@pytest.mark.parametrize("text,surface,name", [
    ("Рейтингті Times Higher Education ұйымы жыл сайын жасайды.",
     "Times Higher Education ұйымы", "Times Higher Education"),
    ("Есепті Human Rights Watch ұйымы дайындады.", "Human Rights Watch ұйымы", "Human Rights Watch"),
    ("Жобаны World Wildlife Fund қауымдастығы қолдады.", "World Wildlife Fund қауымдастығы", "World Wildlife Fund"),
])
def test_a_latin_name_before_a_head_is_the_whole_run(text, surface, name):
    assert orgs(text) == [(surface, name)]


@pytest.mark.parametrize("text", [
    "Көмірсутек қорын бағалау жұмысы биыл аяқталады.",  # the hydrocarbon reserves
    "Жанармай қоры қысқа жетеді деп күтілуде.",
    "Мұнайдың қоры кен орнында әлі көп.",  # the resource in the genitive
    "Азық-түлік қоры жеткілікті екені айтылды.",
])
def test_a_resource_before_kory_is_a_stock_not_a_fund(text):
    assert orgs(text) == []


@pytest.mark.parametrize("text,name", [
    ("Тұңғыш Президент қоры жастарға грант берді.", "Тұңғыш Президент қоры"),
    ("«Мейірім» қоры балаларға көмектесті.", "Мейірім"),
    ("Халықаралық валюта қорының болжамы жарияланды.", "Халықаралық валюта қоры"),
])
def test_funds_stay_funds(text, name):
    assert [n for _, n in orgs(text)] == [name]


@pytest.mark.parametrize("text,name", [
    ("Жиынға әл-Фараби атындағы ҚазҰУ-дың студенттері қатысты.", "әл-Фараби атындағы ҚазҰУ"),  # a listed abbreviation
    ("Байқауды Абай атындағы № 8 гимназия ұйымдастырды.", "Абай атындағы № 8 гимназия"),  # a numbered school
    ("Қойылымды Жамбыл атындағы облыстық филармония ұсынды.", "Жамбыл атындағы облыстық филармония"),
    # a bare head right after атындағы (annotation.md: Абай атындағы университет), with the initial
    ("Спектакльді Мәскеудегі Е.Вахтангов атындағы театр әртістері қойды.", "Е.Вахтангов атындағы театр"),
    ("Ол Абай атындағы университетте оқиды.", "Абай атындағы университет"),
])
def test_a_person_and_atyndagy_before_any_org_belong_to_it(text, name):
    assert [n for _, n in orgs(text)] == [name]


@pytest.mark.parametrize("text", ["Ол әкесі атындағы мектепке барды.", "Біз оның атындағы көшеде тұрамыз."])
def test_no_body_without_a_person_before_atyndagy(text):
    assert orgs(text) == []


def test_a_listed_body_after_atyndagy_with_no_persons_name_keeps_its_own_name():
    # 'KazNU named after the great thinker': no name before атындағы, so it stays out of the body's name
    assert orgs("Жиынға ұлы ойшыл атындағы ҚазҰУ өкілдері келді.") == [("ҚазҰУ", "ҚазҰУ")]


def test_an_abbreviation_after_the_words_its_full_name_opens_with_shares_its_key():
    from extractor.names.keys import entity_key

    assert entity_key("org", "әл-Фараби атындағы ҚазҰУ") == entity_key("org", "ҚазҰУ")
    assert entity_key("org", "Абай атындағы ҚазҰУ") != entity_key("org", "ҚазҰУ")  # not its full name


def test_a_name_without_its_owner_place_is_the_full_name_of_the_same_text():
    from extractor.names.keys import fuller_org_names

    full = fuller_org_names(["Мемлекеттік қуыршақ театры", "Алматы Мемлекеттік қуыршақ театры",
                             "Қоғамдық кеңесі", "ШҚО Қоғамдық кеңесі", "ҚазҰУ", "әл-Фараби атындағы ҚазҰУ"])
    assert full == {"Мемлекеттік қуыршақ театры": "Алматы Мемлекеттік қуыршақ театры",
                    "Қоғамдық кеңесі": "ШҚО Қоғамдық кеңесі", "ҚазҰУ": "әл-Фараби атындағы ҚазҰУ"}


@pytest.mark.parametrize("names", [
    # two owners: whose department is meant stays open
    ["Полиция департаменті", "Атырау облысының Полиция департаменті", "Маңғыстау облысының Полиция департаменті"],
    # another country's ministry and the home one
    ["Экономика министрлігі", "Жапония Экономика министрлігі"],
])
def test_a_short_name_with_no_single_owner_stays(names):
    from extractor.names.keys import fuller_org_names

    assert fuller_org_names(names) == {}


def test_one_record_name_for_a_body_written_with_and_without_its_place():
    import extractor

    doc = extractor.extract("Алматы Мемлекеттік қуыршақ театры жаңа маусымды ашты. Мемлекеттік қуыршақ "
                            "театрының әртістері гастрольге шықты.", ner="none")
    assert {r.name for r in doc.records if r.type == "org"} == {"Алматы Мемлекеттік қуыршақ театры"}


@pytest.mark.parametrize("text,title", [
    ("Театр «Абай жолы» романының желісімен жаңа қойылым әзірледі.", "Абай жолы"),  # a novel
    ("Кеше «Батырлар» фильмі үлкен экранға шықты.", "Батырлар"),  # a film
    ("Оқушылар «Ақ желкен» әнін орындады.", "Ақ желкен"),  # a song
])
def test_a_quoted_work_before_its_noun_is_no_org_of_the_model(text, title):
    from extractor.names.model_checks import Span, check_span
    from extractor.names.text import text_info

    start = text.index(title)
    assert check_span(text_info(text), Span("org", start, start + len(title))) is None

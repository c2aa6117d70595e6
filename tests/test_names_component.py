"""``kx_names``: how rule and model names are merged (``doc.ents`` set by hand, KazNERD labels)."""
import datetime as dt
from decimal import Decimal

import pytest
import spacy

import extractor  # noqa: F401 - registers the kk language
from extractor.mentions import Mention, get_mentions
from extractor.pipeline import add_rule_components, build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(ner="none")


def run(nlp, text, ents=(), before=()):
    """Process ``text`` with entities ``(surface, label)`` set as a statistical NER would set them, and
    ``before``: mentions that earlier rule components had found."""
    doc = nlp.make_doc(text)
    spans = []
    for surface, label, *last in ents:
        start = doc.text.rindex(surface) if last else doc.text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label, alignment_mode="expand")
        spans.append(span)
    doc.ents = spans
    doc._.kx_mentions = list(before)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def names(doc, type_):
    return [(m.attrs["name"], m.source) for m in doc._.kx_mentions if m.type == type_]


def test_an_org_found_by_rule_and_model_is_one_mention(nlp):
    doc = run(nlp, "Жаңа ережені Атырау облысы әкімдігінің ресми өкілі түсіндірді.",
              [("Атырау облысы әкімдігінің", "ORGANISATION")])
    assert names(doc, "org") == [("Атырау облысы әкімдігі", "rule+model")]
    # the place inside the organisation's name is no place of its own
    assert names(doc, "location") == []


def test_the_rule_keeps_its_name_and_legal_form(nlp):
    doc = run(nlp, "Зауытты «ҚазАзот» ЖШС жаңғыртты.", [("ҚазАзот", "ORGANISATION")])
    orgs = [m for m in doc._.kx_mentions if m.type == "org"]
    assert len(orgs) == 1
    assert orgs[0].attrs == {"name": "ҚазАзот", "legal_form": "ЖШС", "key": "қазазот"} and orgs[0].source == "rule+model"


def test_a_model_span_never_overwrites_a_rule_value(nlp):
    money = Mention("money", 10, 26, {"value": Decimal("5600000000"), "value_max": None, "currency": "KZT",
                                      "qualifier": "exact"}, "rule")
    date = Mention("date", 0, 9, {"date_start": dt.date(2015, 1, 1), "date_end": dt.date(2015, 12, 31),
                                  "granularity": "year", "relative": False}, "rule")
    text = "2015 жылы 5,6 млрд теңгені Ақтау порты алды."
    assert text[10:26] == "5,6 млрд теңгені" and text[0:9] == "2015 жылы"
    doc = run(nlp, text, [("5,6 млрд теңгені", "ORGANISATION"), ("2015 жылы", "GPE")], before=[money, date])
    kept = {(m.type, m.start, m.end, m.source) for m in doc._.kx_mentions}
    assert ("money", 10, 26, "rule") in kept and ("date", 0, 9, "rule") in kept
    assert not [m for m in doc._.kx_mentions if m.source != "rule" and m.type in ("org", "location")]


def test_model_people_get_base_forms_and_full_names(nlp):
    doc = run(nlp, "Сурджанто Танджоно келді. Кейін Танджононың сөзі тыңдалды.",
              [("Сурджанто Танджоно", "PERSON"), ("Танджононың", "PERSON")])
    assert [n for n, _ in names(doc, "person")] == ["Сурджанто Танджоно", "Сурджанто Танджоно"]
    assert {s for _, s in names(doc, "person")} == {"model"}


def test_rule_and_model_person_is_one_mention_with_the_longer_span(nlp):
    doc = run(nlp, "Зауытты Әсет Исекешев аралады. Бұдан кейін Исекешевтен көмек сұрады.",
              [("Исекешевтен", "PERSON")])
    people = names(doc, "person")
    assert people == [("Әсет Исекешев", "rule"), ("Әсет Исекешев", "rule+model")]


def test_a_model_person_longer_than_the_rules_takes_the_whole_name(nlp):
    # the rules find two words of a three-word name, the model all of it
    doc = run(nlp, "Самир Әділ Хасанидің пікірінше, келісім маңызды.", [("Самир Әділ Хасанидің", "PERSON")])
    assert names(doc, "person") == [("Самир Әділ Хасани", "rule+model")]
    doc = run(nlp, "Бізде Қожа Ахмет Ясауидің ілімі оқытылады.", [("Қожа Ахмет Ясауидің", "PERSON")])
    assert names(doc, "person") == [("Қожа Ахмет Ясауи", "rule+model")]
    # a surname before the first name and patronymic: the rules' two pieces become the model's one name
    doc = run(nlp, "Бұл — облыс әкімі Бекенов Алтай Серікұлының жұмысының нәтижесі.",
              [("Бекенов Алтай Серікұлының", "PERSON")])
    assert names(doc, "person") == [("Бекенов Алтай Серікұлы", "rule+model")]
    # a title the model takes in is no word of the name, nor a place after it
    doc = run(nlp, "Кездесуге Елбасы Нұрсұлтан Назарбаев қатысты.", [("Елбасы Нұрсұлтан Назарбаев", "PERSON")])
    assert [n for n, _ in names(doc, "person")] == ["Нұрсұлтан Назарбаев"]
    doc = run(nlp, "Бапкер Серік Жұмағұлов Токиода жаттығу өткізді.", [("Серік Жұмағұлов Токиода", "PERSON")])
    assert [n for n, _ in names(doc, "person")] == ["Серік Жұмағұлов"]


def test_model_places_and_orgs_outside_the_gazetteer(nlp):
    doc = run(nlp, "Ұшақ Бангкалден Панкалпинанг қаласына ұшты.",
              [("Бангкалден", "GPE"), ("Панкалпинанг қаласына", "GPE")])
    assert names(doc, "location") == [("Бангкал", "model"), ("Панкалпинанг қаласы", "rule+model")]
    doc = run(nlp, "Жобаны Самұрық Энерго қаржыландырды.", [("Самұрық Энерго", "ORGANISATION")])
    assert names(doc, "org") == [("Самұрық Энерго", "model")]


def test_a_model_org_holds_a_rule_place(nlp):
    # the rules know no bare 'орталық' (too common: 'central'); the place is part of the model's org (and,
    # before облыстық, no place of its own even where no organisation is found)
    text = "Ұсынысты Маңғыстау облыстық онкологиялық орталық қолдады."
    assert names(run(nlp, text), "location") == []
    doc = run(nlp, "Ұсынысты Маңғыстауда онкологиялық орталық қолдады.", [("Маңғыстауда онкологиялық орталық",
                                                                        "ORGANISATION")])
    assert names(doc, "location") == []
    doc = run(nlp, text, [("Маңғыстау облыстық онкологиялық орталық", "ORGANISATION")])
    assert names(doc, "org") == [("Маңғыстау облыстық онкологиялық орталық", "model")]
    assert names(doc, "location") == []


def test_rule_and_model_org_with_a_council_head(nlp):
    doc = run(nlp, "Ұсынысты Бейнеу аудандық мәслихат хатшылығы қолдады.",
              [("Бейнеу аудандық мәслихат хатшылығы", "ORGANISATION")])
    assert names(doc, "org") == [("Бейнеу аудандық мәслихат хатшылығы", "rule+model")]
    assert names(doc, "location") == []


def test_a_model_place_on_a_rule_surname_is_the_person(nlp):
    # the rule's surname ending outranks the model's type
    doc = run(nlp, "Делегация Қайырбеков пен Тасболатов арқылы келді.", [("Қайырбеков", "GPE")])
    assert names(doc, "location") == []
    assert names(doc, "person") == [("Қайырбеков", "rule+model"), ("Тасболатов", "rule")]


def test_a_model_person_never_replaces_a_rule_org(nlp):
    doc = run(nlp, "Бұл туралы Назарбаев Университеті хабарлады.", [("Назарбаев", "PERSON")])
    assert names(doc, "org") == [("Назарбаев Университеті", "rule")]
    assert names(doc, "person") == []


def test_other_labels_are_ignored(nlp):
    doc = run(nlp, "Жиын 1 қарашада Астанада өтті.", [("1 қарашада", "DATE"), ("Астанада", "GPE")])
    assert names(doc, "location") == [("Астана", "rule+model")]
    # the DATE entity makes no name mention (the date rule may still find the date itself)
    assert {m.type for m in doc._.kx_mentions if m.source != "rule"} == {"location"}


def test_a_model_place_inside_a_rule_org_is_dropped(nlp):
    doc = run(nlp, "Көрмені Ұлттық академиялық кітапхана ұйымдастырды.", [("Ұлттық", "GPE")])
    assert names(doc, "location") == []
    assert names(doc, "org") == [("Ұлттық академиялық кітапхана", "rule")]


def test_rules_only(nlp):
    doc = run(nlp, "АСТАНА. KAZINFORM - Кешегі Үкімет жиынында Энергетика министрі Ерлан Сапаров Қазақстанның "
                   "газ нарығы туралы айтты. Ол «Береке» ЖШС жобасын да атады.")
    assert names(doc, "location") == [("Астана", "rule"), ("Қазақстан", "rule")]
    assert [n for n, _ in names(doc, "org")] == ["Kazinform", "Үкімет", "Береке"]
    assert names(doc, "person") == [("Ерлан Сапаров", "rule")]


def test_legal_form_holds_for_model_mentions_of_the_name(nlp):
    doc = run(nlp, "«Береке» ЖШС жаңа цех ашты. Биыл Берекеге 20 адам жұмысқа алынды.",
              [("Берекеге", "ORGANISATION", "last")])
    orgs = [(m.attrs["name"], m.attrs["legal_form"], m.source) for m in doc._.kx_mentions if m.type == "org"]
    assert orgs == [("Береке", "ЖШС", "rule"), ("Береке", "ЖШС", "model")]


def test_pipeline_order():
    nlp = spacy.blank("kk")
    nlp.add_pipe("ner")
    add_rule_components(nlp)
    names_ = nlp.pipe_names
    assert names_.index("kx_names") > names_.index("ner")
    assert names_.index("kx_names") > names_.index("kx_org")
    assert names_[-2:] == ["kx_resolve", "kx_facts"]  # kx_facts reads the resolved mentions
    assert build_pipeline(ner="none").pipe_names[-3:] == ["kx_names", "kx_resolve", "kx_facts"]


def test_organisations_have_one_home_and_names_never_import_the_dimensions():
    """names/ recognises organisations; dimensions/org only registers them: the dependency runs one way."""
    import re
    from pathlib import Path

    import extractor.names

    for path in Path(extractor.names.__file__).parent.rglob("*.py"):
        imports = re.findall(r"^\s*(?:from|import)\s+(\S+)", path.read_text(encoding="utf-8"), re.M)
        assert not [i for i in imports if "dimensions" in i], path


def test_a_place_that_owns_a_body_is_no_location_of_its_own(nlp_rules):
    for text in ("Қостанай облысы бойынша Мемлекеттік кірістер департаменті тексеріс жүргізді.",
                 "Алматы қаласы Полиция департаментінің қызметкерлері ұрыны ұстады.",
                 "Несиені Қазақстан Даму Банкі берді."):
        doc = nlp_rules(text)
        kinds = [m.type for m in get_mentions(doc) if m.type in ("org", "location")]
        assert kinds == ["org"], (text, kinds)


def test_a_place_inside_a_persons_name_is_no_place(nlp):
    # a first name that is also a place (the gazetteer finds Шалқар, Дания, Еділ) inside the model's person
    for text, person in (("Марапатты Шалқар Асанов алды.", "Шалқар Асанов"),
                         ("Сайлауға Дания Ермекова қатысады.", "Дания Ермекова"),
                         ("Кеше Еділ Сапаров пен Арман Оспанов келді.", "Еділ Сапаров")):
        doc = run(nlp, text, [(person, "PERSON")])
        assert names(doc, "location") == [], text
        assert person in [n for n, _ in names(doc, "person")], text
    # a place beside a person's name stays
    doc = run(nlp, "Шалқар қаласында Ерлан Сапаров сөйледі.", [("Ерлан Сапаров", "PERSON")])
    assert [n for n, _ in names(doc, "location")] == ["Шалқар қаласы"]


def test_a_place_before_a_unit_adjective_owns_the_body(nlp_rules):
    from extractor.api import Extractor, Item

    ex = Extractor.__new__(Extractor)
    ex.nlp, ex.model, ex.max_chars = nlp_rules, None, 0

    def places(text):
        return [r.name for r in ex.process(Item(text=text)).records if r.type == "location"]

    # the region owns the branch and the office: a word of their names, no location
    assert places("Жиынды Одақтың Павлодар облыстық филиалы өткізді.") == []
    assert places("Бүгін Тараз қалалық әкімі тұрғындармен кездесті.") == []
    # a place in another case before the adjective is a place of its own
    assert places("Биыл Таразда қалалық байқау өтті.") == ["Тараз"]

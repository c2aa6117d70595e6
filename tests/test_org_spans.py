"""Organisation spans on written news: the whole Latin name, a resource's stock, owners written before a name."""
import pytest

from extractor.names.orgs import find_orgs


def orgs(text):
    return [(text[m.start:m.end], m.attrs["name"]) for m in find_orgs(text)]


@pytest.mark.parametrize("text,surface,name", [
    ("Биыл беделді Times Higher Education ұйымы жаңа рейтинг жариялады.",
     "Times Higher Education ұйымы", "Times Higher Education"),
    ("Есепті Human Rights Watch ұйымы дайындады.", "Human Rights Watch ұйымы", "Human Rights Watch"),
    ("Жобаны World Wildlife Fund қауымдастығы қолдады.", "World Wildlife Fund қауымдастығы", "World Wildlife Fund"),
])
def test_a_latin_name_before_a_head_is_the_whole_run(text, surface, name):
    assert orgs(text) == [(surface, name)]


@pytest.mark.parametrize("text", [
    "Көмірсутек қорының көлемі ұңғыма бұрғыланған соң анықталады.",  # the hydrocarbon reserves
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

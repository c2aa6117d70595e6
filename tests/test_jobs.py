"""The jobs recogniser (extractor.dimensions.jobs); more cases in dimensions/jobs/corpus.txt."""
import pytest

from extractor.dimensions import jobs


def found(text):
    return [(text[m.start:m.end], m.attrs["value"], m.attrs["value_max"], m.attrs["qualifier"], m.attrs["permanent"])
            for m in jobs.find(text)]


@pytest.mark.parametrize("text, want", [
    ("1000-нан астам тұрақты жұмыс орны құрылды", ("1000-нан астам тұрақты жұмыс орны", 1000, None, "more_than", True)),
    ("200 уақытша жұмыс орны ашылады", ("200 уақытша жұмыс орны", 200, None, "exact", False)),
    ("3 634 жұмыс орнын ашу", ("3 634 жұмыс орнын", 3634, None, "exact", None)),
    ("8 308 адам тұрақты жұмыспен қамтылады", ("8 308 адам тұрақты жұмыспен", 8308, None, "exact", True)),
    ("260-тан астам адамды жұмыспен қамтиды", ("260-тан астам адамды жұмыспен", 260, None, "more_than", None)),
    ("22 адам жұмыс істейді", ("22 адам жұмыс істейді", 22, None, "exact", None)),
    ("10-15 адамға жұмыс береміз", ("10-15 адамға жұмыс", 10, 15, "range", None)),
    ("қызметкерлердің саны 3,7 млн адамды құрады", ("3,7 млн адамды", 3700000, None, "exact", None)),
    ("жұмыс орындарының саны 500-ге жетті", ("500-ге", 500, None, "exact", None)),
    ("зауытта жұмыс істейтін 150 адам", ("жұмыс істейтін 150 адам", 150, None, "exact", None)),
])
def test_found(text, want):
    got = found(text)
    assert got and got[0][0] == want[0] and float(got[0][1]) == want[1] and got[0][2:] == want[2:]


@pytest.mark.parametrize("text", [
    "Бортта болған 189 адам қаза тапқан.",
    "Жұмыспен қамтылғандар саны 55%-ды құрады.",
    "28 адаммен жұмыс істеп жатыр.",  # working with 28 people
    "жұмыс істейтін 80 адамдық команда",  # a team for 80
    "тұрғындар үшін жаңа жұмыс орындарын ашу",  # үшін "for", not үш "three"
    "Мыңдаған адам жұмыспен қамтылды.",
    "қызметкерлер саны 2018 жылы өсті",
])
def test_no_jobs(text):
    assert found(text) == []

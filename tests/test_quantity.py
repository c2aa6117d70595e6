"""The quantity recogniser (extractor.dimensions.quantity); more cases in dimensions/quantity/corpus.txt."""
import pytest

from extractor.dimensions import quantity
from extractor.lang.kk.tables import load_table


def found(text):
    return [(text[m.start:m.end], m.attrs["value"], m.attrs["unit"], m.attrs["qualifier"]) for m in quantity.find(text)]


def test_every_unit_form_gives_its_unit():
    for row in load_table("units"):
        before = "Жылқы саны" if row["context"] == "livestock" else "Көлемі"
        text = f"{before} 25 {row['form']} болды."
        got = found(text)
        assert got and got[0][2] == row["unit"] and got[0][1] == 25, (row["form"], got)


@pytest.mark.parametrize("text, want", [
    ("өнім 4,5 млн. тонна жоғалды", ("4,5 млн. тонна", 4500000, "t", "exact")),
    ("600 мың тоннадан астам мұнай", ("600 мың тоннадан астам", 600000, "t", "more_than")),
    ("500 метрден жақын жерге", ("500 метрден жақын", 500, "m", "less_than")),
    ("2 метрден асатын толқын", ("2 метрден асатын", 2, "m", "more_than")),
    ("60 435,9 тонна күріш", ("60 435,9 тонна", 60435.9, "t", "exact")),
    ("жолдың ұзындығы 120км", ("120км", 120, "km", "exact")),
    ("жылдамдығы 90 км/сағ", ("90 км/сағ", 90, "km/h", "exact")),
    ("500 бас ірі қара мал алды", ("500 бас ірі қара мал", 500, "head", "exact")),
    ("Жылқы саны 300 басқа жетті", ("300 басқа", 300, "head", "exact")),
])
def test_found(text, want):
    got = found(text)[0]
    assert got[0] == want[0] and float(got[1]) == want[1] and got[2:] == want[2:]


@pytest.mark.parametrize("text", [
    "35 жоба іске қосылды", "5 жыл ішінде", "магнитудасы 6,1 балды құрады", "29 жастағы жігіт",
    "100 т.б. заттар", "бірнеше мың бас мал", "екі келін бар", "5 бас қосты",
    "Ол 5 басқа елге барды.",  # бас without a livestock word before it: басқа "other"
    "Жылқы сатылды. Ол 5 басқа елге барды.",  # the livestock word is in another sentence
    "Ірі қараның бір басына 225 мың теңге субсидия төленеді.",  # per head
])
def test_no_quantity(text):
    assert found(text) == []

"""The names layer analyses each document's text once, also when ``nlp.pipe`` runs a batch through
``kx_org`` before ``kx_names`` sees any of it (:mod:`extractor.names.doc_info`)."""
import pytest

from extractor.names import doc_info
from extractor.pipeline import build_pipeline

TEXTS = [
    "«Жасыл Дала» ЖШС директоры Ерлан Сапаров Павлодар облысының білім басқармасына хат жазды.",
    "Қарағанды облысы әкімдігі жаңа мектеп салуға 2 млрд теңге бөлді.",
    "Бүгін Астана қаласында «Көктем» қоры балаларға арналған байқау өткізді.",
    "Алматы облысының денсаулық сақтау басқармасы мен Әлия Нұрланқызы кездесті.",
    "Ұлттық банк базалық мөлшерлемені өзгертпеді.",
    "Шымкент қаласының №12 мектеп-гимназиясы жаңа оқу жылын бастады.",
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(ner="none")


def test_a_batch_makes_one_text_info_per_document(nlp, monkeypatch):
    made = []
    real = doc_info.text_info

    def counting(text):
        made.append(text)
        return real(text)

    monkeypatch.setattr(doc_info, "text_info", counting)
    docs = list(nlp.pipe(TEXTS, batch_size=len(TEXTS)))
    assert sorted(made) == sorted(TEXTS)  # kx_org made it, kx_names found it on the Doc
    assert all(d._.kx_names_info is None for d in docs)  # dropped once kx_names is done


def test_batched_and_one_by_one_give_the_same_mentions(nlp):
    def mentions(doc):
        return [(m.type, m.start, m.end, sorted(m.attrs.items()), m.source) for m in doc._.kx_mentions]

    batched = [mentions(d) for d in nlp.pipe(TEXTS, batch_size=len(TEXTS))]
    single = [mentions(nlp(t)) for t in TEXTS]
    assert batched == single
    assert any(m[0] == "org" for ms in single for m in ms)  # the texts do hold names


def test_an_info_kept_for_another_text_is_not_reused(nlp):
    doc = nlp.make_doc(TEXTS[0])
    doc._.kx_names_info = doc_info.text_info(TEXTS[1])
    assert doc_info.doc_text_info(doc, TEXTS[0]).text == TEXTS[0]
    assert doc_info.doc_text_info(None, TEXTS[2]).text == TEXTS[2]

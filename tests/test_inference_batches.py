"""The statistical components' inference batches (:func:`extractor.pipeline.inference_batch_sizes`): sized for
speed, and the records do not depend on them."""
import pytest

from extractor.api import Extractor, Item
from extractor.pipeline import TOK2VEC_BATCH_TOKENS, build_pipeline, default_model_path, inference_batch_sizes

SENTENCES = [
    "Астана қаласының әкімі Жанар Омарова жаңа саябақтың ашылуына қатысты.",
    "«Дала Сервис» ЖШС өткен жылы 3,5 млрд теңге табыс тапты.",
    "Ақтөбе облысындағы зауыт 120 жаңа жұмыс орнын ашады.",
    "Қаржы министрлігі бюджет шығыстарын 4 пайызға қысқартты.",
]


@pytest.fixture(scope="module")
def extractor_with_model():
    if default_model_path() is None:
        pytest.skip("no shipped NER model in this installation")
    return Extractor(ner="auto")


def texts():
    # articles of very different lengths: one sentence to a long one
    return [" ".join(SENTENCES[k % 4] for k in range(n)) for n in (1, 30, 400, 2, 120, 1, 70, 150)]


def test_tok2vec_batches_hold_about_the_token_budget_and_the_ner_parses_all_at_once(extractor_with_model):
    nlp = extractor_with_model.nlp
    docs = [nlp.make_doc(t) for t in texts()]
    cfg = inference_batch_sizes(nlp, docs)
    mean = sum(len(d) for d in docs) / len(docs)
    per_batch = cfg["tok2vec"]["batch_size"]
    assert 1 <= per_batch < len(docs)
    assert per_batch * mean <= TOK2VEC_BATCH_TOKENS < (per_batch + 1) * mean
    assert cfg["ner"]["batch_size"] // 4 == len(docs)  # spaCy's NER sub-batch: a quarter of its batch


def test_short_documents_share_one_tok2vec_batch(extractor_with_model):
    nlp = extractor_with_model.nlp
    docs = [nlp.make_doc(SENTENCES[k % 4]) for k in range(10)]
    assert inference_batch_sizes(nlp, docs)["tok2vec"]["batch_size"] == 10
    assert inference_batch_sizes(nlp, []) == {}


def test_rules_only_has_no_batches_to_size():
    nlp = build_pipeline(ner="none")
    assert inference_batch_sizes(nlp, [nlp.make_doc(SENTENCES[0])]) == {}


def test_batched_records_equal_one_by_one(extractor_with_model):
    items = [Item(text=t, doc_id=str(k)) for k, t in enumerate(texts())]
    batched = [d.model_dump() for d in extractor_with_model.pipe(items)]
    single = [extractor_with_model.process(it).model_dump() for it in items]
    assert batched == single
    assert any(r["type"] == "person" and r["source"] != "rule" for d in single for r in d["records"])

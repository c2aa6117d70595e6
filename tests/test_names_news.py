"""The names news corpus (``extractor/names/corpora/news.txt``): short news items written for this project with the
org, person and location records each must give. The ``tune`` items are the specification (every one must give
exactly its names, rules only); the ``aside`` items are only scored by ``bench/names_news.py``, so that the
corpus keeps a part nobody tuned on."""
import pytest

from extractor.names.corpora import TYPES, found, read_items, score

ITEMS = read_items()
TUNE = [it for it in ITEMS if it.set == "tune"]
# items the rules still get wrong, with why (strict: an item that starts passing must leave this list)
KNOWN_MISSES: dict = {}


def test_the_corpus_is_well_formed():
    ids = [it.id for it in ITEMS]
    assert len(ids) == len(set(ids))
    assert all(it.text and set(it.gold) == set(TYPES) for it in ITEMS)
    aside = sum(it.set == "aside" for it in ITEMS)
    assert len(ITEMS) >= 40 and aside * 4 >= len(ITEMS)  # about a third kept aside
    assert sum(len(it.gold["org"]) for it in ITEMS) >= 40


def test_score_counts_a_city_with_or_without_its_type_word(nlp_rules):
    item = read_items()[0]
    item.gold = {"org": set(), "person": set(), "location": {("Тараз қаласы", None)}}
    assert score([(item, {"org": set(), "person": set(), "location": {("Тараз", None)}})])["location"]["f1"] == 1.0
    assert score([(item, {"org": set(), "person": set(), "location": {("Талас", None)}})])["location"]["f1"] == 0.0


@pytest.mark.parametrize("item", [pytest.param(it, id=it.id, marks=pytest.mark.xfail(reason=KNOWN_MISSES[it.id],
                                                                                      strict=True))
                                  if it.id in KNOWN_MISSES else pytest.param(it, id=it.id) for it in TUNE])
def test_news_item_gives_its_names(item, nlp_rules):
    from extractor.api import Extractor, Item

    extractor = Extractor.__new__(Extractor)  # reuse the session pipeline
    extractor.nlp, extractor.model, extractor.max_chars = nlp_rules, None, 0
    got = found(extractor.process(Item(text=item.text)).records)
    s = score([(item, got)])
    assert all(s[t]["f1"] == 1.0 for t in TYPES), {t: (sorted(item.gold[t]), sorted(got[t])) for t in TYPES}

"""kk_stemmer: one stem for the case forms of a word (a feature of the NER model)."""
import spacy
from hypothesis import given, settings, strategies as st

import extractor  # noqa: F401 - registers kk and kk_stemmer
from extractor.lang.kk.stemmer import Stemmer, default_endings, stem


def test_case_forms_share_a_stem():
    assert stem("Алматыда") == stem("Алматыға") == stem("Алматының") == stem("Алматы")
    assert stem("Тоқаевтың") == stem("Тоқаев") == "тоқаев"
    assert stem("Шымкентте") == "шымкент"


def test_short_words_and_non_words_are_kept_whole():
    assert stem("үш") == "үш"
    assert stem("2017-нші") == "2017-нші"
    assert stem("«") == "«"


def test_component_sets_lemma():
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_stemmer")
    doc = nlp("Ақтөбеде жиналыс өтті.")
    assert doc[0].lemma_ == stem("Ақтөбе")
    assert doc[-1].lemma_ == "."


def test_ending_list_is_saved_and_loaded_with_the_pipeline(tmp_path):
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_stemmer").set_endings(["да", "ның"])  # a list of its own, unlike the table's
    assert nlp("Маңғыстауда")[0].lemma_ == "маңғыстау"
    assert nlp("Маңғыстауға")[0].lemma_ == "маңғыстауға"  # "ға" is not in its list
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.get_pipe("kk_stemmer").endings == ("ның", "да")
    assert loaded("Маңғыстауға")[0].lemma_ == "маңғыстауға"
    assert spacy.blank("kk").add_pipe("kk_stemmer").stem("Маңғыстауға") == "маңғыстау"


def test_a_form_stemmed_in_an_earlier_memory_zone_keeps_its_lemma():
    # the component remembers a form's lemma by hash; a memory zone frees the lemma's string, so a later
    # Doc must put it back in the store before its tokens can read it
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_stemmer")
    with nlp.memory_zone():
        assert nlp("Жетісайдағы мектеп")[0].lemma_ == stem("Жетісайдағы")
    with nlp.memory_zone():
        doc = nlp("Жетісайдағы мектеп, Жетісайдағы аурухана")
        assert doc[0].lemma_ == doc[3].lemma_ == stem("Жетісайдағы") != "жетісайдағы"


def _stem_by_loop(word, endings):
    """The stemmer's definition, read literally: the first ending of the list (longest first) that leaves
    MIN_STEM letters is cut, again and again."""
    from extractor.lang.kk.stemmer import MIN_STEM

    w = word.lower()
    if not w.isalpha():
        return w
    cut = True
    while cut:
        cut = False
        for e in endings:
            if w.endswith(e) and len(w) - len(e) >= MIN_STEM:
                w, cut = w[: -len(e)], True
                break
    return w


_ENDINGS = sorted(default_endings())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="аеқлмнрстыідғаңжАҚ", min_size=1, max_size=8),
       st.lists(st.sampled_from(_ENDINGS), max_size=3))
def test_stem_by_ending_lengths_equals_the_ending_loop(root, endings):
    word = root + "".join(endings)
    stemmer = Stemmer()
    assert stemmer.stem(word) == _stem_by_loop(word, stemmer.endings)

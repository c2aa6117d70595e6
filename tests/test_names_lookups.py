"""The quick lookups of the names layer give the same answers as the full computations they stand for."""
from extractor.lang.kk.morph import strip_endings
from extractor.names import heads
from extractor.names.text import TextInfo

TEXT = ("Үкімет кен ошағын жабу туралы шешім қабылдады. Кен ошағы облыстың батысында. Мектептерде сабақ жүріп жатыр. "
        "Мектебіміз жаңа ғимаратқа көшті. Облысына қарасты аудандарда жол жөнделді. Аудан әкімдігі "
        "Ақтау қаласында кеңес өткізді. Академик Сәтбаев атындағы университет. Ол академиктің кітабын оқыды.")


def test_has_lower_stem_agrees_with_the_full_set():
    info = TextInfo(TEXT)
    stems = {strip_endings(w.lower) for w in info.words}
    stems |= {"ошақ", "мектеп", "облыс", "академик", "ауд", "жоқсөз"}
    quick = {s: info.has_lower_stem(s) for s in stems}
    full = TextInfo(TEXT).lower_stems
    assert quick == {s: s in full for s in stems}
    assert quick["ошақ"] and quick["академик"]  # a devoiced lemma (ошағын) and a plain one (академиктің)
    assert not quick["жоқсөз"]


def test_words_that_cannot_end_a_head_have_no_head_base():
    words = [w.text for w in TextInfo(TEXT).words] + ["облысының", "ауданында", "әкімдігінің", "АЭА-ында",
                                                      "министрлігіне", "кітапханаға", "Ірі", "straße"]
    poss, bare = heads._index()
    for word in words:
        full = tuple((b, b.casefold()) for b in heads._bases(word) if b.casefold() in poss or b.casefold() in bare)
        assert heads._head_bases(word) == full, word
    assert heads._head_bases("облысының") and not heads._may_end_head("жатыр")

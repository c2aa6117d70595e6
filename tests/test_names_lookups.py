"""The quick lookups of the names layer give the same answers as the full computations they stand for."""
import pytest

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


def test_gazetteer_simple_case_pattern_matches_as_full_case_folding():
    import regex

    from extractor.lang.kk.morph import case_suffix_pattern
    from extractor.names import gazetteer as g

    source, by_key = g._names()
    # every character the pattern holds is matched by the same text characters both ways (bar the letters
    # that fold to two, for which the full pattern is used)
    text = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    assert g._folds_to_two("Straße") and not g._folds_to_two("Қазақстан Kazinform")
    plain = "".join(ch for ch in text if not g._folds_to_two(ch))
    for ch in sorted(set("".join(by_key)) | set(case_suffix_pattern())):
        full = [m.start() for m in regex.finditer(regex.escape(ch), plain, regex.IGNORECASE | regex.VERSION1)]
        simple = [m.start() for m in regex.finditer("(?-f)" + regex.escape(ch), plain, regex.IGNORECASE | regex.VERSION1)]
        assert full == simple, ch
        # and exactly where str.casefold makes them equal (what the two-letter pre-check of a name uses)
        if ch in "".join(by_key):
            assert simple == [i for i, x in enumerate(plain) if x.casefold() == ch], ch
    sample = "Ол ҚАЗАҚСТАННЫҢ астанасы Астанаға келді, Kazinform хабарлайды."
    assert g._matcher_for(sample) is g._simple_case_pattern()
    assert [m.span() for m in (g._simple_case_pattern().match(sample, i) for i in range(len(sample))) if m] == \
        [m.span() for m in (g._full_case_pattern().match(sample, i) for i in range(len(sample))) if m]
    assert g._matcher_for(sample + " Straße") is g._full_case_pattern()


def test_gazetteer_finds_the_same_names_with_and_without_the_beginning_check(monkeypatch):
    from extractor.names import gazetteer as g

    text = ("Астанада және Алматыда жиын өтті. АҚШ-тың елшісі Ресей Федерациясының өкілімен кездесті. "
            "Kazinform агенттігі Қазақстанның Үкіметіне сілтеме жасайды.\tАқтөбе облысының әкімдігі.")
    quick = [(m.start, m.end, m.entry.name) for m in g._find(text, g.TextInfo(text))]
    monkeypatch.setattr(g, "_may_start_name", lambda text, s: True)
    assert quick == [(m.start, m.end, m.entry.name) for m in g._find(text, g.TextInfo(text))]
    assert len(quick) >= 4


def test_gazetteer_beginning_check_passes_every_name_however_spaced():
    """The quick check compares a name's first four letters (or a shorter first word whole): every name of
    the table passes at its start, written with capitals, with a tab or two spaces between its words and a
    case ending or hyphen after it, and a word that begins no name does not."""
    from extractor.names import gazetteer as g

    for key in g._names()[1]:
        words = [w[:1].upper() + w[1:] for w in key.split(" ")]
        for sep in (" ", "\t", "  "):
            for tail in ("", "ның", "-да"):
                written = sep.join(words) + tail + " келді"
                assert g._may_start_name(written, 0), written
    assert not g._may_start_name("Жиналыс өтті", 0)


def test_spelled_legal_forms_match_alike_with_either_case_folding():
    """The letter-by-letter pattern for spelled-out legal forms, used on a line without letters that fold to
    two, finds what the full case-folding one finds; a line with one gets the full pattern."""
    from extractor.names.lexicon import legal_forms
    from extractor.names.orgs import legal

    for lf in legal_forms():
        for spelled in lf.spelled:
            for written in (spelled, spelled.upper(), spelled.replace(" ", " \t")):
                text = f"«Жаңа Өріс» {written} өкілі келді.\nКелесі жол."
                pos = len("«Жаңа Өріс» ")
                full = legal._spelled_re(True).match(text, pos)
                simple = legal._spelled_re(False).match(text, pos)
                assert full is not None and simple is not None and full.span() == simple.span(), written
                assert legal.legal_form_at(text, pos).form.startswith(lf.abbr), written
    text = "«Жаңа Өріс» акционерлік қоғамы Straße"
    assert legal._spelled_match(text, 12) is not None
    assert legal._spelled_re.cache_info().currsize == 2


@pytest.mark.parametrize("text", [
    "Ерлан Сапаровқа хат келді. Кеше Сапаров сөз сөйледі.",
    "Министр Ә.Исекешевтен сұрады. Исекешев жауап берді.",
    "Жазушы Теректіге барды, Теректі ауылы алыс. Гүлнарада кітап бар.",
    "Асанды шақырды. Асанға кітап берді, бірақ Асан кешікті.",
])
def test_person_nominative_kept_per_form_answers_as_base_form(text):
    """The nominative of a person's word, kept per form with the stems that depend on the text, is what
    base_form gives with the text's capitalised words, in this text and after another text filled the cache."""
    from extractor.lang.kk.morph import base_form
    from extractor.names import persons
    from extractor.names.text import TextInfo

    for sample in (text, "Сапаров, Исекешев, Теректі, Асан: " + text):
        info = TextInfo(sample)
        for w in info.words:
            if w.capitalised:
                assert persons._nominative(info, w) == base_form(w.text, "person", known=persons._known(info)), w.text


def test_kind_heads_are_org_heads_of_the_head_table():
    from extractor.names.lexicon import heads, kind_heads
    org_heads = {h.head for h in heads() if h.entity == "org"}
    assert kind_heads() and kind_heads() <= org_heads
    assert "министрлігі" not in kind_heads()  # a country has one ministry of a kind: its name stays a name


def test_every_full_name_of_the_abbreviation_table_is_found_as_written():
    # the head grammar reads most; the gazetteer lists the rest (a comma, туралы, Еуропадағы ... inside)
    from extractor.names.lexicon import abbreviation_expansions
    from extractor.names.orgs import find_orgs
    for name in sorted(set(abbreviation_expansions().values())):
        if not name[:1].isupper():
            continue  # әл-Фараби атындағы ...: found through the person's name
        text = f"Кеше {name} мәлімдеме жасады."
        assert name in [m.attrs["name"] for m in find_orgs(text)], name

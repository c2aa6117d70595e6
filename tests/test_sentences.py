"""kk_sentencizer: boundaries of scraped news."""
import pytest
import spacy

import extractor  # noqa: F401


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_sentencizer")
    return nlp


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_period_and_capital(nlp):
    assert sents(nlp, "Жоба құны 5,6 млрд теңгені құрады. Зауыт қуаттылығы 50%-ға артты.") == [
        "Жоба құны 5,6 млрд теңгені құрады.", "Зауыт қуаттылығы 50%-ға артты."]


def test_no_break_after_scale_abbreviation(nlp):
    assert len(sents(nlp, "Қазынаға 1,1 млрд. теңге өндірілген.")) == 1
    assert len(sents(nlp, "Жоба құны 5,6 млрд\nтеңгені құрады.")) == 1
    assert len(sents(nlp, "Атап өту керек, 2010-2014 жж\nИндустрияландыру картасы аясында 35 жоба іске қосылды")) == 1


def test_no_break_after_initial(nlp):
    assert len(sents(nlp, "Сондай-ақ Ә. Исекешев зауытпен танысты.")) == 1
    assert len(sents(nlp, "Сондай-ақ Ә.Исекешев зауытпен танысты.")) == 1


def test_line_break_without_period_is_a_boundary(nlp):
    assert sents(nlp, "Сонымен қатар Әсет Исекешев өңірді аралады\nСоның ішінде комбинат бар") == [
        "Сонымен қатар Әсет Исекешев өңірді аралады", "Соның ішінде комбинат бар"]


def test_line_break_before_lowercase_is_not(nlp):
    assert len(sents(nlp, "2015-2022 жылдары\nжүзеге асыру мерзімімен 23 жоба ұсынылды")) == 1


def test_abbreviation_may_end_sentence_before_capital(nlp):
    assert len(sents(nlp, "Қала 1854 ж. салынған. Кейін өсті.")) == 2
    assert len(sents(nlp, "Парфия 224 ж. Иранды басып алды.")) == 1
    assert len(sents(nlp, "1939 ж. Қ. Жұмалиев өлеңдерін жариялады.")) == 1
    assert len(sents(nlp, "2018 ж. қарашада ашылды.")) == 1
    assert len(sents(nlp, "Астық, мақта т.б. Бұлар экспортталады.")) == 2


def test_quote_after_period(nlp):
    assert len(sents(nlp, '"Біз іске қосамыз." Аймақ басшысы осылай деді.')) == 2


def test_reported_speech_dash_continues(nlp):
    assert len(sents(nlp, "Еліңе аман барарсың! — деді ол.")) == 1
    assert len(sents(nlp, "Бұ немене?.. Енді қайда барамыз?")) == 2


def test_sample_article_sentences_match_the_hand_checked_split(nlp):
    """The bundled inform.kz article, scraper line breaks and all (corpus/*.sentences.json)."""
    import json
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    gold = json.loads((corpus / "inform_kz_mangystau.sentences.json").read_text(encoding="utf-8"))
    text = (corpus / gold["source"]).read_text(encoding="utf-8")
    from extractor.lang.kk.tokenizer import offset_map

    doc = nlp(text)
    om = offset_map(doc)
    got = [text[om.to_original(s.start_char):om.to_original(s.end_char)].strip() for s in doc.sents]
    assert [s for s in got if s] == gold["sentences"]

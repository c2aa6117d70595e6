"""Written-news organisation names put into KazNERD-style sentences (extractor/ner/augment.py): the new
name takes the case of the one it replaces, quotes are written tight, legal forms and descriptors carry
the case outside the entity, and every entity's offsets point at its text."""
import random

import pytest
import spacy

import extractor  # noqa: F401 - registers kk
from extractor.lang.kk.morph import inflect
from extractor.ner.augment import (NOMINATIVE, NewsOrgs, augment_sentence, augmented_docs, case_of,
                                   news_orgs, replacement)
from extractor.ner.kaznerd import Sentence
from extractor.ner.kaznerd import keep_labels

# one choice of each kind, so that every style's output can be written down
ORGS = NewsOrgs(quoted=("Шұғыла Агро",), plain=("Ішкі істер министрлігі",), descriptors=("корпорациясы",),
                legal_abbrs=("АҚ",), legal_spelled=("акционерлік қоғамы",))


def sentence(pairs, sent_id=None):
    return Sentence([t for t, _ in pairs], [tag for _, tag in pairs], sent_id)


# sentences we wrote: an organisation in the dative between a place and a person
DATIVE = sentence([("Павлодарда", "B-GPE"), ("Қаржы", "B-ORGANISATION"), ("министрлігіне", "I-ORGANISATION"),
                   ("Серік", "B-PERSON"), ("Омаров", "I-PERSON"), ("хат", "O"), ("жолдады", "O"), (".", "O")])
QUOTED = sentence([("«", "O"), ("Ақбұлақ", "B-ORGANISATION"), ("»", "O"), ("зауытының", "O"),
                   ("жұмысшылары", "O"), ("Теміртауда", "B-GPE"), ("жиналды", "O"), (".", "O")])


@pytest.mark.parametrize("name, case", [
    ("Ұлттық банкінің", "genitive"), ("Парламентте", "locative"), ("Үкімет", NOMINATIVE),
    ("Энергетика министрлігімен", "instrumental"), ("Сенаттан", "ablative"),
])
def test_case_of_reads_the_case_of_a_name(name, case):
    assert case_of(name) == case


def ents(aug):
    return [(aug.text[a:b], label) for a, b, label in aug.entities]


def test_every_style_keeps_the_case_and_the_other_entities():
    seen = set()
    for seed in range(40):
        aug = augment_sentence(DATIVE, random.Random(seed), ORGS)
        found = ents(aug)
        # the place and the person are the same words, at their new offsets
        assert ("Павлодарда", "GPE") in found and ("Серік Омаров", "PERSON") in found
        (org_start, org_end), = [(a, b) for a, b, label in aug.entities if label == "ORGANISATION"]
        org = aug.text[org_start:org_end]
        if org == "Ішкі істер министрлігіне":  # the institution itself in the dative
            seen.add("plain")
            continue
        assert org == "Шұғыла Агро"
        # tight guillemets, and the next word takes the dative the replaced name had
        assert aug.text[org_start - 1] == "«" and aug.text[org_end] == "»"
        after = aug.text[org_end + 2:].split(" Серік")[0]
        assert after in ("АҚ-қа", "корпорациясына", "акционерлік қоғамына"), after
        assert after == inflect({"АҚ-қа": "АҚ", "корпорациясына": "корпорациясы"}.get(after, "акционерлік қоғамы"),
                                "dative")
        seen.add(after)
    assert seen == {"plain", "АҚ-қа", "корпорациясына", "акционерлік қоғамына"}


def test_a_quoted_name_is_replaced_inside_its_quotes_written_tight():
    for seed in range(10):
        aug = augment_sentence(QUOTED, random.Random(seed), ORGS)
        assert aug.text.startswith("«Шұғыла Агро» зауытының жұмысшылары Теміртауда")  # no legal form before a head
        assert ents(aug) == [("Шұғыла Агро", "ORGANISATION"), ("Теміртауда", "GPE")]


def test_a_sentence_without_a_replaceable_organisation_gives_nothing():
    no_org = sentence([("Семейде", "B-GPE"), ("жаңбыр", "O"), ("жауды", "O")])
    assert augment_sentence(no_org, random.Random(0), ORGS) is None
    assert augmented_docs(spacy.blank("kk"), [no_org], copies=2, orgs=ORGS)[0] == []


def test_augmented_docs_land_on_our_tokens():
    docs, summary = augmented_docs(spacy.blank("kk"), [DATIVE, QUOTED], copies=3, seed=5, orgs=ORGS)
    assert summary["sentences"] == len(docs) == 6 and summary["dropped_unaligned"] == 0
    for doc in docs:
        orgs = [e.text for e in doc.ents if e.label_ == "ORGANISATION"]
        assert orgs and all(o in ("Шұғыла Агро", "Ішкі істер министрлігіне") for o in orgs)
        assert {e.text for e in doc.ents if e.label_ == "GPE"} <= {"Павлодарда", "Теміртауда"}


def test_the_shipped_names_table_reads():
    orgs = news_orgs()
    assert orgs.quoted and orgs.plain and orgs.descriptors
    assert "АҚ" in orgs.legal_abbrs and "жауапкершілігі шектеулі серіктестігі" in orgs.legal_spelled
    for name in orgs.plain:  # each institution's name inflects (the table holds nominatives)
        assert case_of(inflect(name, "dative")) == "dative", name


def test_replacement_never_adds_a_legal_form_before_a_descriptor():
    for seed in range(30):
        pieces = replacement(NOMINATIVE, True, "компаниясының", ORGS, random.Random(seed))
        assert [p[0] for p in pieces] == ["«", "Шұғыла Агро", "»"]


def test_keep_labels_turns_other_types_into_o():
    kept, = keep_labels([DATIVE], ["ORGANISATION"])
    assert kept.entities() == [(1, 3, "ORGANISATION")] and kept.tokens == DATIVE.tokens

"""``kk_sentencizer``: rule-based sentence boundaries for Kazakh news.

A sentence starts

* after a line break (scraped text loses the final period of most lines; the breaks that are scraper
  damage, after ``млрд``/``трлн``/``жж`` or before a lower-case word, were already joined by the
  normaliser),
* after ``.``, ``!``, ``?`` or ``…`` (and any closing quotes or brackets after them) when the next word
  does not start with a lower-case letter,
* after an abbreviation of kind ``abbrev`` (``т.б.``) only when the next word starts with a capital;
  never after one of kind ``continues`` (``млрд.``, ``жж.``) or ``inner`` (``ж.``, ``обл.``: Kazakh is
  verb-final, so ``1939 ж. Қ. Жұмалиев ...`` goes on), nor after an initial (``Ә.``);
* not before a dash and a lower-case word (``... қайтарсың! — деді.``).
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .tables import load_table

_FINAL = set(".!?…")
_CLOSERS = set("\"'»)]”’")
_DASHES = {"-", "—", "–", "--"}


def _abbrev_kinds():
    kinds = {}
    for row in load_table("abbreviations"):
        for form in {row["abbr"], row["abbr"].capitalize(), row["abbr"].upper()}:
            kinds[form.lower()] = row["kind"]
    return kinds


def _next_word_is_lower(doc: Doc, i: int) -> bool:
    for tok in doc[i + 1:i + 4]:
        if not tok.is_space:
            return tok.text[0].islower()
    return False


def _is_initial(text: str) -> bool:
    return len(text) == 2 and text[1] == "." and text[0].isupper()


class KazakhSentencizer:
    def __init__(self, name: str = "kk_sentencizer"):
        self.name = name
        self.kinds = _abbrev_kinds()

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        starts = [False] * n
        starts[0] = True
        pending = None  # why the next word may start a sentence: "newline" | "final" | "abbrev"
        # each token's text, whitespace and is_space read once (every Token attribute read builds the Token)
        texts, spaces_after, is_space = [], [], []
        for tok in doc:
            texts.append(tok.text)
            spaces_after.append(tok.whitespace_)
            is_space.append(tok.is_space)
        for i in range(n):
            text = texts[i]
            if is_space[i]:
                if "\n" in text and i > 0:
                    pending = "newline"
                continue
            if pending == "final" and not spaces_after[i - 1] and (
                text[0] in _CLOSERS or all(c in _FINAL for c in text)
            ):
                continue  # a closing quote, bracket or more punctuation glued to the full stop: ?.. ." .»
            if pending == "final" and text in _DASHES and _next_word_is_lower(doc, i):
                pending = None  # reported speech: «...!» — деді
            if pending and i > 0:
                first = text[0]
                if pending == "newline" or (pending == "final" and not first.islower()) or (
                    pending == "abbrev" and first.isupper()
                ):
                    starts[i] = True
                pending = None
            if text[-1] in _FINAL and (text.strip(".!?…") == "" or text[-1] in "!?…"):
                pending = "final"
            elif text.endswith("."):
                kind = self.kinds.get(text.lower())
                if _is_initial(text) or kind in ("continues", "inner"):
                    pending = None
                elif kind == "abbrev":
                    pending = "abbrev"
                elif len(text) > 1 and text[:-1].isalpha():
                    pending = "final"  # an unknown word with a glued period
            if "\n" in spaces_after[i]:
                pending = "newline"
        # one vectorised write: setting token.is_sent_start one by one is quadratic in spaCy
        values = numpy.fromiter((1 if s else -1 for s in starts), dtype=numpy.int32, count=n).reshape(n, 1)
        doc.from_array([SENT_START], values.astype(numpy.uint64))
        return doc



@Language.factory("kk_sentencizer")
def make_kk_sentencizer(nlp: Language, name: str):
    return KazakhSentencizer(name)

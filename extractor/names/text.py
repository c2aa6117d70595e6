"""Words of a text with their offsets, and what a name recogniser asks about them.

Names are read from the normalised text (``doc.text``). A *word* is a run of letters and digits
that may hold hyphens, apostrophes and dots between letters (``Қасым-Жомарт``, ``АЭА-ында``,
``Е.Сапаров``): :data:`WORD_RE` defines it. Two words are *adjacent* when only spaces stand between them
(no line break: scraped news puts one sentence per line without a full stop).

In the pipeline the words are not found by a second pass of :data:`WORD_RE` over the text: ``kx_org`` and
``kx_names`` hand their Doc to :func:`text_info`, which reads the words off the Doc's tokens
(:mod:`.doc_words`: the whitespace-free runs of tokens, each run's words and their analysis cached per
form). :func:`regex_words`, the plain :data:`WORD_RE` pass, gives the same words; it serves a text
without a Doc (the rule functions called on a string, the tests) and is the oracle the derived words are
tested against.

Each word carries its per-form analysis: :attr:`Word.lower` (case-folded), :attr:`Word.capitalised`
(written as a name) and :attr:`Word.stem` (its lemma, :func:`~extractor.lang.kk.morph.strip_endings` of
the case-folded form, read from the shared form table, :attr:`extractor.lang.kk.forms.Form.stem`, where
the value recognisers and the facts keep their answers for the same forms). That lemma is not the tokens'
``lemma_``: ``kk_stemmer`` puts there a cruder stem that the trained NER model reads as a feature
(``алматыда`` → ``алмат``, where the lemma is ``алматы``; ``қаласы`` → ``қалас``, lemma ``қаласы``), so
one cannot stand for the other without changing the model's input or the rules' answers.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Dict, FrozenSet, List, Optional

import regex

from ..lang.kk.forms import form_of
from ..lang.kk.tables import load_table
from .lexicon import list_joiners

if TYPE_CHECKING:
    from spacy.tokens import Doc

WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*")
# what may stand before the first word of a sentence besides spaces: quotes, dashes, brackets
_OPENERS = set("\"«'“„-([—–•*")
_SENTENCE_END = set(".!?…\n")
LATIN = regex.compile(r"\p{Latin}")
# a word written as a person's name: a capital, then lower-case letters; one hyphen may join a second such part
NAME_WORD = regex.compile(r"^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$")
QUOTED_RE = regex.compile(r"«([^«»\n]{1,120})»|\"([^\"\n]{1,120})\"")


class _once:
    """A property computed on first use and kept in the instance's ``__dict__`` (``functools.cached_property``
    without its lock, which costs more than these small computations on Python 3.11)."""

    def __init__(self, fn):
        self.fn, self.name = fn, fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass(frozen=True)
class Word:
    i: int
    start: int
    end: int
    text: str

    # cached on the instance (the rules ask these of the same word many times); not fields, so equality
    # and hashing stay those of (i, start, end, text)
    @_once
    def lower(self) -> str:
        return self.text.casefold()

    @_once
    def capitalised(self) -> bool:
        """Written as a name: a capital first letter, or a Latin brand with a capital inside (iKomek)."""
        return capitalised_form(self.text)

    @_once
    def stem(self) -> str:
        """The lemma of the case-folded word (:func:`~extractor.lang.kk.morph.strip_endings`), analysed
        once per form (:attr:`extractor.lang.kk.forms.Form.stem`)."""
        return form_of(self.lower).stem

    @_once
    def name_word(self) -> bool:
        """Written as one name word (:data:`NAME_WORD`), asked of most capitalised words by several person rules."""
        return _name_word_form(self.text)

    @_once
    def latin(self) -> bool:
        return _latin_letter(self.text[:1])


@dataclass(frozen=True)
class Quote:
    start: int  # the opening quote
    end: int  # after the closing quote
    inner_start: int
    inner_end: int
    text: str  # the quoted text, stripped


def starts_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is the first of its sentence (or line)."""
    j = pos - 1
    while j >= 0 and (text[j] in " \t" or text[j] in _OPENERS):
        j -= 1
    return j < 0 or text[j] in _SENTENCE_END


@dataclass(frozen=True)
class StopWords:
    not_name: FrozenSet[str]
    generic: FrozenSet[str]


@lru_cache(maxsize=1)
def stop_words() -> StopWords:
    rows = load_table("name_stop_words")
    return StopWords(frozenset(r["word"] for r in rows if r["role"] == "not_name"),
                     frozenset(r["word"] for r in rows if r["role"] == "generic"))


@lru_cache(maxsize=4096)
def _latin_letter(ch: str) -> bool:
    """Whether ``ch`` is a letter of the Latin script (what :attr:`Word.latin` asks of a word's first letter)."""
    return bool(LATIN.match(ch))


@lru_cache(maxsize=16384)
def _name_word_form(t: str) -> bool:
    """:attr:`Word.name_word` of the form ``t``, kept per form (asked again of every document's words)."""
    return NAME_WORD.match(t) is not None


def capitalised_form(t: str) -> bool:
    """Whether the word ``t`` is written as a name (:attr:`Word.capitalised`)."""
    return t[:1].isupper() or (_latin_letter(t[:1]) and any(ch.isupper() for ch in t))


def regex_words(text: str) -> List[Word]:
    """The words of ``text`` by one :data:`WORD_RE` pass (the oracle of :mod:`.doc_words`). Built without
    the frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field): the same objects, several
    times faster on a long text. ``lower`` and ``capitalised`` are set here, as the properties would compute
    them: every word is asked them (the capitalised words of the text, the person rules), and a property's
    first call costs more than the value."""
    out = []
    new, append, latin = object.__new__, out.append, _latin_letter
    for i, m in enumerate(WORD_RE.finditer(text)):
        w = new(Word)
        s, e = m.span()
        t = m.group()
        d = w.__dict__
        d["i"], d["start"], d["end"], d["text"], d["lower"] = i, s, e, t, t.casefold()
        d["capitalised"] = t[:1].isupper() or (latin(t[:1]) and any(ch.isupper() for ch in t))
        append(w)
    return out


_INFOS_KEPT = 4
_infos: Dict[str, "TextInfo"] = {}  # the last texts' infos, oldest first


def text_info(text: str, doc: Optional["Doc"] = None) -> "TextInfo":
    """The :class:`TextInfo` of ``text``, shared by the pipeline components that read the same text
    (``kx_org`` and ``kx_names``): its words and memoised results are functions of the text alone. With
    ``doc`` (whose text is ``text``) the words are read off its tokens, else found by :func:`regex_words`.
    The last four texts are kept."""
    info = _infos.get(text)
    if info is None:
        info = TextInfo(text, doc)
        if len(_infos) >= _INFOS_KEPT:
            del _infos[next(iter(_infos))]
        _infos[text] = info
    return info


class TextInfo:
    """Facts about one text that several name rules need (computed once)."""

    def __init__(self, text: str, doc: Optional["Doc"] = None):
        self.text = text
        words = None
        if doc is not None:
            from .doc_words import doc_words  # a module that imports this one; None when not doc's text

            words = doc_words(doc, text)
        self.words: List[Word] = regex_words(text) if words is None else words
        self._by_start: Dict[int, Word] = {w.start: w for w in self.words}
        self._starts = [w.start for w in self.words]
        self.memo: Dict[str, dict] = {}  # results other modules keep per text

    def word_at(self, start: int) -> Optional[Word]:
        return self._by_start.get(start)

    def words_in(self, start: int, end: int) -> List[Word]:
        """The words that lie inside ``start:end``."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.words) and self.words[i].end <= end:
            out.append(self.words[i])
            i += 1
        return out

    def word_index_at(self, pos: int) -> int:
        """The index of the first word that ends after ``pos``."""
        i = max(bisect.bisect_right(self._starts, pos) - 1, 0)
        while i < len(self.words) and self.words[i].end <= pos:
            i += 1
        return i

    def word_ending_at(self, end: int) -> Optional[Word]:
        i = bisect.bisect_left(self._starts, end) - 1
        return self.words[i] if i >= 0 and self.words[i].end == end else None

    def gap(self, a: Word, b: Word) -> str:
        """The text between two words."""
        return self.text[a.end:b.start]

    def adjacent(self, a: Word, b: Word) -> bool:
        g = self.gap(a, b)
        return bool(g) and not g.strip(" \t")

    def prev(self, w: Word) -> Optional[Word]:
        return self.words[w.i - 1] if w.i > 0 else None

    def next(self, w: Word) -> Optional[Word]:
        return self.words[w.i + 1] if w.i + 1 < len(self.words) else None

    def list_after(self, w: Word, limit: int = 12) -> Optional[Word]:
        """The word right after the list of capitalised words that ``w`` opens (items joined by commas or by a
        joiner next to them: ``Теңдік, Мироновка және Кантемировское ауылдарына`` → ауылдарына), when it follows
        the last item with no sign between; ``None`` when ``w`` opens no list."""
        joiners = list_joiners()
        cur = w
        for _ in range(limit):
            nxt = self.next(cur)
            if nxt is None:
                return None
            if nxt.lower in joiners and self.adjacent(cur, nxt):
                nxt = self.next(nxt)
            elif self.gap(cur, nxt).strip() != ",":
                return nxt if cur is not w and self.adjacent(cur, nxt) else None
            if nxt is None or not nxt.capitalised:
                return None
            cur = nxt
        return None

    def starts_sentence(self, w: Word) -> bool:
        return starts_sentence(self.text, w.start)

    def starts_sentence_at(self, pos: int) -> bool:
        return starts_sentence(self.text, pos)

    @cached_property
    def lower_stems(self) -> FrozenSet[str]:
        """Lemmas of the words written in lower case somewhere in the text: a capitalised word whose
        lemma is among them is an ordinary word that starts a sentence (Академик ... академиктің)."""
        return frozenset(w.stem for w in self.words if w.text[:1].islower())

    def has_lower_stem(self, stem: str) -> bool:
        """``stem in self.lower_stems``, asking the lemma of only the lower-case words that may have it: a
        lemma (:attr:`Word.stem`) is a beginning of its word but for its last letter, which may be
        devoiced (``ошағын`` → ``ошақ``), so a word that does not start with ``stem[:-1]`` cannot give it."""
        if len(stem) < 3 or "lower_stems" in self.__dict__:
            return stem in self.lower_stems
        seen = self.memo.setdefault("lower_stem", {})
        if stem not in seen:
            lows, head = self._lower_words, stem[:-1]
            i = bisect.bisect_left(lows, head)
            found = False
            while i < len(lows) and lows[i].startswith(head):
                if form_of(lows[i]).stem == stem:
                    found = True
                    break
                i += 1
            seen[stem] = found
        return seen[stem]

    @cached_property
    def _lower_words(self) -> List[str]:
        """The distinct case-folded words written in lower case, sorted."""
        return sorted({w.lower for w in self.words if w.text[:1].islower()})

    @cached_property
    def capitalised_words(self) -> FrozenSet[str]:
        """Capitalised words of the text, casefolded: a stem seen here is a name seen uninflected."""
        return frozenset(w.lower for w in self.words if w.capitalised)

    @cached_property
    def quotes(self) -> List[Quote]:
        out = []
        for m in QUOTED_RE.finditer(self.text):
            g = 1 if m.group(1) is not None else 2
            inner = m.group(g)
            if not inner.strip():
                continue
            lead = len(inner) - len(inner.lstrip())
            trail = len(inner) - len(inner.rstrip())
            out.append(Quote(m.start(), m.end(), m.start(g) + lead, m.end(g) - trail, inner.strip()))
        return out

    @cached_property
    def _quote_starts(self) -> List[int]:
        return [q.inner_start for q in self.quotes]

    @cached_property
    def _quote_by_end(self) -> Dict[int, Quote]:
        return {q.end: q for q in self.quotes}

    def in_quote(self, pos: int) -> Optional[Quote]:
        """The quotation whose text holds ``pos`` (quotations do not nest: one bisection)."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and pos < self.quotes[i].inner_end:
            return self.quotes[i]
        return None

    def word_after_quote(self, q: Quote) -> Optional[Word]:
        """The word right after quotation ``q`` closes, with only white space between (``«Сарыарқа» газ``:
        газ); ``None`` when there is none."""
        i = self.word_index_at(q.end)
        nxt = self.words[i] if i < len(self.words) else None
        return nxt if nxt is not None and not self.text[q.end:nxt.start].strip() else None

    def quote_closing_before(self, pos: int) -> Optional[Quote]:
        """The quotation that closes right before ``pos``, with only spaces and tabs between."""
        end = pos
        while end > 0 and self.text[end - 1] in " \t":
            end -= 1
        return self._quote_by_end.get(end)

    def ordinary_word(self, w: Word, stops: Optional[StopWords] = None) -> bool:
        """A capitalised word that is not a name: a listed sentence opener or title, or the first word
        of a sentence that the same text also writes in lower case."""
        stops = stops or stop_words()
        if w.lower in stops.not_name:
            return True
        if not w.capitalised:
            return True
        return self.starts_sentence(w) and self.has_lower_stem(w.stem)

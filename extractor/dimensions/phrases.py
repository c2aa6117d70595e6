"""Matching words and phrases of the data tables against tokens (:mod:`.tokens`).

A :class:`PhraseLexicon` holds forms such as ``теңге``, ``сингапур доллары``, ``шаршы метр``, ``кВт·сағ``,
``%``, ``артық болмайды``. A form is matched token by token: words written apart in the form may stand
apart in the text (spaces, at most one line break), parts written together must be glued. The last
word of an ``inflect`` form may carry a chain of Kazakh endings (``теңгеден``, ``долларынан``), also
after a hyphen (``%-ға``). Case-``sensitive`` forms keep their letter case (``т``, ``МВт``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from .tokens import Tok, _TOKEN, glued_suffix, is_ending_chain


@dataclass(frozen=True)
class Phrase:
    form: str
    parts: Tuple[str, ...]  # the form's tokens (lower-cased unless sensitive)
    glue: Tuple[bool, ...]  # glue[k]: part k is written glued to part k-1
    payload: Any = None
    inflect: bool = False
    sensitive: bool = False
    glued_first: bool = False  # may be glued to what stands before it (100км, 50%)


def make_phrase(form: str, payload: Any = None, *, inflect: bool = False, sensitive: bool = False,
                glued_first: bool = False) -> Phrase:
    parts, glue, prev_end = [], [], None
    for m in _TOKEN.finditer(form):
        parts.append(m.group() if sensitive else m.group().lower())
        glue.append(prev_end is not None and m.start() == prev_end)
        prev_end = m.end()
    if not parts:
        raise ValueError(f"empty phrase form {form!r}")
    return Phrase(form, tuple(parts), tuple(glue), payload, inflect, sensitive, glued_first)


def _word_boundary_after(toks: Sequence[Tok], j: int, last_part: str) -> bool:
    """Nothing glued after a form ending in a letter or digit (``км`` is not the start of ``кмх``)."""
    if j >= len(toks) or not toks[j].glued:
        return True
    if not (last_part[-1:].isalnum()):
        return True
    return toks[j].kind == "punct"


class PhraseLexicon:
    """Forms indexed by their first token; :meth:`match` finds the longest form at a position."""

    def __init__(self, phrases: Iterable[Phrase]):
        self.phrases: Tuple[Phrase, ...] = tuple(phrases)
        self._first: Dict[str, List[Phrase]] = {}
        self._first_inflected: Dict[str, List[Phrase]] = {}
        for p in self.phrases:
            key = p.parts[0].lower()
            if p.inflect and len(p.parts) == 1:
                self._first_inflected.setdefault(key, []).append(p)
            else:
                self._first.setdefault(key, []).append(p)
        self.max_parts = max((len(p.parts) for p in self.phrases), default=0)
        # the longest inflected stem: no longer prefix of a word can be one (keeps long words linear)
        self._longest_stem = max((len(k) for k in self._first_inflected), default=0)
        self._memo: Dict[Tuple[str, bool], List[Phrase]] = {}

    def candidates(self, tok: Tok) -> List[Phrase]:
        return self.candidates_of(tok.low, tok.kind == "word")

    def candidates_of(self, low: str, is_word: bool) -> List[Phrase]:
        """The forms that may start at a token written ``low`` (lower case), a word or not."""
        key = (low, is_word)
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = self._candidates(low, is_word)
            if len(self._memo) > 16_384:
                self._memo.clear()
        return got

    def first_words(self) -> Tuple[Tuple[str, ...], Tuple[str, ...]]:
        """The first words of the forms, lower case: those matched as written, and the stems of the
        one-word forms that inflect (a word starting with one and going on with endings matches)."""
        return tuple(self._first), tuple(self._first_inflected)

    def trigger_test(self, low: str, is_word: bool) -> bool:
        """A form may start one of the phrases (a trigger test of :mod:`.analysis`)."""
        return bool(self.candidates_of(low, is_word))

    def _candidates(self, low: str, is_word: bool) -> List[Phrase]:
        out = list(self._first.get(low, ()))
        if not is_word:
            out.extend(self._first_inflected.get(low, ()))
        elif self._first_inflected:
            for n in range(1, min(len(low), self._longest_stem) + 1):
                ps = self._first_inflected.get(low[:n])
                if ps and is_ending_chain(low[n:]):
                    out.extend(ps)
        return out

    def match(self, toks: Sequence[Tok], i: int, *, glued_ok: bool = False) -> Optional[Tuple[Phrase, int]]:
        """The longest form starting at token ``i``: ``(phrase, index after it)``, or None.

        ``glued_ok``: the form may be glued to the token before ``i`` even if it is not ``glued_first``
        (after an abbreviation's period: ``млрд.теңгені``)."""
        if i >= len(toks):
            return None
        t = toks[i]
        if t.glued and i > 0 and not glued_ok:
            first_glued_allowed = True  # decided per phrase below
        else:
            first_glued_allowed = False
        best: Optional[Tuple[Phrase, int]] = None
        for p in self.candidates(t):
            if first_glued_allowed and not p.glued_first:
                continue
            end = self._match_rest(toks, i, p)
            if end is not None and (best is None or end > best[1]):
                best = (p, end)
        return best

    @staticmethod
    def _tok_text(p: Phrase, t: Tok) -> str:
        return t.text if p.sensitive else t.low

    def _match_rest(self, toks: Sequence[Tok], i: int, p: Phrase) -> Optional[int]:
        n = len(p.parts)
        if i + n > len(toks):
            return None
        for k in range(n):
            t = toks[i + k]
            if k > 0:
                if p.glue[k] != t.glued or (not t.glued and not t.gap_ok):
                    return None
            text = self._tok_text(p, t)
            part = p.parts[k]
            if k == n - 1 and p.inflect and t.kind == "word":
                if not (text.startswith(part) and is_ending_chain(t.low[len(part):])):
                    return None
            elif text != part:
                return None
        j = i + n
        if p.inflect or p.parts[-1][-1:].isalpha():
            j = glued_suffix(toks, j)  # теңге-ден, км-ге, га-дан
        if not _word_boundary_after(toks, j, p.parts[-1]):
            return None
        return j

    def match_ending_at(self, toks: Sequence[Tok], end: int) -> Optional[Tuple[Phrase, int]]:
        """The longest form that ends right before token ``end``: ``(phrase, its start index)``."""
        best = None
        for n in range(1, self.max_parts + 1):
            i = end - n
            if i < 0:
                break
            m = self.match(toks, i, glued_ok=True)
            if m is not None and m[1] == end and (best is None or i < best[1]):
                best = (m[0], i)
        return best

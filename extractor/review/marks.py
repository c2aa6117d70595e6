"""Highlight markup for records over a text: one ``<mark class="rec">`` per record, nested where records
nest (an org inside a money phrase), so every record is one element and the text content is the article's
text unchanged. Where two records cross (neither holds the other), the later one is continued in extra
``<mark class="rec-cont">`` pieces, so its whole span is still coloured."""
from __future__ import annotations

import html
from typing import Callable, Dict, List, Sequence


def escape_text(text: str) -> str:
    """HTML for text content, keeping every character: a carriage return would become a line feed in the
    parser, so it is written as a character reference, which the DOM keeps as U+000D."""
    return html.escape(text, quote=False).replace("\r", "&#13;")


def spans(records: Sequence[dict], n: int) -> List[tuple]:
    """``(start, end, index)`` of each record clamped to the text, outer records before inner ones."""
    out = []
    for i, r in enumerate(records):
        s = min(max(int(r.get("start") or 0), 0), n)
        e = min(max(int(r.get("end") or 0), s), n)
        out.append((s, e, i))
    out.sort(key=lambda x: (x[0], -x[1], x[2]))
    return out


def heights(ordered: Sequence[tuple]) -> Dict[int, int]:
    """How many levels of records lie inside each record (0 for none): the outer underline is drawn that
    many steps lower, so nested records stay visible."""
    h: Dict[int, int] = {}
    for k in range(len(ordered) - 1, -1, -1):
        s, e, i = ordered[k]
        best = 0
        for s2, e2, j in ordered[k + 1:]:
            if s2 >= e:
                break
            if s2 < e2 <= e:  # inside (or the same span, listed later)
                best = max(best, h[j] + 1)
        h[i] = best
    return h


def render(text: str, records: Sequence[dict], open_tag: Callable[[int, bool, int], str]) -> str:
    """The text as HTML with the records' marks. ``open_tag(index, first, height)`` gives the opening tag of a
    record's element (``first``: its main element, else a continuation piece)."""
    n = len(text)
    ordered = spans(records, n)
    h = heights(ordered)
    bounds = sorted({0, n} | {s for s, _, _ in ordered} | {e for _, e, _ in ordered})
    empty: Dict[int, List[int]] = {}
    for s, e, i in ordered:
        if s == e:
            empty.setdefault(s, []).append(i)
    out: List[str] = []
    stack: List[int] = []
    opened = set()

    def open_(i):
        out.append(open_tag(i, i not in opened, h[i]))
        opened.add(i)
        stack.append(i)

    for a, b in zip(bounds, bounds[1:] + [None]):
        for i in empty.get(a, []):
            out.append(open_tag(i, True, 0) + "</mark>")
            opened.add(i)
        if b is None:
            break
        want = []
        for s, e, i in ordered:  # sorted by start: those covering [a, b) are before the first start > a
            if s > a:
                break
            if e >= b and e > s:
                want.append(i)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] == want[keep]:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            out.append("</mark>")
        for i in want[keep:]:
            open_(i)
        out.append(escape_text(text[a:b]))
    while stack:
        stack.pop()
        out.append("</mark>")
    return "".join(out)

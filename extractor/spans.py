"""Overlaps between spans (anything with ``start`` and ``end``), without comparing every pair.

* :func:`keep_longest`: the greedy "best first, keep what overlaps nothing kept" choice that every
  recogniser makes among its findings (the longest by default), in O(n log n): the kept spans are
  disjoint, so their starts and ends are both sorted and one bisection finds the only kept span that
  could overlap a candidate.
* :class:`SpanIndex`: spans that may overlap one another, sorted by start, answering "which of them
  overlap ``start:end``" by bisection over the starts (a span that overlaps must start after
  ``start - longest``).
"""
from __future__ import annotations

import bisect
from typing import Callable, Generic, Iterable, Iterator, List, Optional, TypeVar

T = TypeVar("T")


def overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def inside(a, b) -> bool:
    """``a`` lies inside ``b`` and is not the same span."""
    return b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _longest_first(x) -> tuple:
    return (-(x.end - x.start), x.start)


def keep_longest(items: Iterable[T], rank: Optional[Callable[[T], tuple]] = None) -> List[T]:
    """The items that a greedy choice keeps, in text order: items in ``rank`` order (longest first,
    then leftmost, by default), each kept when it overlaps no item kept before it."""
    starts: List[int] = []
    ends: List[int] = []
    kept: List[T] = []
    for x in sorted(items, key=rank or _longest_first):
        j = bisect.bisect_right(ends, x.start)  # the first kept span that ends after x starts
        if j < len(starts) and starts[j] < x.end:
            continue
        starts.insert(j, x.start)
        ends.insert(j, x.end)
        kept.insert(j, x)
    return kept


class SpanIndex(Generic[T]):
    """Spans (which may overlap each other) that can be asked which of them overlap a range."""

    def __init__(self, items: Iterable[T] = ()):
        self._items: List[T] = []
        self._starts: List[int] = []
        self._longest = 0
        for x in sorted(items, key=lambda x: x.start):
            self._append_sorted(x)

    def _append_sorted(self, x: T) -> None:
        self._items.append(x)
        self._starts.append(x.start)
        self._longest = max(self._longest, x.end - x.start)

    def add(self, x: T) -> None:
        j = bisect.bisect_right(self._starts, x.start)
        self._items.insert(j, x)
        self._starts.insert(j, x.start)
        self._longest = max(self._longest, x.end - x.start)

    def overlapping(self, start: int, end: int) -> List[T]:
        """The spans that share a character with ``start:end``, by start."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [x for x in self._items[lo:hi] if x.end > start and x.start < end]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

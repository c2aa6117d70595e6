"""Overlaps without comparing every pair (``extractor.spans``): the same choices as the plain loops."""
import random
from dataclasses import dataclass

from extractor.spans import SpanIndex, inside, keep_longest, overlaps


@dataclass(frozen=True)
class S:
    start: int
    end: int


def naive_keep(items, rank):
    kept = []
    for x in sorted(items, key=rank):
        if all(x.end <= k.start or x.start >= k.end for k in kept):
            kept.append(x)
    return sorted(kept, key=lambda x: x.start)


def random_spans(rng, n):
    out = []
    for _ in range(n):
        a = rng.randrange(0, 200)
        out.append(S(a, a + rng.randrange(1, 30)))
    return out


def test_keep_longest_keeps_the_longest_and_drops_what_overlaps_it():
    spans = [S(0, 5), S(3, 12), S(12, 14), S(13, 20), S(30, 31)]
    assert keep_longest(spans) == [S(3, 12), S(13, 20), S(30, 31)]
    # touching spans do not overlap
    assert keep_longest([S(0, 3), S(3, 6)]) == [S(0, 3), S(3, 6)]


def test_keep_longest_makes_the_choices_of_the_pairwise_loop():
    rng = random.Random(7)
    for _ in range(200):
        spans = random_spans(rng, rng.randrange(0, 40))
        rank = lambda x: (-(x.end - x.start), x.start)  # noqa: E731
        assert keep_longest(spans) == naive_keep(spans, rank)
        other = lambda x: (x.start % 3, x.end)  # noqa: E731 - any rank
        assert keep_longest(spans, rank=other) == naive_keep(spans, other)


def test_span_index_finds_exactly_the_overlapping_spans():
    rng = random.Random(11)
    for _ in range(100):
        spans = random_spans(rng, rng.randrange(0, 40))
        index = SpanIndex(spans[: len(spans) // 2])
        for x in spans[len(spans) // 2:]:
            index.add(x)
        for _ in range(10):
            q = S(rng.randrange(0, 230), 0)
            q = S(q.start, q.start + rng.randrange(1, 20))
            assert sorted(index.overlapping(q.start, q.end), key=lambda x: (x.start, x.end)) == \
                sorted((x for x in spans if overlaps(x, q)), key=lambda x: (x.start, x.end))
        assert len(index) == len(spans)


def test_inside_is_strict():
    assert inside(S(2, 4), S(0, 5)) and not inside(S(0, 5), S(0, 5)) and not inside(S(0, 6), S(0, 5))

"""One account with many moments merges in n log n, with the findings it always had."""

from __future__ import annotations

import math
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secondstory.files.model import Account, Moment
from secondstory.narrative import similarity
from secondstory.narrative.similarity import NEAR, Candidate, stems, suggest

START = datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
VOCABULARY = ["db1", "replica", "lag", "restart", "checkout", "alert", "deploy", "cache", "the"]


def _near_pairs_before(
    candidates: Sequence[Candidate], bags: list[frozenset[str]], frequency: Counter[str]
) -> Iterator[tuple[int, int]]:
    """The sweep as it was: every moment in reach, of any account, made a pair."""
    distinctive = max(3, math.isqrt(len(candidates)))
    widest = max((c.end - c.start for c in candidates), default=timedelta(0))
    reach = NEAR + widest
    postings: dict[str, deque[int]] = {}
    for i in sorted(range(len(candidates)), key=lambda k: candidates[k].start):
        horizon = candidates[i].start - reach
        seen: set[int] = set()
        for word in bags[i]:
            if frequency[word] > distinctive:
                continue
            queue = postings.setdefault(word, deque())
            while queue and candidates[queue[0]].start < horizon:
                queue.popleft()
            seen.update(queue)
            queue.append(i)
        for j in sorted(seen):
            yield j, i


def _candidates(specs: list[tuple[int, int, int, list[str]]]) -> list[Candidate]:
    return [
        Candidate(
            key,
            f"{account:032x}",
            START + timedelta(minutes=minute),
            START + timedelta(minutes=minute + width),
            " ".join(words),
        )
        for key, (account, minute, width, words) in enumerate(specs)
    ]


MOMENTS = st.lists(
    st.tuples(
        st.integers(0, 3),
        st.integers(0, 90),
        st.sampled_from([2, 20]),
        st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=6),
    ),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(MOMENTS)
def test_suggestions_are_the_same_as_before_the_sweep_skipped_own_moments(
    specs: list[tuple[int, int, int, list[str]]],
) -> None:
    candidates = _candidates(specs)
    now = suggest(candidates, set())
    original = similarity._near_pairs
    similarity._near_pairs = _near_pairs_before  # type: ignore[assignment]
    try:
        before = suggest(candidates, set())
    finally:
        similarity._near_pairs = original
    assert now == before


@given(MOMENTS)
def test_the_sweep_pairs_only_moments_of_different_accounts(
    specs: list[tuple[int, int, int, list[str]]],
) -> None:
    candidates = _candidates(specs)
    bags = [stems(c.text) for c in candidates]
    frequency = Counter(w for bag in bags for w in bag)
    pairs = list(similarity._near_pairs(candidates, bags, frequency))
    before = _near_pairs_before(candidates, bags, frequency)
    different = [(j, i) for j, i in before if candidates[j].account != candidates[i].account]
    assert pairs == different


def test_one_long_account_makes_no_pairs_to_score() -> None:
    """Before, 2,000 moments of one person in an hour made thousands of pairs to skip."""
    specs = [(0, n % 60, 2, [f"host{n % 300}", f"job{n % 250}"]) for n in range(2000)]
    candidates = _candidates(specs)
    bags = [stems(c.text) for c in candidates]
    frequency = Counter(w for bag in bags for w in bag)
    assert max(frequency.values()) <= math.isqrt(len(candidates))  # every word distinctive
    assert list(similarity._near_pairs(candidates, bags, frequency)) == []


@pytest.mark.parametrize("moments", [20_000])
def test_an_account_with_many_moments_validates_in_linear_time(moments: int) -> None:
    """Checking moment ids for repeats counted each id in the whole list: 16 s for 20,000."""
    data = {
        "incident": "big",
        "account": "0" * 32,
        "created": START,
        "updated": START,
        "moments": [Moment(id=f"m{n}", did="x") for n in range(moments)],
    }
    began = time.perf_counter()
    Account(**data)  # type: ignore[arg-type]
    assert time.perf_counter() - began < 3.0

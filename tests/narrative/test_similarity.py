"""Words that say two moments may tell one event: tokens, stems and distinctive words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from secondstory.narrative.similarity import Candidate, stem, suggest, words

T = datetime(2024, 1, 1, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("restarted", "restart"), ("restarting", "restart"), ("alerts", "alert"), ("fired", "fired")],
)
def test_common_endings_are_trimmed_only_from_long_enough_words(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_words_drop_stop_words_and_keep_host_names_whole_and_in_parts() -> None:
    found = words("The primary orders-db-2 was promoted, and we saw 503s")
    assert set(found) == {"primary", "orders-db-2", "order", "promot", "503s"}
    assert found["promot"] == "promoted"


def candidate(key: int, account: str, minute: int, text: str) -> Candidate:
    at = T + minute * MINUTE
    return Candidate(key, account, at - MINUTE, at + MINUTE, text)


def background(count: int) -> list[Candidate]:
    """Moments of a third person far away in time, so common words are common."""
    return [
        candidate(100 + i, "z", 600 + 5 * i, f"checked the dashboard and the channel {i}")
        for i in range(count)
    ]


def test_a_suggestion_needs_a_shared_distinctive_word_within_reach() -> None:
    pair = [
        candidate(0, "a", 0, "replica lag alert on orders-db-2"),
        candidate(1, "b", 3, "orders-db-2 replica lag was high"),
        candidate(2, "c", 40, "orders-db-2 replica lag again"),  # beyond reach
    ]
    (match,) = suggest(pair + background(30), skip=set())
    assert (match.first, match.second) == (0, 1)
    assert match.gap == timedelta(minutes=1)
    assert set(match.words) == {"orders-db-2", "replica", "lag", "orders"}


def test_a_skipped_pair_is_never_suggested() -> None:
    pair = [candidate(0, "a", 0, "replica lag"), candidate(1, "b", 0, "replica lag")]
    assert suggest(pair, skip={frozenset((0, 1))}) == []


def test_words_every_moment_uses_never_make_a_pair() -> None:
    many = [candidate(i, f"p{i}", i, "checked the dashboard") for i in range(40)]
    assert suggest(many, skip=set()) == []


def test_two_people_telling_one_event_are_suggested_even_in_the_smallest_incident() -> None:
    robin = candidate(
        0, "robin", 0, "Looked at the error graphs for checkout\nErrors at 30 percent"
    )
    sam = candidate(
        1,
        "sam",
        1,
        "Looked at the checkout error graphs and paged the database team\nErrors climbing",
    )
    [match] = suggest([robin, sam], set())
    assert {match.first, match.second} == {0, 1}
    assert set(match.words) >= {"error", "graphs", "checkout"}

"""Kind questions for a moment's time that may not be what the person meant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from secondstory.times.doubts import time_question

NOW = datetime(2024, 3, 15, 9, 0, tzinfo=UTC)
NIGHT = datetime(2024, 3, 14, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "at, others, asked",
    [
        # last night, near the other moments: nothing to ask
        (NIGHT, [NIGHT - timedelta(minutes=20)], ""),
        # a bare "23:05" typed this morning and read as today: after now
        (NOW + timedelta(hours=14), [NIGHT], "This is placed after now. Did it happen earlier?"),
        # a clock a minute or two ahead is not a question
        (NOW + timedelta(minutes=2), [], ""),
        # a whole day from every other moment
        (NIGHT - timedelta(hours=24), [NIGHT, NIGHT + timedelta(minutes=5)], "24 hours away"),
        # a week away is said in days
        (NIGHT - timedelta(days=7), [NIGHT], "7 days away from your other moments"),
        # the first moment has nothing to be far from
        (NIGHT - timedelta(days=7), [], ""),
    ],
)
def test_a_time_after_now_or_far_from_the_others_gets_a_kind_question(
    at: datetime, others: list[datetime], asked: str
) -> None:
    question = time_question(at, others, NOW)
    if not asked:
        assert question == ""
        return
    assert asked in question
    assert "type the day too" in question
    # kind: a question about the time, never about the person
    assert "wrong" not in question.lower() and "mistake" not in question.lower()

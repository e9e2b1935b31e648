"""Kind questions about a moment's time that may not be what the person meant.

A time placed after now, or far from every other moment of the account, is usually a
day read wrongly ("23:05" typed the morning after). Nothing is changed: the person is
asked, and can type the day too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

FAR = timedelta(hours=12)
"""A moment further than this from every other timed moment of the account is asked about."""
SLACK = timedelta(minutes=5)
"""Clocks differ a little: a moment up to this far after now is not asked about."""
HINT = "If it was another day, type the day too, like “yesterday 23:05”."


def time_question(at: datetime, others: Iterable[datetime], now: datetime | None = None) -> str:
    """A kind question when `at` lies after now or far from all `others`; "" otherwise.

    All instants are aware; `now` defaults to the real now.
    """
    now = now or datetime.now(UTC)
    if at > now + SLACK:
        return f"This is placed after now. Did it happen earlier? {HINT}"
    gaps = [abs(at - other) for other in others]
    if gaps and min(gaps) > FAR:
        return (
            f"This is {_hours(min(gaps))} away from your other moments. "
            f"Is that the day you meant? {HINT}"
        )
    return ""


def _hours(gap: timedelta) -> str:
    hours = round(gap.total_seconds() / 3600)
    if hours >= 48:
        return f"{round(hours / 24)} days"
    return f"{hours} hours"

"""Where each moment goes on the merged timeline: its instant, its window, its place.

A local `when` is wall time in the account's zone, an offset datetime means itself;
exact is a ±1 minute window, about ±10 minutes, unsure or missing has no instant. Timed
moments go by instant, then exact before about, then author, account id and position;
a moment without an instant follows the moment before it in its own account.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from secondstory.files.model import Account, Moment, moment_ref
from secondstory.narrative.model import Window
from secondstory.times.parse import ABOUT_MARGIN, EXACT_MARGIN, to_utc

MARGINS = {"exact": EXACT_MARGIN, "about": ABOUT_MARGIN}
"""Half the width of a moment's window, by precision. Unsure has no window."""
_PRECISION_RANK = {"exact": 0, "about": 1, "unsure": 2}


@dataclass(slots=True)
class Row:
    """A moment on its way to becoming an `Entry`."""

    account: Account
    moment: Moment
    position: int
    at: datetime | None
    window: Window | None
    after: str | None
    ref: str
    lane: int = 0
    index: int = 0
    group: int | None = None


def rows(account: Account) -> Iterable[Row]:
    previous: str | None = None
    for position, moment in enumerate(account.moments):
        margin = MARGINS.get(moment.when_precision)
        at = None
        if moment.when is not None and margin is not None:
            at = to_utc(moment.when, account.timezone)
        window = (at - margin, at + margin) if at is not None and margin is not None else None
        after = previous if at is None else None
        ref = moment_ref(account.account, moment.id)
        yield Row(account, moment, position, at, window, after, ref)
        previous = ref


def order(rows: list[Row]) -> list[Row]:
    """Timed rows by instant and tie-break; each untimed row right after its predecessor."""
    followers: dict[str, list[Row]] = {}
    opening: list[Row] = []
    timed: list[Row] = []
    for row in rows:
        if row.at is not None:
            timed.append(row)
        elif row.after is None:
            opening.append(row)
        else:
            followers.setdefault(row.after, []).append(row)
    opening.sort(key=lambda r: (r.account.author.casefold(), r.account.account, r.position))
    timed.sort(key=_tie_break)
    ordered: list[Row] = []
    for row in [*opening, *timed]:
        _place(row, followers, ordered)
    return ordered


def _tie_break(row: Row) -> tuple[datetime, int, str, str, int]:
    assert row.at is not None
    rank = _PRECISION_RANK[row.moment.when_precision]
    return (row.at, rank, row.account.author.casefold(), row.account.account, row.position)


def _place(row: Row, followers: dict[str, list[Row]], ordered: list[Row]) -> None:
    # Iterative: a long run of untimed moments must not exhaust the recursion limit.
    stack = [row]
    while stack:
        current = stack.pop()
        ordered.append(current)
        stack.extend(reversed(followers.get(current.ref, ())))


def window(row: Row) -> Window:
    """The window of a row known to have one."""
    assert row.window is not None
    return row.window

"""The perspectives a narrative gathers around its timeline: who, surprises, assumptions, ideas."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from secondstory.files.model import CLOSING_FIELDS, Account
from secondstory.narrative.model import Assumption, ClosingPart, Entry, Idea, Participant, Surprise


class _Placed(Protocol):
    """Anything in timeline order that knows its account."""

    @property
    def account(self) -> Account: ...


def participants(
    accounts: Sequence[Account], ordered: Iterable[_Placed], paths: Mapping[str, Path]
) -> tuple[Participant, ...]:
    """Who shared, in order of first appearance on the timeline (accounts with no moments last)."""
    first: dict[str, int] = {}
    for index, row in enumerate(ordered):
        first.setdefault(row.account.account, index)
    ranked = sorted(
        accounts,
        key=lambda a: (first.get(a.account, len(first)), a.author.casefold(), a.account),
    )
    return tuple(
        Participant(
            account=a.account,
            author=a.author,
            role=a.role,
            zone=a.timezone,
            updated=a.updated,
            moments=len(a.moments),
            lane=lane,
            path=paths.get(a.account),
        )
        for lane, a in enumerate(ranked)
    )


def surprises(timeline: Sequence[Entry]) -> tuple[Surprise, ...]:
    """Moments with both an expectation and an observation, in timeline order."""
    return tuple(
        Surprise(e.ref, e.account, e.moment, e.author, e.expected, e.observed)
        for e in timeline
        if e.is_surprise
    )


def assumptions(timeline: Sequence[Entry]) -> tuple[Assumption, ...]:
    """What each person took to be true, by person, then in timeline order."""
    found = [e for e in timeline if e.assumed.strip()]
    found.sort(key=lambda e: (e.lane, e.index))
    return tuple(
        Assumption(e.ref, e.account, e.moment, e.author, e.lane, e.assumed, e.why) for e in found
    )


def ideas(accounts: Sequence[Account], lanes: Mapping[str, int]) -> tuple[Idea, ...]:
    """Every non-empty closing part, by person, in the order the interview asks them."""
    found: list[Idea] = []
    for account in sorted(accounts, key=lambda a: lanes[a.account]):
        for part in CLOSING_FIELDS:
            text = getattr(account.closing, part)
            if text.strip():
                found.append(
                    Idea(account.account, account.author, lanes[account.account], _part(part), text)
                )
    return tuple(found)


def _part(name: str) -> ClosingPart:
    parts: dict[str, ClosingPart] = {
        "surprised": "surprised",
        "helped": "helped",
        "hindered": "hindered",
        "ideas": "ideas",
    }
    return parts[name]

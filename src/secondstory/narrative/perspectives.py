"""The perspectives a narrative gathers around its timeline: who, surprises, assumptions, ideas."""

from __future__ import annotations

import re
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


def surprises(
    timeline: Sequence[Entry], marked: Iterable[str] = (), unmarked: Iterable[str] = ()
) -> tuple[Surprise, ...]:
    """Moments where what was expected and what was observed differ, in timeline order.

    The facilitator's marks win: a moment in `marked` is a surprise whenever it has words
    in either field, one in `unmarked` never is.
    """
    chosen, dropped = set(marked), set(unmarked)
    found = []
    for e in timeline:
        if e.ref in dropped:
            continue
        by_hand = e.ref in chosen and bool(e.expected.strip() or e.observed.strip())
        if by_hand or differs(e.expected, e.observed):
            found.append(Surprise(e.ref, e.account, e.moment, e.author, e.expected, e.observed))
    return tuple(found)


_NOTHING = frozenset(
    {
        "",
        "nothing",
        "none",
        "n/a",
        "na",
        "-",
        "--",
        "?",
        "no idea",
        "not sure",
        "unsure",
        "don't know",
        "dont know",
        "nothing in particular",
        "nothing special",
        "no expectation",
        "no expectations",
        "i don't know",
        "idk",
    }
)
"""Expectations that say there was none, so nothing could differ from them."""
_NEGATION = re.compile(r"\b(not|no|never|nothing|didn't|did not|wasn't|was not|without)\b|n't\b")
_CONTENT = re.compile(r"[^\W\d_]{3,}")
_ALIKE = 0.6
"""From this share of words in common (and the same negation), two texts say the same thing."""


def differs(expected: str, observed: str) -> bool:
    """Whether an observation departs from an expectation, read plainly.

    Both must be written, and the expectation must be one ("nothing", "not sure" are not).
    They differ unless they say the same thing: most of their words in common and
    both or neither negated.
    """
    if _plain(expected) in _NOTHING or not observed.strip():
        return False
    first, second = _words(expected), _words(observed)
    if not first or not second:
        return _plain(expected) != _plain(observed)
    overlap = len(first & second) / len(first | second)
    negated = bool(_NEGATION.search(expected.casefold())) != bool(
        _NEGATION.search(observed.casefold())
    )
    return negated or overlap < _ALIKE


def _plain(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split()).strip(" .!")


def _words(text: str) -> set[str]:
    # The first four letters stand for the word, so "show" and "showed" count as one.
    return {w.casefold()[:4] for w in _CONTENT.findall(text)}


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

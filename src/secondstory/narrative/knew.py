"""What each person knew and could see at a chosen moment: the local rationality view.

For one moment on the timeline, every participant's own observations up to then, from
their own accounts only. "Up to then" is the timeline's order: a timed moment counts when
its instant is not after the chosen one's, an untimed one when the merge placed it before.
"""

from __future__ import annotations

from dataclasses import dataclass

from secondstory.narrative.model import Entry, Narrative, Participant


@dataclass(frozen=True, slots=True)
class Knew:
    """What one person had observed by the chosen moment."""

    participant: Participant
    """Who."""
    seen: tuple[Entry, ...]
    """Their moments with an observation, up to then, in timeline order."""


def known_at(narrative: Narrative, ref: str) -> tuple[Knew, ...]:
    """Each participant's observations up to the moment `ref`, in lane order."""
    chosen = narrative.entry(ref)
    if chosen is None:
        return ()
    seen: dict[str, list[Entry]] = {p.account: [] for p in narrative.participants}
    for entry in narrative.timeline:
        if entry.observed.strip() and _by_then(entry, chosen):
            seen[entry.account].append(entry)
    return tuple(Knew(p, tuple(seen[p.account])) for p in narrative.participants)


def _by_then(entry: Entry, chosen: Entry) -> bool:
    if entry.at is not None and chosen.at is not None:
        return entry.at <= chosen.at
    return entry.index <= chosen.index

"""Disagreements for the debrief: one event told differently, said plainly, with a state.

A same-event group is a disagreement when its times do not fit together within their
precision, or when the facilitator linked moments whose observations have hardly a word
in common. The facilitator's state for each (to discuss / discussed, with a note) lives
in narrative.toml under `[[disagreements]]`, matched by the group's moments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC

from secondstory.files.model import Disagreement, DisagreementState, NarrativeNotes
from secondstory.narrative.model import Entry, Narrative, SameEvent

WORDS_IN_COMMON = 0.2
"""Below this share of words in common, two observations of one event read as different."""
_WORD = re.compile(r"[^\W\d_]{3,}")
_MARGIN = {"exact": "", "about": " (±10 min)"}


@dataclass(frozen=True, slots=True)
class Difference:
    """One disagreement as the debrief sees it."""

    group: SameEvent
    """The same-event group."""
    members: tuple[Entry, ...]
    """Its moments present on the timeline, in timeline order."""
    what: str
    """What differs, in one plain sentence."""
    state: DisagreementState
    """to-discuss or discussed, as the facilitator set it."""
    note: str
    """The facilitator's note."""


def differences(
    narrative: Narrative, notes: NarrativeNotes | None = None
) -> tuple[Difference, ...]:
    """Every same-event group whose times or observations differ, in group order.

    The state comes from `notes` when given (the facilitator's notes as they are now),
    otherwise from the notes the merge used.
    """
    notes = notes if notes is not None else narrative.notes
    kept = {frozenset(d.moments): d for d in notes.disagreements}
    found = []
    for group, members, what in _described(narrative):
        mine = kept.get(frozenset(group.members))
        state: DisagreementState = mine.state if mine else "to-discuss"
        found.append(Difference(group, members, what, state, mine.note if mine else ""))
    return tuple(found)


_Described = tuple[tuple[SameEvent, tuple[Entry, ...], str], ...]
_LAST: list[tuple[Narrative, _Described]] = []
"""The last narrative described: the title and the hint ask on every key, and a merge of
10,000 moments has some 700 disagreements to word (40 ms), while the state is cheap."""


def _described(narrative: Narrative) -> _Described:
    if _LAST and _LAST[0][0] is narrative:
        return _LAST[0][1]
    found = []
    for group in narrative.same_event:
        members = tuple(e for ref in group.members if (e := narrative.entry(ref)) is not None)
        what = describe(group, members)
        if what:
            found.append((group, members, what))
    _LAST[:] = [(narrative, tuple(found))]
    return _LAST[0][1]


def to_discuss(narrative: Narrative, notes: NarrativeNotes | None = None) -> int:
    """How many disagreements are still to be discussed."""
    return sum(1 for d in differences(narrative, notes) if d.state == "to-discuss")


def to_look_at(narrative: Narrative, notes: NarrativeNotes | None = None) -> int:
    """Suggestions and disagreements still to look at: a discussed one counts no more."""
    notes = notes if notes is not None else narrative.notes
    if not notes.disagreements:
        return len(narrative.to_look_at())
    discussed = {d.group.id for d in differences(narrative, notes) if d.state == "discussed"}
    return sum(1 for g in narrative.to_look_at() if g.id not in discussed)


def describe(group: SameEvent, members: Sequence[Entry]) -> str:
    """What differs, plainly: times first, then observations; "" when nothing does."""
    if group.disagreement:
        return _times(members)
    if group.source == "confirmed":
        return _observations(members)
    return ""


def _times(members: Sequence[Entry]) -> str:
    timed = [e for e in members if e.at is not None]
    if len(timed) < 2:
        return ""
    one_zone = len({e.zone for e in timed if e.when is not None and e.when.tzinfo is None}) <= 1
    parts = [
        f"{e.author} {'wrote ' if i == 0 else ''}{_clock(e, one_zone)}" for i, e in enumerate(timed)
    ]
    instants = [e.at for e in timed if e.at is not None]
    apart = round((max(instants) - min(instants)).total_seconds() / 60)
    return f"{', '.join(parts)}: {_minutes(apart)} apart"


def _clock(entry: Entry, one_zone: bool) -> str:
    about = "about " if entry.precision == "about" else ""
    margin = _MARGIN.get(entry.precision, "")
    if one_zone and entry.when is not None and entry.when.tzinfo is None:
        return f"{about}{entry.when:%H:%M}{margin}"
    assert entry.at is not None
    return f"{about}{entry.at.astimezone(UTC):%H:%M} UTC{margin}"


def _minutes(total: int) -> str:
    if total < 60:
        return f"{total} minute{'' if total == 1 else 's'}"
    hours, rest = divmod(total, 60)
    return f"{hours} h {rest:02d} min"


def _observations(members: Sequence[Entry]) -> str:
    seen = [e for e in members if e.observed.strip()]
    for index, first in enumerate(seen):
        for second in seen[index + 1 :]:
            if first.account != second.account and _alike(first.observed, second.observed) < (
                WORDS_IN_COMMON
            ):
                return (
                    f"{first.author} and {second.author} describe what they saw differently: "
                    "compare what each observed"
                )
    return ""


def _alike(one: str, other: str) -> float:
    first = {w.casefold() for w in _WORD.findall(one)}
    second = {w.casefold() for w in _WORD.findall(other)}
    if not first or not second:
        return 1.0  # too few words to tell
    return len(first & second) / len(first | second)


def state_of(notes: NarrativeNotes, refs: Sequence[str]) -> Disagreement | None:
    """The facilitator's state for a group of moments, if they set one."""
    wanted = set(refs)
    return next((d for d in notes.disagreements if set(d.moments) == wanted), None)


def set_state(
    notes: NarrativeNotes, refs: Sequence[str], state: DisagreementState, note: str | None = None
) -> Disagreement:
    """Set a disagreement's state (and note, when given), adding it to the notes if new."""
    kept = state_of(notes, refs)
    if kept is None:
        kept = Disagreement(moments=list(dict.fromkeys(refs)))
        notes.disagreements.append(kept)
    kept.state = state
    if note is not None:
        kept.note = note.strip()
    return kept

"""What a merge produces: one timeline of every shared moment, and the perspectives around it.

Plain frozen dataclasses, built once by `secondstory.narrative.merge.merge` and read by the
exports and the facilitator's screens. Every item keeps its provenance (account and
moment id) so each line of a narrative can be traced to the words it came from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from secondstory.files.evidence import Evidence
from secondstory.files.model import Incident, NarrativeNotes, Precision, Question, Theme

SameEventSource = Literal["confirmed", "suggested"]
ClosingPart = Literal["surprised", "helped", "hindered", "ideas"]
Window = tuple[datetime, datetime]


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the merged timeline: one moment of one account."""

    ref: str
    """"ACCOUNT/MOMENT", the reference narrative.toml uses for this moment."""
    account: str
    """The account's id."""
    moment: str
    """The moment's id within its account."""
    author: str
    """How the person chose to be named."""
    role: str | None
    """Their role, if they gave one."""
    zone: str
    """The IANA zone their local times are meant in."""
    when: datetime | None
    """The time exactly as stored in the account (local wall time or with an offset)."""
    when_text: str | None
    """The time as the person typed it, if the account kept it."""
    precision: Precision
    """exact, about or unsure, as the person said."""
    at: datetime | None
    """The UTC instant, or None when the time is unsure or missing."""
    window: Window | None
    """The UTC span the moment may lie in, given its precision; None without an instant."""
    did: str
    """What they did, exactly as written."""
    observed: str
    """What they saw, heard or read, exactly as written."""
    expected: str
    """What they expected to happen, exactly as written."""
    assumed: str
    """What they took to be true, exactly as written."""
    why: str
    """What made it make sense at the time, exactly as written."""
    lane: int
    """Index of the person in `Narrative.participants`: their lane or column."""
    position: int
    """Index of the moment in its own account (the order the person remembers)."""
    index: int
    """Index of this entry in `Narrative.timeline`."""
    after: str | None = None
    """For a moment without an instant: the ref it follows in its own account (None = first)."""
    group: int | None = None
    """Index in `Narrative.concurrent` of the moments happening at the same time, if any."""
    same_event: tuple[int, ...] = ()
    """Indexes in `Narrative.same_event` of the groups this moment belongs to."""

    @property
    def timed(self) -> bool:
        """True when the moment has a UTC instant and so a place in time of its own."""
        return self.at is not None


@dataclass(frozen=True, slots=True)
class ConcurrentGroup:
    """Moments of two or more people whose windows overlap, directly or through one another."""

    id: int
    """Index in `Narrative.concurrent`."""
    members: tuple[str, ...]
    """Refs of the moments, in timeline order."""
    start: datetime
    """The earliest window start among the members (UTC)."""
    end: datetime
    """The latest window end among the members (UTC)."""
    lanes: tuple[int, ...]
    """The lanes (participants) involved, ascending."""


@dataclass(frozen=True, slots=True)
class SameEvent:
    """Moments that tell one event, linked by the facilitator or suggested by the merge."""

    id: int
    """Index in `Narrative.same_event`."""
    members: tuple[str, ...]
    """Refs of the moments that are present, in timeline order."""
    source: SameEventSource
    """confirmed: the facilitator linked them; suggested: the merge thinks they may be one."""
    disagreement: bool
    """True when two or more members have times whose windows do not overlap."""
    gap: timedelta | None
    """How far apart the timed members' windows are (zero when they overlap); None if < 2 timed."""
    untimed: tuple[str, ...] = ()
    """Members without an instant: no claim about time is made for them."""
    shared_words: tuple[str, ...] = ()
    """Distinctive words the members share (suggestions), most distinctive first."""
    score: float = 1.0
    """How alike the members read, 0..1 (confirmed links are 1.0)."""
    note: str = ""
    """The facilitator's note on a confirmed link."""
    missing: tuple[str, ...] = ()
    """Refs the facilitator linked that no shared account holds any more."""


@dataclass(frozen=True, slots=True)
class Surprise:
    """A moment where what someone expected and what they observed differ."""

    ref: str
    """The moment's ref."""
    account: str
    """The account's id."""
    moment: str
    """The moment's id."""
    author: str
    """Who wrote it."""
    expected: str
    """What they expected, exactly as written."""
    observed: str
    """What they observed, exactly as written."""


@dataclass(frozen=True, slots=True)
class Assumption:
    """Something a person took to be true, and what made it make sense."""

    ref: str
    """The moment's ref."""
    account: str
    """The account's id."""
    moment: str
    """The moment's id."""
    author: str
    """Who wrote it."""
    lane: int
    """The person's lane, to group assumptions by person."""
    assumed: str
    """What they took to be true, exactly as written."""
    why: str
    """What made it make sense at the time, exactly as written (may be empty)."""


@dataclass(frozen=True, slots=True)
class Idea:
    """One closing part of one account: what surprised, helped, hindered, or an idea."""

    account: str
    """The account's id."""
    author: str
    """Who wrote it."""
    lane: int
    """The person's lane."""
    part: ClosingPart
    """Which closing question it answers."""
    text: str
    """Their words, exactly as written."""


@dataclass(frozen=True, slots=True)
class Participant:
    """One person who has shared an account."""

    account: str
    """The account's id."""
    author: str
    """How they chose to be named."""
    role: str | None
    """Their role, if they gave one."""
    zone: str
    """The IANA zone their local times are meant in."""
    updated: datetime
    """When the account last changed (UTC)."""
    moments: int
    """How many moments the account holds."""
    lane: int
    """Their index in `Narrative.participants`, in order of first appearance on the timeline."""
    path: Path | None = None
    """The file the account was read from, when it came from a file."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file left out of the merge, and why. It is never rewritten."""

    path: Path
    """The file."""
    reason: str
    """One line saying why it was left out."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Two files held the same account; the newer `updated` was used."""

    account: str
    """The account id both files carry."""
    kept: Path
    """The file that was used."""
    dropped: Path
    """The file that was left out."""


@dataclass(frozen=True, slots=True)
class Narrative:
    """Every shared account of an incident merged into one narrative."""

    incident_id: str
    """The incident's id."""
    title: str
    """The incident's title (its id when there is no incident.toml)."""
    incident: Incident | None
    """The incident.toml, when there was one."""
    notes: NarrativeNotes
    """The facilitator's notes the merge used (empty notes when there were none)."""
    participants: tuple[Participant, ...]
    """Who shared, in order of first appearance on the timeline; index = lane."""
    timeline: tuple[Entry, ...]
    """Every moment of every account, in one order (see docs/merge.md)."""
    concurrent: tuple[ConcurrentGroup, ...]
    """Moments of different people happening at the same time."""
    same_event: tuple[SameEvent, ...]
    """Confirmed links first (in notes order), then suggestions, best first."""
    surprises: tuple[Surprise, ...]
    """Moments where what was expected and what was observed differ, in timeline order."""
    assumptions: tuple[Assumption, ...]
    """Assumptions, by person (lane) then timeline order."""
    ideas: tuple[Idea, ...]
    """Closing parts of every account, by person then part."""
    themes: tuple[Theme, ...] = ()
    """The facilitator's themes (contributing conditions)."""
    questions: tuple[Question, ...] = ()
    """The facilitator's open questions."""
    summary: str = ""
    """The facilitator's summary."""
    skipped: tuple[Skipped, ...] = ()
    """Files left out, with reasons."""
    duplicates: tuple[Duplicate, ...] = ()
    """Account ids found in more than one file."""
    dangling: tuple[str, ...] = ()
    """Refs in the notes (links, themes, questions) that no shared account holds."""
    by_ref: Mapping[str, Entry] = field(default_factory=dict, compare=False, repr=False)
    """Every entry by its ref."""
    evidence: tuple[Evidence, ...] = ()
    """Evidence lanes (chat logs, alert times) beside the accounts: never anyone's account."""

    def entry(self, ref: str) -> Entry | None:
        """The timeline entry for a ref, if a shared account holds it."""
        return self.by_ref.get(ref)

    def participant(self, account: str) -> Participant | None:
        """The participant who wrote an account."""
        return next((p for p in self.participants if p.account == account), None)

    def disagreements(self) -> tuple[SameEvent, ...]:
        """Same-event groups whose times disagree beyond their precision."""
        return tuple(group for group in self.same_event if group.disagreement)

    def suggestions(self) -> tuple[SameEvent, ...]:
        """Same-event groups the merge suggests and the facilitator has not decided on."""
        return tuple(group for group in self.same_event if group.source == "suggested")

    def to_look_at(self) -> tuple[SameEvent, ...]:
        """Groups the facilitator may want to look at: suggestions, and times that disagree."""
        return tuple(g for g in self.same_event if g.source == "suggested" or g.disagreement)

    def next_flagged(self, after: int, *, backwards: bool = False) -> int | None:
        """Timeline index of the next entry in a suggestion or a disagreement, wrapping round."""
        flagged = {g.id for g in self.to_look_at()}
        count = len(self.timeline)
        step = -1 if backwards else 1
        for offset in range(1, count + 1):
            index = (after + step * offset) % count
            if flagged.intersection(self.timeline[index].same_event):
                return index
        return None

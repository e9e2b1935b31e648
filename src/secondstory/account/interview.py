"""The interview's state, kept apart from the screens: one draft, its edits and its saving.

Screens call these methods on every keystroke; the draft is written at most a fraction
of a second later (see `Interview.due`) and at once on every step change and on exit.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from secondstory.account.drafts import (
    Draft,
    DraftWrites,
    Step,
    plan_draft_save,
    save_draft,
    share_draft,
    withdraw_draft,
)
from secondstory.errors import SecondstoryError
from secondstory.files.limits import MAX_ENTRIES
from secondstory.files.model import CLOSING_FIELDS, TEXT_FIELDS, Incident, Moment
from secondstory.times.doubts import time_question
from secondstory.times.parse import Reading, TimeNotUnderstood, parse_day, parse_when, to_utc
from secondstory.times.words import read_words

SAVE_AFTER_QUIET = 0.3
"""Seconds of quiet after a change before it is written."""
SAVE_AT_LEAST_EVERY = 0.8
"""However fast someone types, nothing waits longer than this to reach the disk."""


@dataclass
class Interview:
    """One person's interview in progress."""

    draft: Draft
    incident: Incident
    folder: Path | None
    share_to: Path | None = None
    reminded_to_share: bool = False
    """Whether leaving has already reminded the person that the shared copy is older."""
    _first_unsaved: float | None = field(default=None, repr=False)
    _last_change: float = field(default=0.0, repr=False)
    _saving: bool = field(default=False, repr=False)
    _writing: Future[None] | None = field(default=None, repr=False)

    # Saving -------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Whether something typed is not on disk yet."""
        return self._first_unsaved is not None

    def changed(self) -> None:
        """Note that the draft changed in memory."""
        now = time.monotonic()
        self._last_change = now
        if self._first_unsaved is None:
            self._first_unsaved = now

    def due(self) -> bool:
        """Whether a pending change should be written now."""
        if self._first_unsaved is None:
            return False
        now = time.monotonic()
        quiet = now - self._last_change >= SAVE_AFTER_QUIET
        return quiet or now - self._first_unsaved >= SAVE_AT_LEAST_EVERY

    def save(self) -> str | None:
        """Write the draft and where the person is, now; a sentence if it went elsewhere.

        A signal (hang-up, terminate) saves from inside whatever was running, which may be
        a save: then the save under way finishes on its own and the caller saves again
        later. A save inside a save would find the file just written but not yet recorded,
        take it for another window's, and keep its words as a second draft.
        """
        if self._saving:
            return None
        self._saving = True
        try:
            with suppress(OSError, SecondstoryError):
                self._written()  # what it could not write, this writes
            notice = save_draft(self.draft, touch=self.dirty)
        finally:
            self._saving = False
        self._first_unsaved = None
        return notice

    def save_in_background(self, run: Callable[[DraftWrites], Future[None]]) -> str | None:
        """Save, with the files written by `run` (in a thread), so the wait for the disk
        never holds up the keys; what is written is the draft as it is now.

        While the last such save is still being written this does nothing: the draft stays
        due, and the next call saves it. A write that failed is raised here (and the
        draft is due again), so it is said like any other failure to save.
        """
        if self._saving or (self._writing is not None and not self._writing.done()):
            return None
        self._saving = True  # a signal's save waits for this one (see `save`)
        try:
            self._written()
            notice, writes = plan_draft_save(self.draft, touch=self.dirty)
            self._first_unsaved = None
            self._writing = run(writes)
        finally:
            self._saving = False
        return notice

    def _written(self) -> None:
        """Wait for a save being written in a thread; raise what stopped it, if anything."""
        writing, self._writing = self._writing, None
        if writing is None:
            return
        problem = writing.exception()  # waits until it is done
        if problem is not None:
            self.changed()  # what it held is not on disk: save it again
            raise problem

    def go(self, step: Step, moment: str | None = None) -> None:
        """Remember the step (and moment) the person is on; the caller saves.

        Another step forgets where the cursor was on the last one.
        """
        session = self.draft.session
        if session.step != step:
            session.focus = session.cursor = None
        session.step = step
        if moment is not None:
            self.draft.session.moment = moment

    # Moments ------------------------------------------------------------------------
    @property
    def moments(self) -> list[Moment]:
        """The moments in the person's order."""
        return self.draft.account.moments

    def moment(self, moment_id: str) -> Moment:
        """The moment with this id."""
        found = self.draft.account.moment(moment_id)
        if found is None:
            raise KeyError(moment_id)
        return found

    def add_moment(self, after: str | None = None) -> Moment:
        """A new empty moment, after `after` (or at the end); refused past MAX_ENTRIES."""
        if len(self.moments) >= MAX_ENTRIES:
            raise SecondstoryError(
                f"An account holds at most {MAX_ENTRIES:,} moments, so no new one was added."
            )
        moment = Moment(id=self.draft.account.next_moment_id())
        index = self._index(after) + 1 if after else len(self.moments)
        self.moments.insert(index, moment)
        self.draft.session.moment = moment.id
        self.changed()
        return moment

    def delete_moment(self, moment_id: str) -> str | None:
        """Remove a moment; returns the id of the moment to show next."""
        index = self._index(moment_id)
        del self.moments[index]
        self.changed()
        if not self.moments:
            return None
        return self.moments[min(index, len(self.moments) - 1)].id

    def move_moment(self, moment_id: str, delta: int) -> bool:
        """Move a moment up (-1) or down (+1) in the person's order."""
        index = self._index(moment_id)
        target = index + delta
        if not 0 <= target < len(self.moments):
            return False
        moments = self.moments
        moments[index], moments[target] = moments[target], moments[index]
        self.changed()
        return True

    def _index(self, moment_id: str) -> int:
        return next(i for i, m in enumerate(self.moments) if m.id == moment_id)

    def set_text(self, moment_id: str, name: str, text: str) -> None:
        """Keep what was typed into one of the five fields."""
        if name not in TEXT_FIELDS:
            raise ValueError(name)
        moment = self.moment(moment_id)
        if getattr(moment, name) != text:
            setattr(moment, name, text)
            self.changed()

    def set_when(self, moment_id: str, text: str) -> Reading:
        """Keep the typed time and read it; raises TimeNotUnderstood (text still kept).

        Words read before keep the time they were read as: "yesterday 23:10" means the day
        it was typed, however much later the moment is opened again.
        """
        moment = self.moment(moment_id)
        if moment.when_text == (text or None) and moment.when is not None:
            return Reading(moment.when, moment.when_precision)
        if moment.when_text != text:
            moment.when_text = text or None
            self.changed()
        try:
            reading = self._read(text, moment_id)
        except TimeNotUnderstood:
            moment.when = None
            raise
        moment.when = reading.when
        moment.when_precision = reading.precision
        return reading

    def reference(self, moment_id: str) -> datetime | None:
        """What a bare time is relative to: the previous timed moment, or the incident start."""
        previous = self.moments[: self._index(moment_id)]
        for moment in reversed(previous):
            if moment.when is not None:
                return moment.when
        return self.incident.started

    # The day, when the incident has no start ------------------------------------------
    @property
    def asks_day(self) -> bool:
        """Whether to ask for the day: the incident has no start to read bare times by."""
        return self.incident.started is None

    @property
    def day(self) -> date | None:
        """The day the incident began for this person, if they gave it."""
        return self.draft.session.day

    def set_day(self, text: str, now: datetime | None = None) -> date | None:
        """Keep the day typed (empty: none); raises TimeNotUnderstood, keeping the old day.

        Times typed without a day are read again near the new one; times with a day of
        their own ("yesterday 23:10", "14 Mar 23:10") stay as they were read.
        """
        day = parse_day(text, zone=self.zone, now=now) if text.strip() else None
        if day != self.draft.session.day:
            self.draft.session.day = day
            self._reread_bare_times()
            self.changed()
        return day

    def _read(self, text: str, moment_id: str) -> Reading:
        reference = self.reference(moment_id)
        return parse_when(text, zone=self.zone, reference=reference, day=self.day)

    def _reread_bare_times(self) -> None:
        for moment in self.moments:
            try:
                words = read_words(moment.when_text or "")
                if words is None or words.date is not None:
                    continue
                reading = self._read(moment.when_text or "", moment.id)
            except TimeNotUnderstood:
                continue
            moment.when, moment.when_precision = reading.when, reading.precision

    def time_question(self, moment_id: str, now: datetime | None = None) -> str:
        """A kind question when the moment's time lies after now or far from the others."""
        moment = self.moment(moment_id)
        if moment.when is None:
            return ""
        others = [to_utc(m.when, self.zone) for m in self.moments if m.when and m is not moment]
        return time_question(to_utc(moment.when, self.zone), others, now)

    # Identity and closing -------------------------------------------------------------
    @property
    def zone(self) -> str:
        """The person's time zone."""
        return self.draft.account.timezone

    def set_identity(self, name: str, value: str) -> None:
        """Keep the author, role or time zone (zone validated by the model)."""
        account = self.draft.account
        if name == "role":
            value_or_none: str | None = value.strip() or None
            if account.role != value_or_none:
                account.role = value_or_none
                self.changed()
            return
        if getattr(account, name) != value:
            setattr(account, name, value)
            self.changed()

    def set_closing(self, name: str, text: str) -> None:
        """Keep one closing answer."""
        if name not in CLOSING_FIELDS:
            raise ValueError(name)
        closing = self.draft.account.closing
        if getattr(closing, name) != text:
            setattr(closing, name, text)
            self.changed()

    # Sharing --------------------------------------------------------------------------
    def share(self) -> Path:
        """Share a copy; returns where it went."""
        self.save()
        return share_draft(self.draft, self.share_to)

    def needs_share_reminder(self) -> bool:
        """True once: when the words changed since they were shared and no reminder came yet."""
        if self.reminded_to_share or not self.draft.changed_since_shared:
            return False
        self.reminded_to_share = True
        return True

    def withdraw(self) -> Path | None:
        """Withdraw the shared copy; returns the file removed, if any."""
        self.save()
        return withdraw_draft(self.draft)

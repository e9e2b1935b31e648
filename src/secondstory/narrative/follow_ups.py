"""What comes after the debrief: answers to questions, follow-ups, surprise marks.

Plain functions on the facilitator's notes, like `secondstory.narrative.annotate`: each
changes the notes in place and returns what it made, so a screen calls one and saves.
"""

from __future__ import annotations

from secondstory.errors import SecondstoryError
from secondstory.files.model import FollowUp, NarrativeNotes, Question
from secondstory.narrative.annotate import free_id, question
from secondstory.narrative.model import Idea, Narrative


def answer(notes: NarrativeNotes, question_id: str, text: str, by: str = "") -> Question:
    """Give a question its answer and who gave it; an answer marks it answered."""
    found = question(notes, question_id)
    found.answer = text.strip()
    found.answered_by = by.strip()
    found.resolved = bool(found.answer) or found.resolved
    return found


def add_follow_up(
    notes: NarrativeNotes, text: str, *, owner: str = "", link: str = "", source: str = ""
) -> FollowUp:
    """A new follow-up with a fresh id (f1, f2, …)."""
    if not text.strip():
        raise SecondstoryError("A follow-up needs a few words saying what is to be done")
    item = FollowUp(
        id=free_id("f", [f.id for f in notes.follow_ups]),
        text=text.strip(),
        owner=owner.strip(),
        link=link.strip(),
        source=source,
    )
    notes.follow_ups.append(item)
    return item


def follow_up(notes: NarrativeNotes, follow_up_id: str) -> FollowUp:
    """The follow-up with this id."""
    found = next((f for f in notes.follow_ups if f.id == follow_up_id), None)
    if found is None:
        raise SecondstoryError(f"There is no follow-up {follow_up_id!r} any more")
    return found


def remove_follow_up(notes: NarrativeNotes, follow_up_id: str) -> None:
    """Delete a follow-up."""
    notes.follow_ups = [f for f in notes.follow_ups if f.id != follow_up_id]


def ideas_to_follow(notes: NarrativeNotes, narrative: Narrative) -> tuple[Idea, ...]:
    """The closing "ideas" answers of the people involved that no follow-up came from yet.

    A follow-up made from an idea remembers the account, so an idea the facilitator
    shortened or split into several follow-ups still counts as followed.
    """
    taken = {f.source for f in notes.follow_ups}
    return tuple(i for i in narrative.ideas if i.part == "ideas" and i.account not in taken)


def follow_idea(notes: NarrativeNotes, idea: Idea, owner: str = "", link: str = "") -> FollowUp:
    """Make one person's idea a follow-up, remembering whose idea it was."""
    return add_follow_up(notes, idea.text, owner=owner, link=link, source=idea.account)


def toggle_surprise(notes: NarrativeNotes, narrative: Narrative, ref: str) -> bool:
    """Mark a moment as a surprise, or unmark it; True when it counts as one afterwards."""
    shown = any(s.ref == ref for s in narrative.surprises)
    notes.surprises_marked = [r for r in notes.surprises_marked if r != ref]
    notes.surprises_unmarked = [r for r in notes.surprises_unmarked if r != ref]
    if shown:
        notes.surprises_unmarked.append(ref)
    else:
        notes.surprises_marked.append(ref)
    return not shown

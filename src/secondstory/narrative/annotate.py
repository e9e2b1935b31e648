"""The facilitator's edits to narrative.toml: links, themes and questions, as plain functions.

Each function changes the notes in place and returns what it made or found, so a screen
only has to call one and save. Accounts are never touched: moments are named by ref.
"""

from __future__ import annotations

from collections.abc import Sequence

from secondstory.errors import SecondstoryError
from secondstory.files.model import Link, NarrativeNotes, Question, Theme, slugify


def confirm_link(notes: NarrativeNotes, refs: Sequence[str], note: str = "") -> Link:
    """Say these moments tell one event; joins a confirmed link that shares a moment."""
    wanted = list(dict.fromkeys(refs))
    if len(wanted) < 2:
        raise SecondstoryError("A link joins two different moments; choose another moment")
    _drop_rejections(notes, set(wanted))
    for link in notes.links:
        if link.decision == "confirmed" and set(link.moments) & set(wanted):
            link.moments = list(dict.fromkeys([*link.moments, *wanted]))
            if note.strip():
                link.note = note.strip() if not link.note else f"{link.note}\n{note.strip()}"
            return link
    link = Link(moments=wanted, decision="confirmed", note=note.strip())
    notes.links.append(link)
    return link


def reject_link(notes: NarrativeNotes, refs: Sequence[str]) -> Link:
    """Say these moments are not one event, so the merge stops suggesting them."""
    wanted = set(refs)
    for link in notes.links:
        if link.decision == "rejected" and set(link.moments) == wanted:
            return link
    link = Link(moments=list(dict.fromkeys(refs)), decision="rejected")
    notes.links.append(link)
    return link


def forget_link(notes: NarrativeNotes, refs: Sequence[str]) -> bool:
    """Undo a decision: drop the link holding all of `refs`. False if there was none."""
    wanted = set(refs)
    for index, link in enumerate(notes.links):
        if wanted and wanted <= set(link.moments):
            del notes.links[index]
            return True
    return False


def _drop_rejections(notes: NarrativeNotes, wanted: set[str]) -> None:
    notes.links = [
        link
        for link in notes.links
        if not (link.decision == "rejected" and set(link.moments) <= wanted)
    ]


def rejected_links(notes: NarrativeNotes) -> list[Link]:
    """The suggestions the facilitator said are not one event."""
    return [link for link in notes.links if link.decision == "rejected"]


def add_theme(notes: NarrativeNotes, title: str, moments: Sequence[str] = ()) -> Theme:
    """A new theme (contributing condition) with a fresh id."""
    if not title.strip():
        raise SecondstoryError("A theme needs a few words for its name")
    used = {theme.id for theme in notes.themes}
    base = slugify(title)[:40].strip("-") or "theme"
    theme_id, n = base, 2
    while theme_id in used:
        theme_id, n = f"{base}-{n}", n + 1
    theme = Theme(id=theme_id, title=title.strip(), moments=list(dict.fromkeys(moments)))
    notes.themes.append(theme)
    return theme


def theme(notes: NarrativeNotes, theme_id: str) -> Theme:
    """The theme with this id."""
    found = next((t for t in notes.themes if t.id == theme_id), None)
    if found is None:
        raise SecondstoryError(f"There is no theme {theme_id!r} any more")
    return found


def toggle_in_theme(notes: NarrativeNotes, theme_id: str, ref: str) -> bool:
    """Put a moment in a theme, or take it out; True when it is in afterwards."""
    chosen = theme(notes, theme_id)
    if ref in chosen.moments:
        chosen.moments = [r for r in chosen.moments if r != ref]
        return False
    chosen.moments = [*chosen.moments, ref]
    return True


def remove_theme(notes: NarrativeNotes, theme_id: str) -> None:
    """Delete a theme (the moments themselves stay where they are)."""
    notes.themes = [t for t in notes.themes if t.id != theme_id]


def themes_of(notes: NarrativeNotes, ref: str) -> list[Theme]:
    """The themes a moment is in."""
    return [t for t in notes.themes if ref in t.moments]


def add_question(notes: NarrativeNotes, text: str, moments: Sequence[str] = ()) -> Question:
    """A new open question, optionally about some moments."""
    if not text.strip():
        raise SecondstoryError("A question needs some words")
    found = Question(
        id=free_id("q", [q.id for q in notes.questions]),
        text=text.strip(),
        moments=list(dict.fromkeys(moments)),
    )
    notes.questions.append(found)
    return found


def question(notes: NarrativeNotes, question_id: str) -> Question:
    """The question with this id."""
    found = next((q for q in notes.questions if q.id == question_id), None)
    if found is None:
        raise SecondstoryError(f"There is no question {question_id!r} any more")
    return found


def remove_question(notes: NarrativeNotes, question_id: str) -> None:
    """Delete a question."""
    notes.questions = [q for q in notes.questions if q.id != question_id]


def questions_of(notes: NarrativeNotes, ref: str) -> list[Question]:
    """The questions about a moment."""
    return [q for q in notes.questions if ref in q.moments]


def free_id(prefix: str, used: list[str]) -> str:
    """The first of prefix+1, prefix+2… from the list's length on that is not taken."""
    taken = set(used)
    n = len(used) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"

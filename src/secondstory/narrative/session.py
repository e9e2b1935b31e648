"""A facilitator's session on one incident: the notes being written and the merged narrative.

Plain Python, so the screens stay thin and the whole flow is testable headless. The notes
in memory are the facilitator's truth; accounts are re-read on request and merged again.
A narrative.toml that cannot be read is never written over: the session becomes read-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from secondstory.errors import FileProblem
from secondstory.files.incidents import NARRATIVE_FILE, incident_folder, save_notes
from secondstory.files.model import NarrativeNotes, slugify
from secondstory.files.storage import read_model
from secondstory.narrative.merge import merge
from secondstory.narrative.model import Narrative
from secondstory.narrative.sources import Sources, load_sources


@dataclass
class Facilitation:
    """What the facilitator has open: the folder, their notes, the accounts and the merge."""

    folder: Path
    """The incident folder."""
    notes: NarrativeNotes
    """The facilitator's notes, edited in place and saved to narrative.toml."""
    sources: Sources
    """The shared accounts as last read."""
    narrative: Narrative
    """The merge of `sources` with the notes as they were at the last merge."""
    notes_problem: str | None = None
    """Why narrative.toml could not be read; while set, nothing is written to it."""
    unsaved: bool = field(default=False)
    """True when the notes changed since they were last written."""

    @classmethod
    def open(cls, folder: Path) -> Facilitation:
        """Read the incident's accounts and notes and merge them."""
        folder = incident_folder(folder)
        sources = read_accounts(folder)
        notes, problem = _read_notes(folder, sources)
        return cls(folder, notes, sources, merge_with(sources, notes), problem)

    @property
    def writable(self) -> bool:
        """Whether the notes may be saved."""
        return self.notes_problem is None

    def changed(self) -> None:
        """Record that the notes were edited."""
        self.unsaved = True

    def save(self) -> bool:
        """Write narrative.toml atomically if anything changed; True when written."""
        if not self.unsaved or not self.writable:
            return False
        save_notes(self.folder, self.notes)
        self.unsaved = False
        return True

    def snapshot(self) -> NarrativeNotes:
        """A copy of the notes, safe to merge with in another thread."""
        return self.notes.model_copy(deep=True)

    def current(self) -> Narrative:
        """The narrative merged with the notes as they are now, saved or not."""
        return merge_with(self.sources, self.snapshot())


def read_accounts(folder: Path) -> Sources:
    """The incident's shared accounts, with unreadable files listed as skipped."""
    sources = load_sources([folder])
    # The notes are the session's own; a problem with them is reported on its own.
    sources.skipped = [s for s in sources.skipped if s.path.name != NARRATIVE_FILE]
    return sources


def merge_with(sources: Sources, notes: NarrativeNotes) -> Narrative:
    """The narrative of these accounts with these notes."""
    return merge(
        sources.accounts,
        notes,
        sources.incident,
        paths=sources.paths,
        skipped=sources.skipped,
        duplicates=sources.duplicates,
        evidence=sources.evidence,
    )


def _read_notes(folder: Path, sources: Sources) -> tuple[NarrativeNotes, str | None]:
    incident_id = sources.incident_id() or _fallback_id(folder)
    path = folder / NARRATIVE_FILE
    if not (path.is_symlink() or path.exists()):
        return NarrativeNotes(incident=incident_id), None
    try:
        notes = read_model(path, NarrativeNotes, "secondstory.narrative", follow_symlinks=False)
        return notes, None
    except FileProblem as problem:
        return NarrativeNotes(incident=incident_id), problem.reason


def _fallback_id(folder: Path) -> str:
    return slugify(folder.name)


def account_changes(before: Narrative, after: Narrative) -> list[str]:
    """What a reload brought, in a few kind words per account."""
    old = {p.account: p for p in before.participants}
    new = {p.account: p for p in after.participants}
    lines = []
    for account, person in new.items():
        if account not in old:
            lines.append(f"{person.author} shared their account")
        elif person.updated != old[account].updated:
            lines.append(f"{person.author} updated their account")
    lines += [f"{p.author}'s account is no longer shared" for a, p in old.items() if a not in new]
    return lines

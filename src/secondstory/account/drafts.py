"""Private drafts: an account in progress, where the person left off, sharing and withdrawing.

A draft is an ordinary account file (status "draft") in the person's own data folder,
folder 0700 and files 0600, beside a small session file that remembers the step and
moment they were on and where the cursor was. Sharing writes a copy into the incident
folder; the draft stays.

One window at a time: `lock_draft` holds `<account>.lock` while a draft is open, and a
second window is told where it is open. Should two writers meet anyway (a lock that
does not work on some network file system), a save never replaces words it did not
load: the draft remembers a fingerprint of the file it read or last wrote, and when the
file on disk is another, this window's words are kept as a separate draft beside it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field

from secondstory.errors import FileProblem, NewerFormat, SecondstoryError
from secondstory.files.incidents import can_write_accounts, shared_account_path
from secondstory.files.locks import Locked, hold
from secondstory.files.model import (
    Account,
    AccountId,
    FileModel,
    Incident,
    Instant,
    account_file_name,
    new_account_id,
    now_utc,
)
from secondstory.files.paths import drafts_dir, ensure_private_dir
from secondstory.files.shared import remove_own, write_own_copy
from secondstory.files.storage import (
    clean_leftovers,
    dump_toml,
    holds,
    parse_model,
    parse_toml,
    read_bytes,
    read_model,
    set_aside,
    write_if_changed,
)

Step = Literal["opening", "identity", "moments", "closing", "review", "share"]
STEPS: tuple[Step, ...] = ("opening", "identity", "moments", "closing", "review", "share")


class Session(FileModel):
    """Where the person left off, and what they chose; never shared."""

    format: int = 1
    """File format version."""
    kind: Literal["secondstory.session"] = "secondstory.session"
    """Always secondstory.session."""
    account: AccountId
    """The draft this belongs to."""
    incident_folder: str | None = None
    """The incident folder to share into, if known."""
    incident_title: str = ""
    """The incident's title, to list drafts without opening the folder."""
    step: Step = "opening"
    """The interview step they were on."""
    moment: str | None = None
    """The moment they were on."""
    focus: str | None = None
    """The answer the cursor was in on that step, by field name or box id."""
    cursor: list[int] | None = None
    """Where the cursor was in that answer: [row, column]."""
    shared_to: str | None = None
    """Where the latest shared copy was written."""
    shared_at: Instant | None = None
    """When they last shared."""
    shared_digest: str | None = None
    """A fingerprint of the words as last shared, to tell whether they changed since."""
    day: date | None = None
    """The day the incident began for them, asked when the incident has no start:
    a time typed without a day is read near it."""
    dismissed: list[str] = Field(default_factory=list)
    """Language notes they dismissed, as "rule:words"."""
    nudges: bool = True
    """Whether language notes are shown."""


@dataclass
class Draft:
    """An account in progress with its session."""

    account: Account
    session: Session
    on_disk: str | None = field(default=None, compare=False)
    """Fingerprint of the account file as this process last read or wrote it."""

    @property
    def path(self) -> Path:
        """The draft's account file."""
        return draft_path(self.account.account)

    @property
    def changed_since_shared(self) -> bool:
        """Shared before, and what would be shared now differs from that copy."""
        if self.session.shared_at is None:
            return False
        if self.session.shared_digest is None:  # shared by a version that kept no digest
            return self.account.updated > self.session.shared_at
        return content_digest(self.account) != self.session.shared_digest


def content_digest(account: Account) -> str:
    """A fingerprint of everything a shared copy says, apart from its times and status."""
    import hashlib

    moments = [m.model_dump(mode="json") for m in account.moments if not m.is_empty()]
    data = account.model_dump(mode="json", exclude={"updated", "status", "moments"})
    data["moments"] = moments
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def draft_path(account_id: str) -> Path:
    """The private account file of a draft."""
    return _draft_file(account_id, ".toml")


def session_path(account_id: str) -> Path:
    """The private session file of a draft."""
    return _draft_file(account_id, ".session.toml")


def _draft_file(account_id: str, suffix: str) -> Path:
    try:
        return drafts_dir() / account_file_name(account_id, suffix)
    except ValueError:
        raise FileProblem(
            drafts_dir() / f"{account_id}{suffix}",
            "is not named for an account id (32 hex characters), so it is not read",
        ) from None


def lock_path(account_id: str) -> Path:
    """The lock file held while a draft is open in a window."""
    return drafts_dir() / f"{account_id}.lock"


class DraftOpenElsewhere(SecondstoryError):
    """The draft is open in another secondstory window."""


def lock_draft(draft: Draft) -> None:
    """Hold this draft for this process; raise DraftOpenElsewhere if a window has it."""
    ensure_private_dir(drafts_dir())
    try:
        hold(lock_path(draft.account.account))
    except Locked as locked:
        title = draft.session.incident_title or draft.account.incident
        where = f" ({locked.holder.describe()})" if locked.holder else ""
        raise DraftOpenElsewhere(
            f"Your draft for {title} is open in another secondstory window{where}. "
            "Close that window first; your words are all there when you open it here again. "
            "A window whose connection dropped closes by itself. "
            "For a separate account meanwhile, press n on the home screen."
        ) from None


def _fingerprint(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _on_disk(path: Path) -> str | None:
    """Fingerprint of the file at `path` now, or None when there is none."""
    try:
        return _fingerprint(read_bytes(path, follow_symlinks=False))
    except FileProblem:
        return None if not (path.exists() or path.is_symlink()) else "unreadable"


def start_draft(incident: Incident, folder: Path | None, zone: str | None = None) -> Draft:
    """A new, empty draft for an incident, saved at once."""
    stamp = now_utc()
    account = Account(
        incident=incident.id,
        account=new_account_id(),
        timezone=zone or incident.timezone,
        created=stamp,
        updated=stamp,
    )
    session = Session(
        account=account.account,
        incident_folder=str(folder.resolve()) if folder else None,
        incident_title=incident.title,
    )
    draft = Draft(account, session)
    save_draft(draft, touch=False)
    return draft


def save_draft(draft: Draft, *, touch: bool = True) -> str | None:
    """Write the draft and its session atomically; `touch` (something changed) stamps `updated`.

    Returns None, or a sentence for the person when the file on disk was not the one this
    draft came from: then nothing is written over it. With changes (`touch`), they are
    kept as a new draft of their own; without, there was nothing of ours to keep.
    """
    notice, writes = plan_draft_save(draft, touch=touch)
    writes()
    return notice


@dataclass(frozen=True)
class DraftWrites:
    """The bytes of one save, taken in one instant, to be written by `__call__`: at once,
    or in a thread so the disk's wait (fsync) never holds up the keys."""

    files: tuple[tuple[Path, bytes], ...] = ()
    """The account, then its session; none when nothing of ours is to be written."""

    def __call__(self) -> None:
        """Write each file atomically, in order; a file that holds the bytes already stays."""
        for path, raw in self.files:
            write_if_changed(path, raw)


def plan_draft_save(draft: Draft, *, touch: bool = True) -> tuple[str | None, DraftWrites]:
    """Everything `save_draft` does but the writing: the sentence for the person, if any,
    and the writes. Nothing may write the draft's files between this and those writes
    (the check against another window reads them)."""
    ensure_private_dir(drafts_dir())
    notice = None
    if _on_disk(draft.path) != draft.on_disk:
        if not touch:
            left = (
                "Your draft was changed in another window since this one opened it; "
                "it was left as that window wrote it."
            )
            return left, DraftWrites()
        other = draft.path
        _become_separate(draft)
        notice = (
            f"Your draft was changed in another window since this one opened it ({other}). "
            "Both are kept: that version stays as it is, and what you wrote here is saved "
            "as a separate draft, listed on the home screen."
        )
    if draft.account.status != "draft":  # written by a version that marked drafts shared
        draft.account.status = "draft"
    path = draft_path(draft.account.account)
    if touch and not holds(path, dump_toml(draft.account)):  # unchanged: keep its time
        draft.account.updated = max(now_utc(), draft.account.created)
    raw = dump_toml(draft.account, path)
    draft.on_disk = _fingerprint(raw)
    where = session_path(draft.account.account)
    return notice, DraftWrites(((path, raw), (where, dump_toml(draft.session, where))))


def _become_separate(draft: Draft) -> None:
    """Give a draft a new id of its own: it is no longer the account that was shared."""
    new_id = new_account_id()
    draft.account.account = new_id
    draft.session.account = new_id
    draft.session.shared_to = draft.session.shared_at = draft.session.shared_digest = None
    draft.on_disk = None
    hold(lock_path(new_id))


def load_draft(account_id: str) -> Draft:
    """Read a draft and its session.

    A missing session starts fresh; a damaged one is kept aside under another name first.
    One from a newer secondstory makes the whole draft unreadable here, so neither file is
    ever rewritten by a version that does not understand it.
    """
    where = draft_path(account_id)
    raw = read_bytes(where, follow_symlinks=False)
    account = parse_model(where, parse_toml(where, raw), Account, "secondstory.account")
    if account.account != account_id:
        raise FileProblem(
            where,
            f"holds account {account.account}, but a draft is named after its account; "
            f"it was left as it is (renaming it {account.account}.toml makes it a draft again)",
        )
    path = session_path(account_id)
    try:
        session = read_model(path, Session, "secondstory.session", follow_symlinks=False)
    except NewerFormat:
        raise
    except FileProblem:
        if path.exists():
            set_aside(path)
        session = Session(account=account_id, incident_folder=_known_folder(account.incident))
    if session.account != account_id:
        raise FileProblem(path, f"belongs to account {session.account}, not {account_id}")
    return Draft(account, session, on_disk=_fingerprint(raw))


def _known_folder(incident_id: str) -> str | None:
    from secondstory.files.incidents import known_incidents

    folder = known_incidents().get(incident_id)
    return str(folder) if folder is not None else None


def list_drafts() -> tuple[list[Draft], list[FileProblem]]:
    """Every draft, newest first, and the files that could not be read."""
    folder = drafts_dir()
    if not folder.is_dir():
        return [], []
    clean_leftovers(folder)  # what writes cut short by a crash left behind
    drafts: list[Draft] = []
    problems: list[FileProblem] = []
    for path in sorted(folder.glob("*.toml")):
        if path.name.endswith(".session.toml"):
            continue
        try:
            drafts.append(load_draft(path.stem))
        except FileProblem as problem:
            problems.append(problem)
    drafts.sort(key=lambda d: d.account.updated, reverse=True)
    return drafts, problems


def drafts_for(incident_id: str) -> list[Draft]:
    """This person's drafts for one incident, newest first."""
    return [d for d in list_drafts()[0] if d.account.incident == incident_id]


def latest_or_new(incident: Incident, folder: Path | None) -> tuple[Draft, str | None]:
    """The newest draft for an incident, or a new one; with a sentence when one is new
    although an earlier draft could not be read (it may have been theirs)."""
    drafts, problems = list_drafts()
    mine = [d for d in drafts if d.account.incident == incident.id]
    if mine:
        return mine[0], None
    draft = start_draft(incident, folder)
    if not problems:
        return draft, None
    unread = "; ".join(str(problem) for problem in problems)
    return draft, (
        f"An earlier draft could not be read, so this is a new one. It was left as it is: {unread}"
    )


def shareable(account: Account) -> Account:
    """The copy that is shared: moments with no words left out, status shared."""
    moments = [m for m in account.moments if not m.is_empty()]
    data = account.model_dump(exclude_none=True)
    data.update(status="shared", moments=[m.model_dump(exclude_none=True) for m in moments])
    try:
        return Account.model_validate(data, strict=False)
    except ValueError as exc:
        raise SecondstoryError(f"This account cannot be shared yet: {exc}") from None


def share_draft(draft: Draft, to: Path | None = None) -> Path:
    """Write the shared copy into the incident's accounts/ folder, or to `to`."""
    if not draft.account.author.strip():
        raise SecondstoryError("Please add the name you'd like to be known by before sharing.")
    target = to or _incident_target(draft)
    copy = shareable(draft.account)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(target.parent, target=target.name)  # an earlier share cut short
    write_own_copy(target, copy)  # unchanged since last shared: the file is left as it is
    # The private draft stays a draft (it may hold empty moments a shared copy may not);
    # the session remembers that, and where, it was shared.
    draft.session.shared_to = str(target.resolve())
    draft.session.shared_at = draft.account.updated
    draft.session.shared_digest = content_digest(draft.account)
    save_draft(draft, touch=False)
    return target


def _incident_target(draft: Draft) -> Path:
    folder = draft.session.incident_folder
    if not folder:
        raise SecondstoryError(
            "This draft doesn't know its incident folder; share it to a file with --to FILE."
        )
    if not can_write_accounts(Path(folder)):
        raise SecondstoryError(
            f"You can't write to {Path(folder) / 'accounts'}; share it to a file to hand over."
        )
    return shared_account_path(Path(folder), draft.account.account)


def withdraw_draft(draft: Draft) -> Path | None:
    """Remove the shared copy this person wrote, if it is still where they put it."""
    removed: Path | None = None
    target = Path(draft.session.shared_to) if draft.session.shared_to else None
    ours = target is not None and target.exists() and _is_copy_of(target, draft.account.account)
    if target is not None and ours and remove_own(target):  # never someone else's file
        removed = target
    if target is not None:  # and any copy a share cut short left beside it
        clean_leftovers(target.parent, target=target.name)
    draft.session.shared_to = None
    draft.session.shared_at = None
    draft.session.shared_digest = None
    save_draft(draft)
    return removed


def _is_copy_of(path: Path, account_id: str) -> bool:
    try:
        account = read_model(path, Account, "secondstory.account", follow_symlinks=False)
        return account.account == account_id
    except FileProblem:
        return False  # not a file we can recognise as ours: leave it alone


def delete_draft(draft: Draft) -> None:
    """Remove a draft and its session from this person's data folder.

    Refused (DraftOpenElsewhere) while another window has the draft open.
    """
    lock_draft(draft)
    account_id = draft.account.account
    for path in (draft_path(account_id), session_path(account_id)):
        if path.exists():
            os.unlink(path)

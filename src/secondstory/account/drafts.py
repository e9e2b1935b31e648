"""Private drafts: an account in progress, where the person left off, sharing and withdrawing.

A draft is an ordinary account file (status "draft") in the person's own data folder,
folder 0700 and files 0600, beside a small session file that remembers the step and
moment they were on. Sharing writes a copy into the incident folder; the draft stays.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from secondstory.errors import FileProblem, NewerFormat, SecondstoryError
from secondstory.files.incidents import can_write_accounts, shared_account_path
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
from secondstory.files.storage import SHARED_FILE, read_model, set_aside, write_model

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
    shared_to: str | None = None
    """Where the latest shared copy was written."""
    shared_at: Instant | None = None
    """When they last shared."""
    shared_digest: str | None = None
    """A fingerprint of the words as last shared, to tell whether they changed since."""
    dismissed: list[str] = Field(default_factory=list)
    """Language notes they dismissed, as "rule:words"."""
    nudges: bool = True
    """Whether language notes are shown."""


@dataclass
class Draft:
    """An account in progress with its session."""

    account: Account
    session: Session

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


def save_draft(draft: Draft, *, touch: bool = True) -> None:
    """Write the draft and its session atomically; `touch` stamps `updated`."""
    ensure_private_dir(drafts_dir())
    if draft.account.status != "draft":  # written by a version that marked drafts shared
        draft.account.status = "draft"
    if touch:
        draft.account.updated = max(now_utc(), draft.account.created)
    write_model(draft_path(draft.account.account), draft.account)
    write_model(session_path(draft.account.account), draft.session)


def load_draft(account_id: str) -> Draft:
    """Read a draft and its session.

    A missing session starts fresh; a damaged one is kept aside under another name first.
    One from a newer secondstory makes the whole draft unreadable here, so neither file is
    ever rewritten by a version that does not understand it.
    """
    account = read_model(draft_path(account_id), Account, "secondstory.account")
    path = session_path(account_id)
    try:
        session = read_model(path, Session, "secondstory.session")
    except NewerFormat:
        raise
    except FileProblem:
        if path.exists():
            set_aside(path)
        session = Session(account=account_id, incident_folder=_known_folder(account.incident))
    return Draft(account, session)


def _known_folder(incident_id: str) -> str | None:
    from secondstory.files.incidents import known_incidents

    folder = known_incidents().get(incident_id)
    return str(folder) if folder is not None else None


def list_drafts() -> tuple[list[Draft], list[FileProblem]]:
    """Every draft, newest first, and the files that could not be read."""
    folder = drafts_dir()
    if not folder.is_dir():
        return [], []
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
    write_model(target, copy, SHARED_FILE)
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
    if target is not None and target.exists() and _is_copy_of(target, draft.account.account):
        os.unlink(target)
        removed = target
    draft.session.shared_to = None
    draft.session.shared_at = None
    draft.session.shared_digest = None
    save_draft(draft)
    return removed


def _is_copy_of(path: Path, account_id: str) -> bool:
    try:
        return read_model(path, Account, "secondstory.account").account == account_id
    except FileProblem:
        return False  # not a file we can recognise as ours: leave it alone


def delete_draft(draft: Draft) -> None:
    """Remove a draft and its session from this person's data folder."""
    for path in (draft_path(draft.account.account), session_path(draft.account.account)):
        if path.exists():
            os.unlink(path)

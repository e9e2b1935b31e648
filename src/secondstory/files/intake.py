"""Accounts handed over as files (scp, a USB stick, a repository), added to an incident folder.

A file is added only when it is a shared account of this incident. It goes to
`accounts/<account>.toml`, so it can only ever meet another copy of the same account: a
newer copy replaces an older one, an older copy never replaces a newer, and a file there
that holds something else, or cannot be read, is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from secondstory.errors import FileProblem
from secondstory.files.incidents import load_incident, shared_account_path
from secondstory.files.model import Account
from secondstory.files.shared import write_own_copy
from secondstory.files.storage import read_model

ACCOUNT_KIND = "secondstory.account"
How = Literal["added", "replaced", "unchanged"]


@dataclass(frozen=True, slots=True)
class Added:
    """One account file taken into an incident folder."""

    source: Path
    """The file that was handed over."""
    target: Path
    """Where it now is, in accounts/."""
    author: str
    """Whose account it is, as they chose to be named."""
    how: How
    """added (new), replaced (a newer copy of the same account) or unchanged."""


def add_account_file(folder: Path, source: Path) -> Added:
    """Validate `source` and copy it into the incident's accounts/, or say why not."""
    incident = load_incident(folder)
    account = read_model(source, Account, ACCOUNT_KIND)
    if account.status != "shared":
        raise FileProblem(source, "is a draft; only an account its author has shared is added")
    if account.incident != incident.id:
        raise FileProblem(
            source, f"is an account of incident {account.incident!r}, not {incident.id!r}"
        )
    target = shared_account_path(folder, account.account)
    how: How = _replacing(source, target, account) if target.exists() else "added"
    written = write_own_copy(target, account)
    return Added(source, target, account.author, how if written else "unchanged")


def _replacing(source: Path, target: Path, account: Account) -> How:
    """Whether `account` may take the place of the file already at `target`."""
    try:
        there = read_model(target, Account, ACCOUNT_KIND)
    except FileProblem as problem:
        raise FileProblem(
            source, f"{target} is already there and cannot be read ({problem.reason}); it was left"
        ) from None
    if there.account != account.account:
        raise FileProblem(source, f"{target} holds a different account; it was left as it is")
    if there.updated > account.updated:
        raise FileProblem(
            source, f"is older than the copy already in {target}; that newer copy was kept"
        )
    return "replaced"

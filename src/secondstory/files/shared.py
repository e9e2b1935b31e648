"""Incident folders on a shared host: a group folder, and each person's own files in it.

On a host with many users the incident folder belongs to the facilitator and to a group of
the people taking part. `accounts/` is setgid (new files take the folder's group) and
sticky (only a file's owner may replace or remove it): everyone in the group can share
into it, the group can read every account, and nobody can change someone else's. Shared
files are written 0640 there (see `storage.atomic_write`). docs/shared-hosts.md has the
commands.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from pydantic import BaseModel

from secondstory.errors import SecondstoryError
from secondstory.files.storage import SHARED_FILE, write_model

GROUP_INCIDENT_DIR = 0o2750
"""The facilitator writes; the group reads and enters; new files take the group."""
GROUP_ACCOUNTS_DIR = 0o3770
"""The group adds files; only a file's owner replaces or removes it (the sticky bit)."""


def is_group_folder(folder: Path) -> bool:
    """Whether `folder` hands its group to new files (setgid)."""
    try:
        return bool(folder.stat().st_mode & stat.S_ISGID)
    except OSError:
        return False


def group_id(name: str) -> int:
    """The id of the Unix group `name`, or one line saying how to create it."""
    try:
        import grp
    except ImportError:  # Windows: no Unix groups
        raise SecondstoryError("--group needs a Unix host with groups") from None
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        raise SecondstoryError(
            f"There is no group called {name!r} on this host; "
            f"create it first (sudo groupadd {name}) and add the people taking part"
        ) from None


def group_name(folder: Path) -> str:
    """The name of the group `folder` belongs to (its number when it has no name)."""
    gid = folder.stat().st_gid
    try:
        import grp

        return grp.getgrgid(gid).gr_name
    except (ImportError, KeyError):
        return str(gid)


def make_group_folders(folder: Path, accounts: Path, group: str | None) -> None:
    """Give the incident folder and its accounts/ to a group, with the modes above.

    Without a `group` they keep the one they inherited from a setgid parent.
    """
    gid = group_id(group) if group is not None else None
    for path, mode in ((folder, GROUP_INCIDENT_DIR), (accounts, GROUP_ACCOUNTS_DIR)):
        if gid is not None:
            try:
                os.chown(path, -1, gid)
            except PermissionError:
                raise SecondstoryError(
                    f"{path} could not be given to the group {group!r}: you are not in it "
                    f"(sudo usermod -aG {group} $USER, then log in again)"
                ) from None
        os.chmod(path, mode)


def owned_by_someone_else(path: Path) -> bool:
    """Whether `path` exists and belongs to another user."""
    getuid = getattr(os, "geteuid", None)
    if getuid is None:  # Windows: files have no Unix owner
        return False
    try:
        return bool(path.lstat().st_uid != getuid())
    except FileNotFoundError:
        return False


def write_own_copy(path: Path, model: BaseModel) -> bool:
    """Write a shared file, never over one that someone else wrote; False when unchanged.

    A first share only ever creates the file: if the same name appeared in the meantime,
    it is looked at again rather than replaced.
    """
    refused = f"{path} was written by someone else; it was left as it is"
    if owned_by_someone_else(path):
        raise SecondstoryError(refused)
    try:
        if not path.exists():
            try:
                return write_model(path, model, SHARED_FILE, new=True)
            except FileExistsError:
                if owned_by_someone_else(path):
                    raise SecondstoryError(refused) from None
        return write_model(path, model, SHARED_FILE)
    except PermissionError:
        if path.exists():  # a sticky folder refused to replace another's file
            raise SecondstoryError(refused) from None
        raise


def remove_own(path: Path) -> bool:
    """Remove `path` if it is this person's own file; someone else's is left alone."""
    if owned_by_someone_else(path):
        return False
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
        return True
    return False

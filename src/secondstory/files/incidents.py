"""Incident folders: incident.toml, the shared accounts/ and the facilitator's narrative.toml."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import tomli_w

from secondstory.errors import FileProblem, NotFound, SecondstoryError
from secondstory.files.model import (
    Incident,
    NarrativeNotes,
    account_file_name,
    now_utc,
    slugify,
)
from secondstory.files.paths import ensure_private_dir, known_incidents_file
from secondstory.files.shared import group_id, is_group_folder, make_group_folders
from secondstory.files.storage import (
    SHARED_FILE,
    atomic_write,
    dump_toml,
    holds,
    parse_toml,
    read_bytes,
    read_model,
    set_aside,
    write_model,
)

INCIDENT_FILE = "incident.toml"
ACCOUNTS_DIR = "accounts"
NARRATIVE_FILE = "narrative.toml"


def incident_folder(path: Path) -> Path:
    """The incident folder for a folder or its incident.toml."""
    return path.parent if path.name == INCIDENT_FILE else path


def load_incident(folder: Path) -> Incident:
    """Read a folder's incident.toml."""
    folder = incident_folder(folder)
    path = folder / INCIDENT_FILE
    if not (path.exists() or path.is_symlink()):
        raise NotFound(f"{folder} is not an incident folder (it has no {INCIDENT_FILE})")
    return read_model(path, Incident, "secondstory.incident", follow_symlinks=False)


def create_incident(
    title: str,
    *,
    parent: Path,
    timezone: str = "UTC",
    started: datetime | None = None,
    facilitator: str = "",
    description: str = "",
    group: str | None = None,
    facts: dict[str, str | list[str]] | None = None,
) -> Path:
    """Create `parent/<id>/` with incident.toml and an empty accounts/ folder.

    With a `group`, or inside a setgid folder, the incident is set up for a shared host
    (`shared.make_group_folders`). `facts` are the optional incident facts (impact,
    detected, duration, services).
    """
    if not title.strip():
        raise SecondstoryError("An incident needs a title, like --title 'Database outage'")
    try:
        incident = Incident(
            id=slugify(title),
            title=title.strip(),
            timezone=timezone,
            started=started,
            facilitator=facilitator,
            description=description,
        )
        if facts:
            incident = Incident.model_validate({**incident.model_dump(), **facts})
    except ValueError as exc:
        raise SecondstoryError(_first_error(exc)) from None
    if group is not None:
        group_id(group)  # a group that does not exist is said before anything is made
    folder = parent / incident.id
    if (folder / INCIDENT_FILE).exists():
        raise SecondstoryError(f"{folder} already holds an incident; it was left as it is")
    (folder / ACCOUNTS_DIR).mkdir(parents=True, exist_ok=True)
    if group is not None or is_group_folder(parent):
        make_group_folders(folder, folder / ACCOUNTS_DIR, group)
    write_model(folder / INCIDENT_FILE, incident, SHARED_FILE)
    remember_incident(incident.id, folder)
    return folder


def _first_error(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        return str(first["msg"]).removeprefix("Value error, ")
    return str(exc)


def accounts_dir(folder: Path) -> Path:
    """Where shared accounts of an incident live."""
    return incident_folder(folder) / ACCOUNTS_DIR


def shared_account_path(folder: Path, account_id: str) -> Path:
    """The file a shared account is written to."""
    try:
        return accounts_dir(folder) / account_file_name(account_id)
    except ValueError as exc:
        raise SecondstoryError(str(exc)) from None


def load_notes(folder: Path, incident_id: str) -> NarrativeNotes:
    """The facilitator's narrative.toml, or empty notes when there is none yet."""
    path = incident_folder(folder) / NARRATIVE_FILE
    if not (path.exists() or path.is_symlink()):
        return NarrativeNotes(incident=incident_id)
    return read_model(path, NarrativeNotes, "secondstory.narrative", follow_symlinks=False)


def save_notes(folder: Path, notes: NarrativeNotes) -> None:
    """Write narrative.toml atomically, stamping when it changed; unchanged, it is left alone."""
    path = incident_folder(folder) / NARRATIVE_FILE
    if holds(path, dump_toml(notes)):
        return
    notes.updated = now_utc()
    write_model(path, notes, SHARED_FILE)


def known_incidents() -> dict[str, Path]:
    """Incident ids this person has created or opened, with their folders."""
    return _read_known()[0]


def _read_known() -> tuple[dict[str, Path], bool]:
    """The remembered incidents, and whether the list may be written."""
    path = known_incidents_file()
    if not path.exists():
        return {}, True
    try:
        data = parse_toml(path, read_bytes(path, follow_symlinks=False))
        folders = data.get("incidents", {})
        if not isinstance(folders, dict):
            raise ValueError("incidents is not a table")
    except (FileProblem, ValueError):
        # A damaged list only costs the shortcut: it is kept aside, never written over,
        # and a new one is built as incidents are opened.
        try:
            set_aside(path)
        except OSError:
            return {}, False
        return {}, True
    known = {k: Path(v) for k, v in folders.items() if isinstance(v, str)}
    version = data.get("format", 1)
    newer = not isinstance(version, int) or version > 1
    return known, not newer  # a newer secondstory's list is read, never rewritten


def remember_incident(incident_id: str, folder: Path) -> None:
    """Record an incident folder so it can later be named by its id."""
    known, writable = _read_known()
    resolved = folder.resolve()
    if known.get(incident_id) == resolved or not writable:
        return
    known[incident_id] = resolved
    ensure_private_dir(known_incidents_file().parent)
    data = {
        "format": 1,
        "kind": "secondstory.known",
        "incidents": {k: str(v) for k, v in known.items()},
    }
    atomic_write(known_incidents_file(), tomli_w.dumps(data).encode())


def resolve_incident(name: str) -> Path:
    """An incident folder from a path or an id this person has used before."""
    path = Path(name).expanduser()
    if path.exists():
        folder = incident_folder(path)
        if not (folder / INCIDENT_FILE).exists():
            raise NotFound(f"{folder} is not an incident folder (it has no {INCIDENT_FILE})")
        return folder
    known = known_incidents().get(name)
    if known is not None and (known / INCIDENT_FILE).exists():
        return known
    raise NotFound(
        f"No incident folder called {name!r} here or among the ones you have opened; "
        "give the folder's path, or create one with: secondstory incident new --title ..."
    )


def can_write_accounts(folder: Path) -> bool:
    """Whether this person may add a file to the incident's accounts/ folder."""
    target = accounts_dir(folder)
    return os.access(target if target.exists() else incident_folder(folder), os.W_OK)

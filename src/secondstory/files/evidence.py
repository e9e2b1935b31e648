"""Evidence beside the accounts: chat logs and alert or deploy times, as reference lanes.

Evidence is never anyone's account and is never merged into one. Each imported file
becomes `evidence/<name>.toml` in the incident folder (kind = "secondstory.evidence"),
written atomically with its entries already normalised to UTC instants, so a merge
needs nothing but the TOML. docs/formats.md describes the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from secondstory.errors import FileProblem, SecondstoryError
from secondstory.files.model import FORMAT, FileModel, Instant, Slug, now_utc
from secondstory.files.storage import SHARED_FILE, read_model, write_model

EVIDENCE_DIR = "evidence"
EVIDENCE_KIND = "secondstory.evidence"
EvidenceKind = Literal["chat", "alerts"]
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def _name(value: str) -> str:
    if not _NAME.match(value):
        raise ValueError(f"{value!r} is not a lane name (lowercase letters, digits and dashes)")
    return value


LaneName = Annotated[str, AfterValidator(_name)]


class EvidenceEntry(FileModel):
    """One line of evidence: a chat message, an alert, a deploy."""

    at: Instant
    """When it happened, as an instant with its offset (written in UTC)."""
    who: str = ""
    """Who wrote the message, or which system raised the alert; may be empty."""
    text: str = ""
    """The message or the alert's words, exactly as in the file imported."""


class Evidence(FileModel):
    """One imported source of evidence, shown as its own lane on the timeline."""

    format: int = FORMAT
    """File format version."""
    kind: Literal["secondstory.evidence"] = "secondstory.evidence"
    """Always secondstory.evidence."""
    incident: Slug
    """The incident's id."""
    name: LaneName
    """The lane's name, also the file's name (evidence/<name>.toml)."""
    source: EvidenceKind
    """chat: people's messages at the time; alerts: alert, deploy or other system times."""
    file: str = ""
    """The name of the file it was imported from."""
    file_format: str = ""
    """What that file was: slack, mattermost, plain or csv."""
    imported: Instant
    """When it was imported (UTC)."""
    entries: list[EvidenceEntry] = Field(default_factory=list)
    """In time order."""


def evidence_dir(folder: Path) -> Path:
    """Where an incident keeps its evidence."""
    return folder / EVIDENCE_DIR


def lane_name(text: str) -> str:
    """A lane name from a file name or a chosen name: "#ops-chat.json" -> "ops-chat"."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    return slug or "evidence"


def save_evidence(
    folder: Path,
    incident: str,
    name: str,
    source: EvidenceKind,
    entries: Iterable[EvidenceEntry],
    *,
    file: str = "",
    file_format: str = "",
) -> Path:
    """Write `evidence/<name>.toml` atomically; an existing lane of that name is replaced."""
    try:
        evidence = Evidence(
            incident=incident,
            name=lane_name(name),
            source=source,
            file=file,
            file_format=file_format,
            imported=now_utc(),
            entries=sorted(entries, key=lambda entry: entry.at),
        )
    except ValueError as exc:
        raise SecondstoryError(f"The evidence could not be kept: {exc}") from None
    target = evidence_dir(folder)
    target.mkdir(exist_ok=True)
    path = target / f"{evidence.name}.toml"
    write_model(path, evidence, SHARED_FILE)
    return path


def load_evidence(folder: Path, incident: str) -> tuple[list[Evidence], list[FileProblem]]:
    """Every evidence lane of an incident, by name; files that cannot be used, with why."""
    lanes: list[Evidence] = []
    problems: list[FileProblem] = []
    target = evidence_dir(folder)
    if not target.is_dir():
        return lanes, problems
    for path in sorted(p for p in target.glob("*.toml") if not p.name.startswith(".")):
        try:
            lane = read_model(path, Evidence, EVIDENCE_KIND, follow_symlinks=False)
        except FileProblem as problem:
            problems.append(problem)
            continue
        if lane.incident != incident:
            reason = f"is evidence for incident {lane.incident!r}, not {incident!r}"
            problems.append(FileProblem(path, reason))
            continue
        lanes.append(lane)
    return lanes, problems


def first_instant(lanes: Iterable[Evidence]) -> datetime | None:
    """The earliest instant in any lane, if there is one."""
    instants = [entry.at for lane in lanes for entry in lane.entries]
    return min(instants) if instants else None

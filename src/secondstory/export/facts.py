"""What every export says around the timeline: incident facts, evidence, the export itself.

Words only, before any escaping; each format lays them out its own way.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from secondstory import __version__
from secondstory.files.evidence import Evidence, EvidenceEntry
from secondstory.narrative.model import Narrative

FACTS: tuple[tuple[str, str], ...] = (
    ("impact", "Impact"),
    ("detected", "How it was detected"),
    ("duration", "Duration"),
    ("services", "Services"),
)
"""The incident facts of incident.toml, with the label each export gives them."""
EVIDENCE_TITLE = "Evidence beside the accounts"
EVIDENCE_NOTE = (
    "Evidence is not anyone's account. These chat messages and system times were "
    "imported to show beside the accounts, at the times they were recorded; they are "
    "never merged into what people wrote."
)
SOURCE_NAMES = {"chat": "chat log", "alerts": "alerts and system times"}
HIDDEN_NOTE = (
    "This copy is anonymised: names are replaced by Person A, Person B… (and the "
    "facilitator by “the facilitator”), and roles, account ids and file names are left out."
)


def incident_facts(n: Narrative) -> list[tuple[str, str]]:
    """(label, words) for each incident fact the incident.toml holds, started first."""
    incident = n.incident
    if incident is None:
        return []
    rows: list[tuple[str, str]] = []
    if incident.started is not None:
        started = incident.started
        zone = incident.timezone if started.tzinfo is None else started.strftime("UTC%z")
        rows.append(("Started", f"{started:%a} {started.day} {started:%b %Y %H:%M} {zone}"))
    for name, label in FACTS:
        value = getattr(incident, name, "")
        words = ", ".join(value) if isinstance(value, list) else str(value)
        if words.strip():
            rows.append((label, " ".join(words.split())))
    return rows


def lane_title(lane: Evidence) -> str:
    """How a lane is named to readers: "ops-chat (chat log)"."""
    return f"{lane.name} ({SOURCE_NAMES.get(lane.source, lane.source)})"


def lane_origin(lane: Evidence) -> str:
    """Where a lane came from, in words."""
    count = len(lane.entries)
    what = "message" if lane.source == "chat" else "entry"
    plural = what if count == 1 else ("messages" if what == "message" else "entries")
    origin = f" imported from {lane.file}" if lane.file else " imported"
    return f"{count} {plural},{origin}; not anyone's account"


def entry_clock(entry: EvidenceEntry) -> str:
    """An evidence entry's time as a UTC clock time."""
    return f"{entry.at.astimezone(UTC):%H:%M} UTC"


def exported_at() -> datetime:
    """When this export is made: now, or SOURCE_DATE_EPOCH for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def exported_line() -> str:
    """ "Exported 2024-03-14 09:30 UTC with secondstory 0.1.0." """
    return f"Exported {exported_at():%Y-%m-%d %H:%M} UTC with secondstory {__version__}."

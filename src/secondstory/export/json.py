"""The narrative as JSON, with the keys DESIGN.md names and the rest of the narrative.

Instants are ISO-8601 with their offset (UTC), or null; moments are cited as
{"account", "moment"} pairs so every item can be traced to the file it came from. A
moment with no time at all has precision "none". Text is UTF-8 as written, except that
controls, line separators and bidi overrides are written as \\u escapes: the same
string to a JSON reader, but nothing that acts on a terminal or reorders what is shown.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from secondstory import __version__
from secondstory.export.anonymize import anonymize as anonymized
from secondstory.export.facts import HIDDEN_NOTE, exported_at
from secondstory.export.labels import precision_name
from secondstory.export.textsafe import CONTROL
from secondstory.files.collector import collector_held
from secondstory.files.evidence import Evidence
from secondstory.files.model import FORMAT, split_ref
from secondstory.narrative.disagreements import Difference, differences
from secondstory.narrative.model import Entry, Narrative, SameEvent
from secondstory.narrative.sources import EquallyRecent

KIND = "secondstory.narrative"
HIDDEN = ("names", "roles", "account ids", "file names")
"""What an anonymised export leaves out, as its `anonymized.hidden` says."""


@collector_held()  # a line or a dict per moment: many objects, no cycles
def render(narrative: Narrative, *, anonymize: bool = False) -> str:
    """The whole narrative as pretty-printed JSON."""
    if anonymize:
        narrative = anonymized(narrative)
    data = to_data(narrative)
    if anonymize:
        data["anonymized"] = {"hidden": list(HIDDEN), "note": HIDDEN_NOTE}
    return dumps(data)


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def dumps(data: dict[str, Any]) -> str:
    """JSON with one top-level key per line and one list item per line.

    Readable and friendly to diffs, and fast: each line goes through the C encoder,
    which an indented dump would not use.
    """
    encode = _COMPACT.encode
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n".join("    " + encode(item) for item in value)
            lines.append(f"  {encode(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {encode(key)}: {encode(value)}")
    text = "{\n" + ",\n".join(lines) + "\n}\n"
    # Outside strings the encoder writes only ASCII, so these can only be inside strings,
    # where a \u escape stands for the same character.
    return CONTROL.sub(_unicode_escape, text) if CONTROL.search(text) else text


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def to_data(n: Narrative) -> dict[str, Any]:
    """The narrative as plain JSON-ready data."""
    incident = n.incident
    return {
        "format": FORMAT,
        "kind": KIND,
        "incident": n.incident_id,
        "title": n.title,
        "exported": _iso(exported_at()),
        "version": __version__,
        "incident_details": None
        if incident is None
        else {
            "id": incident.id,
            "title": incident.title,
            "timezone": incident.timezone,
            "started": _local(incident.started),
            "facilitator": incident.facilitator,
            "description": incident.description,
            "impact": incident.impact,
            "detected": incident.detected,
            "duration": incident.duration,
            "services": list(incident.services),
        },
        "summary": n.summary,
        "accounts": _accounts(n),
        "timeline": [_entry(entry) for entry in n.timeline],
        "same_event": [_same_event(group) for group in n.same_event],
        "concurrent": [
            {
                "id": g.id,
                "start": _iso(g.start),
                "end": _iso(g.end),
                "members": [_pair(ref) for ref in g.members],
            }
            for g in n.concurrent
        ],
        "surprises": [
            {**_pair(s.ref), "author": s.author, "expected": s.expected, "observed": s.observed}
            for s in n.surprises
        ],
        "assumptions": [
            {**_pair(a.ref), "author": a.author, "assumed": a.assumed, "why": a.why}
            for a in n.assumptions
        ],
        "closing": [
            {"account": i.account, "author": i.author, "part": i.part, "text": i.text}
            for i in n.ideas
        ],
        "themes": [
            {
                "id": t.id,
                "title": t.title,
                "description": t.description,
                "moments": [_pair(ref) for ref in t.moments],
            }
            for t in n.themes
        ],
        "questions": [
            {
                "id": q.id,
                "text": q.text,
                "resolved": q.resolved,
                "answer": q.answer,
                "answered_by": q.answered_by,
                "moments": [_pair(ref) for ref in q.moments],
            }
            for q in n.questions
        ],
        "disagreements": [_difference(d) for d in differences(n)],
        "follow_ups": [
            {
                "id": f.id,
                "text": f.text,
                "owner": f.owner,
                "link": f.link,
                "source": f.source or None,
            }
            for f in n.notes.follow_ups
        ],
        "skipped": [{"file": s.path.name, "reason": s.reason} for s in n.skipped],
        "duplicates": [
            {
                "account": d.account,
                "kept": d.kept.name,
                "dropped": d.dropped.name,
                "equally_recent": isinstance(d, EquallyRecent),
            }
            for d in n.duplicates
        ],
        "dangling": [_pair(ref) for ref in n.dangling],
        "evidence": [_evidence(lane) for lane in n.evidence],
    }


def _iso(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def _local(when: datetime | None) -> str | None:
    """A time as written: naive stays naive (wall time in its zone)."""
    return None if when is None else when.isoformat()


def _pair(ref: str) -> dict[str, str]:
    account, moment = split_ref(ref)
    return {"account": account, "moment": moment}


def _accounts(n: Narrative) -> list[dict[str, Any]]:
    """One entry per participant, with their moment ids in the order they wrote them."""
    moments: dict[str, list[Entry]] = {p.account: [] for p in n.participants}
    for entry in n.timeline:
        moments[entry.account].append(entry)
    return [
        {
            "account": p.account,
            "author": p.author,
            "role": p.role,
            "timezone": p.zone,
            "updated": _iso(p.updated),
            "moments": [e.moment for e in sorted(moments[p.account], key=lambda e: e.position)],
        }
        for p in n.participants
    ]


def _entry(entry: Entry) -> dict[str, Any]:
    return {
        "at": _iso(entry.at),
        "precision": precision_name(entry),
        "author": entry.author,
        "account": entry.account,
        "moment": entry.moment,
        "did": entry.did,
        "observed": entry.observed,
        "expected": entry.expected,
        "assumed": entry.assumed,
        "why": entry.why,
        "role": entry.role,
        "when": _local(entry.when),
        "when_text": entry.when_text,
        "timezone": entry.zone,
        "window": None if entry.window is None else [_iso(w) for w in entry.window],
        "after": None if entry.after is None else _pair(entry.after),
        "lane": entry.lane,
        "concurrent": entry.group,
        "same_event": list(entry.same_event),
    }


def _evidence(lane: Evidence) -> dict[str, Any]:
    """One evidence lane: never an account, so it has no `account` and no moments."""
    return {
        "name": lane.name,
        "source": lane.source,
        "file": lane.file,
        "file_format": lane.file_format,
        "entries": [
            {"at": _iso(entry.at.astimezone(UTC)), "who": entry.who, "text": entry.text}
            for entry in lane.entries
        ],
    }


def _same_event(group: SameEvent) -> dict[str, Any]:
    return {
        "id": group.id,
        "number": group.id + 1,
        "members": [_pair(ref) for ref in group.members],
        "disagreement": group.disagreement,
        "source": group.source,
        "gap_seconds": None if group.gap is None else int(group.gap.total_seconds()),
        "untimed": [_pair(ref) for ref in group.untimed],
        "shared_words": list(group.shared_words),
        "score": group.score,
        "note": group.note,
        "missing": [_pair(ref) for ref in group.missing],
    }


def _difference(d: Difference) -> dict[str, Any]:
    return {
        "same_event": d.group.id,
        "members": [_pair(ref) for ref in d.group.members],
        "what": d.what,
        "state": d.state,
        "note": d.note,
    }

"""Reading evidence files as they come: Slack and Mattermost exports, plain chat logs, CSV.

Each reader turns a file into `EvidenceEntry` items with UTC instants. A file that does
not fit is one `FileProblem` naming the file and what is wrong (with a line number where
there is one); nothing is written for it. Bare clock times ("23:05") need a day: the one
given, or the incident's start; a plain log that runs past midnight moves on a day.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from secondstory.errors import FileProblem
from secondstory.files.evidence import EvidenceEntry, EvidenceKind
from secondstory.files.storage import read_bytes

_PLAIN = re.compile(r"^\[?(\d{1,2}):(\d{2})(?::(\d{2}))?\]?\s+([^:]{1,80}?):\s?(.*)$")
_TIME_COLUMNS = ("time", "timestamp", "at", "when", "date", "created_at", "fired_at", "started_at")
_TEXT_COLUMNS = ("text", "message", "summary", "description", "event", "title", "alert", "name")
_WHO_COLUMNS = ("source", "service", "who", "system", "host", "user")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


@dataclass(frozen=True)
class Imported:
    """What a file held, read as evidence."""

    entries: list[EvidenceEntry]
    """Its messages or times, each with a UTC instant."""
    file_format: str
    """slack, mattermost, plain or csv."""
    source: EvidenceKind
    """What the file is, unless the person says otherwise: chat, or alerts for CSV."""


@dataclass(frozen=True)
class Clocks:
    """How to read times without a date or an offset."""

    zone: ZoneInfo
    """The zone wall times are meant in (the incident's)."""
    day: date | None
    """The day bare clock times are read on, if known."""


def read_evidence(path: Path, clocks: Clocks) -> Imported:
    """The entries of an evidence file, whatever form it has, or one FileProblem."""
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(path, "is not UTF-8 text, so it cannot be read as evidence") from None
    reader = _reader(path, text)
    entries, file_format, source = reader(path, text, clocks)
    if not entries:
        raise FileProblem(path, "holds no messages or times to import")
    return Imported(entries, file_format, source)


Reader = Callable[[Path, str, Clocks], tuple[list[EvidenceEntry], str, EvidenceKind]]


def _reader(path: Path, text: str) -> Reader:
    if path.suffix.lower() == ".csv":
        return _csv
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first[:1] in ("[", "{") and not _PLAIN.match(first):  # "[23:05] alex: …" is a plain log
        return _json
    return _plain


def _json(path: Path, text: str, clocks: Clocks) -> tuple[list[EvidenceEntry], str, EvidenceKind]:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError:
        return _mattermost_lines(path, text), "mattermost", "chat"
    if isinstance(data, list):
        return (
            [_slack(path, i, item) for i, item in enumerate(data, 1) if _said(item)],
            "slack",
            "chat",
        )
    if isinstance(data, dict) and isinstance(data.get("posts"), dict):
        posts = [p for p in data["posts"].values() if isinstance(p, dict)]
        return [_post(path, i, p) for i, p in enumerate(posts, 1)], "mattermost", "chat"
    if isinstance(data, dict) and data.get("type") in ("post", "direct_post"):
        return _mattermost_lines(path, text), "mattermost", "chat"
    raise FileProblem(path, "is JSON, but neither a Slack nor a Mattermost export")


def _said(item: Any) -> bool:
    return isinstance(item, dict) and "ts" in item and bool(str(item.get("text", "")).strip())


def _slack(path: Path, number: int, item: dict[str, Any]) -> EvidenceEntry:
    try:
        at = datetime.fromtimestamp(float(item["ts"]), UTC).replace(microsecond=0)
    except (TypeError, ValueError, OverflowError, OSError):
        raise FileProblem(
            path, f"message {number}: {str(item.get('ts'))[:40]!r} is not a Slack time"
        ) from None
    profile: dict[str, Any] = _table(item.get("user_profile"))
    names = (profile.get("display_name"), profile.get("real_name"), item.get("user_name"))
    who = next((str(n) for n in (*names, item.get("username"), item.get("user")) if n), "")
    return EvidenceEntry(at=at, who=who, text=str(item.get("text", "")))


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _mattermost_lines(path: Path, text: str) -> list[EvidenceEntry]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise FileProblem(path, f"line {number} is not JSON") from None
        if isinstance(record, dict) and record.get("type") in ("post", "direct_post"):
            post = record.get(record["type"])
            if isinstance(post, dict):
                entries.append(_post(path, number, post))
    return entries


def _post(path: Path, number: int, post: dict[str, Any]) -> EvidenceEntry:
    try:
        at = datetime.fromtimestamp(int(post["create_at"]) / 1000, UTC).replace(microsecond=0)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        raise FileProblem(path, f"post {number} has no create_at time Mattermost writes") from None
    props = _table(post.get("props"))
    who = props.get("override_username") or post.get("user") or post.get("user_id") or ""
    return EvidenceEntry(at=at, who=str(who), text=str(post.get("message", "")))


def _plain(path: Path, text: str, clocks: Clocks) -> tuple[list[EvidenceEntry], str, EvidenceKind]:
    if clocks.day is None:
        raise FileProblem(path, "has clock times without a day; give the day with --day YYYY-MM-DD")
    day, last = clocks.day, None
    entries: list[EvidenceEntry] = []
    for number, line in enumerate(text.splitlines(), 1):
        match = _PLAIN.match(line.strip())
        if match is None:
            if not line.strip():
                continue
            if not entries:
                raise FileProblem(path, f"line {number} is not like “23:05 name: text”")
            entries[-1] = entries[-1].model_copy(update={"text": f"{entries[-1].text}\n{line}"})
            continue
        hour, minute, second, who, said = match.groups()
        clock = _time(path, number, int(hour), int(minute), int(second or 0))
        if last is not None and clock < last and _hours(last) - _hours(clock) > 12:
            day += timedelta(days=1)  # the log ran past midnight
        last = clock
        at = datetime.combine(day, clock, clocks.zone).astimezone(UTC)
        entries.append(EvidenceEntry(at=at, who=who.strip(), text=said))
    return entries, "plain", "chat"


def _time(path: Path, number: int, hour: int, minute: int, second: int) -> time:
    try:
        return time(hour, minute, second)
    except ValueError:
        raise FileProblem(
            path, f"line {number}: {hour:02d}:{minute:02d} is not a clock time"
        ) from None


def _hours(clock: time) -> float:
    return clock.hour + clock.minute / 60


def _csv(path: Path, text: str, clocks: Clocks) -> tuple[list[EvidenceEntry], str, EvidenceKind]:
    rows = csv.DictReader(io.StringIO(text))
    header = {name.strip().lower(): name for name in rows.fieldnames or []}
    when = next((header[c] for c in _TIME_COLUMNS if c in header), None)
    if when is None:
        wanted = ", ".join(_TIME_COLUMNS[:4])
        raise FileProblem(path, f"has no time column (a first line naming one of {wanted})")
    said = next((header[c] for c in _TEXT_COLUMNS if c in header), None)
    who = next((header[c] for c in _WHO_COLUMNS if c in header), None)
    entries = []
    for number, row in enumerate(rows, 2):
        at = _instant(path, number, (row.get(when) or "").strip(), clocks)
        text = (row.get(said) or "") if said else ""
        entries.append(EvidenceEntry(at=at, who=(row.get(who) or "") if who else "", text=text))
    return entries, "csv", "alerts"


def _instant(path: Path, number: int, value: str, clocks: Clocks) -> datetime:
    if value.isdigit():
        seconds = int(value) / (1000 if len(value) > 11 else 1)  # milliseconds are common too
        return datetime.fromtimestamp(seconds, UTC).replace(microsecond=0)
    clock = _CLOCK.match(value)
    if clock is not None and clocks.day is not None:
        hour, minute, second = (int(part or 0) for part in clock.groups())
        wall = datetime.combine(clocks.day, _time(path, number, hour, minute, second))
        return wall.replace(tzinfo=clocks.zone).astimezone(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        example = "like 2017-01-31T23:05:00Z"
        raise FileProblem(path, f"line {number}: {value!r} is not a time ({example})") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=clocks.zone)
    return parsed.astimezone(UTC)

"""`secondstory incident evidence`: a chat log or alert times as a lane beside the accounts."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def add_parser(incident_commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `incident evidence INCIDENT FILE`."""
    evidence = incident_commands.add_parser(
        "evidence",
        help="add a chat log or alert times as evidence beside the accounts",
        description="Import a chat log (a Slack or Mattermost export in JSON, or plain "
        "'23:05 name: text' lines) or alert and deploy times (CSV with a time column) as a "
        "lane of its own on the timeline. Evidence is never anyone's account and is never "
        "merged into one. It is kept as evidence/NAME.toml in the incident folder; importing "
        "under the same name again replaces that lane.",
    )
    evidence.add_argument("incident", metavar="INCIDENT", help="incident folder, or its id")
    evidence.add_argument("file", type=Path, metavar="FILE", help="the file to import")
    evidence.add_argument("--name", help="the lane's name (default: from the file's name)")
    evidence.add_argument(
        "--kind",
        choices=("chat", "alerts"),
        help="chat (people's messages) or alerts (alerts, deploys); default: from the file",
    )
    evidence.add_argument(
        "--day",
        metavar="YYYY-MM-DD",
        help="the day clock times without a date are on (default: the incident's start)",
    )
    evidence.set_defaults(handler=run_evidence)


def run_evidence(args: argparse.Namespace) -> int:
    """Import the file, write the lane, say what was kept."""
    from secondstory.errors import SecondstoryError
    from secondstory.export.textsafe import printable
    from secondstory.files.evidence import lane_name, save_evidence
    from secondstory.files.evidence_import import Clocks, read_evidence
    from secondstory.files.incidents import load_incident, resolve_incident
    from secondstory.times.parse import zone_info

    folder = resolve_incident(args.incident)
    incident = load_incident(folder)
    zone = zone_info(incident.timezone)
    day = _day(args.day) if args.day else None
    if day is None and incident.started is not None:
        started = incident.started
        day = (started.astimezone(zone) if started.tzinfo else started).date()
    if not args.file.is_file():
        raise SecondstoryError(f"{args.file} is not a file that can be imported")
    found = read_evidence(args.file, Clocks(zone=zone, day=day))
    name = lane_name(args.name or args.file.stem)
    path = save_evidence(
        folder,
        incident.id,
        name,
        args.kind or found.source,
        found.entries,
        file=args.file.name,
        file_format=found.file_format,
    )
    count = len(found.entries)
    what = "message" if (args.kind or found.source) == "chat" else "time"
    what += "" if count == 1 else "s"
    print(printable(f"Kept {count} {what} from {args.file.name} as the lane {name!r}: {path}"))
    print("It is shown beside the accounts as evidence, never as anyone's account.")
    return 0


def _day(text: str) -> date:
    from secondstory.errors import SecondstoryError

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SecondstoryError(f"--day {text!r} is not a day like 2017-01-31") from None

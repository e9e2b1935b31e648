"""`secondstory incident new`: create an incident folder and say how people use it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `incident` and its one command, `new`."""
    incident = commands.add_parser("incident", help="create an incident folder")
    incident_commands = incident.add_subparsers(title="commands", metavar="COMMAND")
    new = incident_commands.add_parser("new", help="create a new incident folder")
    new.add_argument("--title", required=True, help="what people call the incident")
    new.add_argument("--dir", type=Path, default=Path("."), help="where to create it (default: .)")
    new.add_argument("--timezone", metavar="ZONE", help="IANA zone, e.g. Europe/Amsterdam")
    new.add_argument("--started", metavar="WHEN", help="when it began, e.g. '2017-01-31 23:00'")
    new.add_argument("--facilitator", default="", help="who runs the review")
    new.add_argument("--description", default="", help="a few words of context")
    new.set_defaults(handler=run_new)
    incident.set_defaults(handler=lambda _args: _usage(incident))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_new(args: argparse.Namespace) -> int:
    """Create the incident folder and print how participants and the facilitator use it."""
    from secondstory.files.incidents import create_incident
    from secondstory.times.zones import system_zone

    zone = args.timezone or system_zone()
    started = None
    if args.started:
        from secondstory.times.parse import parse_when

        started = parse_when(args.started, zone=zone).when
    folder = create_incident(
        args.title,
        parent=args.dir,
        timezone=zone,
        started=started,
        facilitator=args.facilitator,
        description=args.description,
    )
    print(f"Created {folder}")
    print(f"Participants give their account with:  secondstory give {folder}")
    print(f"You bring the shared accounts together with:  secondstory facilitate {folder}")
    return 0

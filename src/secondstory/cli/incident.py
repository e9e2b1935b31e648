"""`secondstory incident new`: create an incident folder and say how people use it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from secondstory.cli.evidence import add_parser as add_evidence_parser
from secondstory.cli.invite import add_parser as add_invite_parser

if TYPE_CHECKING:
    from secondstory.files.intake import Added


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `incident` and its commands: `new`, `add`, `invite` and `evidence`."""
    incident = commands.add_parser("incident", help="create an incident folder, add accounts")
    incident_commands = incident.add_subparsers(title="commands", metavar="COMMAND")
    new = incident_commands.add_parser("new", help="create a new incident folder")
    new.add_argument("--title", required=True, help="what people call the incident")
    new.add_argument("--dir", type=Path, default=Path("."), help="where to create it (default: .)")
    new.add_argument("--timezone", metavar="ZONE", help="IANA zone, e.g. Europe/Amsterdam")
    new.add_argument("--started", metavar="WHEN", help="when it began, e.g. '2017-01-31 23:00'")
    new.add_argument("--facilitator", default="", help="who runs the review")
    new.add_argument("--description", default="", help="a few words of context")
    new.add_argument("--impact", default="", help="who and what was affected")
    new.add_argument("--detected", default="", help="how the incident was noticed")
    new.add_argument("--duration", default="", help="how long it lasted, e.g. 'about 2 hours'")
    new.add_argument(
        "--services", default="", metavar="LIST", help="services involved, separated by commas"
    )
    new.add_argument(
        "--group",
        metavar="NAME",
        help="on a shared host: the Unix group of the people taking part (see shared-hosts)",
    )
    new.set_defaults(handler=run_new)
    add = incident_commands.add_parser(
        "add",
        help="add shared account files to an incident folder",
        description="Add account files handed over (by scp, USB or a repository) to the "
        "incident's accounts/ folder. Each is checked first; one that belongs to another "
        "incident or does not validate is refused and named. A newer copy of an account "
        "replaces the older one; nothing else is ever written over.",
    )
    add.add_argument("incident", metavar="INCIDENT", help="incident folder, or its id")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE", help="shared account file")
    add.set_defaults(handler=run_add)
    add_invite_parser(incident_commands)
    add_evidence_parser(incident_commands)
    incident.set_defaults(handler=lambda _args: _usage(incident))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_new(args: argparse.Namespace) -> int:
    """Create the incident folder and print how participants and the facilitator use it."""
    from secondstory.files.incidents import create_incident
    from secondstory.files.shared import group_name, is_group_folder
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
        group=args.group,
        facts=_facts(args),
    )
    print(f"Created {folder}")
    if is_group_folder(folder):
        print(
            f"For the group {group_name(folder)}: its members share into accounts/ and read "
            "every account there; nobody can change or remove someone else's"
        )
    print(f"Participants give their account with:  secondstory give {folder}")
    print(f"You bring the shared accounts together with:  secondstory facilitate {folder}")
    print(f"An invitation to send them:  secondstory incident invite {folder}")
    if started is None:
        print(
            "No start time was given, so the interview asks each person which day it began, "
            "and reads times typed without a day (like 23:05) on that day. To set one start "
            "for everyone, add started = 2017-01-31T23:00:00 to incident.toml"
        )
    return 0


def _facts(args: argparse.Namespace) -> dict[str, str | list[str]]:
    """The incident facts given as options; services split at commas."""
    facts: dict[str, str | list[str]] = {
        name: getattr(args, name).strip()
        for name in ("impact", "detected", "duration")
        if getattr(args, name).strip()
    }
    services = [part.strip() for part in args.services.split(",") if part.strip()]
    if services:
        facts["services"] = services
    return facts


def run_add(args: argparse.Namespace) -> int:
    """Add each file, one line for each; exit 2 when any was refused (the rest are added)."""
    from secondstory.errors import SecondstoryError
    from secondstory.export.textsafe import printable
    from secondstory.files.incidents import load_incident, remember_incident, resolve_incident
    from secondstory.files.intake import add_account_file

    folder = resolve_incident(args.incident)
    remember_incident(load_incident(folder).id, folder)
    refused = 0
    for path in args.files:
        try:
            added = add_account_file(folder, path)
        except (SecondstoryError, OSError) as problem:
            refused += 1
            reason = problem if isinstance(problem, SecondstoryError) else _os_reason(problem)
            print(printable(f"secondstory: {reason}"), file=sys.stderr)
            continue
        print(printable(_said(added)))
    return 2 if refused else 0


def _said(added: Added) -> str:
    whose = f"{added.author}'s account"
    if added.how == "unchanged":
        return f"{added.source}: {whose} is already in {added.target}, unchanged"
    if added.how == "replaced":
        return f"{added.source}: a newer copy of {whose}; it replaced {added.target}"
    return f"{added.source}: added {whose} as {added.target}"


def _os_reason(problem: OSError) -> str:
    where = problem.filename or ""
    return f"{where}: could not be written ({problem.strerror or problem})"

"""`secondstory incident invite`: a short, kind text to send the people taking part."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # --help must not load the models
    from secondstory.files.model import Incident

PROMISE_LEAD = "What your account promises you:"


def add_parser(incident_commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `incident invite INCIDENT`."""
    invite = incident_commands.add_parser(
        "invite",
        help="print an invitation to send the people taking part",
        description="Print a short invitation to give an account of the incident: what it "
        "is for, the command to run and the promises the account keeps. Nothing is sent.",
    )
    invite.add_argument("incident", metavar="INCIDENT", help="incident folder, or its id")
    invite.set_defaults(handler=run_invite)


def run_invite(args: argparse.Namespace) -> int:
    """Print the invitation for the incident named."""
    from secondstory.account.prompts import load_prompt_set_or_default
    from secondstory.export.textsafe import printable_lines
    from secondstory.files.incidents import load_incident, resolve_incident

    folder = resolve_incident(args.incident)
    prompts, _warning = load_prompt_set_or_default(getattr(args, "prompts", None))
    text = invitation(load_incident(folder), folder.resolve(), prompts.opening.promises)
    print(printable_lines(text), end="")
    return 0


def invitation(incident: Incident, folder: Path, promises: tuple[str, ...]) -> str:
    """The invitation's text: what it is for, the command, the promises."""
    lines = [
        f"You are invited to give your own account of “{incident.title}”.",
        "",
        "This review is blameless: it is about how things looked and made sense to each of",
        "us at the time, not about who did what wrong. Gaps, guesses and “I don't",
        "remember” are all fine.",
    ]
    if incident.description.strip():
        lines += ["", " ".join(incident.description.split())]
    lines += [
        "",
        "When you have some quiet time, run this in a terminal:",
        "",
        f"    secondstory give {shlex.quote(str(folder))}",
        "",
        PROMISE_LEAD,
    ]
    lines += [f"  - {promise}" for promise in promises]
    if incident.facilitator.strip():
        lines += ["", f"Questions are welcome: {incident.facilitator.strip()} runs the review."]
    return "\n".join(lines) + "\n"

"""`secondstory share`: share a draft without opening the app, into the incident or to a file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from secondstory.errors import SecondstoryError
from secondstory.export.textsafe import printable

if TYPE_CHECKING:
    from secondstory.account.drafts import Draft


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the share command to the command line."""
    parser = subparsers.add_parser(
        "share",
        help="share your account, into the incident folder or to a file",
        description="Share one of your drafts, as the interview's last step does: into the "
        "incident's accounts/ folder, or with --to into a file to hand over. INCIDENT (a "
        "folder or an id) chooses among your drafts; --account when there are several.",
    )
    parser.add_argument(
        "incident", nargs="?", metavar="INCIDENT", help="incident folder, or its id"
    )
    parser.add_argument(
        "--account", metavar="ID", help="the draft's account id (its first characters will do)"
    )
    parser.add_argument("--to", type=Path, metavar="FILE", help="share to this file instead")


def run(args: argparse.Namespace) -> int:
    """Share the one draft the arguments name, and say where it went."""
    from secondstory.account.drafts import share_draft
    from secondstory.cli.interactive import check_share_target

    check_share_target(args.to)
    draft = _chosen(args.incident, args.account)
    path = share_draft(draft, args.to)
    print(printable(f"Shared {draft.account.author}'s account to {path}"))
    if args.to is not None:
        print(
            "Hand this file to the facilitator; they add it with: "
            "secondstory incident add INCIDENT FILE"
        )
    return 0


def _chosen(incident: str | None, account: str | None) -> Draft:
    """The one draft named by incident and account id, or one line saying how to choose."""
    from secondstory.account.drafts import list_drafts

    drafts, _problems = list_drafts()
    where = ""
    if incident is not None:
        folder, incident_id = _incident(incident)
        drafts = [d for d in drafts if d.account.incident == incident_id]
        for draft in drafts:  # a draft started without its folder can now find it
            draft.session.incident_folder = draft.session.incident_folder or str(folder)
        where = f" for {incident}"
    if account is not None:
        drafts = [d for d in drafts if d.account.account.startswith(account.lower())]
        where += f" with an account id starting {account!r}"
    if not drafts:
        hint = f"secondstory give {incident}" if incident else "secondstory give INCIDENT"
        raise SecondstoryError(f"You have no draft{where}; give your account with: {hint}")
    if len(drafts) > 1:
        listed = "; ".join(_described(d) for d in drafts)
        raise SecondstoryError(
            f"You have {len(drafts)} drafts{where}; choose one with --account ID: {listed}"
        )
    return drafts[0]


def _incident(name: str) -> tuple[Path, str]:
    from secondstory.files.incidents import load_incident, resolve_incident

    folder = resolve_incident(name)
    return folder.resolve(), load_incident(folder).id


def _described(draft: Draft) -> str:
    account = draft.account
    changed = account.updated.strftime("%Y-%m-%d %H:%M UTC")
    name = account.author or "no name yet"
    return f"{account.account[:8]} ({name}, {account.incident}, changed {changed})"

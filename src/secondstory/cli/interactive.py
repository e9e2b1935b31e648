"""The commands that open the app: home (no command at all), `give`, `facilitate`, `demo`.

What can be checked before a screen opens (the incident, a --prompts file, a --to target)
is checked here, so a mistake is one line on stderr rather than a screen that cannot work.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from secondstory.errors import SecondstoryError


def add_give(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `give`."""
    give = commands.add_parser("give", help="give your account of an incident")
    give.add_argument("incident", metavar="INCIDENT", help="incident folder, or its id")
    give.add_argument("--to", type=Path, metavar="FILE", help="share to this file instead")
    give.add_argument(
        "--prompts",
        type=Path,
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="use a team's own prompt set",
    )
    give.set_defaults(handler=run_give)


def add_facilitate(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `facilitate`."""
    facilitate = commands.add_parser("facilitate", help="merge and annotate shared accounts")
    facilitate.add_argument("incident", metavar="INCIDENT", help="incident folder, or its id")
    facilitate.set_defaults(handler=run_facilitate)


def add_demo(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `demo`."""
    demo = commands.add_parser("demo", help="explore a sample incident in a temporary home")
    demo.set_defaults(handler=run_demo)


SSH_ESCAPE_DELAY_MS = 400
"""Over SSH, how long a lone ESC waits for the rest of a key before it is the Escape key."""


def _escape_delay_for_ssh() -> None:
    """Over SSH, wait longer for the rest of an arrow key's bytes (ESCDELAY, in ms).

    Textual reads a lone ESC as Escape after 100 ms; a link that delivers ESC and "[A"
    apart would then type "[A" into an answer. A person's own ESCDELAY is left alone.
    """
    over_ssh = os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY")
    if over_ssh and "ESCDELAY" not in os.environ:
        os.environ["ESCDELAY"] = str(SSH_ESCAPE_DELAY_MS)


def _run_tui(**settings: object) -> int:
    _escape_delay_for_ssh()  # before Textual is imported: it reads ESCDELAY once
    from secondstory.tui.app import Settings, create_app

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise SecondstoryError("this part of secondstory needs an interactive terminal")
    app = create_app(Settings(**settings))  # type: ignore[arg-type]
    app.run()
    return app.return_code or 0


def run_home(args: argparse.Namespace) -> int:
    return _run_tui(mode="home", prompts=_prompts(args))


def _prompts(args: argparse.Namespace) -> Path | None:
    from secondstory.account.prompts import load_prompt_set

    path: Path | None = getattr(args, "prompts", None)
    if path is not None:
        load_prompt_set(path)  # a broken file is reported here, before the screen opens
    return path


def run_give(args: argparse.Namespace) -> int:
    from secondstory.files.incidents import load_incident, remember_incident, resolve_incident

    folder = resolve_incident(args.incident)
    incident = load_incident(folder)
    remember_incident(incident.id, folder)
    check_share_target(args.to)
    _check_not_open_elsewhere(incident.id)
    return _run_tui(mode="give", incident=folder, prompts=_prompts(args), share_to=args.to)


def _check_not_open_elsewhere(incident_id: str) -> None:
    """Say now, before the screen opens, when the draft is open in another window."""
    from secondstory.account.drafts import drafts_for, lock_draft

    existing = drafts_for(incident_id)
    if existing:
        lock_draft(existing[0])  # held from here for as long as this window is open


def check_share_target(to: Path | None) -> None:
    """Say now, not after the interview, when --to cannot take the shared copy."""
    if to is None:
        return
    if to.is_dir():
        raise SecondstoryError(f"--to {to} is a folder; give a file name, like {to / 'me.toml'}")
    if to.exists() and not to.is_file():
        raise SecondstoryError(f"--to {to} is not an ordinary file; give a file name")
    if not to.parent.is_dir():  # a bare name's parent is "."
        raise SecondstoryError(f"--to {to}: the folder {to.parent} does not exist")


def run_facilitate(args: argparse.Namespace) -> int:
    from secondstory.files.incidents import load_incident, remember_incident, resolve_incident

    folder = resolve_incident(args.incident)
    remember_incident(load_incident(folder).id, folder)
    return _run_tui(mode="facilitate", incident=folder)


def run_demo(args: argparse.Namespace) -> int:
    import os
    import tempfile

    from secondstory.files.demo import make_demo
    from secondstory.files.incidents import load_incident, remember_incident

    with tempfile.TemporaryDirectory(prefix="secondstory-demo-") as temp:
        os.environ["SECONDSTORY_HOME"] = str(Path(temp) / "home")
        folder = make_demo(Path(temp))
        remember_incident(load_incident(folder).id, folder)
        return _run_tui(mode="home", demo=True, prompts=_prompts(args))

"""The command line: parse, dispatch, and turn every expected problem into one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from secondstory import __version__
from secondstory.errors import SecondstoryError

Handler = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line said in one line (subcommands too)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with --help for every command."""
    parser = Parser(
        prog="secondstory",
        description="Blameless post-incident reviews: give your account of an incident, "
        "or bring the shared accounts together into one narrative.",
    )
    parser.add_argument("--version", action="version", version=f"secondstory {__version__}")
    parser.add_argument("--prompts", type=Path, metavar="FILE", help="use a team's own prompt set")
    parser.set_defaults(handler=_run_home)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

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
    give.set_defaults(handler=_run_give)

    incident = commands.add_parser("incident", help="create an incident folder")
    incident_commands = incident.add_subparsers(title="commands", metavar="COMMAND")
    new = incident_commands.add_parser("new", help="create a new incident folder")
    new.add_argument("--title", required=True, help="what people call the incident")
    new.add_argument("--dir", type=Path, default=Path("."), help="where to create it (default: .)")
    new.add_argument("--timezone", metavar="ZONE", help="IANA zone, e.g. Europe/Amsterdam")
    new.add_argument("--started", metavar="WHEN", help="when it began, e.g. '2017-01-31 23:00'")
    new.add_argument("--facilitator", default="", help="who runs the review")
    new.add_argument("--description", default="", help="a few words of context")
    new.set_defaults(handler=_run_incident_new)
    incident.set_defaults(handler=lambda _args: _usage(incident))

    facilitate = commands.add_parser("facilitate", help="merge and annotate shared accounts")
    facilitate.add_argument("incident", metavar="INCIDENT", help="incident folder, or its id")
    facilitate.set_defaults(handler=_run_facilitate)

    _add_optional(commands, "secondstory.cli_merge")
    _add_optional(commands, "secondstory.lint")

    demo = commands.add_parser("demo", help="explore a sample incident in a temporary home")
    demo.set_defaults(handler=_run_demo)
    return parser


def _add_optional(commands: argparse._SubParsersAction, module: str) -> None:  # type: ignore[type-arg]
    import importlib

    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError:
        return
    before = set(commands.choices)
    loaded.add_parser(commands)
    for name in set(commands.choices) - before:
        commands.choices[name].set_defaults(handler=loaded.run)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    """Run secondstory; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except SecondstoryError as problem:
        print(f"secondstory: {problem}", file=sys.stderr)
        return 2
    except OSError as problem:  # a folder or file the system refused: said, never a traceback
        where = f": {problem.filename}" if problem.filename else ""
        print(f"secondstory: {problem.strerror or problem}{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _run_tui(**settings: object) -> int:
    from secondstory.app import Settings, create_app

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise SecondstoryError("this part of secondstory needs an interactive terminal")
    app = create_app(Settings(**settings))  # type: ignore[arg-type]
    app.run()
    return app.return_code or 0


def _run_home(args: argparse.Namespace) -> int:
    return _run_tui(mode="home", prompts=_prompts(args))


def _prompts(args: argparse.Namespace) -> Path | None:
    from secondstory.prompts import load_prompt_set

    path: Path | None = getattr(args, "prompts", None)
    if path is not None:
        load_prompt_set(path)  # a broken file is reported here, before the screen opens
    return path


def _run_give(args: argparse.Namespace) -> int:
    from secondstory.incidents import load_incident, remember_incident, resolve_incident

    folder = resolve_incident(args.incident)
    incident = load_incident(folder)
    remember_incident(incident.id, folder)
    _check_share_target(args.to)
    return _run_tui(mode="give", incident=folder, prompts=_prompts(args), share_to=args.to)


def _check_share_target(to: Path | None) -> None:
    """Say now, not after the interview, when --to cannot take the shared copy."""
    if to is None:
        return
    if to.is_dir():
        raise SecondstoryError(f"--to {to} is a folder; give a file name, like {to / 'me.toml'}")
    if to.exists() and not to.is_file():
        raise SecondstoryError(f"--to {to} is not an ordinary file; give a file name")
    if not to.parent.is_dir():  # a bare name's parent is "."
        raise SecondstoryError(f"--to {to}: the folder {to.parent} does not exist")


def _run_facilitate(args: argparse.Namespace) -> int:
    from secondstory.incidents import load_incident, remember_incident, resolve_incident

    folder = resolve_incident(args.incident)
    remember_incident(load_incident(folder).id, folder)
    return _run_tui(mode="facilitate", incident=folder)


def _run_incident_new(args: argparse.Namespace) -> int:
    from secondstory.incidents import create_incident
    from secondstory.zones import system_zone

    zone = args.timezone or system_zone()
    started = None
    if args.started:
        from secondstory.timeparse import parse_when

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


def _run_demo(args: argparse.Namespace) -> int:
    import os
    import tempfile

    from secondstory.demo import make_demo
    from secondstory.incidents import load_incident, remember_incident

    with tempfile.TemporaryDirectory(prefix="secondstory-demo-") as temp:
        os.environ["SECONDSTORY_HOME"] = str(Path(temp) / "home")
        folder = make_demo(Path(temp))
        remember_incident(load_incident(folder).id, folder)
        return _run_tui(mode="home", demo=True, prompts=_prompts(args))

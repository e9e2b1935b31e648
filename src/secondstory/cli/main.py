"""The command line: parse, dispatch, and turn every expected problem into one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from secondstory import __version__
from secondstory.cli import interactive
from secondstory.cli.incident import add_parser as add_incident_parser
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
    parser.set_defaults(handler=interactive.run_home)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    interactive.add_give(commands)
    add_incident_parser(commands)
    interactive.add_facilitate(commands)
    _add_optional(commands, "secondstory.cli.share")
    _add_optional(commands, "secondstory.cli.merge")
    _add_optional(commands, "secondstory.cli.lint")
    _add_optional(commands, "secondstory.cli.docs")
    interactive.add_demo(commands)
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


def main(argv: list[str] | None = None) -> int:
    """Run secondstory; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except SecondstoryError as problem:
        _say(f"secondstory: {problem}")
        return 2
    except OSError as problem:  # a folder or file the system refused: said, never a traceback
        where = f": {problem.filename}" if problem.filename else ""
        _say(f"secondstory: {problem.strerror or problem}{where}")
        return 2
    except KeyboardInterrupt:
        return 130


def _say(line: str) -> None:
    """One line on stderr; paths and reasons may come from files, so no controls pass."""
    from secondstory.export.textsafe import printable

    print(printable(line), file=sys.stderr)

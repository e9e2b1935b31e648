"""The command line: parse, dispatch, and turn every expected problem into one line."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

from secondstory import __version__
from secondstory.errors import SecondstoryError

TYPE_CHECKING = False  # not `typing`'s: importing it would cost every command 5 ms
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any, NoReturn

    Handler = Callable[[argparse.Namespace], int]

COMMANDS: dict[str, tuple[str, str, str]] = {
    "give": ("secondstory.cli.interactive", "add_give", "give your account of an incident"),
    "incident": (
        "secondstory.cli.incident",
        "add_parser",
        "create an incident folder, add accounts",
    ),
    "facilitate": (
        "secondstory.cli.interactive",
        "add_facilitate",
        "merge and annotate shared accounts",
    ),
    "share": (
        "secondstory.cli.share",
        "add_parser",
        "share your account, into the incident folder or to a file",
    ),
    "merge": (
        "secondstory.cli.merge",
        "add_parser",
        "merge shared accounts into one narrative (Markdown, HTML or JSON)",
    ),
    "lint": (
        "secondstory.cli.lint",
        "add_parser",
        "notice blame and hindsight language in Markdown or text files",
    ),
    "docs": ("secondstory.cli.docs", "add_parser", "read the documentation, offline"),
    "demo": (
        "secondstory.cli.interactive",
        "add_demo",
        "explore a sample incident in a temporary home",
    ),
}
"""Every command, in the order `--help` lists them: the module whose function adds its
parser, that function, and the line `--help` shows for it. Only the command being run
has its module imported and its parser built; `--help` lists the others from here."""


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line said in one line (subcommands too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


class Formatter(argparse.HelpFormatter):
    """argparse's help, as wide as the terminal, found without importing `shutil` (which
    loads three compression modules: a tenth of `--help`'s time)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24) -> None:
        super().__init__(prog, indent_increment, max_help_position, width=_columns() - 2)


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it: $COLUMNS, then stdout."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, with --help for every command.

    With `only`, just that command is built in full; every other one is its name and
    summary, which is all `secondstory --help` shows, and nothing of it is imported.
    """
    parser = Parser(
        prog="secondstory",
        description="Blameless post-incident reviews: give your account of an incident, "
        "or bring the shared accounts together into one narrative.",
    )
    parser.add_argument("--version", action="version", version=f"secondstory {__version__}")
    parser.add_argument("--prompts", type=_path, metavar="FILE", help="use a team's own prompt set")
    parser.set_defaults(handler=_run_home)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, (module, adder, summary) in COMMANDS.items():
        if only is None or only == name:
            _add_command(commands, module, adder)
        else:
            commands.add_parser(name, help=summary).set_defaults(handler=None)
    return parser


def _add_command(commands: argparse._SubParsersAction, module: str, adder: str) -> None:  # type: ignore[type-arg]
    try:
        loaded = import_module(module)
    except ModuleNotFoundError:
        return
    before = set(commands.choices)
    getattr(loaded, adder)(commands)
    for name in set(commands.choices) - before:  # the headless commands: their `run`
        if commands.choices[name].get_default("handler") is None:
            commands.choices[name].set_defaults(handler=loaded.run)


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text)


def _run_home(args: argparse.Namespace) -> int:
    from secondstory.cli.interactive import run_home

    return run_home(args)


def chosen_command(argv: list[str]) -> str | None:
    """The command `argv` names, read as argparse reads it; None for none or an unknown one."""
    rest = iter(argv)
    for arg in rest:
        if arg == "--":
            arg = next(rest, "")
        elif arg.startswith("--") and "=" not in arg:
            if len(arg) > 2 and "--prompts".startswith(arg):  # or any prefix: it takes a value
                next(rest, None)
            continue
        elif arg.startswith("-"):
            continue
        return arg if arg in COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    """Run secondstory; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(only=chosen_command(argv) or "").parse_args(argv)
    if args.handler is None:  # argparse read another command than chosen_command: build all
        args = build_parser().parse_args(argv)
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

"""`secondstory lint PATH...`: blame and hindsight language in Markdown or text drafts.

Each finding is `path:line:col: rule-id: message` with the question to try asking on the
next line (or JSON, SARIF, GitHub annotations: see lint_output). Exit 0 when clean, 1 with
findings, 2 when a file, a rules file or a settings file could not be read or a name given
to --select/--ignore is unknown. A broken team file in the config folder is named in one
warning line on stderr and left out: the built-in rules still check everything. Markdown
files (and standard input) skip code blocks, inline code, HTML comments and block quotes;
plain text files skip only quoted words. The findings come from
`secondstory.language.lint_text`; which of them are reported, from --select/--ignore and
the project's settings (lint_config).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from secondstory.cli.lint_files import STDIN, expand
from secondstory.errors import SecondstoryError

if TYPE_CHECKING:
    from secondstory.cli.lint_config import LintConfig
    from secondstory.cli.lint_output import Result
    from secondstory.language import RuleSet

# The rules, the settings reader (pydantic) and the output formats are imported where they
# are used, so building the command line for `secondstory --help` loads none of them.

__all__ = ["add_parser", "escaped", "run"]

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"})
FORMATS = ("text", "json", "sarif", "github")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `lint` command to the CLI."""
    parser = subparsers.add_parser(
        "lint",
        help="notice blame and hindsight language in Markdown or text files",
        description=(
            "Notice blame and hindsight language in post-incident drafts and suggest a "
            "kinder question. Prints path:line:col: rule-id: message per finding, with the "
            "question to try asking below it; exits 0 when clean, 1 with findings, 2 when "
            "something could not be read or a name given is unknown."
        ),
        epilog="Silence a line with a comment like <!-- secondstory: ignore [RULE...] -->. "
        "Settings are read from the nearest .secondstory.toml ([lint]) or pyproject.toml "
        "([tool.secondstory.lint]) above each file; the command line wins over them.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="Markdown or text files, or folders (their .md, .markdown and .txt files); "
        "- reads standard input",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (text)")
    parser.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a team rules file to add (may be given more than once)",
    )
    parser.add_argument(
        "--as",
        dest="read_as",
        choices=("auto", "markdown", "text"),
        default="auto",
        help="how to read the files: by their suffix (auto), or all as Markdown or plain text",
    )
    for flag, what in (("--select", "only these"), ("--ignore", "never these")):
        parser.add_argument(
            flag,
            action="append",
            default=None,
            metavar="NAMES",
            help=f"report {what}: rule ids or categories, comma-separated (may be repeated)",
        )
    settings = parser.add_mutually_exclusive_group()
    settings.add_argument(
        "--config", type=Path, metavar="FILE", help="read settings from FILE instead of searching"
    )
    settings.add_argument(
        "--no-config", action="store_true", help="read no .secondstory.toml or pyproject.toml"
    )


@dataclass(frozen=True)
class Selection:
    """Which findings are reported: the settings file's choice, then the command line's.

    A --select on the command line replaces the file's select and ignore; an --ignore on
    the command line adds to whatever is left. Within one layer, ignore wins."""

    file_select: frozenset[str] | None = None
    file_ignore: frozenset[str] = frozenset()
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()

    def keeps(self, rule_id: str, category: str) -> bool:
        """Whether findings of this rule are reported."""
        names = {rule_id, category}
        if self.select is not None:
            kept = bool(names & self.select)
        else:
            chosen = self.file_select is None or bool(names & self.file_select)
            kept = chosen and not names & self.file_ignore
        return kept and not names & self.ignore


@dataclass(frozen=True)
class Plan:
    """For one settings file: the rules in force and what is reported."""

    rules: RuleSet
    selection: Selection


def run(args: argparse.Namespace) -> int:
    """Check every file named or found in a folder named; return the exit status."""
    from secondstory.cli.lint_output import Result
    from secondstory.language import lint_text

    names, empty = expand(args.files)
    for folder in empty:
        _say(f"warning: {escaped(folder)}: no Markdown or text files inside")
    try:
        plans = _plans(args, names)
    except SecondstoryError as problem:
        _say(escaped(str(problem)))
        return 2
    failed = False
    results: list[Result] = []
    for name in names:
        text = _read(name)
        if text is None:
            failed = True
            continue
        plan = plans[name]
        results.extend(
            Result(None if name == STDIN else name, finding)
            for finding in lint_text(text, plan.rules, markdown=_is_markdown(name, args.read_as))
            if plan.selection.keeps(finding.rule, finding.category)
        )
    sys.stdout.write(_render(args.format, results, plans, complete=not failed))
    if failed:
        return 2
    return 1 if results else 0


def _render(output: str, results: list[Result], plans: dict[str, Plan], *, complete: bool) -> str:
    from secondstory.cli import lint_output

    if output == "sarif":
        distinct = list({id(plan): plan for plan in plans.values()}.values())

        def keeps(rule_id: str, category: str) -> bool:
            return any(plan.selection.keeps(rule_id, category) for plan in distinct)

        rule_sets = [plan.rules for plan in distinct]
        return lint_output.sarif(results, rule_sets, complete=complete, keeps=keeps)
    if output == "json":
        return lint_output.json_list(results)
    if output == "github":
        return lint_output.github(results)
    return lint_output.text(results)


def _plans(args: argparse.Namespace, names: list[str]) -> dict[str, Plan]:
    """The rules and selection for each file, from its settings file and the command line."""
    from secondstory.cli.lint_config import NO_CONFIG, forget
    from secondstory.language import load_rules_or_default

    forget()
    by_config: dict[LintConfig, Plan] = {}
    rules_for: dict[tuple[Path, ...], RuleSet] = {}
    warnings: set[str] = set()
    plans: dict[str, Plan] = {}
    for name in names:
        config = _config_for(args, name)
        if config not in by_config:
            extra = (*config.rules, *args.rules)
            if extra not in rules_for:
                rules, warning = load_rules_or_default(extra)
                if warning is not None and warning not in warnings:
                    warnings.add(warning)
                    _say(f"warning: {escaped(warning)}")
                rules_for[extra] = rules
            by_config[config] = _plan(args, config, rules_for[extra])
        plans[name] = by_config[config]
    if not names:  # nothing to read, but a misspelt --select is still worth saying
        _plan(args, NO_CONFIG, load_rules_or_default(args.rules)[0])
    return plans


def _config_for(args: argparse.Namespace, name: str) -> LintConfig:
    from secondstory.cli.lint_config import NO_CONFIG, find_config, read_config

    if args.no_config:
        return NO_CONFIG
    if args.config is not None:
        return read_config(args.config)
    folder = Path.cwd() if name == STDIN else Path(name).parent
    found = find_config(folder)
    return NO_CONFIG if found is None else read_config(found)


def _plan(args: argparse.Namespace, config: LintConfig, rules: RuleSet) -> Plan:
    def checked(values: tuple[str, ...] | list[str] | None, where: str) -> frozenset[str] | None:
        if values is None:
            return None
        names = frozenset(_split(values))
        _check_names(names, rules, where)
        return names

    def key(name: str) -> str:
        return f"{config.path}: '{config.key(name)}'"

    selection = Selection(
        file_select=checked(config.select, key("select")),
        file_ignore=checked(config.ignore, key("ignore")) or frozenset(),
        select=checked(args.select, "--select"),
        ignore=checked(args.ignore, "--ignore") or frozenset(),
    )
    return Plan(rules, selection)


def _split(values: tuple[str, ...] | list[str]) -> list[str]:
    """`["a,b", "c"]` -> `["a", "b", "c"]`; blanks are left out."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _check_names(names: frozenset[str], rules: RuleSet, where: str) -> None:
    """Raise one readable problem for the first name that is no rule id or category."""
    from secondstory.language import NOT_BLAME

    reported = [rule for rule in rules.rules if rule.category not in NOT_BLAME]
    categories = sorted({rule.category for rule in reported})
    ids = [rule.id for rule in reported]
    for name in sorted(names):
        if name in categories or name in ids:
            continue
        close = difflib.get_close_matches(name, categories + ids, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise SecondstoryError(
            f"{where}: no rule or category is named {name!r}{hint}; "
            f"the categories are {', '.join(categories)}; the rules are {', '.join(ids)}"
        )


def _read(name: str) -> str | None:
    """The file's text, or None after saying on stderr why it could not be read."""
    try:
        if name == STDIN:  # as bytes: the same UTF-8 rule as for files, whatever the locale
            raw = getattr(sys.stdin, "buffer", None)
            return raw.read().decode("utf-8") if raw is not None else sys.stdin.read()
        return Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        reason = "no such file"
    except IsADirectoryError:
        reason = "is a folder, not a file"
    except UnicodeDecodeError:
        reason = "is not UTF-8 text"
    except OSError as exc:
        reason = f"cannot be read ({exc.strerror or exc})"
    _say(f"{'<stdin>' if name == STDIN else escaped(name)}: {reason}")
    return None


def escaped(name: str) -> str:
    """A file name as the text output shows it: controls and bidi overrides as escapes."""
    from secondstory.cli.lint_output import escaped as shown

    return shown(name)


def _say(line: str) -> None:
    print(f"secondstory lint: {line}", file=sys.stderr)


def _is_markdown(name: str, read_as: str) -> bool:
    if read_as != "auto":
        return read_as == "markdown"
    return name == STDIN or Path(name).suffix.lower() in MARKDOWN_SUFFIXES

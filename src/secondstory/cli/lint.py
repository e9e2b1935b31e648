"""`secondstory lint FILE...`: blame and hindsight language in Markdown or text drafts.

One finding per line as `path:line:col: rule-id: message` (or a JSON list), exit 0 when
clean, 1 with findings, 2 when a file or a rules file named with --rules could not be read.
A broken team file in the config folder is named in one warning line on stderr and left
out: the built-in rules still check everything. Markdown files
(and standard input) skip code blocks, inline code, HTML comments and block quotes; plain
text files skip only quoted words. The findings themselves come from
`secondstory.language.lint_text`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from secondstory.errors import FileProblem
from secondstory.language import Finding, lint_text, load_rules_or_default

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx"})
STDIN = "-"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `lint` command to the CLI."""
    parser = subparsers.add_parser(
        "lint",
        help="notice blame and hindsight language in Markdown or text files",
        description=(
            "Notice blame and hindsight language in post-incident drafts and suggest a "
            "kinder question. Prints path:line:col: rule-id: message per finding; exits 0 "
            "when clean, 1 with findings, 2 when something could not be read."
        ),
        epilog="Silence a line with a comment like <!-- secondstory: ignore [RULE...] -->.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="Markdown or text files; - reads standard input"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
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


def run(args: argparse.Namespace) -> int:
    """Check every file named; return the exit status."""
    try:
        rules, warning = load_rules_or_default(args.rules)
    except FileProblem as problem:
        print(f"secondstory lint: {problem}", file=sys.stderr)
        return 2
    if warning is not None:
        print(f"secondstory lint: warning: {warning}", file=sys.stderr)
    failed = False
    results: list[tuple[str, Finding]] = []
    for name in args.files:
        text = _read(name)
        if text is None:
            failed = True
            continue
        markdown = _is_markdown(name, args.read_as)
        shown = "<stdin>" if name == STDIN else name
        results.extend((shown, finding) for finding in lint_text(text, rules, markdown=markdown))
    _print(results, args.format)
    if failed:
        return 2
    return 1 if results else 0


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
    print(f"secondstory lint: {'<stdin>' if name == STDIN else name}: {reason}", file=sys.stderr)
    return None


def _is_markdown(name: str, read_as: str) -> bool:
    if read_as != "auto":
        return read_as == "markdown"
    return name == STDIN or Path(name).suffix.lower() in MARKDOWN_SUFFIXES


def _print(results: list[tuple[str, Finding]], output: str) -> None:
    if output == "json":
        items: list[dict[str, Any]] = [
            {
                "path": path,
                "line": f.line,
                "col": f.col,
                "rule": f.rule,
                "category": f.category,
                "message": f.message,
                "reframe": f.reframe,
                "text": f.text,
            }
            for path, f in results
        ]
        print(json.dumps(items, indent=2, ensure_ascii=False))
        return
    for path, f in results:
        print(f"{path}:{f.line}:{f.col}: {f.rule}: {f.message}")

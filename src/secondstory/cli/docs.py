"""`secondstory docs [TOPIC]`: the documentation, from the installed package, offline."""

from __future__ import annotations

import argparse
import sys

from secondstory.errors import NotFound
from secondstory.export.textsafe import printable
from secondstory.files.resources import doc_topics


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the docs command to the command line."""
    parser = subparsers.add_parser(
        "docs",
        help="read the documentation, offline",
        description="Print a part of secondstory's documentation as plain text; it comes "
        "with the installed package, so it needs no internet. Without TOPIC, list them.",
    )
    parser.add_argument("topic", nargs="?", metavar="TOPIC", help="e.g. cli, formats, readme")


def run(args: argparse.Namespace) -> int:
    """Print one topic, or the list of them."""
    topics = doc_topics()
    if args.topic is None:
        print("Topics (read one with: secondstory docs TOPIC):")
        width = max((len(name) for name in topics), default=0)
        for name, source in topics.items():
            print(printable(f"  {name.ljust(width)}  {_title(source.read_text('utf-8'))}"))
        return 0
    name = args.topic.lower().removesuffix(".md")
    if name not in topics:
        known = ", ".join(topics) or "none are installed"
        raise NotFound(f"There is no documentation topic {args.topic!r}; the topics: {known}")
    sys.stdout.write(printable(topics[name].read_text("utf-8")))
    return 0


def _title(text: str) -> str:
    """The first heading of a Markdown text, without its #."""
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return ""

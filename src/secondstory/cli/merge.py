"""`secondstory merge PATH...`: the shared accounts as one narrative, without a screen."""

from __future__ import annotations

import argparse
import stat
import sys
from pathlib import Path

from secondstory.errors import SecondstoryError
from secondstory.export import FORMATS, SUFFIXES, render
from secondstory.export.textsafe import printable
from secondstory.files.storage import SHARED_FILE, atomic_write
from secondstory.narrative.merge import load_sources, merge_sources
from secondstory.narrative.sources import why_kept


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the merge command to the command line."""
    parser = subparsers.add_parser(
        "merge",
        help="merge shared accounts into one narrative (Markdown, HTML or JSON)",
        description="Merge the shared accounts of an incident into one narrative. PATH is an "
        "incident folder or account files. Files that cannot be read are listed on stderr "
        "and left out; they never stop the merge.",
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="incident folder or account file"
    )
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        help="md (the default), html (one self-contained file) or json; "
        "with -o, the file's ending chooses when --format is not given",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of the screen"
    )
    parser.add_argument(
        "--anonymize", action="store_true", help="Person A, Person B… instead of names"
    )


def run(args: argparse.Namespace) -> int:
    """Merge, report what was left out on stderr, and write the narrative."""
    sources = load_sources(args.paths)
    for skipped in sources.skipped:
        _say(f"secondstory: skipped {skipped.path}: {skipped.reason}")
    for duplicate in sources.duplicates:
        _say(
            f"secondstory: skipped {duplicate.dropped}: holds the same account as "
            f"{duplicate.kept}, {why_kept(duplicate)}"
        )
    if not sources.accounts:
        print("secondstory: no shared accounts found yet; the narrative is empty", file=sys.stderr)
    text = render(merge_sources(sources), _format(args), anonymize=args.anonymize)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    _write(args.output, text)
    _say(f"Wrote {args.output}")
    return 0


def _say(line: str) -> None:
    """One line on stderr; file names and reasons come from files, so no controls pass."""
    print(printable(line), file=sys.stderr)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output is not None:
        by_suffix = {suffix: fmt for fmt, suffix in SUFFIXES.items()} | {".htm": "html"}
        return by_suffix.get(args.output.suffix.lower(), "md")
    return "md"


def _write(path: Path, text: str) -> None:
    """Write atomically to the file `path` names, following symlinks to the real file.

    The write replaces the file by renaming a new one over it, so anything that is not a
    regular file (a device, a fifo, a socket) is refused rather than replaced.
    """
    try:
        target = path.resolve()
        mode = target.stat().st_mode if target.exists() else None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise SecondstoryError(f"{path} could not be written ({reason})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise SecondstoryError(f"{path} is a folder; give a file name to write the narrative to")
    if mode is not None and not stat.S_ISREG(mode):
        raise SecondstoryError(
            f"{path} is not a regular file (a device, fifo or socket); "
            "give the name of a file to write the narrative to"
        )
    try:
        atomic_write(target, text.encode("utf-8"), SHARED_FILE)
    except OSError as exc:
        raise SecondstoryError(f"{path} could not be written ({exc.strerror or exc})") from None

"""`secondstory merge PATH...`: the shared accounts as one narrative, without a screen."""

from __future__ import annotations

import argparse
import stat
import sys
from pathlib import Path

from secondstory.errors import NotFound, SecondstoryError
from secondstory.export import NAMES, SUFFIXES
from secondstory.export.textsafe import printable

# The merge, the files' models and the renderers are imported in `run` and the helpers it
# calls, so `secondstory --help` and the other commands do not load them.

NOTHING_TO_MERGE = 1
"""Exit code when no account could be merged: none shared yet, or every one left out."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the merge command to the command line."""
    parser = subparsers.add_parser(
        "merge",
        help="merge shared accounts into one narrative (Markdown, HTML or JSON)",
        description="Merge the shared accounts of an incident into one narrative. PATH is an "
        "incident folder, the id of an incident you have opened before, account files, or - "
        "for one account on standard input. Files that cannot be read are listed on stderr "
        "and left out. Exit 1 when there is nothing to merge.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="incident folder or id, account file, or - for standard input",
    )
    parser.add_argument(
        "--format",
        choices=sorted(NAMES),
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
    from secondstory.export import render
    from secondstory.narrative.merge import load_sources, merge_sources
    from secondstory.narrative.sources import STDIN, why_kept

    paths = _resolve(args.paths)
    stdin = sys.stdin.buffer.read() if STDIN in paths else None
    sources = load_sources(paths, stdin)
    for skipped in sources.skipped:
        _say(f"secondstory: skipped {skipped.path}: {skipped.reason}")
    for duplicate in sources.duplicates:
        _say(
            f"secondstory: skipped {duplicate.dropped}: holds the same account as "
            f"{duplicate.kept}, {why_kept(duplicate)}"
        )
    if not sources.accounts:
        _say(_nothing_to_merge(paths, len(sources.skipped)))
        return NOTHING_TO_MERGE
    text = render(merge_sources(sources), _format(args), anonymize=args.anonymize)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    _write(args.output, text)
    _say(f"Wrote {args.output}")
    return 0


def _resolve(names: list[str]) -> list[Path]:
    """Paths for what was typed: `-`, a file or folder, or a remembered incident id."""
    from secondstory.files.incidents import known_incidents
    from secondstory.narrative.sources import STDIN

    if names.count(str(STDIN)) > 1:
        raise SecondstoryError("- (standard input) can be given only once")
    paths: list[Path] = []
    for name in names:
        path = Path(name).expanduser()
        if name != str(STDIN) and not path.exists():
            known = known_incidents().get(name)
            if known is None:
                raise NotFound(
                    f"{name} does not exist, and is not the id of an incident you have "
                    "opened; give an incident folder, its id, or account files"
                )
            path = known
        paths.append(path)
    return paths


def _nothing_to_merge(paths: list[Path], skipped: int) -> str:
    """Why no narrative was written, in one line."""
    from secondstory.files.incidents import INCIDENT_FILE, accounts_dir

    if skipped:
        files = "file was" if skipped == 1 else "files were"
        return (
            f"secondstory: nothing to merge: no account could be used "
            f"({skipped} {files} left out, see above)"
        )
    where = ", ".join(str(accounts_dir(p) if (p / INCIDENT_FILE).exists() else p) for p in paths)
    return f"secondstory: nothing to merge yet: no shared accounts in {where}"


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
    from secondstory.files.storage import SHARED_FILE, atomic_write

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

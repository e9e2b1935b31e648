"""Which files `secondstory lint` reads: the ones named, and the drafts inside folders named.

Inside a folder: Markdown and text files, at any depth, in sorted order. Hidden files and
folders (.git, .venv, ...) and tool folders such as node_modules are passed over, and a
symlink is followed only when it leads to a file inside the folder, so a walk never leaves
the tree it was given nor loops.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

STDIN = "-"
FOLDER_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
"""What is read inside a folder (a file named on the command line is read whatever it is)."""
SKIPPED_FOLDERS = frozenset({"node_modules", "venv", "__pycache__", "site-packages"})
"""Folders of tools, not of people's writing (hidden ones are always passed over)."""


def expand(arguments: list[str]) -> tuple[list[str], list[str]]:
    """The files to read, in order and each once, and the folders that held none."""
    found: dict[str, None] = {}
    empty: list[str] = []
    for argument in arguments:
        if argument != STDIN and Path(argument).is_dir():
            inside = inside_folder(Path(argument))
            if not inside:
                empty.append(argument)
            found.update(dict.fromkeys(inside))
        else:
            found[argument] = None
    return list(found), empty


def inside_folder(folder: Path) -> list[str]:
    """The Markdown and text files in `folder` and below, sorted, as paths through it."""
    root = folder.resolve()
    files: list[str] = []
    for here, folders, names in os.walk(folder):  # symlinked folders are not entered
        folders[:] = [name for name in folders if not _skipped(name)]
        for name in names:
            path = Path(here, name)
            wanted = not _skipped(name) and path.suffix.lower() in FOLDER_SUFFIXES
            if wanted and _regular_inside(path, root):
                files.append(str(path))
    return sorted(files, key=lambda name: Path(name).parts)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS


def _regular_inside(path: Path, root: Path) -> bool:
    """A regular file (a fifo would hang the read) whose real place is inside `root`."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        return not path.is_symlink() or path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a dangling link or a loop
        return False

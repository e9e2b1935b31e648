"""Reading secondstory's files safely: ordinary files only, size-limited, TOML parsed.

Kept apart from `storage` (which validates files with pydantic) so that what only reads
bytes or TOML, like `lint` with its compiled rules cached, starts without pydantic.
Reading opens only ordinary files (never waiting on a pipe or device), can refuse
symbolic links, and refuses a file over the size limits in `limits` before parsing it.
"""

from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from secondstory.errors import FileProblem
from secondstory.files.limits import MAX_FILE_BYTES, describe_size


def read_bytes(path: Path, *, follow_symlinks: bool = True, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of an ordinary file, or one clear FileProblem; never waits on a pipe.

    With `follow_symlinks` False, a symbolic link is refused rather than followed: used
    where secondstory looks for its own files (accounts/, drafts, incident.toml).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a folder, not a file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise FileProblem(
                path, "is a symbolic link; secondstory reads only ordinary files here"
            ) from None
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(path, "is not an ordinary file (a pipe, device or socket)")
        too_big = FileProblem(
            path,
            f"is larger than the {describe_size(limit)} secondstory reads "
            f"({describe_size(max(info.st_size, limit + 1))}); it was not read",
        )
        if info.st_size > limit:
            raise too_big
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew after the check
                raise too_big
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    """The parsed TOML of bytes read from `path`, or one clear FileProblem."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileProblem(path, "is not UTF-8 text") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileProblem(path, f"is not valid TOML ({exc})") from None
    except RecursionError:
        raise FileProblem(path, "is not valid TOML (nested too deeply)") from None


def read_toml(path: Path, *, follow_symlinks: bool = True) -> dict[str, Any]:
    """The parsed TOML of `path`, or one clear FileProblem."""
    return parse_toml(path, read_bytes(path, follow_symlinks=follow_symlinks))

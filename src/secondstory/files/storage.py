"""Reading and writing secondstory's TOML files, atomically and without surprises.

Every write goes to a temporary file in the same folder, is flushed and fsynced, then
renamed over the target, and the folder is fsynced: a crash leaves the old file or the
new one, never half of either. A file that cannot be read is reported, never rewritten.

Temporary files are named `.<file>.<pid>-<host>.<random>.tmp`, created with the final
file's mode, and removed by `clean_leftovers` once the process that wrote them is gone.
Reading (in `reading`, re-exported here) opens only ordinary files (never waiting on a
pipe or device), refuses symbolic links where secondstory looks for its own files, and
refuses a file over the size limits in `limits` before parsing it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import socket
import stat
import time
from pathlib import Path
from typing import Any, TypeVar

import tomli_w
from pydantic import BaseModel, ValidationError

from secondstory.errors import FileProblem, NewerFormat
from secondstory.files.limits import MAX_FILE_BYTES, describe_size, over_limit
from secondstory.files.model import FORMAT
from secondstory.files.paths import PRIVATE_FILE

# Reading lives in `reading` (no pydantic there); its names stay importable from here.
from secondstory.files.reading import parse_toml as parse_toml
from secondstory.files.reading import read_bytes as read_bytes
from secondstory.files.reading import read_toml as read_toml

M = TypeVar("M", bound=BaseModel)
SHARED_FILE = 0o644
"""Readable by everyone who may enter the folder; in a group folder (setgid), 0640."""
STALE_TEMP_SECONDS = 300
"""A temporary file this old is a leftover even when its writer cannot be checked."""

_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]
_TEMP = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)-(?P<host>[0-9a-f]{8})\.[0-9a-f]{8}\.tmp$")
# Earlier versions named temporary files with mkstemp: only their age tells they are left
# over, and only names of files secondstory writes are taken for them.
_OLD_TEMP = re.compile(r"^\.(?P<target>.+\.(?:toml|md|html|json))\.[a-z0-9_]{8}\.tmp$")


def temp_name(path: Path) -> str:
    """The name of a temporary file for `path`: whose it is can be read from the name."""
    return f".{path.name}.{os.getpid()}-{_HOST}.{secrets.token_hex(4)}.tmp"


def atomic_write(path: Path, data: bytes, mode: int = PRIVATE_FILE, *, new: bool = False) -> None:
    """Replace `path` with `data` so that readers see the old or the new file, whole.

    In a setgid folder the new file has the folder's group, and SHARED_FILE is written
    0640: the group reads it, nobody else (see docs/shared-hosts.md). With `new`, the file
    must not exist yet: one that appeared meanwhile raises FileExistsError, untouched.
    """
    folder = path.parent
    tmp = folder / temp_name(path)
    # Created with the final mode, so not even a leftover is more readable than the file.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(tmp, flags, mode)
    try:
        mode = _keep_group(fd, folder, mode)
        os.fchmod(fd, mode)  # the umask may have taken bits a shared file needs
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if new:
            _link_new(tmp, path)
        else:
            os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def _link_new(tmp: Path, path: Path) -> None:
    """Put `tmp` at `path` only if nothing is there: a hard link fails when a file exists."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the look before must do
        if path.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _keep_group(fd: int, folder: Path, mode: int) -> int:
    """Give the file a setgid folder's group (where the system does not), and its mode."""
    try:
        where = os.stat(folder)
    except OSError:
        return mode
    if not where.st_mode & stat.S_ISGID:
        return mode
    if os.fstat(fd).st_gid != where.st_gid:
        with contextlib.suppress(OSError):  # not a member of the group: the system decides
            os.fchown(fd, -1, where.st_gid)
    return _mode_in(folder, mode)


def _mode_in(folder: Path, mode: int) -> int:
    """The mode a file is written with in `folder`: SHARED_FILE is 0640 in a setgid folder."""
    try:
        setgid = bool(os.stat(folder).st_mode & stat.S_ISGID)
    except OSError:
        return mode
    return mode & ~0o007 if mode == SHARED_FILE and setgid else mode


def set_aside(path: Path) -> Path:
    """Keep a file that could not be read under a new name, so a fresh one can take its place.

    Nothing is deleted: `incidents.toml` becomes `incidents.toml.unreadable-20170201T0900Z`.
    """
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.unreadable-{stamp}")
    os.replace(path, kept)
    _fsync_dir(path.parent)
    return kept


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_leftovers(folder: Path, *, target: str | None = None, now: float | None = None) -> int:
    """Remove temporary files interrupted writes left in `folder`; returns how many.

    A temporary file is removed when the process that wrote it, on this machine, is gone,
    or when it is older than STALE_TEMP_SECONDS (its writer may be on another machine).
    A live writer's file is left alone. `target` limits it to one file's temporaries,
    which are then removed whatever their age (a withdraw takes its own leftovers along).
    """
    removed = 0
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _TEMP.match(entry.name) or _OLD_TEMP.match(entry.name)
        if match is None or (target is not None and match["target"] != target):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if target is None and not _left_over(match, now - info.st_mtime):
            continue
        with contextlib.suppress(OSError):  # someone else's, in a shared folder: let it be
            os.unlink(entry.path)
            removed += 1
    return removed


def _left_over(match: re.Match[str], age: float) -> bool:
    if age > STALE_TEMP_SECONDS:
        return True
    if "pid" not in match.groupdict() or match["host"] != _HOST:
        return False
    pid = int(match["pid"])
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, someone else's
    return False


def dump_toml(model: BaseModel, path: Path | None = None) -> bytes:
    """TOML for a model. tomli-w cannot write None, so absent values are left out.

    What could not be read back (a value over a limit, a character UTF-8 cannot hold) is
    refused here with a FileProblem, so nothing is written that would later be unreadable.
    """
    where = path if path is not None else Path(model.__class__.__name__.lower())
    data = model.model_dump(mode="python", exclude_none=True)
    problem = over_limit(data)
    if problem is not None:
        raise FileProblem(where, f"cannot be saved: {problem}")
    try:
        raw = tomli_w.dumps(data).encode("utf-8")
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start : exc.end]
        code = f"U+{ord(char[0]):04X}" if char else "a character"
        raise FileProblem(
            where, f"cannot be saved: it holds {code}, which is not a character a file can hold"
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise FileProblem(
            where,
            f"cannot be saved: it would be {describe_size(len(raw))}, more than the "
            f"{describe_size(MAX_FILE_BYTES)} a file may be",
        )
    return raw


def write_model(
    path: Path, model: BaseModel, mode: int = PRIVATE_FILE, *, new: bool = False
) -> bool:
    """Write a model as TOML, atomically; returns False when the file already says exactly that.

    A file that would not change is not rewritten: its bytes and time stay as they are,
    so synced folders (git, rsync) see no change where there is none.
    """
    return write_if_changed(path, dump_toml(model, path), mode, new=new)


def write_if_changed(
    path: Path, data: bytes, mode: int = PRIVATE_FILE, *, new: bool = False
) -> bool:
    """`atomic_write`, unless the file already holds exactly `data`; True when written."""
    if holds(path, data):
        _keep_mode(path, _mode_in(path.parent, mode))  # a draft stays private all the same
        return False
    atomic_write(path, data, mode, new=new)
    return True


def _keep_mode(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):  # someone else's file: not ours to change
        if stat.S_IMODE(path.stat().st_mode) != mode:
            os.chmod(path, mode)


def holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a file with exactly these bytes."""
    try:
        return path.is_file() and path.read_bytes() == data
    except OSError:
        return False


def parse_model(path: Path, data: dict[str, Any], model: type[M], kind: str) -> M:
    """Validate parsed TOML as `model`, checking size limits, format and kind first."""
    problem = over_limit(data)
    if problem is not None:
        raise FileProblem(path, f"{problem}; it was not read")
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise FileProblem(path, "has no 'format' number, so it is not a secondstory file")
    if version > FORMAT:
        raise NewerFormat(
            path,
            f"uses format {version}, newer than this version of secondstory reads "
            f"(up to {FORMAT}); please update secondstory to open it",
        )
    if data.get("kind") != kind:
        found = repr(data.get("kind"))
        found = found if len(found) <= 60 else f"{found[:57]}..."
        raise FileProblem(path, f"is a {found} file, expected {kind!r}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FileProblem(path, describe_validation(exc)) from None


def read_model(path: Path, model: type[M], kind: str, *, follow_symlinks: bool = True) -> M:
    """Read and validate one file."""
    return parse_model(path, read_toml(path, follow_symlinks=follow_symlinks), model, kind)


def describe_validation(exc: ValidationError) -> str:
    """The first problem of a ValidationError as one readable phrase."""
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}" if where else f"{message}{more}"

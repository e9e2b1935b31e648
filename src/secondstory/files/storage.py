"""Reading and writing secondstory's TOML files, atomically and without surprises.

Every write goes to a temporary file in the same folder, is flushed and fsynced, then
renamed over the target, and the folder is fsynced: a crash leaves the old file or the
new one, never half of either. A file that cannot be read is reported, never rewritten.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import tomllib
from pathlib import Path
from typing import Any, TypeVar

import tomli_w
from pydantic import BaseModel, ValidationError

from secondstory.errors import FileProblem, NewerFormat
from secondstory.files.model import FORMAT
from secondstory.files.paths import PRIVATE_FILE

M = TypeVar("M", bound=BaseModel)
SHARED_FILE = 0o644
"""Readable by everyone who may enter the folder; in a group folder (setgid), 0640."""


def atomic_write(path: Path, data: bytes, mode: int = PRIVATE_FILE, *, new: bool = False) -> None:
    """Replace `path` with `data` so that readers see the old or the new file, whole.

    In a setgid folder the new file has the folder's group, and SHARED_FILE is written
    0640: the group reads it, nobody else (see docs/shared-hosts.md). With `new`, the file
    must not exist yet: one that appeared meanwhile raises FileExistsError, untouched.
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        mode = _keep_group(fd, folder, mode)
        os.fchmod(fd, mode)
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


def _link_new(tmp: str, path: Path) -> None:
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


def dump_toml(model: BaseModel) -> bytes:
    """TOML for a model. tomli-w cannot write None, so absent values are left out."""
    data = model.model_dump(mode="python", exclude_none=True)
    return tomli_w.dumps(data).encode("utf-8")


def write_model(
    path: Path, model: BaseModel, mode: int = PRIVATE_FILE, *, new: bool = False
) -> bool:
    """Write a model as TOML, atomically; returns False when the file already says exactly that.

    A file that would not change is not rewritten: its bytes and time stay as they are,
    so synced folders (git, rsync) see no change where there is none.
    """
    data = dump_toml(model)
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


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed TOML of `path`, or one clear FileProblem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a folder, not a file") from None
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    return parse_toml(path, raw)


def parse_toml(path: Path, raw: bytes) -> dict[str, Any]:
    """The parsed TOML of `raw`, read from `path` (or standard input), or one FileProblem."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileProblem(path, "is not UTF-8 text") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileProblem(path, f"is not valid TOML ({exc})") from None


def parse_model(path: Path, data: dict[str, Any], model: type[M], kind: str) -> M:
    """Validate parsed TOML as `model`, checking format and kind first."""
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
        raise FileProblem(path, f"is a {data.get('kind')!r} file, expected {kind!r}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise FileProblem(path, describe_validation(exc)) from None


def read_model(path: Path, model: type[M], kind: str) -> M:
    """Read and validate one file."""
    return parse_model(path, read_toml(path), model, kind)


def describe_validation(exc: ValidationError) -> str:
    """The first problem of a ValidationError as one readable phrase."""
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "the file"
    message = str(first["msg"]).removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}"

"""One window per draft: a lock file held with flock for as long as the process lives.

The kernel lets go of a flock when its process ends, however it ends (a crash, SIGKILL,
a dropped SSH connection), so a lock is never left stuck. The lock file says who holds
it (host, pid, since when), for the message the second window shows. Lock files are
never removed while in use: removing one would let two processes lock two different files.
On a file system that cannot lock at all, the draft opens without one.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from secondstory.errors import SecondstoryError
from secondstory.files.paths import PRIVATE_FILE

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: one window per draft is not enforced
    fcntl = None  # type: ignore[assignment]

_held: dict[Path, int] = {}
"""Lock files this process holds, with their open descriptors (closing one unlocks it)."""


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as its lock file says."""

    host: str
    pid: int
    since: datetime

    def describe(self) -> str:
        """'process 4242 on build-01, since Wed 01 Feb 09:14'."""
        when = self.since.astimezone().strftime("%a %d %b %H:%M")
        return f"process {self.pid} on {self.host}, since {when}"


class Locked(SecondstoryError):
    """Another process holds the lock."""

    def __init__(self, path: Path, holder: Holder | None) -> None:
        who = holder.describe() if holder else "another process"
        super().__init__(f"{path} is held by {who}")
        self.path = path
        self.holder = holder


def hold(path: Path) -> None:
    """Take the lock at `path` for the rest of this process's life; raise Locked if taken.

    Taking a lock this process already holds does nothing.
    """
    key = path.absolute()
    if key in _held or fcntl is None:
        return
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(key, flags, PRIVATE_FILE)
    except OSError as exc:
        raise SecondstoryError(f"{path} cannot be opened to lock ({exc.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read_holder(fd)
        os.close(fd)
        raise Locked(path, holder) from None
    except OSError:
        # A file system that cannot lock (some network mounts): go on without the lock,
        # rather than keep the person out; a save still never replaces words it did not load.
        os.close(fd)
        return
    me = {"host": socket.gethostname(), "pid": os.getpid(), "since": datetime.now(UTC).isoformat()}
    with contextlib.suppress(OSError):  # who holds it is a courtesy; the lock is what counts
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(me).encode(), 0)
    _held[key] = fd


def release(path: Path) -> None:
    """Let go of a lock this process holds."""
    fd = _held.pop(path.absolute(), None)
    if fd is not None:
        os.close(fd)


def holds(path: Path) -> bool:
    """Whether this process holds the lock at `path`."""
    return path.absolute() in _held


def _read_holder(fd: int) -> Holder | None:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return Holder(str(data["host"]), int(data["pid"]), datetime.fromisoformat(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # being written this instant, or not ours

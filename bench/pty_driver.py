"""A program in a pseudo-terminal of 80x24, with every byte it writes back timestamped.

Used by the benchmarks in this folder (standard library only: pty, os, threading)."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import termios
import threading
import time
from dataclasses import dataclass, field

CURSOR_TO = re.compile(rb"\x1b\[(\d+);(\d+)H")
"""A cursor move to row;column, which a terminal app writes before each run of cells."""


@dataclass
class Chunk:
    """One read from the terminal: when it came and its bytes."""

    at: float
    data: bytes


@dataclass
class Pty:
    """A running program, what it drew, and how to type to it."""

    argv: list[str]
    env: dict[str, str]
    columns: int = 80
    rows: int = 24
    chunks: list[Chunk] = field(default_factory=list)
    started: float = 0.0

    def start(self) -> Pty:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            size = struct.pack("HHHH", self.rows, self.columns, 0, 0)
            fcntl.ioctl(0, termios.TIOCSWINSZ, size)
            os.execvpe(self.argv[0], self.argv, self.env)
        self.pid, self.fd = pid, fd
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            self.chunks.append(Chunk(time.perf_counter(), data))

    def output(self, since: int = 0) -> bytes:
        return b"".join(chunk.data for chunk in self.chunks[since:])

    def mark(self) -> int:
        return len(self.chunks)

    def wait_for(self, text: str | bytes, since: int = 0, timeout: float = 30.0) -> float:
        """Wait until `text` is drawn; return when (perf_counter) the chunk holding it came."""
        wanted = text.encode() if isinstance(text, str) else text
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen = b""
            for chunk in self.chunks[since:]:
                seen += chunk.data
                if wanted in seen:
                    return chunk.at
            time.sleep(0.01)
        raise TimeoutError(f"{wanted!r} never appeared")

    def settle(self, quiet: float = 0.4, timeout: float = 10.0) -> None:
        """Wait until nothing has been drawn for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            last = self.chunks[-1].at if self.chunks else self.started
            if time.perf_counter() - last >= quiet:
                return
            time.sleep(0.02)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def rss_kib(self) -> int:
        """Resident memory of the program now, from /proc."""
        with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            with contextlib.suppress(ChildProcessError):
                done, _ = os.waitpid(self.pid, os.WNOHANG)
                if done:
                    break
            time.sleep(0.02)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)


def rows_touched(data: bytes) -> int:
    """How many distinct screen rows the output moved the cursor to (a full repaint: all)."""
    return len({match.group(1) for match in CURSOR_TO.finditer(data)})


def bursts(chunks: list[Chunk], gap: float = 0.002) -> int:
    """How many separate bursts of output, a burst ending after `gap` seconds of quiet."""
    count, last = 0, None
    for chunk in chunks:
        if last is None or chunk.at - last > gap:
            count += 1
        last = chunk.at
    return count


_TOKEN = re.compile(
    r"\x1b\[([0-9;?<>=]*)([@-~])|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|[\r\n]|[^\x1b\r\n]+"
)


class Screen:
    """The characters a terminal would show after the output so far (no styles).

    Enough of a terminal for what Textual writes: cursor moves, erases, text, CR, LF.
    A stale character that a partial redraw forgot to clear stays here, as on a screen."""

    def __init__(self, columns: int = 80, rows: int = 24) -> None:
        self.columns, self.rows = columns, rows
        self.cells = [[" "] * columns for _ in range(rows)]
        self.x = self.y = 0

    def feed(self, data: bytes) -> None:
        for match in _TOKEN.finditer(data.decode("utf-8", "replace")):
            token = match.group(0)
            if match.group(2):
                self._control(match.group(1), match.group(2))
            elif token == "\r":
                self.x = 0
            elif token == "\n":
                self.y = min(self.rows - 1, self.y + 1)
            elif not token.startswith("\x1b"):
                for char in token:
                    if 0 <= self.y < self.rows and 0 <= self.x < self.columns:
                        self.cells[self.y][self.x] = char
                    self.x += 1

    def _control(self, params: str, final: str) -> None:
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []
        if final == "H" and not params.startswith("?"):
            row, column = [*numbers, 1, 1][:2]
            self.y, self.x = max(row, 1) - 1, max(column, 1) - 1
        elif final == "J" and numbers[:1] == [2]:
            self.cells = [[" "] * self.columns for _ in range(self.rows)]
        elif final == "K":
            row = self.cells[self.y]
            row[self.x :] = [" "] * (self.columns - self.x)

    def lines(self) -> list[str]:
        return ["".join(row) for row in self.cells]

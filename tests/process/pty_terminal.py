"""secondstory in a real pseudo-terminal, for the tests that drive the real command."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import signal
import struct
import sys
import termios
import threading
import time

INHERITED_NOT = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "ESCDELAY")
"""Left out of the environment, so how keys are read does not depend on where tests run."""


class Terminal:
    """secondstory running in a pseudo-terminal, with everything it draws collected."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.output = bytearray()
        pid, fd = pty.fork()
        if pid == 0:  # the child: a terminal of 80x24, then secondstory
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            settings = {**os.environ, "TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"}
            for name in INHERITED_NOT:
                settings.pop(name, None)
            settings.update(env or {})
            argv = [sys.executable, "-m", "secondstory", *args]
            os.execvpe(sys.executable, argv, settings)
        self.pid, self.fd = pid, fd
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def mark(self) -> int:
        """A point in the output; later waits look only at what was drawn after it."""
        return len(self.output)

    def wait_for(self, text: str, since: int = 0, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output[since:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on the screen")
            time.sleep(0.02)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def signal(self, signum: int, timeout: float = 10.0) -> int:
        os.kill(self.pid, signum)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return status
            time.sleep(0.02)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("secondstory did not exit after the signal")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)

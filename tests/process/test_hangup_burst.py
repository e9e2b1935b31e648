"""A burst of typing the app has not handled yet still reaches the disk on hang-up.

A paste without bracketed paste, or a slow link catching up, delivers thousands of keys
at once; the app handles about a thousand a second. A dropped connection right after
must keep every one of them.
"""

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
from pathlib import Path

import pytest

from secondstory.account.drafts import list_drafts
from secondstory.account.prompts import builtin_prompt_set

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

BURST = "".join(chr(ord("a") + i % 26) for i in range(2000))


def _start(*args: str) -> tuple[int, int, bytearray]:
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", TEXTUAL_ANIMATIONS="none")
        os.execvpe(sys.executable, [sys.executable, "-m", "secondstory", *args], env)
    output = bytearray()

    def read() -> None:
        with contextlib.suppress(OSError):
            while chunk := os.read(fd, 65536):
                output.extend(chunk)

    threading.Thread(target=read, daemon=True).start()
    return pid, fd, output


def _wait_for(output: bytearray, text: str, since: int) -> None:
    deadline = time.monotonic() + 20
    while text.encode() not in output[since:]:
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared on the screen")
        time.sleep(0.02)


def _exit_status(pid: int, timeout: float = 15.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError("secondstory did not exit after the hang-up")


def test_a_burst_of_two_thousand_keys_then_a_hang_up_keeps_every_key(
    incident_folder: Path,
) -> None:
    prompts = builtin_prompt_set()
    pid, fd, output = _start("give", str(incident_folder))
    try:
        _wait_for(output, prompts.opening.title, 0)
        steps = [
            ("\r", prompts.identity.author.label),  # begin
            ("Alex\x0e", "To think about"),  # a name, then ctrl+n: the moments
            ("n", "Moment 1"),  # a new moment, the cursor in its time
            ("\tready ", "ready"),  # tab: on to what you did
        ]
        for keys, then in steps:
            mark = len(output)
            os.write(fd, keys.encode())
            _wait_for(output, then, mark)
        os.write(fd, BURST.encode())
        os.kill(pid, signal.SIGHUP)  # at once: almost none of the burst is handled yet
        status = _exit_status(pid)
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    assert os.WIFEXITED(status) or os.WIFSIGNALED(status)
    [draft] = list_drafts()[0]
    assert [m.did for m in draft.account.moments] == ["ready " + BURST]


def test_a_burst_across_a_tab_then_a_hang_up_lands_in_both_answers(
    incident_folder: Path,
) -> None:
    prompts = builtin_prompt_set()
    pid, fd, output = _start("give", str(incident_folder))
    try:
        _wait_for(output, prompts.opening.title, 0)
        for keys, then in [
            ("\r", prompts.identity.author.label),
            ("Alex\x0e", "To think about"),
            ("\x0e", prompts.closing.surprised.label),  # on to looking back
            ("ready ", "ready"),
        ]:
            mark = len(output)
            os.write(fd, keys.encode())
            _wait_for(output, then, mark)
        os.write(fd, ("x" * 1000 + "\t" + "y" * 1000).encode())
        os.kill(pid, signal.SIGHUP)
        status = _exit_status(pid)
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)
    assert os.WIFEXITED(status) or os.WIFSIGNALED(status)
    [draft] = list_drafts()[0]
    closing = draft.account.closing
    kept = (len(closing.surprised), len(closing.helped))
    assert (closing.surprised, closing.helped) == ("ready " + "x" * 1000, "y" * 1000), kept

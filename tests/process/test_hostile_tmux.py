"""Inside tmux: hostile files change neither the window title nor the clipboard.

tmux keeps a pane title (set by OSC 0 and 2) and paste buffers (set by OSC 52 when
set-clipboard is on), so the effects themselves can be read back, and `pipe-pane`
keeps every byte the app writes. A printf of the same sequences first shows that this
tmux does act on them.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_hostile_terminal import _hostile_draft, _hostile_incident, _leaks

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


class Tmux:
    """A private tmux server (its own socket) with one pane of 120x40."""

    def __init__(self, command: str, capture: Path) -> None:
        self.socket = f"secondstory-test-{os.getpid()}-{time.monotonic_ns()}"
        self.run("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "120", "-y", "40", "sh")
        self.run("set-option", "-g", "set-clipboard", "on")
        self.run("pipe-pane", "-o", "-t", "t", f"cat >> {shlex.quote(str(capture))}")
        self.title = self.pane_title()
        self.run("send-keys", "-t", "t", command, "Enter")

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def pane_title(self) -> str:
        return self.run("display-message", "-p", "-t", "t", "#{pane_title}").strip()

    def buffers(self) -> str:
        return self.run("list-buffers").strip()

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared:\n{self.screen()}")
            time.sleep(0.05)

    def wait_for_shell(self, timeout: float = 20.0) -> None:
        """Until the pane runs only its shell again (the app has exited)."""
        deadline = time.monotonic() + timeout
        command = "#{pane_current_command}"
        while self.run("display-message", "-p", "-t", "t", command).strip() != "sh":
            if time.monotonic() > deadline:
                raise AssertionError("the app did not exit")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "t", *keys)
        time.sleep(0.4)

    def close(self) -> None:
        self.run("kill-server")


def _secondstory(tmp_path: Path, *args: str) -> str:
    """A command line that runs secondstory from a script, so the shell echoes no data."""
    env = f"SECONDSTORY_HOME={shlex.quote(os.environ['SECONDSTORY_HOME'])} TERM=xterm-256color"
    command = [sys.executable, "-m", "secondstory", *args]
    script = tmp_path / f"run-{args[0]}.sh"
    script.write_text(f"exec env {env} TEXTUAL_ANIMATIONS=none {shlex.join(command)}\n")
    return f"sh {shlex.quote(str(script))}"


def test_this_tmux_acts_on_title_and_clipboard_sequences(tmp_path: Path) -> None:
    tmux = Tmux(r"printf '\033]0;PWNED\007\033]52;c;aGVsbG8=\007'", tmp_path / "raw")
    try:
        deadline = time.monotonic() + 10
        while tmux.pane_title() != "PWNED" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert tmux.pane_title() == "PWNED"
        assert "hello" in tmux.buffers()
    finally:
        tmux.close()


def test_hostile_answers_and_notes_leave_title_and_clipboard_alone(tmp_path: Path) -> None:
    folder = _hostile_incident(tmp_path)
    _hostile_draft(folder, "identity")
    raw = tmp_path / "raw"
    tmux = Tmux(_secondstory(tmp_path, "give", str(folder)), raw)
    try:
        tmux.wait_for("Moment")  # the step bar
        for key, then in [("C-n", "Moment 1"), ("C-n", "surprised"), ("C-n", ""), ("C-n", "")]:
            tmux.keys(key)
            tmux.wait_for(then)
        tmux.keys("C-q")
        tmux.wait_for_shell()
        tmux.run("send-keys", "-t", "t", _secondstory(tmp_path, "facilitate", str(folder)), "Enter")
        tmux.wait_for("f3 Timeline")
        for key in ("F2", "F3", "Down", "F4", "F5", "F6", "F7", "F8", "Escape", "F1", "Escape"):
            tmux.keys(key)
        assert tmux.pane_title() == tmux.title
        assert tmux.buffers() == ""
    finally:
        tmux.close()
    assert _leaks(raw.read_bytes()) == []
    assert b"[@click=app.quit]q[/]" in raw.read_bytes()

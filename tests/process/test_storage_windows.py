"""Two real `give` windows on one draft: the second says where the draft is open, and
the words typed in the first are all on disk after it quits."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from secondstory.account.drafts import list_drafts
from secondstory.account.prompts import builtin_prompt_set

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")
sys.path.insert(0, str(Path(__file__).parent))
from test_hangup import Terminal  # noqa: E402


def _exit_status(terminal: Terminal, timeout: float = 20.0) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(terminal.pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.02)
    os.kill(terminal.pid, signal.SIGKILL)
    raise AssertionError("secondstory did not exit")


def test_a_second_window_is_refused_and_the_first_keeps_every_word(incident_folder: Path) -> None:
    prompts = builtin_prompt_set()
    first = Terminal("give", str(incident_folder))
    try:
        first.wait_for(prompts.opening.title)
        mark = first.mark()
        first.type("\r")
        first.wait_for(prompts.identity.author.label, since=mark)
        first.type("Alex")
        first.wait_for("Alex", since=mark)
        second = Terminal("give", str(incident_folder))
        try:
            second.wait_for("Close that window first")
            status = _exit_status(second)
            assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 2
            said = bytes(second.output).decode("utf-8", "replace")
            assert f"open in another secondstory window (process {first.pid} on " in said
        finally:
            second.close()
        mark = first.mark()
        first.type(" Rivera")
        first.wait_for("Rivera", since=mark)
        first.type("\x11")  # ctrl+q
        status = _exit_status(first)
        assert os.WIFEXITED(status)
    finally:
        first.close()
    [draft] = list_drafts()[0]
    assert draft.account.author == "Alex Rivera"

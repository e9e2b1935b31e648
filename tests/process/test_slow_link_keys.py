"""An arrow key whose bytes arrive apart (a slow or bursty link) is still an arrow key.

An arrow key is ESC [ A. Textual reads a lone ESC as the Escape key once ESCDELAY
milliseconds (100 by default) pass with nothing after it; then "[A" would be typed into
the answer. Over SSH, secondstory waits longer (SSH_ESCAPE_DELAY_MS) unless ESCDELAY is
set. These tests write the bytes of one key in one write and in two, with a pause.
"""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest
from pty_terminal import Terminal

from secondstory.account.drafts import list_drafts
from secondstory.account.prompts import builtin_prompt_set
from secondstory.cli.interactive import SSH_ESCAPE_DELAY_MS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

UP = "\x1b[A"
OVER_SSH = {"SSH_CONNECTION": "127.0.0.1 50000 127.0.0.1 22", "SSH_TTY": "/dev/pts/9"}


def _two_lines_in_the_first_closing_answer(incident_folder: Path, env: dict[str, str]) -> Terminal:
    prompts = builtin_prompt_set()
    terminal = Terminal("give", str(incident_folder), env=env)
    terminal.wait_for(prompts.opening.title)
    mark = terminal.mark()
    terminal.type("\r")
    terminal.wait_for(prompts.identity.author.label, since=mark)
    mark = terminal.mark()
    terminal.type("Alex\x0e")
    terminal.wait_for("To think about", since=mark)
    mark = terminal.mark()
    terminal.type("\x0e")
    terminal.wait_for(prompts.closing.surprised.label, since=mark)
    mark = terminal.mark()
    terminal.type("one\rtwo")  # enter: a new line in the answer
    terminal.wait_for("two", since=mark)
    return terminal


def _answer_and_cursor(terminal: Terminal) -> tuple[str, list[int] | None]:
    """Save (ctrl+s, handled after the keys before it); the answer and where the cursor is."""
    mark = terminal.mark()
    terminal.type("\x13")
    terminal.wait_for("Saved", since=mark)
    terminal.signal(signal.SIGTERM)
    [draft] = list_drafts()[0]
    return draft.account.closing.surprised, draft.session.cursor


@pytest.mark.parametrize(
    ("env", "pause"),
    [
        ({}, None),  # the whole key in one write, as a terminal sends it
        ({}, 0.03),  # split, well within Textual's 100 ms
        (OVER_SSH, 0.25),  # split by a quarter second: over SSH that is still a key
        ({"ESCDELAY": "1500"}, 0.6),  # a person's own, longer ESCDELAY is heeded
        ({**OVER_SSH, "ESCDELAY": "1500"}, 0.6),  # ...over SSH too
    ],
    ids=["one-write", "split-30ms", "ssh-split-250ms", "escdelay-600ms", "ssh-escdelay-600ms"],
)
def test_an_arrow_key_split_across_reads_moves_the_cursor_and_types_nothing(
    incident_folder: Path, env: dict[str, str], pause: float | None
) -> None:
    terminal = _two_lines_in_the_first_closing_answer(incident_folder, env)
    try:
        if pause is None:
            terminal.type(UP)
        else:
            terminal.type(UP[0])
            time.sleep(pause)
            terminal.type(UP[1:])
        answer, cursor = _answer_and_cursor(terminal)
    finally:
        terminal.close()
    assert (answer, cursor) == ("one\ntwo", [0, 3])  # up a line; no "[A" typed


def test_over_ssh_the_escape_key_alone_is_still_escape(incident_folder: Path) -> None:
    """Escape on a moment goes back to the list, where n makes the next moment."""
    prompts = builtin_prompt_set()
    terminal = Terminal("give", str(incident_folder), env=OVER_SSH)
    try:
        terminal.wait_for(prompts.opening.title)
        mark = terminal.mark()
        terminal.type("\r")
        terminal.wait_for(prompts.identity.author.label, since=mark)
        mark = terminal.mark()
        terminal.type("\x0e")
        terminal.wait_for("To think about", since=mark)
        mark = terminal.mark()
        terminal.type("n")
        terminal.wait_for("Moment 1", since=mark)
        terminal.type("\x1b")
        time.sleep(SSH_ESCAPE_DELAY_MS / 1000 + 0.3)  # nothing follows: it is the Escape key
        mark = terminal.mark()
        terminal.type("n")
        terminal.wait_for("Moment 2", since=mark)
        terminal.signal(signal.SIGTERM)
    finally:
        terminal.close()
    [draft] = list_drafts()[0]
    assert [m.when_text for m in draft.account.moments] == [None, None]

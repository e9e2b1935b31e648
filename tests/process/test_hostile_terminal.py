"""Terminal controls inside files never reach the terminal, also through answer boxes.

The real app runs in a pseudo-terminal with drafts and narrative notes full of escape
sequences; every byte it writes is kept and searched for the sequences the data carries.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import sys
import termios
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from secondstory.account.drafts import Draft, Session, save_draft
from secondstory.account.prompts import builtin_prompt_set
from secondstory.files.incidents import load_incident, load_notes, save_notes
from secondstory.files.model import (
    CLOSING_FIELDS,
    TEXT_FIELDS,
    Account,
    Closing,
    Moment,
    Question,
    Theme,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

HOSTILE = (
    "\x1b]52;c;aGFja2Vk\x07"  # set the clipboard
    "\x1b]0;PWNED\x07"  # set the window title
    "\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\"  # a hyperlink
    "\x1b[2J"  # clear the screen
    "\x00\u202e\x07"  # NUL, right-to-left override, bell
    "[bold]b[/] [@click=app.quit]q[/]"
)
"""What a hostile or careless file could hold in any text."""

FORBIDDEN = {
    "clipboard write (OSC 52)": re.compile(rb"\x1b\]52"),
    "window title (OSC 0)": re.compile(rb"\x1b\][012];"),
    "hyperlink to the file's address (OSC 8)": re.compile(rb"\x1b\]8;[^\x07\x1b]*evil"),
    "clear screen (ESC [ 2 J)": re.compile(rb"\x1b\[2J"),
    "NUL": re.compile(rb"\x00"),
    "right-to-left override": re.compile("\u202e".encode()),
}


class Terminal:
    """secondstory in a pseudo-terminal, every byte it writes kept."""

    def __init__(self, *args: str) -> None:
        self.output = bytearray()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
            env = dict(os.environ, TERM="xterm-256color", TEXTUAL_ANIMATIONS="none")
            os.execvpe(sys.executable, [sys.executable, "-m", "secondstory", *args], env)
        self.pid, self.fd = pid, fd
        threading.Thread(target=self._read, daemon=True).start()

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
        return len(self.output)

    def wait_for(self, text: str, since: int = 0, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output[since:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on the screen")
            time.sleep(0.02)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def step(self, keys: str, then: str | None) -> None:
        """Type `keys` and wait until `then` is drawn (None: a moment for it to settle)."""
        mark = self.mark()
        self.type(keys)
        if keys.endswith("\x1b") or then is None:  # a lone escape stands alone, not alt+key
            time.sleep(0.5)
        if then is not None:
            self.wait_for(then, since=mark)

    def stop(self) -> bool:
        """End the app; True when it was still running (nothing in the data quit it)."""
        running = os.waitpid(self.pid, os.WNOHANG)[0] == 0
        os.kill(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if os.waitpid(self.pid, os.WNOHANG)[0]:
                break
            time.sleep(0.02)
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        time.sleep(0.1)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        return running


def _leaks(output: bytes) -> list[str]:
    """What reached the terminal, each with the bytes around it to say where it was drawn."""
    found = []
    for name, pattern in FORBIDDEN.items():
        if match := pattern.search(output):
            found.append(f"{name}: {output[max(match.start() - 80, 0) : match.end() + 20]!r}")
    return found


def _hostile_draft(incident_folder: Path, step: str) -> Draft:
    incident = load_incident(incident_folder)
    stamp = datetime(2017, 2, 1, 9, 0, tzinfo=UTC)
    moment = Moment(id="m1", when_text="23:00 " + HOSTILE, **dict.fromkeys(TEXT_FIELDS, HOSTILE))
    account = Account(
        incident=incident.id,
        account="0" * 31 + "1",
        author="Alex " + HOSTILE,
        role="DBA " + HOSTILE,
        timezone="Europe/Amsterdam",
        created=stamp,
        updated=stamp,
        moments=[moment],
        closing=Closing(**dict.fromkeys(CLOSING_FIELDS, HOSTILE)),
    )
    session = Session(
        account=account.account,
        incident_folder=str(incident_folder),
        incident_title=incident.title,
        step=step,  # type: ignore[arg-type]
        moment="m1",
    )
    draft = Draft(account, session)
    save_draft(draft, touch=False)
    return draft


def test_an_account_full_of_escapes_reaches_the_terminal_only_as_text(
    incident_folder: Path,
) -> None:
    """Name and role, the moment's time and five answers, the four closing answers."""
    prompts = builtin_prompt_set()
    draft = _hostile_draft(incident_folder, "identity")
    before = draft.path.read_bytes()
    terminal = Terminal("give", str(incident_folder))
    try:
        terminal.wait_for(prompts.identity.author.label)
        terminal.step("\x0e", "Moment 1")  # ctrl+n: on to the moments
        terminal.step("\x0e", prompts.closing.surprised.label)  # on to looking back
        time.sleep(0.5)
    finally:
        terminal.stop()
    assert _leaks(bytes(terminal.output)) == []
    assert "␛]0;PWNED␇".encode() in terminal.output  # the words were drawn, as text
    assert draft.path.read_bytes() == before  # shown, not touched: kept exactly


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from secondstory.files.demo import make_demo

    return make_demo(tmp_path / "reviews")


def test_the_facilitators_notes_full_of_escapes_reach_the_terminal_only_as_text(
    demo: Path,
) -> None:
    """The summary, a theme's title and description, a question being edited."""
    notes = load_notes(demo, load_incident(demo).id)
    notes.summary = HOSTILE
    notes.themes.insert(0, Theme(id="hostile", title="T " + HOSTILE, description=HOSTILE))
    notes.questions.insert(0, Question(id="hostile", text="Q " + HOSTILE))
    save_notes(demo, notes)
    before = (demo / "narrative.toml").read_bytes()
    terminal = Terminal("facilitate", str(demo))
    try:
        terminal.wait_for("f3 Timeline")
        time.sleep(1)
        terminal.step("\x1b[15~", "What it is and how it showed")  # f5: themes
        terminal.step("\x1b[17~", "New question")  # f6: questions
        terminal.step("\r", "Editing the question")  # the first question, to edit
        terminal.step("\x1b[18~", "Your summary")  # f7: the summary
        time.sleep(0.5)
    finally:
        terminal.stop()
    assert _leaks(bytes(terminal.output)) == []
    assert "␛]0;PWNED␇".encode() in terminal.output
    assert (demo / "narrative.toml").read_bytes() == before


F = {n: key for n, key in enumerate(["\x1bOP", "\x1bOQ", "\x1bOR", "\x1bOS"], start=1)}
F.update({5: "\x1b[15~", 6: "\x1b[17~", 7: "\x1b[18~", 8: "\x1b[19~"})
MARKUP_SHOWN = b"[@click=app.quit]q[/]"


def _hostile_incident(tmp_path: Path) -> Path:
    """The sample incident, in a folder whose path holds controls, every text hostile."""
    from secondstory.files.demo import make_demo
    from secondstory.files.incidents import accounts_dir
    from secondstory.files.storage import SHARED_FILE, read_model, write_model

    folder = make_demo(tmp_path / ("reviews\x1b]0;FOLDER\x07\u202e"))
    incident = load_incident(folder)
    incident.title = "Outage " + HOSTILE
    incident.facilitator = "Robin " + HOSTILE
    incident.description = HOSTILE
    write_model(folder / "incident.toml", incident, SHARED_FILE)
    for path in sorted(accounts_dir(folder).glob("*.toml")):
        account = read_model(path, Account, "secondstory.account")
        account.author += " " + HOSTILE
        account.role = HOSTILE
        for moment in account.moments:
            for name in TEXT_FIELDS:
                setattr(moment, name, getattr(moment, name) + " " + HOSTILE)
        for name in CLOSING_FIELDS:
            setattr(account.closing, name, HOSTILE)
        write_model(path, account, SHARED_FILE)
    notes = load_notes(folder, incident.id)
    notes.summary = HOSTILE
    for link in notes.links:
        link.note = HOSTILE
    notes.themes.insert(0, Theme(id="hostile", title="T " + HOSTILE, description=HOSTILE))
    notes.questions.insert(0, Question(id="hostile", text="Q " + HOSTILE))
    save_notes(folder, notes)
    return folder


def test_every_facilitator_screen_shows_hostile_files_only_as_text(tmp_path: Path) -> None:
    """Who shared, timeline and detail, the theme, question and link dialogs, same event,
    themes, questions, summary, export, help."""
    folder = _hostile_incident(tmp_path)
    terminal = Terminal("facilitate", str(folder))
    try:
        terminal.wait_for("f3 Timeline")
        time.sleep(1)
        terminal.step(F[2], "Role")  # who shared
        terminal.step(F[3], "As written")  # the timeline and the moment in full
        terminal.type("\x1b[B\x1b[B")  # down twice: other moments in full
        terminal.step("t", "Which theme does this moment belong to?")  # theme titles
        terminal.step("\x1b", None)
        terminal.step("a", "A question about this moment")
        terminal.step("\x1b", None)
        terminal.step("l", "Linking")  # link this moment …
        terminal.type("j")  # … to the next one
        time.sleep(0.3)
        terminal.step("l", "Link these as the same event?")
        terminal.step("\x1b", None)
        terminal.step(F[4], "Same event")
        terminal.step(F[5], "What it is and how it showed")
        terminal.step(F[6], "New question")
        terminal.step(F[7], "Your summary")
        terminal.step(F[8], "Export the narrative")
        terminal.step("\x1b", None)  # escape closes the dialog
        terminal.step(F[1], "The accounts people have shared")  # help
        terminal.step("\x1b", None)
        time.sleep(0.5)
    finally:
        running = terminal.stop()
    assert _leaks(bytes(terminal.output)) == []
    assert MARKUP_SHOWN in terminal.output
    assert running


def test_every_interview_step_and_home_show_hostile_files_only_as_text(
    tmp_path: Path,
) -> None:
    """Identity, moments, closing, review, share, help; then home with the draft listed."""
    prompts = builtin_prompt_set()
    folder = _hostile_incident(tmp_path)
    draft = _hostile_draft(folder, "opening")
    draft.session.incident_title = load_incident(folder).title
    save_draft(draft, touch=False)
    terminal = Terminal("give", str(folder))
    try:
        terminal.wait_for(prompts.opening.title)
        terminal.step("\r", prompts.identity.author.label)
        terminal.step("\x0e", "Moment 1")
        terminal.step("\x0e", prompts.closing.surprised.label)
        terminal.step("\x0e", prompts.review.title)
        terminal.step("\x0e", prompts.share.title)
        terminal.step(F[1], "secondstory keeps your account")  # help
        terminal.step("\x1b", None)
        time.sleep(0.5)
    finally:
        running = terminal.stop()
    assert _leaks(bytes(terminal.output)) == []
    assert MARKUP_SHOWN in terminal.output
    assert running
    home = Terminal()
    try:
        home.wait_for("Your drafts")
        time.sleep(1)
    finally:
        running = home.stop()
    assert _leaks(bytes(home.output)) == []
    assert "Outage \ufffd]52;c;".encode() in home.output  # the title, drawn as text
    assert running

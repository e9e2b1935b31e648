"""A dropped SSH connection (SIGHUP) or a polite kill (SIGTERM) loses nothing typed.

These drive the real command in a real pseudo-terminal, as a person on a remote host would.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from pty_terminal import Terminal

from secondstory.account.drafts import list_drafts
from secondstory.account.prompts import builtin_prompt_set

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")


def _draft_words() -> list[str]:
    drafts, problems = list_drafts()
    assert problems == []
    [draft] = drafts
    return [draft.account.author] + [m.did for m in draft.account.moments]


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_right_after_typing_loses_nothing(incident_folder: Path, signum: int) -> None:
    prompts = builtin_prompt_set()
    terminal = Terminal("give", str(incident_folder))
    try:
        terminal.wait_for(prompts.opening.title)
        mark = terminal.mark()
        terminal.type("\r")  # begin
        terminal.wait_for(prompts.identity.author.label, since=mark)
        terminal.type("Alex")
        mark = terminal.mark()
        terminal.type("\x0e")  # ctrl+n: on to the moments
        terminal.wait_for("To think about", since=mark)
        mark = terminal.mark()
        terminal.type("n")
        terminal.wait_for("Moment 1", since=mark)
        mark = terminal.mark()
        terminal.type("23:00")
        terminal.wait_for("= 22:00", since=mark)
        mark = terminal.mark()
        terminal.type("\tTyped right before the line dropped")  # tab: on to "what you did"
        terminal.wait_for("dropped", since=mark)
        status = terminal.signal(signum)  # no pause: the autosave has not had its turn
    finally:
        terminal.close()
    assert os.WIFEXITED(status) or os.WIFSIGNALED(status)
    assert _draft_words() == ["Alex", "Typed right before the line dropped"]


def test_a_burst_of_keys_across_tabs_lands_in_the_answers_it_was_typed_for(
    incident_folder: Path,
) -> None:
    """A paste, or a slow SSH link catching up, delivers tab and the next words at once."""
    prompts = builtin_prompt_set()
    terminal = Terminal("give", str(incident_folder))
    try:
        terminal.wait_for(prompts.opening.title)
        mark = terminal.mark()
        terminal.type("\r")
        terminal.wait_for(prompts.identity.author.label, since=mark)
        mark = terminal.mark()
        terminal.type("Alex\tDBA\x0e")  # name, role, ctrl+n in one go
        terminal.wait_for("To think about", since=mark)
        mark = terminal.mark()
        terminal.type("\x0e")  # on to looking back
        terminal.wait_for(prompts.closing.surprised.label, since=mark)
        mark = terminal.mark()
        terminal.type("AAA\tBBB\tCCC")
        terminal.wait_for("CCC", since=mark)
        status = terminal.signal(signal.SIGTERM)
    finally:
        terminal.close()
    assert os.WIFEXITED(status) or os.WIFSIGNALED(status)
    [draft] = list_drafts()[0]
    closing = draft.account.closing
    assert (draft.account.author, draft.account.role) == ("Alex", "DBA")
    assert (closing.surprised, closing.helped, closing.hindered) == ("AAA", "BBB", "CCC")


def test_after_a_hang_up_the_next_keys_land_where_the_typing_was(incident_folder: Path) -> None:
    """Dropped mid-sentence, logged in again, typing on: one answer, in the order typed."""
    prompts = builtin_prompt_set()
    terminal = Terminal("give", str(incident_folder))
    try:
        terminal.wait_for(prompts.opening.title)
        mark = terminal.mark()
        terminal.type("\r")
        terminal.wait_for(prompts.identity.author.label, since=mark)
        mark = terminal.mark()
        terminal.type("Alex\x0e")
        terminal.wait_for("To think about", since=mark)
        mark = terminal.mark()
        terminal.type("n")
        terminal.wait_for("Moment 1", since=mark)
        mark = terminal.mark()
        terminal.type("23:00\tRestarted the")
        terminal.wait_for("Restarted the", since=mark)
        terminal.signal(signal.SIGHUP)
    finally:
        terminal.close()

    again = Terminal("give", str(incident_folder))
    try:
        again.wait_for("Restarted the")
        mark = again.mark()
        again.type(" primary")  # no click, no tab: straight on where it was
        again.wait_for("primary", since=mark)
        again.signal(signal.SIGHUP)
    finally:
        again.close()
    [draft] = list_drafts()[0]
    [moment] = draft.account.moments
    assert (moment.when_text, moment.did, moment.observed) == ("23:00", "Restarted the primary", "")


def test_after_a_hang_up_on_looking_back_the_typing_goes_on_in_the_same_answer(
    incident_folder: Path,
) -> None:
    prompts = builtin_prompt_set()
    terminal = Terminal("give", str(incident_folder))
    try:
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
        terminal.type("Quokka\tLantern")  # the second answer
        terminal.wait_for("Lantern", since=mark)
        terminal.signal(signal.SIGHUP)
    finally:
        terminal.close()

    again = Terminal("give", str(incident_folder))
    try:
        again.wait_for("Lantern")
        mark = again.mark()
        again.type(" lit")
        again.wait_for("Lantern lit", since=mark)
        again.signal(signal.SIGHUP)
    finally:
        again.close()
    [draft] = list_drafts()[0]
    closing = draft.account.closing
    assert (closing.surprised, closing.helped) == ("Quokka", "Lantern lit")

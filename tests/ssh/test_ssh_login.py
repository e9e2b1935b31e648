"""secondstory through a real OpenSSH server, typed into from tmux as a person would.

The connection is dropped by killing the ssh client outright (SIGKILL: no goodbye), so
sshd hangs up on the app, as when a laptop lid shuts or the wifi goes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ssh_helpers import SSHServer, TmuxWindow, app_command, app_processes, wait_until

from secondstory.account.drafts import list_drafts
from secondstory.account.prompts import builtin_prompt_set

pytestmark = pytest.mark.ssh

PROMPTS = builtin_prompt_set()


def _moments() -> list[tuple[str | None, str, str]]:
    drafts, problems = list_drafts()
    assert problems == []
    if not drafts:
        return []
    [draft] = drafts
    return [(m.when_text, m.did, m.observed) for m in draft.account.moments]


def _dropped(tmux: TmuxWindow, folder: Path) -> None:
    """Kill the ssh client; wait until sshd has hung up on the app and it has gone."""
    tmux.kill_client()
    wait_until(lambda: not app_processes(str(folder)), "the app outlived its connection")


def test_a_dropped_connection_loses_nothing_and_resumes_where_the_typing_was(
    sshd: Callable[..., SSHServer],
    tmux: TmuxWindow,
    incident_folder: Path,
    private_home: Path,
) -> None:
    server = sshd(app_command(private_home, "give", str(incident_folder)))
    login = server.ssh_command("xterm-256color", {"LANG": "C.UTF-8"})

    tmux.run(login)
    tmux.wait_for(PROMPTS.opening.title)
    tmux.keys("Enter")
    tmux.wait_for(PROMPTS.identity.author.label)
    tmux.type("Alex")
    tmux.keys("C-n")
    tmux.wait_for("To think about")
    tmux.type("n")
    tmux.wait_for("Moment 1")
    tmux.type("23:00")
    tmux.wait_for("= 22:00")
    tmux.keys("Tab")
    tmux.type("Restarted the")
    tmux.wait_for("Restarted the")
    _dropped(tmux, incident_folder)
    assert _moments() == [("23:00", "Restarted the", "")]

    tmux.run(login)
    tmux.wait_for("Moment 1", "Restarted the")  # the same moment, on screen again
    tmux.type(" primary")  # straight on, no tab and no click: where the cursor was
    tmux.wait_for("Restarted the primary")
    _dropped(tmux, incident_folder)
    assert _moments() == [("23:00", "Restarted the primary", "")]

    tmux.run(login)
    shown = tmux.wait_for("Restarted the primary")
    assert "Moment 1" in shown
    tmux.keys("C-q")
    wait_until(tmux.pane_dead, "ctrl+q did not end the session")
    assert _moments() == [("23:00", "Restarted the primary", "")]
    log = server.log.read_text(errors="replace")
    assert "Accepted publickey" in log, log


@pytest.mark.parametrize(
    ("term", "env"),
    [
        ("xterm-256color", {}),
        ("xterm", {}),
        ("screen", {}),
        ("tmux-256color", {}),
        ("linux", {}),
        ("xterm-256color", {"NO_COLOR": "1"}),
        ("linux", {"NO_COLOR": "1"}),
        ("xterm-256color", {"LANG": ""}),  # no locale sent: sshd gives the app none
    ],
    ids=[
        "xterm-256color",
        "xterm",
        "screen",
        "tmux-256color",
        "linux",
        "no-color",
        "linux-no-color",
        "no-locale",
    ],
)
def test_the_app_starts_and_answers_keys_over_ssh_with_each_term(
    sshd: Callable[..., SSHServer],
    tmux: TmuxWindow,
    incident_folder: Path,
    private_home: Path,
    term: str,
    env: dict[str, str],
) -> None:
    server = sshd(app_command(private_home, "give", str(incident_folder)))
    settings = {k: v for k, v in {"LANG": "C.UTF-8", **env}.items() if v}
    tmux.run(server.ssh_command(term, settings))
    first = tmux.wait_for(PROMPTS.opening.title, "1 Welcome › 2 You")  # UTF-8 comes through
    assert "Traceback" not in first
    tmux.keys("Enter")
    tmux.wait_for(PROMPTS.identity.author.label)
    tmux.type("Kim")
    tmux.wait_for("Kim")
    tmux.keys("C-q")
    wait_until(tmux.pane_dead, "ctrl+q did not end the session")
    [draft] = list_drafts()[0]
    assert draft.account.author == "Kim"


def test_the_screen_follows_a_resize_over_ssh(
    sshd: Callable[..., SSHServer],
    tmux: TmuxWindow,
    incident_folder: Path,
    private_home: Path,
) -> None:
    server = sshd(app_command(private_home, "give", str(incident_folder)))
    tmux.run(server.ssh_command("xterm-256color", {"LANG": "C.UTF-8"}))
    tmux.wait_for(PROMPTS.opening.title)
    tmux.keys("Enter")
    tmux.wait_for(PROMPTS.identity.author.label)
    wait_until(lambda: _footer_row(tmux.screen()) == 23, "no footer on the last row")

    tmux.resize(120, 40)
    wait_until(lambda: _footer_row(tmux.screen()) == 39, "the footer did not move to row 40")
    tmux.type("Sam")
    tmux.wait_for("Sam")

    tmux.resize(80, 24)
    wait_until(lambda: _footer_row(tmux.screen()) == 23, "the footer did not come back")
    shown = tmux.wait_for("Sam", PROMPTS.identity.author.label)
    assert all(len(line) <= 80 for line in shown.splitlines())
    tmux.keys("C-q")
    wait_until(tmux.pane_dead, "ctrl+q did not end the session")
    [draft] = list_drafts()[0]
    assert draft.account.author == "Sam"


def _footer_row(screen: str) -> int | None:
    """The row the footer's keys are drawn on."""
    rows = [n for n, line in enumerate(screen.splitlines()) if "Next step" in line]
    return rows[-1] if rows else None


def test_a_command_set_on_the_key_gives_that_person_their_own_home(
    sshd: Callable[..., SSHServer],
    tmux: TmuxWindow,
    incident_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The README's authorized_keys line: restrict,pty,command="env SECONDSTORY_HOME=..."."""
    alex = tmp_path / "homes" / "alex"
    server = sshd(app_command(alex, "give", str(incident_folder)), per_key=True)
    tmux.run(server.ssh_command("xterm-256color", {"LANG": "C.UTF-8"}))
    tmux.wait_for(PROMPTS.opening.title)
    tmux.keys("Enter")
    tmux.wait_for(PROMPTS.identity.author.label)
    tmux.type("Morgan")
    tmux.wait_for("Morgan")
    _dropped(tmux, incident_folder)
    monkeypatch.setenv("SECONDSTORY_HOME", str(alex))
    [draft] = list_drafts()[0]
    assert draft.account.author == "Morgan"
    assert "ForceCommand" not in (server.folder / "sshd_config").read_text()

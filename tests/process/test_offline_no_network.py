"""secondstory opens no network connection: the main flows pass with the network taken away.

Internet sockets (IPv4, IPv6) and name lookups raise, and every attempt is noted, so
even an attempt that the code caught and went on from fails the test. Local sockets stay:
the event loop uses a socket pair to wake itself.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from secondstory.account.drafts import list_drafts
from secondstory.cli.main import main
from secondstory.files.incidents import create_incident
from secondstory.tui.app import Settings, create_app

SIZE = (80, 24)
NETWORK = (socket.AF_INET, socket.AF_INET6)

GUARD = """
import os, socket, sys
_log = os.environ["NO_NETWORK_LOG"]
def _refuse(what):
    with open(_log, "a", encoding="utf-8") as log:
        log.write(what + "\\n")
    raise OSError(f"no network in this test: {what}")
class _Socket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            _refuse(f"socket({family})")
        super().__init__(family, type, proto, fileno)
socket.socket = _Socket
socket.create_connection = lambda *a, **k: _refuse(f"create_connection{a}")
socket.getaddrinfo = lambda *a, **k: _refuse(f"getaddrinfo{a}")
socket.gethostbyname = lambda *a, **k: _refuse(f"gethostbyname{a}")
from secondstory.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Take the network away in this process; yields the attempts made."""
    tried: list[str] = []

    def refuse(what: str) -> Any:
        tried.append(what)
        raise OSError(f"no network in this test: {what}")

    class Socket(socket.socket):
        def __init__(self, family: Any = -1, type: Any = -1, proto: int = -1, fileno: Any = None):
            if fileno is None and family in (-1, *NETWORK):
                refuse(f"socket({family})")
            super().__init__(family, type, proto, fileno)

    monkeypatch.setattr(socket, "socket", Socket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, lambda *a, _n=name, **k: refuse(f"{_n}{a}"))
    with pytest.raises(OSError):  # the guard itself works
        socket.create_connection(("127.0.0.1", 9))
    tried.clear()
    yield tried
    assert tried == [], f"secondstory tried the network: {tried}"


async def _type(pilot: Any, text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


async def test_interview_share_facilitate_and_export_with_no_network(
    attempts: list[str], incident_folder: Path
) -> None:
    give = create_app(Settings(mode="give", incident=incident_folder))
    async with give.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await _type(pilot, "Sam")
        await pilot.press("ctrl+n", "n")
        await _type(pilot, "23:05")
        await pilot.press("tab")
        await _type(pilot, "Restarted the worker")
        for _ in range(3):
            await pilot.press("ctrl+n")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert len(list((incident_folder / "accounts").glob("*.toml"))) == 1

    facilitate = create_app(Settings(mode="facilitate", incident=incident_folder))
    async with facilitate.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await facilitate.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f8")
        await pilot.click("#ok")
        await pilot.pause()
    assert "Restarted the worker" in (incident_folder / "narrative.md").read_text("utf-8")
    assert attempts == []


def test_the_command_line_flows_run_in_a_process_with_no_network(
    incident_folder: Path, tmp_path: Path
) -> None:
    """share, share --to, incident new and add, merge to every format, lint."""
    from secondstory.account.drafts import start_draft
    from secondstory.account.interview import Interview
    from secondstory.files.incidents import load_incident

    incident = load_incident(incident_folder)
    interview = Interview(start_draft(incident, incident_folder), incident, incident_folder)
    interview.set_identity("author", "Sam")
    interview.set_text(interview.add_moment().id, "did", "The deploy should have been checked")
    interview.save()
    log = tmp_path / "network.log"
    other = tmp_path / "elsewhere"
    handed = tmp_path / "sam.toml"
    runs = [
        ["share", str(incident_folder)],
        ["share", "--to", str(handed)],
        ["incident", "new", "--title", "Checkout outage", "--dir", str(other), "--timezone", "UTC"],
        ["incident", "add", str(other / "checkout-outage"), str(handed)],
        ["merge", str(incident_folder), "-o", str(tmp_path / "n.html")],
        ["merge", str(incident_folder), "--format", "json", "-o", str(tmp_path / "n.json")],
        ["merge", str(other / "checkout-outage"), "--anonymize"],
    ]
    env = {"NO_NETWORK_LOG": str(log)}
    for argv in runs:
        done = _run(argv, env)
        assert done.returncode == 0, (argv, done.stderr)
    notes = tmp_path / "postmortem.md"
    notes.write_text("The deploy should have been checked.\n", "utf-8")
    lint = _run(["lint", str(notes)], env)
    assert lint.returncode == 1 and "postmortem.md:1:" in lint.stdout
    assert (tmp_path / "n.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert not log.exists(), log.read_text("utf-8")
    assert list_drafts()[0][0].session.shared_to == str(handed.resolve())


def test_the_process_guard_notes_an_attempt(tmp_path: Path) -> None:
    """The subprocess guard is not a test that cannot fail: a connection is caught."""
    log = tmp_path / "network.log"
    code = GUARD.replace("from secondstory.cli import main\nsys.exit(main(sys.argv[1:]))\n", "")
    code += "socket.create_connection(('127.0.0.1', 9))\n"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_env({"NO_NETWORK_LOG": str(log)}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "no network in this test" in done.stderr
    assert log.read_text("utf-8").startswith("create_connection(('127.0.0.1', 9)")


def _env(extra: dict[str, str]) -> dict[str, str]:
    import os

    return {**os.environ, **extra}


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", GUARD, *argv],
        env=_env(env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_in_process_command_line_merge_and_lint_with_no_network(
    attempts: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from secondstory.files.demo import make_demo

    demo = make_demo(tmp_path)
    assert main(["merge", str(demo), "--format", "html", "-o", str(tmp_path / "n.html")]) == 0
    notes = tmp_path / "notes.md"
    notes.write_text("It was human error.\n", "utf-8")
    assert main(["lint", str(notes)]) == 1
    assert create_incident("Quiet night", parent=tmp_path / "q", timezone="UTC").is_dir()
    assert attempts == []

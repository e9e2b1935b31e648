"""No network: the app, the merge, lint and the exports work with internet sockets refused."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from secondstory.cli.main import main
from secondstory.files.demo import make_demo
from secondstory.tui.app import Settings, create_app

_Socket = socket.socket


class Refused(AssertionError):
    """Something tried to reach the network."""


class _LocalOnly(_Socket):
    def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            raise Refused(f"an internet socket was opened (family {family})")
        super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]


def _refuse(*args: object, **kwargs: object) -> None:
    raise Refused(f"a network name was looked up: {args}")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Internet sockets and name lookups fail; local pairs (asyncio's own) still work."""
    monkeypatch.setattr(socket, "socket", _LocalOnly)
    for name in ("getaddrinfo", "gethostbyname", "create_connection"):
        monkeypatch.setattr(socket, name, _refuse)


def test_the_guard_itself_refuses_an_internet_socket(no_network: None) -> None:
    with pytest.raises(Refused):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(Refused):
        socket.create_connection(("example.org", 80))


def test_merge_lint_and_every_export_need_no_network(no_network: None, tmp_path: Path) -> None:
    folder = make_demo(tmp_path / "reviews")
    for fmt in ("md", "html", "json"):
        for anonymize in ([], ["--anonymize"]):
            target = tmp_path / f"out-{fmt}{len(anonymize)}"
            argv = ["merge", str(folder), "--format", fmt, "-o", str(target), *anonymize]
            assert main(argv) == 0
    draft = tmp_path / "draft.md"
    draft.write_text("The root cause was human error.\n")
    assert main(["lint", str(draft)]) == 1


async def test_the_app_needs_no_network(no_network: None, tmp_path: Path) -> None:
    folder = make_demo(tmp_path / "reviews")
    app = create_app(Settings(mode="facilitate", incident=folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        for key in ("f2", "f3", "f4", "f5", "f6", "f7", "f1", "escape"):
            await pilot.press(key)
    give = create_app(Settings(mode="give", incident=folder))
    async with give.run_test(size=(80, 24)) as pilot:
        for key in ("enter", "A", "ctrl+n", "n", "tab", "x", "ctrl+n", "ctrl+n"):
            await pilot.press(key)
        await pilot.pause()

"""Shared pieces for the Textual tests: an incident folder and an app on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondstory.tui.app import SecondstoryApp, Settings, create_app


@pytest.fixture(autouse=True)
def full_colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 256-colour terminal outside tmux, whatever the machine running the tests has.

    The app picks its colours and the keys it shows from TERM, COLORTERM, NO_COLOR and
    TMUX; tests that want another terminal set them again before creating the app.
    """
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("COLORTERM", "NO_COLOR", "TMUX", "TEXTUAL_COLOR_SYSTEM"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def give_app(incident_folder: Path) -> SecondstoryApp:
    """The interview for that incident."""
    return create_app(Settings(mode="give", incident=incident_folder))


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """The sample incident: three shared accounts and the facilitator's notes."""
    from secondstory.files.demo import make_demo

    return make_demo(tmp_path / "reviews")


@pytest.fixture
def app(demo: Path) -> SecondstoryApp:
    """The facilitator's screens on the sample incident."""
    return create_app(Settings(mode="facilitate", incident=demo))

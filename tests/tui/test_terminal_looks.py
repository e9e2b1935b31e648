"""The app in the terminals people reach it through: 16 colours, no colour, tmux.

Each test sets the terminal's environment before the app is created, as a login would.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, DataTable, Static
from textual.widgets._footer import FooterKey

from secondstory.files.demo import make_demo
from secondstory.files.incidents import load_incident, remember_incident
from secondstory.tui.app import SecondstoryApp, Settings, create_app
from secondstory.tui.dialogs.export import FormatList
from secondstory.tui.screens.identity import IdentityScreen
from secondstory.tui.terminal import ANSI_THEMES

SIZE = (80, 24)


def demo_home(place: Path) -> SecondstoryApp:
    folder = make_demo(place / "reviews")
    remember_incident(load_incident(folder).id, folder)
    return create_app(Settings(mode="home", demo=True))


async def ready(pilot: Any) -> None:
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()


def shown(widget: Any) -> str:
    """What a widget draws, as plain text."""
    return str(widget.render())


def footer_keys(app: SecondstoryApp) -> dict[str, str]:
    """Each footer entry's action and the key it shows."""
    return {key.action: key.key_display for key in app.screen.query(FooterKey)}


# 16 colours ---------------------------------------------------------------------------------
@pytest.mark.parametrize("term", ["linux", "xterm"])
async def test_a_16_colour_terminal_gets_the_ansi_theme_and_its_styles(
    term: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", term)
    app = demo_home(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme in ANSI_THEMES
        banner = app.screen.query_one("#demo-banner", Static)
        assert banner.styles.color.ansi == 3  # ansi_yellow, as app.tcss says, not bright red
        for key in app.screen.query(FooterKey):
            assert (
                key.rich_style.color is None
                or key.rich_style.color.number is None
                or (key.rich_style.color.number < 16)
            )
        await pilot.press("enter")  # the sample incident: a new account
        await ready(pilot)
        bar = app.screen.query_one("#step-bar")
        assert bar.styles.background.ansi == 4  # ansi_blue, not a grey squeezed into 16


@pytest.mark.parametrize("term", ["xterm-256color", "tmux-256color"])
async def test_a_256_colour_terminal_keeps_the_full_colour_theme(
    term: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", term)
    app = demo_home(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert app.theme not in ANSI_THEMES
        assert app.screen.query_one("#demo-banner", Static).styles.color.ansi is None


# No colour ----------------------------------------------------------------------------------
@pytest.mark.parametrize("term", ["xterm-256color", "linux"])
async def test_without_colour_the_export_choices_read_by_their_marks(
    term: str, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("NO_COLOR", "1")
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        await ready(pilot)
        formats = app.screen.query_one(FormatList)
        names = app.screen.query_one(Checkbox)
        assert [formats.get_option_at_index(i).prompt.plain[:3] for i in range(3)] == [  # type: ignore[union-attr]
            "[X]",
            "[ ]",
            "[ ]",
        ]
        assert shown(names).startswith("▐ ▌")
        await pilot.press("down", "space", "tab", "space")
        await pilot.pause()
        assert formats.formats() == ("md", "html") and names.value
        assert [formats.get_option_at_index(i).prompt.plain[:3] for i in range(3)] == [  # type: ignore[union-attr]
            "[X]",
            "[X]",
            "[ ]",
        ]
        assert shown(names).startswith("▐X▌")


async def test_without_colour_the_row_you_are_on_is_shown_reversed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = demo_home(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one("#incidents", DataTable)
        assert table.get_component_rich_style("datatable--cursor").reverse


async def test_with_colour_the_row_you_are_on_is_shown_by_its_colour(
    tmp_path: Path,
) -> None:
    app = demo_home(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        table = app.screen.query_one("#incidents", DataTable)
        assert not table.get_component_rich_style("datatable--cursor").reverse


# tmux ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "env", [{"TMUX": "/tmp/tmux-0/default,1,0"}, {"TERM": "tmux-256color"}, {"TERM": "screen"}]
)
async def test_inside_tmux_the_footer_offers_the_back_key_that_arrives(
    env: dict[str, str], give_app: SecondstoryApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(give_app.screen, IdentityScreen)
        keys = footer_keys(give_app)
        assert "^b" not in keys["previous_step"]
        assert "←" in keys["previous_step"]
        await pilot.press("alt+left")  # and it does go back
        await pilot.pause()
        assert not isinstance(give_app.screen, IdentityScreen)


async def test_outside_tmux_the_footer_offers_ctrl_b(give_app: SecondstoryApp) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert footer_keys(give_app)["previous_step"] == "^b"

"""Below 80x24: one clear message until the window grows, and nothing lost meanwhile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from secondstory.tui.app import SecondstoryApp, Settings, create_app
from secondstory.tui.screens.facilitate import FacilitateScreen
from secondstory.tui.screens.identity import IdentityScreen
from secondstory.tui.screens.too_small import TooSmallScreen

SIZE = (80, 24)


async def ready(pilot: Any) -> None:
    for _ in range(2):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()


def shown(widget: Any) -> str:
    return str(widget.render())


@pytest.mark.parametrize("small", [(79, 24), (80, 23), (60, 15)])
async def test_below_80x24_one_message_until_the_window_grows(
    small: tuple[int, int], give_app: SecondstoryApp
) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Kim")
        await pilot.pause()
        author = give_app.screen.query_one("#identity-author", Input)
        assert give_app.focused is author and author.value == "Kim"

        await pilot.resize_terminal(*small)
        await pilot.pause()
        assert isinstance(give_app.screen, TooSmallScreen)
        words = shown(give_app.screen.query_one("#too-small-message"))
        assert "This window is smaller than 80×24" in words
        assert f"it is {small[0]}×{small[1]} now" in words
        assert "nothing you typed is lost" in words
        await pilot.press(*"xyz", "tab", "ctrl+n")  # keys go nowhere while it shows
        await pilot.pause()
        assert isinstance(give_app.screen, TooSmallScreen)

        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert isinstance(give_app.screen, IdentityScreen)
        assert give_app.focused is author and author.value == "Kim"
        await pilot.press(*"ber")
        await pilot.pause()
        assert author.value == "Kimber"


async def test_a_window_small_from_the_start_says_so_and_opens_when_it_grows(
    demo: Path,
) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=(70, 20)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await ready(pilot)
        assert isinstance(app.screen, FacilitateScreen)
        assert app.focused is not None

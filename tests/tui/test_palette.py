"""The command palette lists the screen's own actions, from the same bindings as the keys."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from secondstory.tui.app import Settings, create_app
from secondstory.tui.screens.facilitate import FacilitateScreen

SIZE = (80, 24)


def palette_names(app: object, screen: object) -> list[str]:
    return [command.title for command in app.get_system_commands(screen)]  # type: ignore[attr-defined]


async def test_the_facilitators_palette_offers_export_link_theme_and_the_tabs(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, FacilitateScreen)
        names = palette_names(app, app.screen)
        for wanted in ("Export", "Link", "Theme", "Ask", "Next", "Who shared", "Summary", "Help"):
            assert wanted in names
        assert "Up" not in names and "Next answer" not in names  # moving is not an action
        # One quit entry, the toolkit's ("Quit", or "Quit the application" before Textual 7)
        assert len([name for name in names if name.startswith("Quit")]) == 1


async def test_choosing_export_in_the_palette_opens_the_export_dialog(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"export")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "ExportDialog"


async def test_the_interviews_palette_offers_a_new_moment_and_the_steps(
    give_app: object,
) -> None:
    app = give_app
    async with app.run_test(size=SIZE) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        names = palette_names(app, app.screen)  # type: ignore[attr-defined]
        assert "Next step" in names and "Save" in names and "Help" in names
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert type(app.screen).__name__ == "MomentsScreen"  # type: ignore[attr-defined]
        names = palette_names(app, app.screen)  # type: ignore[attr-defined]
        assert "New moment" in names and "Back" in names


async def test_on_the_share_step_the_palette_offers_share_and_it_asks_first(
    give_app: object,
) -> None:
    app = give_app
    async with app.run_test(size=SIZE) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ShareScreen"  # type: ignore[attr-defined]
        assert "Share" in palette_names(app, app.screen)  # type: ignore[attr-defined]
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"  # type: ignore[attr-defined]

"""The export dialog: every format ticked written at once, the choice remembered, paths said."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from secondstory.tui.app import Settings, create_app
from secondstory.tui.dialogs.export import ExportDialog, FormatList
from secondstory.tui.screens.facilitate import FacilitateScreen

SIZE = (80, 24)


async def ready(pilot: Any) -> FacilitateScreen:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, FacilitateScreen)
    return pilot.app.screen


def messages(app: Any) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_every_format_ticked_is_written_and_each_full_path_is_said(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("down", "space", "down", "space", "tab", "tab", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        said = "\n".join(messages(app))
    for name in ("narrative.md", "narrative.html", "narrative.json"):
        assert (demo / name).is_file()
        assert str((demo / name).absolute()) in said
    assert tomllib.loads((demo / "narrative.toml").read_text("utf-8"))["export_formats"] == [
        "md",
        "html",
        "json",
    ]


async def test_the_dialog_opens_with_the_formats_chosen_last_time(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("space", "down", "space", "tab", "tab", "enter")  # HTML only
        await pilot.pause()
    assert (demo / "narrative.html").is_file() and not (demo / "narrative.md").exists()
    again = create_app(Settings(mode="facilitate", incident=demo))
    async with again.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(again.screen, ExportDialog)
        assert again.screen.query_one(FormatList).formats() == ("html",)


async def test_with_nothing_ticked_nothing_is_written_and_the_dialog_says_so(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press("space", "tab", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "Tick at least one format to write." in messages(app)
    assert not list(demo.glob("narrative.*[!l]")) or not (demo / "narrative.md").exists()

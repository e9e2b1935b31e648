"""The disagreements view: what differs said plainly, discussed with a note, kept on disk."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Static

from secondstory.files.model import NarrativeNotes
from secondstory.files.storage import write_model
from secondstory.tui.app import Settings, create_app
from secondstory.tui.screens.disagreements import DisagreementsScreen
from secondstory.tui.screens.facilitate import FacilitateScreen

SIZE = (80, 24)
ALEX = "bd3d886d6913452db8545548cad2f4f7"
PRIYA = "319103cf21174b9fb55606ca631613f2"
PAIR = {f"{ALEX}/m3", f"{PRIYA}/p2"}


def undiscussed(demo: Path) -> None:
    """The sample incident before its debrief: the disagreement not yet talked through."""
    data = tomllib.loads((demo / "narrative.toml").read_text("utf-8"))
    data["disagreements"] = []
    write_model(demo / "narrative.toml", NarrativeNotes.model_validate(data))


async def ready(pilot: Any) -> FacilitateScreen:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, FacilitateScreen)
    return pilot.app.screen


def words(screen: Any, selector: str) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(screen.query_one(selector, Static).content)
    return " ".join(console.export_text().split())


def on_disk(demo: Path) -> list[dict[str, Any]]:
    data = tomllib.loads((demo / "narrative.toml").read_text("utf-8"))
    return list(data.get("disagreements", []))


async def test_f9_shows_what_differs_and_space_marks_it_discussed_on_disk(demo: Path) -> None:
    undiscussed(demo)
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        facilitating = await ready(pilot)
        assert "1 to look at" in words(facilitating, "#fac-title")
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DisagreementsScreen)
        assert words(screen, "#dis-what") == (
            "Alex Moreau wrote 14:14 UTC, Priya Raman 14:18 UTC: 4 minutes apart"
        )
        assert "1 to look at · 0 discussed" in words(screen, "#dis-title")
        sides = [" ".join(str(s.content).split()) for s in screen.query(".dis-side")]
        assert len(sides) == 2 and "Alex Moreau" in sides[0] and "Priya Raman" in sides[1]
        await pilot.press("space")
        await pilot.pause()
        assert "0 to look at · 1 discussed" in words(screen, "#dis-title")
        (kept,) = on_disk(demo)
        assert set(kept["moments"]) == PAIR and kept["state"] == "discussed"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is facilitating
        assert "to look at" not in words(facilitating, "#fac-title")  # counted down


async def test_a_note_on_a_disagreement_is_kept_and_shown(demo: Path) -> None:
    undiscussed(demo)
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert "none yet" in words(screen, "#dis-note")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*"pager clock", "enter")
        await pilot.pause()
        assert "Note: pager clock" in words(screen, "#dis-note")
    (kept,) = on_disk(demo)
    assert (kept["note"], kept["state"]) == ("pager clock", "to-discuss")


async def test_the_demo_shows_its_disagreement_discussed_with_its_note(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        option = screen.query_one("#dis-list").get_option_at_index(0)  # type: ignore[attr-defined]
        assert option.prompt.plain.startswith("[✓] discussed")
        assert "Priya's is from the pager" in words(screen, "#dis-note")

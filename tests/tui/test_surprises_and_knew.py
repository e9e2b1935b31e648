"""On the timeline: s counts a moment as a surprise or not; v shows what each person had seen."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Static

from secondstory.tui.app import Settings, create_app
from secondstory.tui.dialogs.knew import KnewDialog
from secondstory.tui.screens.facilitate import FacilitateScreen
from secondstory.tui.widgets.timeline import Timeline

SIZE = (80, 24)
ALEX = "bd3d886d6913452db8545548cad2f4f7"
PRIYA = "319103cf21174b9fb55606ca631613f2"


async def ready(pilot: Any) -> FacilitateScreen:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, FacilitateScreen)
    return pilot.app.screen


async def settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def go_to(pilot: Any, screen: FacilitateScreen, ref: str) -> None:
    timeline = screen.query_one(Timeline)
    timeline.go_to(ref)
    timeline.focus()
    await pilot.pause()


def text_of(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def test_s_unmarks_a_surprise_then_marks_it_again_in_the_notes_and_the_merge(
    demo: Path,
) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    ref = f"{PRIYA}/p1"
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.session is not None
        assert ref in [s.ref for s in screen.session.narrative.surprises]
        await go_to(pilot, screen, ref)
        await pilot.press("s")
        await settle(pilot)
        assert ref not in [s.ref for s in screen.session.narrative.surprises]
        notes = tomllib.loads((demo / "narrative.toml").read_text("utf-8"))
        assert notes["surprises_unmarked"] == [ref]
        await pilot.press("s")
        await settle(pilot)
        assert ref in [s.ref for s in screen.session.narrative.surprises]
    notes = tomllib.loads((demo / "narrative.toml").read_text("utf-8"))
    assert (notes["surprises_unmarked"], notes["surprises_marked"]) == ([], [ref])


async def test_v_shows_what_each_person_had_seen_by_that_moment(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        await go_to(pilot, screen, f"{ALEX}/m3")
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, KnewDialog)
        people = [" ".join(text_of(s).split()) for s in dialog.query(".knew-person")]
        assert [p.split(" · ")[0] for p in people] == ["Alex Moreau", "Sam Okafor", "Priya Raman"]
        assert "The failover automation had promoted orders-db-2" in people[0]  # m3 itself
        assert "Got paged: replication lag" in people[2]  # Priya's p1, before 14:14
        assert "orders-db-1 was read-only" not in people[2]  # Priya's p2 came at 14:18
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen

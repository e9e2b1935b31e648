"""Times in the interview say which day a bare time is read on, and ask when one looks off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from secondstory.files.incidents import create_incident
from secondstory.tui.app import Settings, create_app
from secondstory.tui.screens.moments import MomentsScreen

SIZE = (80, 24)


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*[c if c != " " else "space" for c in text])


async def test_without_an_incident_start_the_day_a_bare_time_is_read_on_is_said(
    tmp_path: Path,
) -> None:
    folder = create_incident("Night pages", parent=tmp_path, timezone="UTC")
    app = create_app(Settings(mode="give", incident=folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await _type(pilot, "Kim")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, MomentsScreen)
        await pilot.press("n")
        await _type(pilot, "09:00")
        await pilot.pause(0.1)
        reading = str(app.screen.query_one("#when-reading").render())
        assert "With no day given, I read it on today" in reading
        assert "type the day too" in reading
        # a day two weeks earlier for the next moment: far from the first, so asked about
        await pilot.press("ctrl+o")
        earlier = datetime.now(UTC) - timedelta(days=14)
        await _type(pilot, f"{earlier:%Y-%m-%d} 09:00")
        await pilot.pause(0.1)
        reading = str(app.screen.query_one("#when-reading").render())
        assert "This is 14 days away from your other moments. Is that the day you meant?" in reading
        await pilot.press("ctrl+q")


async def test_without_an_incident_start_the_day_is_asked_once_and_places_bare_times(
    tmp_path: Path,
) -> None:
    folder = create_incident("Night pages", parent=tmp_path, timezone="UTC")
    app = create_app(Settings(mode="give", incident=folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await _type(pilot, "Kim")
        said = app.screen.query_one("#day-message")
        assert "read on the day you type it" in str(said.render())
        app.screen.query_one("#identity-day").focus()
        await _type(pilot, "2024-03-14")
        await pilot.pause(0.1)
        assert "Read as Thu 14 Mar 2024." in str(said.render())
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, MomentsScreen)
        await pilot.press("n")
        await _type(pilot, "23:05")
        await pilot.pause(0.1)
        reading = str(app.screen.query_one("#when-reading").render())
        assert reading.startswith("Thu 14 Mar 2024 23:05 UTC")
        assert "With no day given" not in reading
        await pilot.press("ctrl+q")


async def test_an_incident_with_a_start_does_not_ask_for_the_day(tmp_path: Path) -> None:
    folder = create_incident(
        "Night pages", parent=tmp_path, timezone="UTC", started=datetime(2024, 3, 14, 23)
    )
    app = create_app(Settings(mode="give", incident=folder))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert not app.screen.query("#identity-day")
        await pilot.press("ctrl+q")

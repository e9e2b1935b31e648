"""Walking the interview with the keyboard: every word lands on disk and comes back."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import Input, TextArea

from secondstory.account.drafts import list_drafts
from secondstory.files.model import Account
from secondstory.tui.app import Settings, create_app
from secondstory.tui.screens.identity import IdentityScreen
from secondstory.tui.screens.moments import MomentsScreen
from secondstory.tui.screens.opening import OpeningScreen
from secondstory.tui.screens.share import ShareScreen

SIZE = (80, 24)


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*[c if c != " " else "space" for c in text])


async def test_the_interview_opens_with_its_promises(give_app) -> None:  # type: ignore[no-untyped-def]
    async with give_app.run_test(size=SIZE) as pilot:
        assert isinstance(give_app.screen, OpeningScreen)
        await pilot.press("enter")
        assert isinstance(give_app.screen, IdentityScreen)


async def test_a_whole_account_is_kept_on_disk_and_comes_back(  # type: ignore[no-untyped-def]
    give_app, incident_folder: Path
) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # begin
        await _type(pilot, "Alex")
        await pilot.press("tab")
        await _type(pilot, "on-call DBA")
        await pilot.press("ctrl+n")
        assert isinstance(give_app.screen, MomentsScreen)
        await pilot.press("n")  # new moment, cursor in the time field
        await _type(pilot, "23:00")
        await pilot.press("tab")
        await _type(pilot, "Ran the cleanup on db1")
        await pilot.pause(0.1)
        reading = str(give_app.screen.query_one("#when-reading").render())
        assert "22:00 UTC" in reading
        await pilot.press("ctrl+o")
        await _type(pilot, "about 23:30")
        await pilot.press("tab")
        await _type(pilot, "Saw the replica lag")
        await pilot.pause(0.1)
        await pilot.press("ctrl+q")

    drafts, problems = list_drafts()
    assert problems == []
    [draft] = drafts
    account = draft.account
    assert account.author == "Alex"
    assert account.role == "on-call DBA"
    assert [m.did for m in account.moments] == ["Ran the cleanup on db1", "Saw the replica lag"]
    assert account.moments[0].when is not None and account.moments[0].when.hour == 23
    assert account.moments[1].when_precision == "about"
    assert draft.session.step == "moments"

    again = create_app(Settings(mode="give", incident=incident_folder))
    async with again.run_test(size=SIZE) as pilot:
        assert isinstance(again.screen, MomentsScreen)
        await pilot.pause()
        texts = [area.text for area in again.screen.query(TextArea)]
        assert "Saw the replica lag" in texts  # resumed on the moment being edited
        assert again.screen.query_one("#when", Input).value == "about 23:30"


async def test_sharing_writes_a_valid_account_into_the_incident(  # type: ignore[no-untyped-def]
    give_app, incident_folder: Path
) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await _type(pilot, "Sam")
        await pilot.press("ctrl+n")
        await pilot.press("n")
        await _type(pilot, "23:05")
        await pilot.press("tab")
        await _type(pilot, "Restarted the worker")
        for _ in range(3):
            await pilot.press("ctrl+n")
        assert isinstance(give_app.screen, ShareScreen)
        await pilot.press("enter")  # Share
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

    shared = list((incident_folder / "accounts").glob("*.toml"))
    assert len(shared) == 1
    data = tomllib.loads(shared[0].read_text("utf-8"))
    account = Account.model_validate(data)
    assert account.status == "shared"
    assert account.author == "Sam"
    assert account.incident == "checkout-outage"
    assert account.moments[0].did == "Restarted the worker"
    assert oct(shared[0].stat().st_mode & 0o777) == "0o644"

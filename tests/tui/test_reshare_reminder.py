"""Leaving an interview whose words changed since they were shared: one kind reminder."""

from __future__ import annotations

import tomllib
from pathlib import Path

from secondstory.account.drafts import save_draft, share_draft, start_draft
from secondstory.files.incidents import load_incident
from secondstory.files.model import Moment
from secondstory.tui.app import SecondstoryApp, Settings, create_app
from secondstory.tui.dialogs.reshare import REMINDER, ReshareDialog

SIZE = (80, 24)


def shared_then_changed(folder: Path) -> Path:
    """A draft shared with one moment, then given a second: its shared copy is older."""
    draft = start_draft(load_incident(folder), folder)
    draft.account.author = "Sam"
    draft.account.moments = [Moment(id="m1", did="Restarted the worker")]
    save_draft(draft)
    shared = share_draft(draft)
    draft.account.moments.append(Moment(id="m2", did="Paged the database team"))
    save_draft(draft)
    return shared


def moments_in(path: Path) -> list[str]:
    return [m["did"] for m in tomllib.loads(path.read_text("utf-8"))["moments"]]


def giving(folder: Path) -> SecondstoryApp:
    return create_app(Settings(mode="give", incident=folder))


async def test_leaving_asks_once_and_can_leave_the_shared_copy_as_it_was(
    incident_folder: Path,
) -> None:
    shared = shared_then_changed(incident_folder)
    app = giving(incident_folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ReshareDialog)
        assert app.return_code is None  # not left yet
        await pilot.click("#keep")
        await pilot.pause()
        assert app.return_code == 0  # left
    assert moments_in(shared) == ["Restarted the worker"]


async def test_sharing_the_new_version_from_the_reminder_writes_it_and_leaves(
    incident_folder: Path,
) -> None:
    shared = shared_then_changed(incident_folder)
    app = giving(incident_folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert REMINDER.startswith("Your account has changed since you shared it")
        await pilot.press("enter")  # the focused "Share the new version"
        await pilot.pause()
    assert moments_in(shared) == ["Restarted the worker", "Paged the database team"]


async def test_escape_stays_and_the_reminder_does_not_come_twice(incident_folder: Path) -> None:
    shared = shared_then_changed(incident_folder)
    app = giving(incident_folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        step = app.screen
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is step and app.return_code is None
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not isinstance(app.screen, ReshareDialog) and app.return_code == 0
    assert moments_in(shared) == ["Restarted the worker"]


async def test_leaving_an_account_shared_as_it_is_asks_nothing(incident_folder: Path) -> None:
    draft = start_draft(load_incident(incident_folder), incident_folder)
    draft.account.author = "Sam"
    draft.account.moments = [Moment(id="m1", did="Restarted the worker")]
    save_draft(draft)
    share_draft(draft)
    app = giving(incident_folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not isinstance(app.screen, ReshareDialog) and app.return_code == 0

"""Resuming a draft puts the cursor back in the answer it was in, where it was.

After a dropped connection the next keys a person types must land where they were typing,
not on the moments list (where `n` makes a moment and `d` asks to delete one) nor at the
start of another answer.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import tomli_w
from textual.widgets import Input, TextArea

from secondstory.account.drafts import list_drafts
from secondstory.tui.app import SecondstoryApp, Settings, create_app
from secondstory.tui.screens.closing import ClosingScreen
from secondstory.tui.screens.identity import IdentityScreen
from secondstory.tui.screens.moments import MomentsScreen
from secondstory.tui.widgets.moment_list import MomentList

SIZE = (80, 24)


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*[c if c != " " else "space" for c in text])


def _again(incident_folder: Path) -> SecondstoryApp:
    return create_app(Settings(mode="give", incident=incident_folder))


def _draft():  # type: ignore[no-untyped-def]
    [draft] = list_drafts()[0]
    return draft


async def test_the_moments_step_resumes_in_the_answer_and_at_the_cursor(
    incident_folder: Path,
) -> None:
    first = _again(incident_folder)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+o")
        await _type(pilot, "23:00")
        await pilot.press("tab")
        await _type(pilot, "Checked logs")
        await pilot.press("left", "left", "left", "left")  # the cursor before "logs"
        await pilot.press("ctrl+q")
    assert _draft().account.moments[0].did == "Checked logs"

    again = _again(incident_folder)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, MomentsScreen)
        focused = again.focused
        assert isinstance(focused, TextArea)
        assert focused.cursor_location == (0, 8)
        await _type(pilot, "the ")
        await pilot.press("ctrl+q")
    [moment] = _draft().account.moments
    assert (moment.did, moment.observed, moment.when_text) == ("Checked the logs", "", "23:00")


async def test_the_moments_step_resumes_in_the_time_of_the_moment(incident_folder: Path) -> None:
    first = _again(incident_folder)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+o")
        await _type(pilot, "23:")
        await pilot.press("ctrl+q")

    again = _again(incident_folder)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        focused = again.focused
        assert isinstance(focused, Input) and focused.id == "when"
        assert focused.cursor_position == 3
        await _type(pilot, "05")
        await pilot.press("ctrl+q")
    [moment] = _draft().account.moments
    assert (moment.when_text, moment.did) == ("23:05", "")


async def test_the_closing_step_resumes_in_the_answer_it_was_in(incident_folder: Path) -> None:
    first = _again(incident_folder)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+n")
        assert isinstance(first.screen, ClosingScreen)
        await _type(pilot, "The pager")
        await pilot.press("tab")
        await _type(pilot, "Runbook")
        await pilot.press("ctrl+q")

    again = _again(incident_folder)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ClosingScreen)
        focused = again.focused
        assert isinstance(focused, TextArea)
        assert focused.cursor_location == (0, len("Runbook"))
        await _type(pilot, " and Sam")
        await pilot.press("ctrl+q")
    closing = _draft().account.closing
    assert (closing.surprised, closing.helped) == ("The pager", "Runbook and Sam")


async def test_the_identity_step_resumes_in_the_answer_it_was_in(incident_folder: Path) -> None:
    first = _again(incident_folder)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await _type(pilot, "Alex")
        await pilot.press("tab")
        await _type(pilot, "DB")
        await pilot.press("ctrl+q")

    again = _again(incident_folder)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, IdentityScreen)
        await _type(pilot, "A")
        await pilot.press("ctrl+q")
    account = _draft().account
    assert (account.author, account.role) == ("Alex", "DBA")


async def test_a_session_from_before_focus_was_kept_still_opens_on_the_list(
    incident_folder: Path,
) -> None:
    """No remembered field (an older session file): the moments list, as before."""
    first = _again(incident_folder)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+o", "tab")
        await _type(pilot, "Rolled back")
        await pilot.press("ctrl+q")
    draft = _draft()
    path = draft.path.with_name(f"{draft.account.account}.session.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert (data.pop("focus"), data.pop("cursor")) == ("did", [0, len("Rolled back")])
    path.write_text(tomli_w.dumps(data), encoding="utf-8")

    again = _again(incident_folder)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, MomentsScreen)
        assert isinstance(again.focused, MomentList)
    assert _draft().session.step == "moments"


async def test_only_the_step_on_screen_saves_and_says_where_the_cursor_is(
    give_app: SecondstoryApp,
) -> None:
    """A step left behind must not write its own idea of the cursor over the current one."""
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+n", "ctrl+b")
        await pilot.pause()
        assert isinstance(give_app.screen, MomentsScreen)
        assert [s.__self__ for s in give_app._savers] == [give_app.screen]  # type: ignore[attr-defined]

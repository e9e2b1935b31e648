"""A language note is always in view beside its answer, and the footer names its key."""

from __future__ import annotations

from pathlib import Path

import pytest
from scene_keys import typed
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import TextArea

from secondstory.tui.app import SecondstoryApp
from secondstory.tui.screens.closing import ClosingScreen
from secondstory.tui.screens.moments import MomentsScreen
from secondstory.tui.widgets.answer_field import CHECK_AFTER_QUIET, AnswerField
from secondstory.tui.widgets.nudge import Nudge

# Below 80x24 the app shows only a notice asking for a larger window.
SIZES = [(80, 24), (100, 30), (120, 40)]


def in_view(widget: Widget, scroller: Widget) -> bool:
    """Whether the whole of `widget` is inside the visible part of `scroller`."""
    return scroller.content_region.contains_region(widget.region)


def footer_offers_dismiss(app: SecondstoryApp) -> bool:
    return any(
        active.binding.show and active.binding.action == "dismiss_nudge" and active.enabled
        for active in app.screen.active_bindings.values()
    )


async def to_last_answer(app: SecondstoryApp, pilot: Pilot[None]) -> AnswerField:
    """A new account's first moment, with the cursor in its last answer."""
    await pilot.press("enter")  # begin
    await pilot.press(*"Kim", "ctrl+n")
    await pilot.press("ctrl+o")
    await pilot.pause()
    assert isinstance(app.screen, MomentsScreen)
    await pilot.press(*typed("23:00"), *["tab"] * 5)
    field = app.screen.query_one("#field-why", AnswerField)
    assert field.has_focus_within
    return field


async def checked(pilot: Pilot[None]) -> None:
    await pilot.pause(CHECK_AFTER_QUIET + 0.2)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_a_note_on_the_last_answer_of_a_moment_scrolls_into_view(
    give_app: SecondstoryApp, size: tuple[int, int]
) -> None:
    async with give_app.run_test(size=size) as pilot:
        field = await to_last_answer(give_app, pilot)
        editor = field.parent
        assert isinstance(editor, Widget)
        await pilot.press(*typed("I should have checked the replica first"))
        await checked(pilot)
        nudge = field.query_one(Nudge)
        assert nudge.display and nudge.finding is not None
        assert in_view(nudge, editor)
        assert in_view(field, editor)


async def test_the_note_stays_in_view_as_the_answer_grows(give_app: SecondstoryApp) -> None:
    async with give_app.run_test(size=(80, 24)) as pilot:
        field = await to_last_answer(give_app, pilot)
        await pilot.press(*typed("I should have checked it"))
        await checked(pilot)
        for line in range(6):
            await pilot.press("enter", *typed(f"line {line}"))
        await checked(pilot)
        assert field.query_one(TextArea).text.count("\n") == 6
        assert in_view(field.query_one(Nudge), field.parent)  # type: ignore[arg-type]


async def test_the_footer_names_the_dismiss_key_only_while_the_answer_has_a_note(
    give_app: SecondstoryApp,
) -> None:
    async with give_app.run_test(size=(80, 24)) as pilot:
        field = await to_last_answer(give_app, pilot)
        assert not footer_offers_dismiss(give_app)
        await pilot.press(*typed("It was careless"))
        await checked(pilot)
        assert footer_offers_dismiss(give_app)
        await pilot.press("shift+tab")  # an answer without a note
        await pilot.pause()
        assert not footer_offers_dismiss(give_app)
        await pilot.press("tab")
        await pilot.pause()
        assert footer_offers_dismiss(give_app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not field.query_one(Nudge).display
        assert not footer_offers_dismiss(give_app)
        assert field.query_one(TextArea).text == "It was careless"  # the words untouched


async def test_moving_to_an_answer_with_a_note_brings_the_note_into_view(
    give_app: SecondstoryApp, incident_folder: Path
) -> None:
    async with give_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.press(*"Kim", "ctrl+n", "ctrl+n")
        await pilot.pause()
        screen = give_app.screen
        assert isinstance(screen, ClosingScreen)
        await pilot.press("tab", "tab")  # "What got in the way?"
        await pilot.press(*typed("In hindsight it was obvious"))
        await checked(pilot)
        await pilot.press("shift+tab", "shift+tab")
        scroller = screen.query_one(".step-body")
        scroller.scroll_home(animate=False)
        await pilot.pause()
        hindered = screen.query_one("#field-hindered", AnswerField)
        assert not in_view(hindered.query_one(Nudge), scroller)
        await pilot.press("tab", "tab")
        await pilot.pause()
        await pilot.pause()
        assert in_view(hindered.query_one(Nudge), scroller)
        assert footer_offers_dismiss(give_app)

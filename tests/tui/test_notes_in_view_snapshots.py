"""Pictures of a language note under the answer being written, at 80x24 and 120x40.

The note sits below its answer box; on a small terminal the last answer of a moment is
at the bottom of the editor, where a note used to fall out of sight. See snapshot_scenes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from scene_keys import typed
from snapshot_scenes import (
    SIZES,
    after_keys,
    checkout_incident,
    fixed_draft,
    hold_cursors_still,
    scene_fixture,
)
from textual.pilot import Pilot

from secondstory.tui.app import Settings, create_app
from secondstory.tui.widgets.answer_field import CHECK_AFTER_QUIET

Size = tuple[int, int]
Scene = Callable[[str], Path]

scene = scene_fixture("note")


def then_checked(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press `keys`, then wait for the words to be checked and the editor to scroll."""
    pressed = after_keys(*keys)

    async def run(pilot: Pilot[None]) -> None:
        await pressed(pilot)
        await pilot.pause(CHECK_AFTER_QUIET + 0.3)
        await hold_cursors_still(pilot)

    return run


@pytest.mark.parametrize("size", SIZES)
def test_a_note_on_the_last_answer_of_a_moment_is_in_view(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """Moment 2, scrolled so that "What made it make sense then", its box holding "I should
    have checked the lag first" with the cursor after it, and the yellow note on "should
    have checked" with its question and "(ctrl+g: dismiss)" under the box are all in
    view; the footer begins with "^g Dismiss" and still ends with "f1 Help"."""
    folder = checkout_incident(scene("last-answer"))
    fixed_draft(folder, "moments")
    app = create_app(Settings(mode="give", incident=folder))
    keys = ("enter", *["tab"] * 5, *typed("I should have checked the lag first"))
    assert snap_compare(app, terminal_size=size, run_before=then_checked(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_a_note_comes_into_view_with_the_answer_it_is_about(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """Looking back, with the cursor in "What got in the way" (tab twice from the first
    answer): that answer, its box, and the note on "in hindsight" under it are all in
    view, and the footer begins with "^g Dismiss"."""
    folder = checkout_incident(scene("closing"))
    fixed_draft(folder, "closing")
    app = create_app(Settings(mode="give", incident=folder))
    assert snap_compare(app, terminal_size=size, run_before=then_checked("tab", "tab"))

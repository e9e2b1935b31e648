"""Pictures of the facilitator's wording marks on the sample incident, 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from snapshot_scenes import hold_cursors_still

SMALL = (80, 24)
LARGE = (120, 40)


def marked_then(*keys: str) -> Callable[[Any], Awaitable[None]]:
    """Merge, go to Alex's 14:14 moment (n), mark the wording (w), then press `keys`."""

    async def run(pilot: Any) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n", "w", *keys)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # the wording is checked in a thread
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()
        await hold_cursors_still(pilot)

    return run


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_the_wording_to_ask_about_is_marked_and_listed(  # type: ignore[no-untyped-def]
    snap_compare, app, size: tuple[int, int]
) -> None:
    """Alex Moreau's 14:14 moment; at the end of its detail, scrolled into view by w (at
    80x24 the detail below the timeline shows only that end), "Wording to ask about (only
    on your screen; w hides it)", "What made this make sense at the time?" and the one
    place, “should have checked” in Observed · counterfactual, with its question. At
    120x40 the moment's answers are in view above the list, beside the timeline, its
    Observed answer word for word with "should have checked" underlined in bold."""
    assert snap_compare(app, terminal_size=size, run_before=marked_then())

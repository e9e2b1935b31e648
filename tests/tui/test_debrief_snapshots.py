"""Pictures of the debrief's views at 80x24 and 120x40, from the sample incident.

Each docstring says what the picture must show.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from snapshot_scenes import hold_cursors_still

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


def merged_then(*keys: str) -> Callable[[Any], Awaitable[None]]:
    """Merge, press `keys`, then hold still the cursors of whatever they opened."""

    async def run(pilot: Any) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await hold_cursors_still(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await hold_cursors_still(pilot)

    return run


@SIZES
def test_disagreements(snap_compare, app, size) -> None:  # type: ignore[no-untyped-def]
    """f9: the title "Disagreements · 0 to look at · 1 discussed"; the list with
    "[✓] discussed  Alex Moreau wrote 14:14 UTC, Priya Raman 14:18 UTC: 4 minutes apart";
    that sentence in bold over Alex's m3 and Priya's p2 in full, side by side; the note
    about the pager; the footer offers space Discussed, e Note, esc Back."""
    assert snap_compare(app, terminal_size=size, run_before=merged_then("f9"))


@SIZES
def test_follow_ups(snap_compare, app, size) -> None:  # type: ignore[no-untyped-def]
    """f10: "Follow-ups · 2"; Alex's runbook follow-up (owner: Alex Moreau · link: OPS-1423 ·
    an idea from Alex Moreau) and Priya's announcement one (OPS-1424); below, under "Ideas
    from the people involved", Sam Okafor's status page idea still to follow; the footer
    offers a New follow-up, d Delete, esc Back."""
    assert snap_compare(app, terminal_size=size, run_before=merged_then("f10"))


def test_answer_dialog(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    """f6, then r on the first question: "The answer to this question", the question's words,
    "The answer" with Priya's answer in its box, "Who gave it" with Priya Raman, and Keep and
    Cancel."""
    assert snap_compare(app, terminal_size=(80, 24), run_before=merged_then("f6", "r"))


@SIZES
def test_what_each_person_had_seen(snap_compare, app, size) -> None:  # type: ignore[no-untyped-def]
    """v on the fourth moment (Priya · p1, 14:09 UTC): "What each person had seen by then",
    up to Priya Raman · p1; Alex Moreau with his 13:58 and ~14:08 observations, Sam Okafor
    with the first tickets at ~14:05, Priya Raman with the page about replication lag."""
    assert snap_compare(
        app, terminal_size=size, run_before=merged_then("down", "down", "down", "v")
    )


@SIZES
def test_the_reminder_to_share_the_new_version(snap_compare, incident_folder, size) -> None:  # type: ignore[no-untyped-def]
    """ctrl+q in an interview whose words changed since they were shared: a kind window says
    the shared copy still holds the earlier version and either choice is fine, with "Share
    the new version" (focused) and "Leave it as shared before", and "escape stays here."."""
    from test_reshare_reminder import giving, shared_then_changed

    shared_then_changed(incident_folder)

    async def run(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await hold_cursors_still(pilot)

    assert snap_compare(giving(incident_folder), terminal_size=size, run_before=run)

"""Pictures of the facilitator's screens at 80x24 and 120x40, from the sample incident.

The sample's files carry fixed times and nothing on screen reads the clock, so the
pictures only change when the screens do. Each docstring says what the picture must show.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from snapshot_scenes import hold_cursors_still

from secondstory.tui.app import Settings, create_app

SMALL = (80, 24)
LARGE = (120, 40)
SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])


async def merged(pilot: Any) -> None:
    """Wait for the accounts to be read and merged, with every cursor held still."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await hold_cursors_still(pilot)


def merged_then(*keys: str) -> Callable[[Any], Awaitable[None]]:
    """Merge, press `keys`, then hold still the cursors of whatever they opened."""

    async def run(pilot: Any) -> None:
        await merged(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        await hold_cursors_still(pilot)

    return run


@SIZES
def test_timeline(snap_compare, app, size) -> None:  # type: ignore[no-untyped-def]
    """The title line names the incident and 3 shared accounts (nothing left to look at: the
    one disagreement was discussed); the tabs show
    f2..f7; the timeline has a header with Alex Moreau, Sam Okafor and Priya Raman as three
    lanes and a fourth, Evidence, with the alert or chat message nearest before each row
    (14:01 db-automation beside ~14:05; +1 and +2 where more than one fell there), each
    moment in its author's lane with its UTC time (~ for about, ·· for none), a
    bar for moments happening meanwhile, ! on the two moments whose times disagree and = on
    the linked pair. The first moment is highlighted and shown in full below (80x24) or beside
    (120x40): Alex Moreau, on-call SRE, 13:58 UTC, as written in Europe/Amsterdam, Did and
    Observed... The footer shows n Next, l Link, t Theme, a Ask, f8 Export, ^r Refresh."""
    assert snap_compare(app, terminal_size=size, run_before=merged)


def test_timeline_on_a_disagreement(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    """After n: the cursor is on Alex's 14:14 moment marked !, and the detail says it is
    perhaps the same event as Priya Raman · p2, with times 2 min apart beyond their precision.
    The line under the timeline reads "6 of 17" (the disagreement was discussed); the detail
    ends with the
    dim offer to mark the wording to ask about here (1 place)."""
    assert snap_compare(app, terminal_size=SMALL, run_before=merged_then("n", "tab", "end"))


@SIZES
def test_who_shared(snap_compare, app, demo, size) -> None:  # type: ignore[no-untyped-def]
    """The Who shared tab: a table of Alex Moreau (on-call SRE), Sam Okafor (support lead) and
    Priya Raman (database engineer) with their last update in UTC and 6, 5, 6 moments; the note
    that drafts stay private; the incident in brief (started, impact, how it was detected,
    duration, services) and the two evidence lanes, alerts and incident-channel, each said to
    be not anyone's account (at 80x24 these are further down the scrolling view); and,
    kindly, that notes-from-bob.toml was left as it is and not included because it is not
    valid TOML."""
    (demo / "accounts" / "notes-from-bob.toml").write_text("author = ", "utf-8")
    assert snap_compare(app, terminal_size=size, run_before=merged_then("f2"))


@SIZES
def test_same_event(snap_compare, app, size) -> None:  # type: ignore[no-untyped-def]
    """The Same event tab: first the suggestion marked ! (Alex · m3 and Priya · p2, times
    disagree by 2 min, words in common), then the pair the facilitator linked with their
    note. The footer offers c Same event, x Not the same, u Undo, and still f1 Help."""
    assert snap_compare(app, terminal_size=size, run_before=merged_then("f4"))


@SIZES
def test_themes(snap_compare, app, size) -> None:  # type: ignore[no-untyped-def]
    """The Themes tab: the sample's one theme with (3) moments on the left; on the right its
    name, its description and the three moments it holds (Alex m1 and m3, Priya p6). The
    footer offers a New theme and d Delete."""
    assert snap_compare(app, terminal_size=size, run_before=merged_then("f5"))


@SIZES
def test_questions(snap_compare, app, size) -> None:  # type: ignore[no-untyped-def]
    """The Questions tab: two answered questions (✓), the first about 2 moments with
    "Answer (Priya Raman): Two: checkout-api…", the second with Sam Okafor's answer; under
    the list the box labelled "New question (enter adds it)"; the footer offers r Answer."""
    assert snap_compare(app, terminal_size=size, run_before=merged_then("f6"))


@SIZES
def test_summary_with_a_language_note(snap_compare, app, size) -> None:  # type: ignore[no-untyped-def]
    """The Summary tab with "Alex should have checked it. " typed at the start of the
    sample's summary, and under the box a quiet note: A thought: “should have” with its
    message and a reframing question, and (ctrl+g: dismiss). The footer offers ^g Dismiss
    note."""

    keys = "Alex should have checked it. "
    presses = ["f7", *[c if c != " " else "space" for c in keys]]

    async def after(pilot: Any) -> None:
        await merged(pilot)
        await pilot.press(*presses)
        await pilot.pause(1.0)
        await hold_cursors_still(pilot)

    assert snap_compare(app, terminal_size=size, run_before=after)


def test_link_dialog(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    """Linking by hand: l on Alex · m1, down, l on Sam · s1 opens "Link these as the same
    event?" with both moments' first words, a box for an optional note, and Link them /
    Cancel buttons."""
    assert snap_compare(app, terminal_size=SMALL, run_before=merged_then("l", "down", "l"))


def test_theme_dialog(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    """t on Alex · m1: "Which theme does this moment belong to?", the moment's words, the
    sample's theme ticked ✓ because m1 is in it, and a box for a new theme's name."""
    assert snap_compare(app, terminal_size=SMALL, run_before=merged_then("t"))


def test_export_dialog(snap_compare, app) -> None:  # type: ignore[no-untyped-def]
    """f8: "Export the narrative": each format ticked is written into the folder
    checkout-errors-2024-03-14; "[X] Markdown", "[ ] HTML" and "[ ] JSON" each with its file
    name, the Person A, Person B… box unticked, Export and Cancel."""
    assert snap_compare(app, terminal_size=SMALL, run_before=merged_then("f8"))


@SIZES
def test_nobody_has_shared_yet(snap_compare, incident_folder: Path, size) -> None:  # type: ignore[no-untyped-def]
    """An incident with no shared accounts: the title says 0 shared accounts, the timeline
    has only its header, and below it a kind line says no one has shared an account yet and
    that ctrl+r looks again."""
    app = create_app(Settings(mode="facilitate", incident=incident_folder))
    assert snap_compare(app, terminal_size=size, run_before=merged)

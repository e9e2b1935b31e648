"""Pictures of every interview step, at 80x24 and 120x40.

Each test builds its draft with fixed ids, words and times in its own fixed folder (see
snapshot_scenes), opens the interview on one step and compares the screen with the SVG
in __snapshots__/. Update them with `pytest --snapshot-update` and look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from snapshot_scenes import (
    ACCOUNT_ID,
    SIZES,
    after_keys,
    checkout_incident,
    fixed_draft,
    scene_fixture,
)

from secondstory.account.drafts import Step
from secondstory.files.incidents import create_incident
from secondstory.tui.app import SecondstoryApp, Settings, create_app

Size = tuple[int, int]
Scene = Callable[[str], Path]


scene = scene_fixture("give")


def interview_on(place: Path, step: Step, **draft: object) -> SecondstoryApp:
    """The interview on the checkout incident in `place`, resumed on `step` of the draft."""
    folder = checkout_incident(place)
    fixed_draft(folder, step, **draft)  # type: ignore[arg-type]
    return create_app(Settings(mode="give", incident=folder))


@pytest.mark.parametrize("size", SIZES)
def test_the_opening_shows_the_promises_and_a_button_to_begin(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """Step 1 highlighted in the step bar with the incident's title; the opening text, the
    four promises as bullets and the focused "I'm ready to begin" button; the footer
    shows Next step, Back and Help."""
    app = interview_on(scene("opening"), "opening", filled=False)
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_the_identity_step_asks_for_name_role_and_time_zone(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """Step 2 highlighted; three labelled fields with their help: the name "Alex" with the
    cursor in it, the empty role showing its example placeholder, and the time zone
    Europe/Amsterdam taken from the incident."""
    app = interview_on(scene("identity"), "identity", role=None)
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_without_an_incident_start_the_identity_step_asks_for_the_day(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """As above, with a fourth field under the time zone: "Which day did this begin for
    you?" holding 2017-01-31, and under it "Read as Tue 31 Jan 2017." At 80x24 the step
    scrolls (the new field is below the fold); the first fields stay in view."""
    folder = create_incident(
        "Checkout outage", parent=scene("identity-day"), timezone="Europe/Amsterdam"
    )
    fixed_draft(folder, "identity", role=None, day=date(2017, 1, 31))
    app = create_app(Settings(mode="give", incident=folder))
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_the_moments_step_shows_the_list_and_a_language_note(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """Step 3 highlighted; the list holds "1. 23:00 Ran the weekly…" and the selected
    "2. ~23:20 Paused the cleanup…" with the list hint below; on the right a question to
    think about, Moment 2 with "about 23:20" read back as "about Tue 31 Jan 2017 23:20
    Europe/Amsterdam = 22:20 UTC", its answers, and under "What you did" a yellow note
    on "should have checked" with a question to ask instead."""
    app = interview_on(scene("moments"), "moments")
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_deleting_a_moment_asks_first(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """The moments step dimmed behind a small window asking "Delete moment 2 and
    everything written in it?" with Delete and a focused Cancel button."""
    app = interview_on(scene("delete-moment"), "moments")
    assert snap_compare(app, terminal_size=size, run_before=after_keys("d"))


@pytest.mark.parametrize("size", SIZES)
def test_help_over_the_moments_step_lists_its_keys(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """F1 over the moments step: a window titled Help with the short guide and the keys
    of the moments step grouped by what they do (new moment, delete, move, another
    question, next step, back…), ending with how to close it."""
    app = interview_on(scene("help"), "moments")
    assert snap_compare(app, terminal_size=size, run_before=after_keys("f1"))


@pytest.mark.parametrize("size", SIZES)
def test_the_closing_step_asks_four_questions(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """Step 4 "Looking back" highlighted; what surprised, helped and got in the way,
    answered, the first with the cursor; a note on the hindsight words under the third;
    the ideas box empty with its help inside (scroll down at 80x24)."""
    app = interview_on(scene("closing"), "closing")
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_the_review_reads_the_account_as_prose(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """Step 5 highlighted; the byline "Alex, on-call database engineer · times in
    Europe/Amsterdam", then Moment 1 with its time and the answers under first-person
    headings; at 120x40 the whole account and the open notes fit."""
    app = interview_on(scene("review"), "review")
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_the_review_ends_with_the_open_language_notes(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """The review scrolled to its end: "Looking back" in prose, then the list of phrases
    you might look at again, each with where it is (moment 2, looking back) and a
    question, saying they are only suggestions."""
    app = interview_on(scene("review-notes"), "review")
    assert snap_compare(app, terminal_size=size, run_before=after_keys("end"))


@pytest.mark.parametrize("size", SIZES)
def test_the_share_step_says_where_a_copy_would_go(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """Step 6 highlighted; "Not shared yet. Only you can see this draft.", the full path
    of the copy in the incident's accounts/ folder, a focused Share button and a
    disabled Withdraw button."""
    app = interview_on(scene("share"), "share")
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_the_share_step_after_sharing_offers_to_withdraw(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """After Share and yes: "Shared, and up to date.", where the shared copy is, how to
    withdraw it, a focused "Share again" button and an enabled Withdraw button (the
    passing notice that it was shared is cleared first)."""
    place = scene("shared")
    app = interview_on(place, "share")
    keys = after_keys("enter", "y", clear_notices=True)
    assert snap_compare(app, terminal_size=size, run_before=keys)
    assert (place / "checkout-outage" / "accounts" / f"{ACCOUNT_ID}.toml").exists()

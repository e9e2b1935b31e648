"""Pictures of the home screen, at 80x24 and 120x40: with drafts, on first run, in the demo.

Every test has its own home and incident folders at a fixed path (see snapshot_scenes), so
the folders and "Last change" times on screen are the same on every run and machine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from snapshot_scenes import (
    OTHER_ACCOUNT_ID,
    SIZES,
    after_keys,
    checkout_incident,
    fixed_draft,
    scene_fixture,
)

from secondstory.files.demo import make_demo
from secondstory.files.incidents import create_incident, load_incident, remember_incident
from secondstory.tui.app import Settings, create_app

Size = tuple[int, int]
Scene = Callable[[str], Path]


scene = scene_fixture("home")


@pytest.mark.parametrize("size", SIZES)
def test_home_lists_drafts_and_incidents(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """The title, "Your drafts" with the newest first: "Search results went stale", Tue 14
    Mar 10:05, private draft, highlighted; then "Checkout outage", Wed 01 Feb 09:40,
    shared. "Incidents" lists both ids with their titles and full folders; the footer
    shows New account, Open folder, Facilitate and Delete draft."""
    place = scene("drafts")
    checkout = checkout_incident(place)
    search = create_incident(
        "Search results went stale",
        parent=place,
        started=datetime(2017, 3, 14, 9, 30),
        facilitator="Robin",
    )
    fixed_draft(checkout, "share", shared=True)
    fixed_draft(
        search,
        "moments",
        account_id=OTHER_ACCOUNT_ID,
        updated=datetime(2017, 3, 14, 10, 5, tzinfo=UTC),
    )
    app = create_app(Settings(mode="home"))
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_home_on_first_run_says_how_to_begin(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """No drafts and no incidents: both tables show only their headings, and a kind line
    says to press o to open an incident folder or create one with secondstory incident
    new --title ..."""
    scene("first-run")
    app = create_app(Settings(mode="home"))
    assert snap_compare(app, terminal_size=size, run_before=after_keys())


@pytest.mark.parametrize("size", SIZES)
def test_home_in_the_demo_says_nothing_is_kept(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, size: Size
) -> None:
    """The demo banner under the title says it runs in a temporary folder and nothing is
    kept; no drafts; the sample incident checkout-errors-2024-03-14 highlighted among the
    incidents, and a line saying to choose one and press enter to begin."""
    place = scene("demo")
    folder = make_demo(place)
    remember_incident(load_incident(folder).id, folder)
    app = create_app(Settings(mode="home", demo=True))
    assert snap_compare(app, terminal_size=size, run_before=after_keys())

"""Fixed scenes for the snapshot tests: the same folders, ids, words and clock on every run.

The share and home screens show absolute paths and local times, so every picture gets its
own folder at a fixed place under /tmp, and local time is UTC while it is taken.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from secondstory.account.drafts import Draft, Session, Step, save_draft
from secondstory.files.incidents import create_incident, load_incident, shared_account_path
from secondstory.files.model import Account, Closing, Moment
from secondstory.times.parse import parse_when

SNAPSHOT_ROOT = Path("/tmp/secondstory-snapshots")
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
ACCOUNT_ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
OTHER_ACCOUNT_ID = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
CREATED = datetime(2017, 2, 1, 8, 15, tzinfo=UTC)
UPDATED = datetime(2017, 2, 1, 9, 40, tzinfo=UTC)
LANGUAGE_NOTE = "I should have checked the replica first"

MOMENTS: tuple[tuple[str, dict[str, str]], ...] = (
    (
        "23:00",
        {
            "did": "Ran the weekly cleanup script on db1, as the runbook says.",
            "observed": "Disk use on db1 dropped the way it does every week.",
            "expected": "The replica to follow within a minute or two.",
            "assumed": "That the replica on db2 was healthy before I started.",
            "why": "It is the usual Tuesday job and it had never caused trouble.",
        },
    ),
    (
        "about 23:20",
        {
            "did": f"Paused the cleanup and opened the replication dashboard. {LANGUAGE_NOTE}.",
            "observed": "The lag alarm for db2, and checkout errors in the team channel.",
            "expected": "",
            "assumed": "",
            "why": "",
        },
    ),
)
CLOSING = Closing(
    surprised="That the replica was already behind before the cleanup began.",
    helped="Sam joined the call within minutes and read the graphs with me.",
    hindered="The lag alert only fires after ten minutes; in hindsight it was obvious.",
)


@contextmanager
def fixed_scene(name: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty folder at /tmp/secondstory-snapshots/NAME holding home and incidents.

    Held under a lock, so a second test run on the same machine waits rather than
    cleaning the folder away underneath this one; local time is UTC meanwhile.
    """
    SNAPSHOT_ROOT.mkdir(exist_ok=True)
    with open(SNAPSHOT_ROOT / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        place = SNAPSHOT_ROOT / name
        shutil.rmtree(place, ignore_errors=True)
        place.mkdir()
        monkeypatch.setenv("SECONDSTORY_HOME", str(place / "home"))
        zone = os.environ.get("TZ")
        handlers = {s: signal.getsignal(s) for s in (signal.SIGHUP, signal.SIGTERM)}
        os.environ["TZ"] = "UTC"
        time.tzset()
        try:
            yield place
        finally:
            if zone is None:
                os.environ.pop("TZ", None)
            else:
                os.environ["TZ"] = zone
            time.tzset()
            for number, handler in handlers.items():  # the app installs its own
                signal.signal(number, handler)
            shutil.rmtree(place, ignore_errors=True)


def scene_fixture(prefix: str) -> Callable[..., Iterator[Callable[[str], Path]]]:
    """A `scene` fixture: call it with a short name to get the test's own fixed folder."""

    @pytest.fixture
    def scene(
        request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
    ) -> Iterator[Callable[[str], Path]]:
        with ExitStack() as stack:
            yield lambda name: stack.enter_context(
                fixed_scene(scene_name(request, f"{prefix}-{name}"), monkeypatch)
            )

    return scene


def scene_name(request: pytest.FixtureRequest, name: str) -> str:
    """NAME-WIDTHxHEIGHT: short, so the paths on screen stay readable, and one per size."""
    width, height = request.node.callspec.params["size"]
    return f"{name}-{width}x{height}"


def checkout_incident(parent: Path) -> Path:
    """The incident folder most pictures use."""
    return create_incident(
        "Checkout outage",
        parent=parent,
        timezone="Europe/Amsterdam",
        started=datetime(2017, 1, 31, 23, 0),
        facilitator="Robin",
        description="Checkout returned errors for about forty minutes.",
    )


def fixed_moments(zone: str, started: datetime | None) -> list[Moment]:
    """The two moments, their times read the way the screen reads them."""
    moments: list[Moment] = []
    reference = started
    for number, (when_text, words) in enumerate(MOMENTS, start=1):
        reading = parse_when(when_text, zone=zone, reference=reference)
        reference = reading.when or reference
        moments.append(
            Moment(
                id=f"m{number}",
                when=reading.when,
                when_precision=reading.precision,
                when_text=when_text,
                **words,
            )
        )
    return moments


def fixed_draft(
    folder: Path,
    step: Step,
    *,
    account_id: str = ACCOUNT_ID,
    filled: bool = True,
    role: str | None = "on-call database engineer",
    updated: datetime = UPDATED,
    shared: bool = False,
    day: date | None = None,
) -> Draft:
    """A saved draft for the incident in `folder`, resumed on `step`, at moment 2.

    `shared` records it as shared when it last changed, without writing the copy.
    """
    incident = load_incident(folder)
    account = Account(
        incident=incident.id,
        account=account_id,
        author="Alex" if filled else "",
        role=role if filled else None,
        timezone=incident.timezone,
        status="shared" if shared else "draft",
        created=CREATED,
        updated=updated,
        moments=fixed_moments(incident.timezone, incident.started) if filled else [],
        closing=CLOSING.model_copy() if filled else Closing(),
    )
    session = Session(
        account=account_id,
        incident_folder=str(folder.resolve()),
        incident_title=incident.title,
        step=step,
        moment="m2" if filled else None,
        shared_to=str(shared_account_path(folder, account_id).resolve()) if shared else None,
        shared_at=updated if shared else None,
        day=day,
    )
    draft = Draft(account, session)
    save_draft(draft, touch=False)
    return draft


def after_keys(*keys: str, clear_notices: bool = False) -> Callable[[Pilot[None]], Awaitable[None]]:
    """A run_before that presses `keys` one by one, then holds every cursor still.

    `clear_notices` takes away the passing notices, to show what stays on the screen.
    """

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if clear_notices:
            pilot.app.clear_notifications()
        await hold_cursors_still(pilot)

    return run


async def hold_cursors_still(pilot: Pilot[None]) -> None:
    """Stop every cursor blinking, with the cursor shown, before a picture is taken."""
    # Cursors blink every half second; a picture must not depend on when it is taken.
    for screen in pilot.app.screen_stack:
        for widget in screen.query("Input, TextArea"):
            assert isinstance(widget, Input | TextArea)
            widget.cursor_blink = False
    # A screen pushed by the last key can take a few frames to lay out on a busy machine.
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.05)

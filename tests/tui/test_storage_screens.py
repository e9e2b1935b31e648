"""The screens' side of storage: a paste past the field limit, a draft open in another
window, an earlier draft that could not be read."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from secondstory.account.drafts import draft_path, list_drafts, start_draft
from secondstory.files.incidents import load_incident, remember_incident
from secondstory.files.limits import MAX_FIELD_CHARS
from secondstory.tui.app import SecondstoryApp, Settings, create_app
from secondstory.tui.screens.home import HomeScreen
from secondstory.tui.screens.identity import IdentityScreen
from secondstory.tui.screens.opening import OpeningScreen

SIZE = (80, 24)


def _notes(app: SecondstoryApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


@pytest.fixture
def held_elsewhere(incident_folder: Path) -> Iterator[str]:
    """A draft for the incident, open in another process."""
    incident = load_incident(incident_folder)
    remember_incident(incident.id, incident_folder)
    account_id = start_draft(incident, incident_folder).account.account
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import time
                from secondstory.account.drafts import load_draft, lock_draft
                lock_draft(load_draft({account_id!r}))
                print("holding", flush=True)
                time.sleep(120)
            """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    yield account_id
    holder.send_signal(signal.SIGKILL)
    holder.wait()


async def test_a_paste_past_the_limit_is_refused_with_a_note_and_nothing_is_cut(
    give_app: SecondstoryApp,
) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert isinstance(give_app.screen, IdentityScreen)
        await pilot.press("ctrl+n", "ctrl+n")  # on to looking back: answer boxes
        area = give_app.screen.query_one(TextArea)
        area.focus()
        area.post_message(events.Paste("What helped: " + "x" * 50))
        await pilot.pause(0.1)
        kept = area.text
        assert kept.startswith("What helped: ")
        area.post_message(events.Paste("y" * MAX_FIELD_CHARS))
        await pilot.pause(0.1)
        assert area.text == kept
        assert f"holds at most {MAX_FIELD_CHARS:,} characters, so that was not added" in (
            _notes(give_app)
        )
        await pilot.press("ctrl+q")
    [draft] = list_drafts()[0]
    assert kept in draft.account.closing.model_dump().values()


async def test_a_name_past_the_limit_is_refused_with_a_note(give_app: SecondstoryApp) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        name = give_app.screen.query_one("#identity-author", Input)
        name.insert_text_at_cursor("Alex")
        name.insert_text_at_cursor("z" * MAX_FIELD_CHARS)
        await pilot.pause(0.1)
        assert name.value == "Alex"
        assert "so that was not added" in _notes(give_app)


async def test_give_on_a_draft_open_elsewhere_says_so_and_opens_home(
    give_app: SecondstoryApp, held_elsewhere: str
) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert isinstance(give_app.screen, HomeScreen)
        assert "is open in another secondstory window (process " in _notes(give_app)


async def test_home_says_a_draft_is_open_elsewhere_instead_of_opening_it(
    incident_folder: Path, held_elsewhere: str
) -> None:
    app = create_app(Settings(mode="home"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        app.screen.query_one("#drafts").focus()
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert isinstance(app.screen, HomeScreen)
        assert "Close that window first" in _notes(app)
        await pilot.press("d")
        await pilot.pause(0.1)
        await pilot.click("#yes")  # yes, delete: refused while it is open
        await pilot.pause(0.1)
        assert _notes(app).count("Close that window first") == 2
        assert draft_path(held_elsewhere).exists()


async def test_give_says_when_an_earlier_draft_could_not_be_read(
    give_app: SecondstoryApp, incident_folder: Path
) -> None:
    incident = load_incident(incident_folder)
    unreadable = draft_path(start_draft(incident, incident_folder).account.account)
    unreadable.write_text("format = 1\nkind = [", "utf-8")
    async with give_app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        assert isinstance(give_app.screen, OpeningScreen)
        notes = _notes(give_app)
        assert "An earlier draft could not be read, so this is a new one." in notes
        assert f"{unreadable}: is not valid TOML" in notes
    assert unreadable.read_text("utf-8") == "format = 1\nkind = ["


async def test_facilitate_opens_beside_fifos_and_ctrl_q_quits(incident_folder: Path) -> None:
    import os

    from secondstory.account.interview import Interview

    incident = load_incident(incident_folder)
    interview = Interview(start_draft(incident, incident_folder), incident, incident_folder)
    interview.set_identity("author", "Alex")
    interview.set_text(interview.add_moment().id, "did", "Rolled back")
    interview.share()
    os.mkfifo(incident_folder / "accounts" / "x.toml")
    os.mkfifo(incident_folder / "narrative.toml")
    app = create_app(Settings(mode="facilitate", incident=incident_folder))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause(0.1)
            if "1 shared account" in str(app.screen.query_one("#fac-title").render()):
                break
        assert "1 shared account" in str(app.screen.query_one("#fac-title").render())
        assert "is not an ordinary file" in _notes(app)  # narrative.toml: read-only
        await pilot.press("ctrl+q")
        await pilot.pause(0.1)
    assert app.return_code == 0 or app.return_code is None


async def test_home_lists_a_fifo_in_the_drafts_folder_as_one_line(incident_folder: Path) -> None:
    import os

    from secondstory.files.paths import drafts_dir

    start_draft(load_incident(incident_folder), incident_folder)
    fifo = "0" * 32 + ".toml"  # named like a draft, so that only its kind can stop it
    os.mkfifo(drafts_dir() / fifo)
    app = create_app(Settings(mode="home"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.1)
        message = str(app.screen.query_one("#home-message").render())
        assert f"{fifo}: is not an ordinary file" in message
        assert len(app.screen.drafts) == 1  # type: ignore[attr-defined]


async def test_the_facilitators_summary_refuses_a_paste_past_the_limit(
    app: SecondstoryApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause(0.1)
            if getattr(app.screen, "session", None) is not None:
                break
        await pilot.press("f7")
        area = app.screen.query_one("#summary").query_one(TextArea)
        area.focus()
        before = area.text
        area.post_message(events.Paste("z" * (MAX_FIELD_CHARS + 1)))
        await pilot.pause(0.1)
        assert area.text == before
        assert "so that was not added" in _notes(app)

"""The facilitator's marks on blame and hindsight wording: on screen only, words unchanged."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text

from secondstory.export import write_into
from secondstory.files.model import NarrativeNotes
from secondstory.tui.dialogs.export import FormatList
from secondstory.tui.screens.facilitate import FacilitateScreen
from secondstory.tui.widgets.moment_detail import MomentDetail
from secondstory.tui.widgets.timeline import Timeline
from secondstory.tui.widgets.wording import ASK, MARK

SIZE = (120, 40)
ALEX_M3 = "bd3d886d6913452db8545548cad2f4f7/m3"
WORDS = "should have checked"
SHOWN_ONLY_HERE = ("Wording to ask about", ASK, "w marks the wording")


async def ready(pilot: Any) -> FacilitateScreen:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FacilitateScreen)
    return screen


async def on_alex_m3(pilot: Any, screen: FacilitateScreen) -> None:
    """The cursor on Alex's moment whose observation says "I should have checked…"."""
    assert screen.session is not None
    entry = screen.session.narrative.entry(ALEX_M3)
    assert entry is not None and WORDS in entry.observed
    screen.query_one(Timeline).cursor = entry.index
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the wording is checked in a thread
    await pilot.pause()


def body(screen: FacilitateScreen) -> Text:
    """The moment in full, then the wording to ask about (when it has any)."""
    detail = screen.query_one(MomentDetail)
    text = Text()
    for part in (detail.body, detail.wording):
        if part is not None:
            text.append_text(part)
            text.append("\n")
    return text


def marked_words(text: Text) -> list[str]:
    return [text.plain[span.start : span.end] for span in text.spans if str(span.style) == MARK]


async def test_w_marks_the_wording_and_lists_it_with_the_question_to_ask(app) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await on_alex_m3(pilot, screen)
        assert screen.session is not None
        observed = screen.session.narrative.entry(ALEX_M3).observed  # type: ignore[union-attr]
        before = body(screen)
        assert marked_words(before) == []
        assert "w marks the wording to ask about here (1 place)." in before.plain
        await pilot.press("w")
        await pilot.pause()
        after = body(screen)
        assert observed in after.plain  # the participant's words, every character as written
        assert marked_words(after)[0] == WORDS
        assert "Wording to ask about" in after.plain
        assert ASK in after.plain
        assert f"“{WORDS}” in Observed · counterfactual" in after.plain
        await pilot.press("w")
        await pilot.pause()
        assert marked_words(body(screen)) == []
        assert "Wording to ask about" not in body(screen).plain


async def test_a_moment_without_such_wording_has_no_marks_and_no_offer(app) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert screen.query_one(MomentDetail).marking
        text = body(screen)  # the first moment: a plain account of a disk resize
        assert marked_words(text) == []
        assert not any(words in text.plain for words in SHOWN_ONLY_HERE)


def exports(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.glob("narrative*"))
        if path.name != "narrative.toml"
    }


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
async def test_exports_never_hold_the_marks(app, demo: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert screen.session is not None
        plain = write_into(demo, screen.session.current(), fmt, anonymize=False).read_bytes()
        notes = (demo / "narrative.toml").read_bytes()
        await on_alex_m3(pilot, screen)
        await pilot.press("w")
        await pilot.pause()
        assert marked_words(body(screen))[0] == WORDS
        # The facilitator's own export, through the dialog, with the marks on screen.
        await pilot.press("f8")
        await pilot.pause()
        dialog = pilot.app.screen
        dialog.query_one(FormatList).chosen = {fmt}
        await pilot.click("#ok")
        await pilot.pause()
        assert pilot.app.screen is screen
    exported = next(demo.glob(f"narrative.{fmt}")).read_bytes()
    assert exported == plain  # byte for byte what it was without the marks
    text = exported.decode("utf-8")
    for words in SHOWN_ONLY_HERE:
        assert words not in text
    assert "I should have checked the automation" in text  # the words themselves are there
    # Nothing of the marks is saved; the notes change only by the export choice remembered.
    remembered = {"export_formats", "updated"}
    after = NarrativeNotes.model_validate(tomllib.loads((demo / "narrative.toml").read_text()))
    before = NarrativeNotes.model_validate(tomllib.loads(notes.decode("utf-8")))
    assert after.model_dump(exclude=remembered) == before.model_dump(exclude=remembered)

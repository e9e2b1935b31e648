"""Questions get answers with who gave them; ideas become follow-ups with an owner and link."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from secondstory.tui.app import Settings, create_app
from secondstory.tui.screens.facilitate import FacilitateScreen
from secondstory.tui.screens.follow_ups import FollowUpsScreen
from secondstory.tui.widgets.item_list import QuestionList

SIZE = (80, 24)
SAM = "28d0b649edf741cd986997e4dcb01217"


async def ready(pilot: Any) -> FacilitateScreen:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, FacilitateScreen)
    return pilot.app.screen


def on_disk(demo: Path) -> dict[str, Any]:
    return tomllib.loads((demo / "narrative.toml").read_text("utf-8"))


async def test_r_answers_a_question_with_who_gave_it_and_the_list_shows_it(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f6", "a", *"Why two flags", "enter")
        await pilot.pause()
        listing = screen.query_one(QuestionList)
        listing.focus()
        listing.highlighted = 2
        await pilot.press("r")
        await pilot.pause()
        await pilot.press(*"Since the upgrade", "tab", *"Priya", "enter")
        await pilot.pause()
        prompt = listing.get_option_at_index(2).prompt.plain  # type: ignore[union-attr]
        assert prompt.startswith("✓ Why two flags")
        assert "Answer (Priya): Since the upgrade" in prompt
    asked = on_disk(demo)["questions"][2]
    assert (asked["answer"], asked["answered_by"], asked["resolved"]) == (
        "Since the upgrade",
        "Priya",
        True,
    )


async def test_an_idea_becomes_a_follow_up_with_an_owner_and_a_link_on_disk(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f10")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        ideas = screen.query_one("#idea-list")
        assert [i.author for i in screen.ideas] == ["Sam Okafor"]  # the others are follow-ups
        ideas.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab", *"Jo", "tab", *"https://t.example/SUP-9", "enter")
        await pilot.pause()
        assert screen.ideas == ()
        follow = screen.query_one("#follow-list")
        text = follow.get_option_at_index(2).prompt.plain  # type: ignore[attr-defined]
        assert "owner: Jo · link: https://t.example/SUP-9 · an idea from Sam Okafor" in text
    kept = on_disk(demo)["follow_ups"][2]
    assert (kept["id"], kept["owner"], kept["link"], kept["source"]) == (
        "f3",
        "Jo",
        "https://t.example/SUP-9",
        SAM,
    )
    assert kept["text"].startswith("A status page line")


async def test_a_follow_up_can_be_written_new_and_deleted(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f10", "a", *"Page the DB channel", "enter")
        await pilot.pause()
        assert [f["text"] for f in on_disk(demo)["follow_ups"]][-1] == "Page the DB channel"
        follow = app.screen.query_one("#follow-list")
        follow.highlighted = 2  # type: ignore[attr-defined]
        await pilot.press("d")
        await pilot.pause()
    assert len(on_disk(demo)["follow_ups"]) == 2


async def test_a_follow_up_needs_words_and_the_dialog_says_so(demo: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=demo))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f10", "a", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "FieldsDialog"
        assert "What is to be done needs a few words." in [
            str(n.message) for n in app._notifications
        ]

"""The facilitator's screens, driven by the keyboard: what they show and what lands on disk."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import Checkbox, Static, TabbedContent

from secondstory.files.storage import write_model
from secondstory.tui.app import Settings, create_app
from secondstory.tui.screens.facilitate import FacilitateScreen
from secondstory.tui.widgets.moment_detail import MomentDetail
from secondstory.tui.widgets.nudge import Nudge
from secondstory.tui.widgets.own_words import OwnWords
from secondstory.tui.widgets.timeline import Timeline

SIZE = (80, 24)
ALEX = "bd3d886d6913452db8545548cad2f4f7"
PRIYA = "319103cf21174b9fb55606ca631613f2"


async def ready(pilot: Any) -> FacilitateScreen:
    """Wait until the accounts are read and merged."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, FacilitateScreen)
    return screen


async def settle(pilot: Any) -> None:
    """Wait for a merge started by a decision."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def shared_meanwhile(pilot: Any, screen: FacilitateScreen, demo: Path, author: str) -> None:
    """Someone else shares an account while the screen is open; ctrl+r brings it in."""
    assert screen.session is not None
    account = screen.session.sources.accounts[0].model_copy(deep=True)
    account.account = "0" * 32
    account.author = author
    write_model(demo / "accounts" / f"{account.account}.toml", account)
    await pilot.press("ctrl+r")
    await settle(pilot)


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*[c if c != " " else "space" for c in text])


def notes_on_disk(folder: Path) -> dict[str, Any]:
    return tomllib.loads((folder / "narrative.toml").read_text("utf-8"))


def _plain(renderable: Any) -> str:
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def shown(screen: FacilitateScreen, selector: str) -> str:
    """The words a Static shows, as plain text."""
    return _plain(screen.query_one(selector, Static).content)


def detail_text(screen: FacilitateScreen) -> str:
    """The moment the pane below the timeline shows, as plain text."""
    return _plain(screen.query_one(MomentDetail).body)


async def test_the_timeline_opens_on_the_first_moment_with_it_shown_in_full(app) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        timeline = screen.query_one(Timeline)
        assert timeline.has_focus
        assert len(timeline.entries) == 17
        assert "Started the planned disk resize" in detail_text(screen)


async def test_arrow_keys_move_through_the_moments_and_the_detail_follows(app) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("down", "down")
        assert screen.query_one(Timeline).cursor == 2
        assert "Acknowledged the page" in detail_text(screen)
        await pilot.press("end")
        assert screen.query_one(Timeline).cursor == 16
        await pilot.press("home")
        assert screen.query_one(Timeline).cursor == 0


async def test_n_jumps_to_the_moment_whose_time_disagrees(app) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("n")
        current = screen.query_one(Timeline).current
        assert current is not None and current.ref == f"{ALEX}/m3"
        assert "Perhaps the same event as" in detail_text(screen)
        await pilot.press("n")
        current = screen.query_one(Timeline).current
        assert current is not None and current.ref == f"{PRIYA}/p2"


async def test_confirming_a_suggestion_saves_a_confirmed_link(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("n", "c")
        await settle(pilot)
        links = notes_on_disk(demo)["links"]
        assert {"moments": [f"{ALEX}/m3", f"{PRIYA}/p2"], "decision": "confirmed"} in [
            {k: v for k, v in link.items() if k != "note"} for link in links
        ]
        assert not screen.session.narrative.suggestions()  # type: ignore[union-attr]


async def test_saying_not_the_same_saves_a_rejection_and_the_suggestion_goes(
    app, demo: Path
) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("n", "x")
        await settle(pilot)
        decisions = [link["decision"] for link in notes_on_disk(demo)["links"]]
        assert decisions == ["confirmed", "rejected"]
        assert not screen.session.narrative.suggestions()  # type: ignore[union-attr]
        await pilot.press("f4")
        same = screen.query_one("#same-event")
        assert same.has_focus
        await pilot.press("end", "u")  # undo the decision, listed last
        await settle(pilot)
        assert [link["decision"] for link in notes_on_disk(demo)["links"]] == ["confirmed"]
        assert screen.session.narrative.suggestions()  # type: ignore[union-attr]


async def test_two_moments_are_linked_by_hand_with_l_and_a_note(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("l", "down", "l")  # Alex m1 with Sam s1
        await type_text(pilot, "same minute")
        await pilot.press("enter")
        await settle(pilot)
        links = notes_on_disk(demo)["links"]
        assert links[-1]["moments"] == [
            f"{ALEX}/m1",
            "28d0b649edf741cd986997e4dcb01217/s1",
        ]
        assert links[-1]["note"] == "same minute"


async def test_escape_stops_a_link_before_it_is_made(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("l")
        assert screen.linking == f"{ALEX}/m1"
        await pilot.press("escape")
        assert screen.linking is None


async def test_t_puts_a_moment_in_a_new_theme(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("down", "t", "tab")  # past the existing themes to the new name
        await type_text(pilot, "Maintenance announced in one channel")
        await pilot.press("enter")
        await pilot.pause()
        themes = notes_on_disk(demo)["themes"]
        assert themes[-1]["title"] == "Maintenance announced in one channel"
        assert themes[-1]["moments"] == ["28d0b649edf741cd986997e4dcb01217/s1"]
        assert "Maintenance announced in one channel" in detail_text(screen)


async def test_t_then_enter_on_a_ticked_theme_takes_the_moment_out(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("t", "enter")  # Alex m1 is in the sample's only theme
        await pilot.pause()
        assert f"{ALEX}/m1" not in notes_on_disk(demo)["themes"][0]["moments"]


async def test_a_asks_a_question_about_the_moment(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await type_text(pilot, "What did the runbook say about the automation?")
        await pilot.press("enter")
        await pilot.pause()
        question = notes_on_disk(demo)["questions"][-1]
        assert question["text"] == "What did the runbook say about the automation?"
        assert question["moments"] == [f"{ALEX}/m1"]


async def test_the_summary_is_saved_within_a_second_of_typing(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f7")
        await type_text(pilot, "Thanks all. ")
        await pilot.pause(0.8)
        assert notes_on_disk(demo)["summary"].startswith("Thanks all. A planned disk resize")


async def test_typing_not_yet_saved_is_written_on_quit(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f7")
        await type_text(pilot, "Last words ")
        await pilot.press("ctrl+q")
    assert notes_on_disk(demo)["summary"].startswith("Last words A planned")


async def test_blame_words_in_the_summary_get_a_quiet_note_that_can_be_dismissed(app) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f7")
        await type_text(pilot, "Alex should have checked the automation. ")
        await pilot.pause(0.6)
        nudge = screen.query_one("#summary").query_one(Nudge)
        assert nudge.display and nudge.finding is not None
        assert nudge.finding.category == "counterfactual"
        await pilot.press("ctrl+g")
        assert not nudge.display


async def test_questions_can_be_added_marked_answered_and_deleted(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f6", "a")
        await type_text(pilot, "Who reads the pause flag?")
        await pilot.press("enter")
        await pilot.pause()
        assert notes_on_disk(demo)["questions"][-1]["text"] == "Who reads the pause flag?"
        await pilot.press("shift+tab", "end", "space")
        await pilot.pause()
        assert notes_on_disk(demo)["questions"][-1]["resolved"] is True
        await pilot.press("d", "shift+tab", "enter")
        await pilot.pause()
        kept = [q["text"] for q in notes_on_disk(demo)["questions"]]
        assert len(kept) == 2 and "Who reads the pause flag?" not in kept  # the sample's two


async def test_a_theme_can_be_named_renamed_and_deleted(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f5", "a")
        await type_text(pilot, "Old config")
        await pilot.press("enter")
        await pilot.pause()
        assert notes_on_disk(demo)["themes"][-1]["title"] == "Old config"
        await pilot.press("enter")  # edit the name
        assert screen.query_one("#theme-title", OwnWords).editor.has_focus
        await pilot.press("end")
        await type_text(pilot, "uration from two years earlier")
        await pilot.pause(0.8)
        title = notes_on_disk(demo)["themes"][-1]["title"]
        assert title == "Old configuration from two years earlier"
        await pilot.press("shift+tab", "d", "shift+tab", "enter")
        await pilot.pause()
        assert len(notes_on_disk(demo)["themes"]) == 1


async def test_who_shared_lists_people_and_says_kindly_which_files_were_left_out(  # type: ignore[no-untyped-def]
    app, demo: Path
) -> None:
    (demo / "accounts" / "broken.toml").write_text("author = ", "utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2")
        body = shown(screen, "#participants-body")
        assert "Priya Raman" in body and "database engineer" in body
        assert "broken.toml" in body and "not valid TOML" in body
        assert "Drafts stay private" in body


async def test_ctrl_r_brings_in_an_account_shared_after_opening(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await shared_meanwhile(pilot, screen, demo, "Kim Lee")
        assert "Kim Lee" in [p.author for p in screen.session.narrative.participants]


async def test_export_writes_markdown_into_the_incident_folder(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f8")
        await pilot.click("#ok")
        await pilot.pause()
    text = (demo / "narrative.md").read_text("utf-8")
    assert text.startswith("# Checkout errors after a database failover")


async def test_export_can_leave_names_out(app, demo: Path) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f8")
        dialog = pilot.app.screen
        dialog.query_one(Checkbox).value = True
        await pilot.click("#ok")
        await pilot.pause()
        assert pilot.app.screen is screen
    assert "Alex Moreau" not in (demo / "narrative-anonymized.md").read_text("utf-8")


async def test_peoples_words_are_shown_exactly_even_when_they_look_like_markup(  # type: ignore[no-untyped-def]
    app, demo: Path
) -> None:
    path = demo / "accounts" / f"{ALEX}.toml"
    path.write_text(
        path.read_text("utf-8").replace(
            "Started the planned disk resize", "[bold red]Started[/] the planned disk resize"
        ),
        "utf-8",
    )
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert "[bold red]Started[/] the planned disk resize" in detail_text(screen)


async def test_the_tabs_open_with_function_keys_and_take_the_keys(app) -> None:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        tabs = screen.query_one(TabbedContent)
        for key, tab in [("f2", "tab-who"), ("f4", "tab-same"), ("f5", "tab-themes")]:
            await pilot.press(key)
            assert tabs.active == tab
        await pilot.press("f3")
        assert screen.query_one(Timeline).has_focus
        await pilot.press("tab")
        assert screen.query_one(MomentDetail).has_focus


async def test_an_incident_nobody_has_shared_yet_says_so(incident_folder: Path) -> None:
    app = create_app(Settings(mode="facilitate", incident=incident_folder))
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert "No one has shared an account yet" in detail_text(screen)
        await pilot.press("n", "c", "l", "l", "t", "a")  # nothing to act on: no errors
        await pilot.pause()
        assert pilot.app.screen is screen


async def test_help_on_the_facilitators_screen_speaks_to_the_facilitator(app) -> None:  # type: ignore[no-untyped-def]
    from secondstory.tui.screens.help import HelpScreen

    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True, file=io.StringIO())
        for static in app.screen.query(Static):
            console.print(static.content)
        guide = " ".join(console.export_text().split())
        assert "never changed here" in guide and "narrative.toml" in guide
        assert "your account" not in guide.lower()
        assert "Link" in guide  # the timeline's own keys are listed


async def test_a_name_or_theme_that_looks_like_markup_is_announced_as_written(  # type: ignore[no-untyped-def]
    app, demo: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await shared_meanwhile(pilot, screen, demo, "Zed [/foo] x")
        await pilot.press("t", "tab")
        await type_text(pilot, "Alerts [/x]")
        await pilot.press("enter")
        await pilot.pause()
        messages = [n.message for n in pilot.app._notifications]
        assert any("Zed [/foo] x" in m for m in messages)
        assert any("Alerts [/x]" in m for m in messages)
    assert app.return_code in (None, 0)
    assert notes_on_disk(demo)["themes"][-1]["title"] == "Alerts [/x]"


async def test_notes_that_cannot_be_saved_are_said_first_and_leaving_asks(  # type: ignore[no-untyped-def]
    app, demo: Path
) -> None:
    from secondstory.tui.dialogs.confirm import ConfirmDialog

    path = demo / "narrative.toml"
    path.write_text("format = 1\nkind = [", "utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        assert shown(screen, "#fac-title").startswith("Not saving (narrative.toml can't be read)")
        await pilot.press("f7")
        await type_text(pilot, "A first summary")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # Stay has the focus
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # Leave
        await pilot.pause()
        assert not app.is_running
    assert path.read_text("utf-8") == "format = 1\nkind = ["


async def test_the_facilitators_dismissals_and_notes_off_are_kept_for_next_time(  # type: ignore[no-untyped-def]
    app, demo: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f7")
        await type_text(pilot, "Alex should have checked the automation. ")
        await pilot.pause(0.6)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert any("should have" in key for key in notes_on_disk(demo)["dismissed_notes"])
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert notes_on_disk(demo)["language_notes"] is False
    again = create_app(Settings(mode="facilitate", incident=demo))
    async with again.run_test(size=SIZE) as pilot:
        screen = await ready(pilot)
        await pilot.press("f7")
        await type_text(pilot, "It was careless. ")
        await pilot.pause(0.6)
        assert not screen.query_one("#summary").query_one(Nudge).display  # notes are off
        await pilot.press("ctrl+t")
        await pilot.pause(0.1)
        nudge = screen.query_one("#summary").query_one(Nudge)
        assert nudge.display and nudge.finding is not None
        assert "careless" in nudge.finding.text
        assert any("should have" in key for key in screen.choices.dismissed)  # still dismissed

"""Moments can be reordered and deleted with the keyboard; language notes appear and go."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from secondstory.account.drafts import list_drafts, load_draft
from secondstory.tui.app import SecondstoryApp, Settings, create_app
from secondstory.tui.dialogs.confirm import ConfirmDialog
from secondstory.tui.screens.home import HomeScreen
from secondstory.tui.screens.moments import MomentsScreen
from secondstory.tui.screens.share import ShareScreen
from secondstory.tui.widgets.answer_field import CHECK_AFTER_QUIET
from secondstory.tui.widgets.moment_list import MomentList
from secondstory.tui.widgets.nudge import Nudge

SIZE = (80, 24)


async def _to_moments(app: SecondstoryApp, pilot) -> MomentsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("enter")
    await pilot.press("ctrl+n")
    assert isinstance(app.screen, MomentsScreen)
    return app.screen


async def _add(pilot, did: str) -> None:  # type: ignore[no-untyped-def]
    # These tests are about the moments, not type-ahead (tests/tui/test_typeahead_bursts.py):
    # the new moment is in place before the tab, however busy the machine is.
    await pilot.press("ctrl+o")
    await pilot.pause()
    await pilot.press("tab")
    await pilot.press(*[c if c != " " else "space" for c in did])
    await pilot.pause()


async def _to_share(app: SecondstoryApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Kim's one-moment account, on the share step."""
    await pilot.press("enter")
    await pilot.press(*"Kim")
    await pilot.press("ctrl+n")
    await _add(pilot, "Rolled back")
    for _ in range(3):
        await pilot.press("ctrl+n")
    assert isinstance(app.screen, ShareScreen)


async def _one_draft(incident_folder: Path) -> None:
    """A draft with one moment, "Checked the dashboards", left as the app quits."""
    first = create_app(Settings(mode="give", incident=incident_folder))
    async with first.run_test(size=SIZE) as pilot:
        await _to_moments(first, pilot)
        await _add(pilot, "Checked the dashboards")


def _saved_did() -> list[str]:
    [draft] = list_drafts()[0]
    return [m.did for m in draft.account.moments]


async def test_moments_move_up_and_down_from_the_list(give_app: SecondstoryApp) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        screen = await _to_moments(give_app, pilot)
        for word in ("one", "two", "three"):
            await _add(pilot, word)
        await pilot.press("escape")  # back to the list, on "three"
        assert isinstance(give_app.focused, MomentList)
        await pilot.press("shift+up", "shift+up")
        await pilot.pause()
        assert [m.did for m in screen.interview.moments] == ["three", "one", "two"]
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert [m.did for m in screen.interview.moments] == ["one", "three", "two"]
    assert _saved_did() == ["one", "three", "two"]


async def test_deleting_a_moment_asks_first_and_cancel_keeps_it(give_app: SecondstoryApp) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await _to_moments(give_app, pilot)
        await _add(pilot, "keep")
        await _add(pilot, "drop")
        await pilot.press("escape", "d")
        await pilot.pause()
        assert isinstance(give_app.screen, ConfirmDialog)
        await pilot.press("escape")  # cancel
        await pilot.pause()
        assert _saved_did() == ["keep", "drop"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")  # a stray y deletes nothing
        await pilot.pause()
        assert isinstance(give_app.screen, ConfirmDialog)
        assert _saved_did() == ["keep", "drop"]
        await pilot.press("shift+tab", "enter")  # the Delete button itself
        await pilot.pause()
    assert _saved_did() == ["keep"]


async def test_a_language_note_appears_and_can_be_dismissed(give_app: SecondstoryApp) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        screen = await _to_moments(give_app, pilot)
        await _add(pilot, "I was careless with the flag")
        await pilot.pause(CHECK_AFTER_QUIET + 0.2)
        nudge = screen.query_one("#field-did").query_one(Nudge)
        assert nudge.display and nudge.finding is not None
        assert "careless" in nudge.finding.text.lower()
        assert "text" not in nudge.finding.reframe  # a question, not a correction
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert not nudge.display
        # the words are untouched
        assert screen.query_one("#field-did").query_one(TextArea).text.endswith("the flag")
        account_id = screen.interview.draft.account.account
    session = load_draft(account_id).session
    assert any("careless" in key for key in session.dismissed)


async def test_notes_can_be_switched_off(give_app: SecondstoryApp) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        screen = await _to_moments(give_app, pilot)
        await pilot.press("ctrl+t")
        await _add(pilot, "It was human error")
        await pilot.pause(CHECK_AFTER_QUIET + 0.2)
        assert not screen.query_one("#field-did").query_one(Nudge).display
        assert screen.interview.draft.session.nudges is False


async def test_withdrawing_removes_the_shared_copy(
    give_app: SecondstoryApp, incident_folder: Path
) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await _to_share(give_app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(list((incident_folder / "accounts").glob("*.toml"))) == 1
        await pilot.press("tab", "enter")  # the Withdraw button
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # and the dialog's Withdraw
        await pilot.pause()
    assert list((incident_folder / "accounts").glob("*.toml")) == []
    [draft] = list_drafts()[0]
    assert draft.account.status == "draft" and draft.session.shared_at is None


async def test_home_lists_a_draft_and_resumes_it(incident_folder: Path) -> None:
    await _one_draft(incident_folder)
    home = create_app(Settings(mode="home"))
    async with home.run_test(size=SIZE) as pilot:
        assert isinstance(home.screen, HomeScreen)
        await pilot.pause()
        await pilot.press("enter")  # the draft is focused and first
        await pilot.pause()
        assert isinstance(home.screen, MomentsScreen)
        assert home.screen.interview.moments[0].did == "Checked the dashboards"


async def test_quit_on_a_screen_opened_from_home_goes_back_home(incident_folder: Path) -> None:
    await _one_draft(incident_folder)
    home = create_app(Settings(mode="home"))
    async with home.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(home.screen, MomentsScreen)
        assert home.check_action("home", ()) and not home.check_action("quit", ())
        await _add(pilot, "Asked for help")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(home.screen, HomeScreen)
        assert home.is_running
        assert _saved_did() == ["Checked the dashboards", "Asked for help"]
        assert home.check_action("quit", ()) and not home.check_action("home", ())
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not home.is_running


async def test_enter_twice_on_the_share_step_shares(
    give_app: SecondstoryApp, incident_folder: Path
) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        await _to_share(give_app, pilot)
        await pilot.press("enter")  # Share
        await pilot.pause()
        assert isinstance(give_app.screen, ConfirmDialog)
        await pilot.press("enter")  # the dialog's Share has the focus
        await pilot.pause()
    assert len(list((incident_folder / "accounts").glob("*.toml"))) == 1


async def test_a_team_file_that_switches_a_rule_off_is_heeded_in_the_interview(
    incident_folder: Path, private_home: Path
) -> None:
    config = private_home / "config"
    config.mkdir(parents=True)
    (config / "language.toml").write_text(
        'format = 1\nkind = "secondstory.language"\ndisabled = ["judgement-careless"]\n', "utf-8"
    )
    app = create_app(Settings(mode="give", incident=incident_folder))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_moments(app, pilot)
        await _add(pilot, "That was a careless change to the flag")
        await pilot.pause(CHECK_AFTER_QUIET + 0.2)
        assert not screen.query_one("#field-did").query_one(Nudge).display


async def test_a_broken_team_file_is_said_once_and_the_built_in_rules_still_speak(
    incident_folder: Path, private_home: Path
) -> None:
    config = private_home / "config"
    config.mkdir(parents=True)
    (config / "language.toml").write_text("format = 1\nkind = [", "utf-8")
    app = create_app(Settings(mode="give", incident=incident_folder))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _to_moments(app, pilot)
        await _add(pilot, "I was careless with the flag")
        await pilot.pause(CHECK_AFTER_QUIET + 0.2)
        assert screen.query_one("#field-did").query_one(Nudge).display
        warnings = [n.message for n in app._notifications if "language.toml" in n.message]
        assert len(warnings) == 1


async def test_code_and_an_expectation_already_under_expected_get_no_note(
    give_app: SecondstoryApp,
) -> None:
    async with give_app.run_test(size=SIZE) as pilot:
        screen = await _to_moments(give_app, pilot)
        await _add(pilot, "Ran `should_have_checked --all` on db1")
        await pilot.press("tab", "tab")  # past "what you saw" to "what you expected"
        await pilot.press(
            *[c if c != " " else "space" for c in "The job should have finished in 5 minutes"]
        )
        await pilot.pause(CHECK_AFTER_QUIET + 0.2)
        assert not screen.query_one("#field-did").query_one(Nudge).display
        assert not screen.query_one("#field-expected").query_one(Nudge).display

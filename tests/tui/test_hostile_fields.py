"""Answer boxes show a file's control characters as pictures and keep them exactly.

The rule: what the person did not touch is kept character for character, control
characters included; what they type or paste is kept as it is shown, so a control
character in a paste is kept as its picture.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input

from secondstory.account.drafts import Draft, Session, load_draft, save_draft
from secondstory.files.demo import make_demo
from secondstory.files.incidents import load_incident, load_notes, save_notes
from secondstory.files.model import Account, Closing, Moment
from secondstory.tui.app import Settings, create_app
from secondstory.tui.widgets.safe_fields import SafeInput, SafeTextArea

LOADED = "a\x1b[2Jb\u202ec\x00"
SHOWN = "a␛[2Jb�c␀"


class Boxes(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.loaded = text

    def compose(self) -> ComposeResult:
        yield SafeInput(self.loaded, id="line")
        yield SafeTextArea(self.loaded, id="area")


async def test_a_box_shows_pictures_and_keeps_what_it_loaded() -> None:
    app = Boxes(LOADED)
    async with app.run_test():
        line, area = app.query_one(SafeInput), app.query_one(SafeTextArea)
        assert (line.value, area.text) == (SHOWN, SHOWN)
        assert (line.stored_text, area.stored_text) == (LOADED, LOADED)


async def test_typing_elsewhere_keeps_every_control_character_untouched() -> None:
    app = Boxes(LOADED)
    async with app.run_test() as pilot:
        line, area = app.query_one(SafeInput), app.query_one(SafeTextArea)
        line.focus()
        await pilot.press("end", "X", "home", "Y")
        area.focus()
        area.move_cursor((0, len(SHOWN)))
        await pilot.press("X", "home", "Y")
        assert line.stored_text == "Y" + LOADED + "X"
        assert area.stored_text == "Y" + LOADED + "X"
        assert area.text == "Y" + SHOWN + "X"


async def test_deleting_a_picture_deletes_the_character_it_stands_for() -> None:
    app = Boxes(LOADED)
    async with app.run_test() as pilot:
        line, area = app.query_one(SafeInput), app.query_one(SafeTextArea)
        line.focus()
        await pilot.press("home", "right", "delete")  # the ␛
        area.focus()
        area.move_cursor((0, 1))
        await pilot.press("delete")
        assert line.stored_text == area.stored_text == "a[2Jb\u202ec\x00"


async def test_the_exact_character_is_kept_beside_others_that_look_the_same() -> None:
    """Bidi controls all show as �: deleting the first keeps the second, not the first."""
    app = Boxes("\u202e\u202d")
    async with app.run_test() as pilot:
        line, area = app.query_one(SafeInput), app.query_one(SafeTextArea)
        line.focus()
        await pilot.press("home", "delete")
        area.focus()
        area.move_cursor((0, 0))
        await pilot.press("delete")
        assert line.stored_text == area.stored_text == "\u202d"


async def test_a_paste_with_control_characters_is_kept_as_it_is_shown() -> None:
    app = Boxes("")
    async with app.run_test() as pilot:
        line, area = app.query_one(SafeInput), app.query_one(SafeTextArea)
        line.focus()
        line.insert_text_at_cursor("x\x1b]0;title\x07")
        area.focus()
        area.insert("one\r\ntwo\x1b[2J\rthree")
        await pilot.pause()
        assert line.value == line.stored_text == "x␛]0;title␇"
        assert area.text == area.stored_text == "one\ntwo␛[2J\nthree"


async def test_undo_brings_back_what_was_there() -> None:
    app = Boxes(LOADED)
    async with app.run_test() as pilot:
        area = app.query_one(SafeTextArea)
        area.focus()
        area.move_cursor((0, len(SHOWN)))
        await pilot.press("Z")
        area.undo()
        assert area.stored_text == LOADED


async def test_loading_new_text_replaces_what_is_kept() -> None:
    app = Boxes(LOADED)
    async with app.run_test() as pilot:
        line, area = app.query_one(SafeInput), app.query_one(SafeTextArea)
        line.load("\x07bell")
        area.load_text("\x07bell")
        await pilot.pause()
        assert (line.value, area.text) == ("␇bell", "␇bell")
        assert line.stored_text == area.stored_text == "\x07bell"
        line.clear()
        assert line.stored_text == ""
        assert isinstance(line, Input)


def _hostile_draft(incident_folder: Path, step: str) -> Draft:
    incident = load_incident(incident_folder)
    stamp = datetime(2017, 2, 1, 9, 0, tzinfo=UTC)
    account = Account(
        incident=incident.id,
        account="0" * 31 + "2",
        author="Alex" + LOADED,
        timezone="Europe/Amsterdam",
        created=stamp,
        updated=stamp,
        moments=[Moment(id="m1", when_text="23:00" + LOADED, did=LOADED, why=LOADED)],
        closing=Closing(surprised=LOADED),
    )
    session = Session(
        account=account.account,
        incident_folder=str(incident_folder),
        step=step,  # type: ignore[arg-type]
        moment="m1",
    )
    draft = Draft(account, session)
    save_draft(draft, touch=False)
    return draft


async def test_an_answer_edited_at_its_end_keeps_the_files_controls_on_disk(
    incident_folder: Path,
) -> None:
    draft = _hostile_draft(incident_folder, "moments")
    app = create_app(Settings(mode="give", incident=incident_folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        did = app.screen.query_one("#field-did").query_one(SafeTextArea)
        assert did.text == SHOWN
        did.focus()
        did.move_cursor((0, len(SHOWN)))
        await pilot.press("space", "o", "k")
        await pilot.pause(0.1)
        await pilot.press("ctrl+q")
    moment = load_draft(draft.account.account).account.moments[0]
    assert moment.did == LOADED + " ok"
    assert (moment.why, moment.when_text) == (LOADED, "23:00" + LOADED)


async def test_a_name_edited_at_its_start_keeps_the_files_controls_on_disk(
    incident_folder: Path,
) -> None:
    draft = _hostile_draft(incident_folder, "identity")
    app = create_app(Settings(mode="give", incident=incident_folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        author = app.screen.query_one("#identity-author", SafeInput)
        assert author.value == "Alex" + SHOWN
        author.focus()
        await pilot.press("home", "delete")
        await pilot.pause(0.1)
        await pilot.press("ctrl+q")
    assert load_draft(draft.account.account).account.author == "lex" + LOADED


async def test_the_facilitators_summary_keeps_the_files_controls_when_edited(
    tmp_path: Path,
) -> None:
    folder = make_demo(tmp_path / "reviews")
    notes = load_notes(folder, load_incident(folder).id)
    notes.summary = LOADED
    save_notes(folder, notes)
    app = create_app(Settings(mode="facilitate", incident=folder))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        await pilot.press("f7")
        summary = app.screen.query_one("#summary").query_one(SafeTextArea)
        assert summary.text == SHOWN
        summary.focus()
        summary.move_cursor((0, 0))
        await pilot.press("Y")
        await pilot.pause(0.1)
        await pilot.press("ctrl+q")
    assert load_notes(folder, notes.incident).summary == "Y" + LOADED


async def test_a_notification_echoing_a_name_or_path_shows_it_as_text(
    incident_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textual.app

    shown: list[tuple[str, str, bool]] = []

    def toast(self: object, message: str, *, title: str = "", markup: bool = True, **_: object):  # type: ignore[no-untyped-def]
        shown.append((message, title, markup))

    monkeypatch.setattr(textual.app.App, "notify", toast)
    app = create_app(Settings(mode="give", incident=incident_folder))
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify(f"Shared to /srv/{LOADED}/[bold]x[/]\n[@click=app.quit]q[/]", title=LOADED)
        await pilot.pause()
    [(message, title, markup)] = shown
    assert markup is False  # [bold] and [@click=...] are words, not markup
    assert message == "Shared to /srv/a\ufffd[2Jb\ufffdc\ufffd/[bold]x[/]\n[@click=app.quit]q[/]"
    assert title == "a\ufffd[2Jb\ufffdc\ufffd"


def test_a_teams_prompt_set_with_control_characters_is_shown_as_text(
    incident_folder: Path, tmp_path: Path
) -> None:
    import tomllib

    import tomli_w

    from secondstory.files.resources import builtin_prompt_file

    data = tomllib.loads(builtin_prompt_file("default.toml").read_text("utf-8"))
    data["identity"]["author"]["label"] = "Name\x1b]0;title\x07"
    data["moments"]["probes"][0]["text"] = "Think\x1b[2J about \u202eit"
    path = tmp_path / "prompts.toml"
    path.write_text(tomli_w.dumps(data), "utf-8")
    app = create_app(Settings(mode="give", incident=incident_folder, prompts=path))
    assert app.prompts.identity.author.label == "Name\ufffd]0;title\ufffd"
    assert app.prompts.moments.probes[0].text == "Think\ufffd[2J about \ufffdit"

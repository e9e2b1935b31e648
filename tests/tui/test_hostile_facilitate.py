"""A narrative.toml with repeated theme or question ids is refused clearly, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondstory.errors import FileProblem
from secondstory.files.demo import make_demo
from secondstory.files.model import NarrativeNotes
from secondstory.files.storage import read_model
from secondstory.tui.app import Settings, create_app

REPEATS = {
    "theme": '\n[[themes]]\nid = "same"\ntitle = "a"\n[[themes]]\nid = "same"\ntitle = "b"\n',
    "question": '\n[[questions]]\nid = "q9"\ntext = "a"\n[[questions]]\nid = "q9"\ntext = "b"\n',
}


@pytest.mark.parametrize("what", REPEATS)
async def test_repeated_ids_in_the_notes_leave_the_file_alone_and_the_screen_open(
    tmp_path: Path, what: str
) -> None:
    folder = make_demo(tmp_path / "reviews")
    path = folder / "narrative.toml"
    path.write_text(path.read_text("utf-8") + REPEATS[what], "utf-8")
    before = path.read_bytes()
    with pytest.raises(FileProblem, match=f"{what} ids must be unique, repeated"):
        read_model(path, NarrativeNotes, "secondstory.narrative")
    app = create_app(Settings(mode="facilitate", incident=folder))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        for key in ("f5", "f6", "f7"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running
    assert path.read_bytes() == before


def test_a_command_line_problem_naming_a_hostile_path_is_said_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from secondstory.cli.main import main

    hostile = tmp_path / "x\x1b]0;title\x07\u202e"
    assert main(["merge", str(hostile)]) == 2
    said = capsys.readouterr().err
    assert "x\ufffd]0;title\ufffd\ufffd" in said
    assert not any(c in said for c in "\x1b\x07\u202e")


async def test_a_facilitator_screen_that_cannot_open_says_why_as_text(tmp_path: Path) -> None:
    from textual.widgets import Static

    folder = tmp_path / "x\x1b]0;title\x07"  # removed after the command line checked it
    app = create_app(Settings(mode="facilitate", incident=folder))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        title = app.screen.query_one("#fac-title", Static).render()
        shown = str(getattr(title, "plain", title))
        assert "x\ufffd]0;title\ufffd" in shown
        assert not any(c in shown for c in "\x1b\x07")

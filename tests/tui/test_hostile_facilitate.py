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

"""Partial line updates start at their first changed cell (tui/partial_lines.py)."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate
from textual.strip import Strip

from secondstory.tui.partial_lines import first_cell, install

RED = Style(color="red")
TEXT = Style(color="white")  # every segment the app draws has a style (Textual 6 skips others)


def test_the_first_cell_is_the_cut_unless_it_falls_inside_a_wide_character() -> None:
    strip = Strip([Segment("ab", RED), Segment("漢字x")])
    assert [first_cell(strip, cut) for cut in range(8)] == [0, 1, 2, 2, 4, 4, 6, 7]
    with_control = Strip([Segment("", None, [(1,)]), Segment("abcdef")])  # type: ignore[list-item]
    assert first_cell(with_control, 3) == 0


def test_a_partial_update_sends_only_the_changed_cells_and_the_rest_of_the_chop() -> None:
    assert install()
    assert install()  # a second call changes nothing
    console = Console(color_system="truecolor", force_terminal=True, width=20)
    strip = Strip([Segment("▊ ", RED), Segment("line 1 of it", TEXT)])
    update = ChopsUpdate([{0: strip}], [(0, 9, 12)], [[14]])
    sent = update.render_segments(console)
    assert sent.startswith("\x1b[1;10H")  # row 1, column 10: the first changed cell
    assert "▊" not in sent and "line" not in sent and "of " in sent
    whole = ChopsUpdate([{0: strip}], [(0, 0, 14)], [[14]])
    assert "▊ " in whole.render_segments(console) and "line 1 of it" in whole.render_segments(
        console
    )
    wide = Strip([Segment("漢字漢字", TEXT)])
    inside = ChopsUpdate([{0: wide}], [(0, 3, 8)], [[8]]).render_segments(console)
    assert inside.startswith("\x1b[1;3H") and "字漢字" in inside  # from the whole character

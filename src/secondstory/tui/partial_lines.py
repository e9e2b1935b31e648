"""Send a changed line from its first changed cell, not from the widget's left edge.

Textual writes a partly changed line from the left edge of the widget's piece of that
line (`ChopsUpdate.render_segments` crops only the right end), so every typed key
re-sent the answer box's border, its padding and the line's text up to the key: about
160 bytes where the change is two cells. Its other renderer of the same update
(`__rich_console__`) already starts at the first changed segment, with a TODO to crop
exactly. `install()` replaces `render_segments` with one that also crops the left end,
at the first changed cell, never inside a double-width character or a control segment
(it then starts at the nearest cell boundary to the left, or where Textual would).

It is a private part of Textual: `install()` changes nothing unless the class still
looks the way this was written for (the attributes it reads and the method it
replaces). tests/process/test_light_keys.py types into a real pseudo-terminal and checks
that the screen then shows exactly the saved answer.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING

from rich.cells import cell_len, get_character_cell_size

if TYPE_CHECKING:
    from rich.console import Console
    from textual.strip import Strip

_INSTALLED = "_secondstory_crops_left"


def install() -> bool:
    """Make partial line updates start at their first changed cell; True when installed."""
    try:
        from rich.segment import Segment
        from textual._compositor import ChopsUpdate
        from textual.strip import Strip
    except ImportError:  # pragma: no cover - a Textual without these: leave it as it is
        return False
    if getattr(ChopsUpdate, _INSTALLED, False):
        return True
    expected = ["self", "chops", "spans", "chop_ends"]
    if (
        list(inspect.signature(ChopsUpdate.__init__).parameters) != expected
        or not callable(getattr(ChopsUpdate, "render_segments", None))
        or not callable(getattr(Strip, "crop", None))
        or not hasattr(Segment, "control")
    ):
        return False
    ChopsUpdate.render_segments = _render_segments  # type: ignore[method-assign]
    setattr(ChopsUpdate, _INSTALLED, True)
    return True


def _render_segments(self: object, console: Console) -> str:
    """Textual's `ChopsUpdate.render_segments`, cropping each chop at both ends."""
    from rich.control import Control

    move_to = Control.move_to
    chops = self.chops  # type: ignore[attr-defined]
    chop_ends = self.chop_ends  # type: ignore[attr-defined]
    spans = self.spans  # type: ignore[attr-defined]
    last_y = spans[-1][0]
    sequences: list[str] = []
    append = sequences.append
    for y, x1, x2 in spans:
        line = chops[y]
        ends = chop_ends[y]
        for end, (x, strip) in zip(ends, line.items(), strict=False):
            if strip is None or x > x2 or end <= x1:
                continue
            if x2 > x >= x1 and end <= x2:
                append(move_to(x, y).segment.text)
                append(strip.render(console))
                continue
            start = first_cell(strip, x1 - x) if x < x1 else 0
            append(move_to(x + start, y).segment.text)
            append(strip.crop(start, min(end, x2) - x).render(console))
        if y != last_y:
            append("\n")
    return "".join(sequences)


def first_cell(strip: Strip, cut: int) -> int:
    """The cell to start at for a change beginning at `cut`: `cut` itself, or the nearest
    cell boundary before it when `cut` falls inside a double-width character; 0 when a
    control segment comes first (its effect on the cursor is not known)."""
    position = 0
    for segment in strip:
        if segment.control:
            return 0
        width = cell_len(segment.text)
        if position + width <= cut:
            position += width
            continue
        for char in segment.text:
            size = get_character_cell_size(char)
            if position + size > cut:
                return position
            position += size
        return position
    return min(position, cut)

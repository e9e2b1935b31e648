"""A TextArea that redraws only what a key changed: over a slow link, each key costs the
cells it touched, not the whole box.

Textual's TextArea repaints its whole region whenever the cursor moves (its `selection`
is a repainting reactive), so one typed character re-sends every visible line of the
answer: a few hundred bytes for three lines, kilobytes for twenty. Here the selection
does not repaint; instead an edit marks the changed cells of its line (from where the
edit began to the end of that line), and a cursor move marks the cell it left and the
cell it reached, or both lines whole when it changes line (the cursor's line has its own
background). Textual sends a changed line from the box's left edge up to the last changed
cell, so the end of the changed cells is what saves the bytes. Anything less simple (a
selection, a change in how many lines there are, a bracket highlight, the placeholder)
repaints the whole box, as Textual would.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, Selection


class LightTextArea(TextArea):
    """A TextArea whose keys repaint only the cells they changed."""

    selection: reactive[Selection] = reactive(
        Selection(), init=False, always_update=True, repaint=False
    )

    def edit(self, edit: Edit) -> EditResult:
        before = self._shape()
        top = self._offset(edit.top)
        was = self._drawn_width(edit.top[0])
        result = super().edit(edit)
        one_line = edit.top[0] == edit.bottom[0] == result.end_location[0]
        if before != self._shape() or not one_line or top is None:
            self.refresh()  # lines moved, wrapped anew, or the placeholder came or went
            return result
        x, y = top
        rows = self._rows_from(edit.top[0], y)
        if rows == 1:  # up to the end of the longer of the line before and after, and its cursor
            end = max(was, self._drawn_width(edit.top[0])) + self.gutter_width + 1
            self._mark(x, y, end - x)
        else:  # the rest of a wrapped line moves along: its rows, and no others
            for row in range(y, y + rows):
                self._mark(0, row, self.size.width)
        return result

    def _shape(self) -> tuple[int, int, bool]:
        """What, when it changes, moves lines: rows on screen, lines, and being empty."""
        document = self.document
        empty = document.line_count == 1 and document.get_line(0) == ""
        return self.wrapped_document.height, document.line_count, empty

    def _watch_selection(self, previous_selection: Selection, selection: Selection) -> None:
        had_bracket = self._matching_bracket_location is not None
        super()._watch_selection(previous_selection, selection)
        if not self.is_mounted or previous_selection == selection:
            return
        spans = previous_selection.is_empty and selection.is_empty
        old, new = self._offset(previous_selection.end), self._offset(selection.end)
        if (
            not spans
            or had_bracket
            or self._matching_bracket_location
            or old is None
            or new is None
        ):
            self.refresh()
        elif old[1] == new[1]:
            left = min(old[0], new[0])
            self._mark(left, new[1], abs(old[0] - new[0]) + 1)
        else:
            self._mark(0, old[1], self.size.width)
            self._mark(0, new[1], self.size.width)

    def _offset(self, location: tuple[int, int]) -> tuple[int, int] | None:
        """Where a document location is drawn, in the box's own cells; None if unknown."""
        try:
            x, y = self.wrapped_document.location_to_offset(location)
        except (IndexError, ValueError):
            return None
        return x + self.gutter_width - int(self.scroll_offset.x), y - int(self.scroll_offset.y)

    def _drawn_width(self, line: int) -> int:
        """How many cells document line `line` takes (all of them when that is unclear)."""
        text = self.document.get_line(line)
        return self.size.width if "\t" in text else cell_len(text)

    def _rows_from(self, line: int, y: int) -> int:
        """How many screen rows document line `line` takes from row `y` on."""
        first = self._offset((line, 0))
        if first is None:
            return 1
        rows = len(self.wrapped_document.get_offsets(line)) + 1
        return max(1, first[1] + rows - y)

    def _mark(self, x: int, y: int, width: int) -> None:
        if 0 <= y < self.size.height and width > 0:
            self.refresh(Region(max(0, x), y, width, 1))

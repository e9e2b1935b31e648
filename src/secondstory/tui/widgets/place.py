"""Where the cursor is: which answer, and where in it; put back when a draft is resumed.

An answer is named by its field ("did", "helped") or, for a one-line box, by its id
("when", "identity-author"); the cursor is [row, column] ([0, column] for one line).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget
from textual.widgets import Input, TextArea

from secondstory.tui.widgets.answer_field import AnswerField

Place = tuple[str | None, list[int] | None]
"""An answer's name and the cursor in it; (None, None) when no answer has the cursor."""


def place_of(focused: Widget | None) -> Place:
    """The answer holding the focused widget, and its cursor."""
    if isinstance(focused, TextArea):
        field = next((a for a in focused.ancestors if isinstance(a, AnswerField)), None)
        if field is not None:
            return field.field_name, list(focused.cursor_location)
    if isinstance(focused, Input) and focused.id:
        return focused.id, [0, focused.cursor_position]
    return None, None


def put_back(root: Widget, name: str | None, cursor: list[int] | None) -> bool:
    """Focus the answer called `name` under `root`, cursor where it was; False if none."""
    if not name:
        return False
    for field in root.query(AnswerField):
        if field.field_name == name:
            area = field.query_one(TextArea)
            area.focus()
            if cursor is not None and len(cursor) == 2:
                row = min(max(cursor[0], 0), area.document.line_count - 1)
                column = min(max(cursor[1], 0), len(area.document.get_line(row)))
                _after_focus(area, area.move_cursor, (row, column))
            return True
    for box in root.query(Input):
        if box.id == name:
            box.focus()
            at = len(box.value) if cursor is None else min(max(cursor[-1], 0), len(box.value))
            # Focus selects the whole value, and typing would then replace it.
            _after_focus(box, setattr, box, "cursor_position", at)
            return True
    return False


def _after_focus(widget: Widget, callback: Callable[..., object], *args: object) -> None:
    # focus() only asks the app to focus later, and the widget then handles its Focus
    # event: queue behind both, so nothing focus does moves the cursor again.
    widget.app.call_later(widget.call_later, callback, *args)

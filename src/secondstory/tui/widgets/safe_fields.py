"""Answer boxes that never hand a file's control characters to the terminal.

Textual's Input and TextArea draw their text as it is, so an ESC read from a file would
reach the terminal as an escape sequence (a new window title, a clipboard write, a
cleared screen). These boxes show each control character as a visible picture (ESC as
␛, NUL as ␀, bidi controls as U+FFFD) and keep `stored_text`: what was loaded, exactly,
wherever the person has not edited; what they typed or pasted, as it is shown.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input
from textual.widgets.text_area import Document, Edit, EditResult

from secondstory.export.textsafe import carry_edit, pictured, typed
from secondstory.tui.widgets.light_area import LightTextArea


class SafeInput(Input):
    """A one-line box; read `stored_text`, not `value`, for what to keep."""

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        self._stored = value
        self._loading = True
        self._editing: tuple[int, int, str] | None = None
        super().__init__(value, **kwargs)
        self._loading = False

    def replace(self, text: str, start: int, end: int) -> None:
        # Typing, pasting and deleting all pass here: the range says exactly what changed.
        text = pictured(text)
        start, end = sorted((max(0, start), min(len(self.value), end)))
        self._editing = (start, end, text)
        try:
            super().replace(text, start, end)
        finally:
            self._editing = None

    def validate_value(self, value: str) -> str:
        # Every new value passes here while the one before it is still in place.
        shown = pictured(value)
        if self._loading:
            self._stored = value
        elif self._editing is not None and len(self._stored) == len(self.value):
            start, end, text = self._editing
            self._stored = self._stored[:start] + text + self._stored[end:]
        else:  # a whole new value (clear, a suggestion taken): keep what it did not change
            self._stored = carry_edit(self._stored, self.value, shown)
        return shown

    def load(self, value: str) -> None:
        """Show `value` (from a file) as the box's new contents."""
        self._loading = True
        try:
            self.value = value
        finally:
            self._loading = False

    @property
    def stored_text(self) -> str:
        """What to keep: the loaded text where untouched, the typed text as shown."""
        return self._stored


class SafeTextArea(LightTextArea):
    """A multi-line box; read `stored_text`, not `text`, for what to keep."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(pictured(text), **kwargs)
        self._keep(text)

    def _keep(self, stored: str) -> None:
        self._shown = self.text
        # None while the box holds the text as it is (no control characters to map back).
        self._stored: str | None = None if stored == self._shown else stored

    def load_text(self, text: str) -> None:
        super().load_text(pictured(text))
        self._keep(text)

    def edit(self, edit: Edit) -> EditResult:
        edit.text = typed(edit.text)
        if self._stored is None or not isinstance(self.document, Document):
            return super().edit(edit)
        self._catch_up()
        stored, shown = self._stored, self._shown
        index = self.document.get_index_from_location
        start, end = index(edit.top), index(edit.bottom)
        result = super().edit(edit)
        self._shown = self.text
        self._stored = stored[:start] + edit.text + stored[end:]
        if len(self._stored) != len(self._shown):  # the range was not what it seemed
            self._stored = carry_edit(stored, shown, self._shown)
        return result

    def undo(self) -> None:
        super().undo()
        self._catch_up()

    def redo(self) -> None:
        super().redo()
        self._catch_up()

    def _catch_up(self) -> None:
        """Follow a change that did not pass through `edit` (undo, redo)."""
        if self._stored is not None and self.text != self._shown:
            now = self.text
            self._stored, self._shown = carry_edit(self._stored, self._shown, now), now

    @property
    def stored_text(self) -> str:
        """What to keep: the loaded text where untouched, the typed text as shown."""
        if self._stored is None:
            return self.text
        self._catch_up()
        return self._stored

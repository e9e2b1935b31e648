"""Answer boxes that hold at most MAX_FIELD_CHARS: an edit beyond it is refused whole,
with a note, so what is saved is never cut short and a file is never too big to read.

They are safe fields too (control characters shown as pictures): the limit is checked
first, so a refused edit never reaches their bookkeeping of what was typed."""

from __future__ import annotations

from textual.widgets.text_area import Edit, EditResult

from secondstory.files.limits import MAX_FIELD_CHARS
from secondstory.tui.widgets.safe_fields import SafeInput, SafeTextArea

FULL = (
    f"This box holds at most {MAX_FIELD_CHARS:,} characters, so that was not added. "
    "Everything already written is kept as it is."
)


class BoundedTextArea(SafeTextArea):
    """A TextArea that refuses an edit which would take it over MAX_FIELD_CHARS."""

    def edit(self, edit: Edit) -> EditResult:
        start, end = sorted((edit.from_location, edit.to_location))
        growth = len(edit.text) - len(self.get_text_range(start, end))
        if growth > 0 and len(self.document.text) + growth > MAX_FIELD_CHARS:
            self.notify(FULL, severity="warning", timeout=8)
            return EditResult(end_location=self.cursor_location, replaced_text="")
        return super().edit(edit)


class BoundedInput(SafeInput):
    """An Input that refuses a change which would take it over MAX_FIELD_CHARS."""

    def replace(self, text: str, start: int, end: int) -> None:
        if len(self.value) - (end - start) + len(text) > MAX_FIELD_CHARS:
            self.notify(FULL, severity="warning", timeout=8)
            return
        super().replace(text, start, end)

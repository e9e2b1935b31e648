"""A few named boxes of the facilitator's own words: an answer and who gave it, a follow-up.

Returns the words of every box (stripped), by name, or None when cancelled. The first
box must hold words; the others may stay empty. What anyone typed is shown as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static

from secondstory.export.textsafe import printable
from secondstory.tui.dialogs.form import FormDialog
from secondstory.tui.widgets.safe_fields import SafeInput


@dataclass(frozen=True)
class Field:
    """One box: its name, its label, and the words already in it."""

    name: str
    label: str
    value: str = ""


class FieldsDialog(FormDialog[dict[str, str] | None]):
    """Returns {name: words} for every box, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="fields-cancel")]

    def __init__(
        self, title: str, about: str, fields: Sequence[Field], *, ok: str = "Keep"
    ) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.about = about
        self.fields = tuple(fields)
        self.ok = ok

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="fields-dialog"):
            yield Static(Text(printable(self.title_text), style="bold"))
            if self.about:
                yield Static(Text(printable(self.about), style="dim"), classes="dialog-about")
            for field in self.fields:
                yield Label(field.label, classes="fac-label")
                yield SafeInput(field.value, id=f"field-{field.name}")
            yield from self.buttons(self.ok)

    def on_mount(self) -> None:
        self.query_one(SafeInput).focus()

    def finish(self) -> None:
        words = {
            f.name: self.query_one(f"#field-{f.name}", SafeInput).stored_text.strip()
            for f in self.fields
        }
        if not words[self.fields[0].name]:
            self.notify(f"{self.fields[0].label} needs a few words.", severity="warning")
            return
        self.dismiss(words)

"""Choose how to export the narrative: Markdown, HTML or JSON, with names or without."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, RadioButton, RadioSet, Static

from secondstory.export.textsafe import printable

FORMATS = (
    ("md", "Markdown (narrative.md)"),
    ("html", "HTML, one file to open or print"),
    (
        "json",
        "JSON, for other tools",
    ),
)


class MarkedRadioButton(RadioButton):
    """A radio button whose dot is there only when chosen: it reads without colour."""

    def on_mount(self) -> None:
        self._mark()

    def watch_value(self) -> None:
        super().watch_value()
        self._mark()

    def _mark(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "
        self.refresh()


class MarkedCheckbox(Checkbox):
    """A checkbox whose cross is there only when ticked: it reads without colour."""

    def on_mount(self) -> None:
        self._mark()

    def watch_value(self) -> None:
        super().watch_value()
        self._mark()

    def _mark(self) -> None:
        self.BUTTON_INNER = "X" if self.value else " "
        self.refresh()


@dataclass(frozen=True)
class ExportChoice:
    """What to write."""

    fmt: str
    anonymize: bool


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Returns the chosen format and whether names are replaced, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export-cancel")]

    def __init__(self, folder_name: str) -> None:
        super().__init__(classes="dialog")
        self.folder_name = folder_name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="export-dialog"):
            yield Static(Text("Export the narrative", style="bold"))
            yield Static(
                Text(f"The file is written into the incident folder {printable(self.folder_name)}.")
            )
            with RadioSet(id="export-format"):
                for number, (fmt, label) in enumerate(FORMATS):
                    yield MarkedRadioButton(label, value=number == 0, id=f"format-{fmt}")
            yield MarkedCheckbox("Person A, Person B… instead of names", id="anonymize")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(RadioSet).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "ok":
            self.dismiss(None)
            return
        pressed = self.query_one(RadioSet).pressed_button
        fmt = (pressed.id or "format-md").removeprefix("format-") if pressed else "md"
        self.dismiss(ExportChoice(fmt, self.query_one(Checkbox).value))

    def action_cancel(self) -> None:
        self.dismiss(None)

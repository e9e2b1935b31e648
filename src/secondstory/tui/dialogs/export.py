"""Choose how to export the narrative: any of Markdown, HTML and JSON, with names or without."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, OptionList, Static
from textual.widgets.option_list import Option

from secondstory.export.textsafe import printable

FORMATS = (
    ("md", "Markdown (narrative.md)"),
    ("html", "HTML, one file to open or print (narrative.html)"),
    ("json", "JSON, for other tools (narrative.json)"),
)


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


class FormatList(OptionList):
    """The formats, each "[X]" when chosen and "[ ]" when not: space or enter changes one."""

    BINDINGS = [Binding("space", "tick", "Choose or leave out", id="export-format-toggle")]

    def __init__(self, chosen: Iterable[str], *, id: str | None = None) -> None:
        self.chosen = {fmt for fmt in chosen if fmt in dict(FORMATS)}
        super().__init__(*[Option(self._prompt(fmt), id=fmt) for fmt, _ in FORMATS], id=id)

    def _prompt(self, fmt: str) -> Text:
        text = Text("[X] " if fmt in self.chosen else "[ ] ", style="bold")
        text.append(dict(FORMATS)[fmt])
        return text

    def action_tick(self) -> None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return
        self.chosen ^= {option.id}
        self.replace_option_prompt(option.id, self._prompt(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()

    def formats(self) -> tuple[str, ...]:
        """The chosen formats, in the order they are listed."""
        return tuple(fmt for fmt, _ in FORMATS if fmt in self.chosen)


@dataclass(frozen=True)
class ExportChoice:
    """What to write."""

    formats: tuple[str, ...]
    """The chosen formats: md, html, json, in that order."""
    anonymize: bool
    """Person A, Person B… instead of names."""


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Returns the chosen formats and whether names are replaced, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export-cancel")]

    def __init__(self, folder_name: str, chosen: Iterable[str] = ("md",)) -> None:
        super().__init__(classes="dialog")
        self.folder_name = folder_name
        self.chosen = tuple(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="export-dialog"):
            yield Static(Text("Export the narrative", style="bold"))
            yield Static(
                Text(
                    "Each format ticked is written into the incident folder "
                    f"{printable(self.folder_name)}. Space ticks or clears one."
                )
            )
            yield FormatList(self.chosen, id="export-format")
            yield MarkedCheckbox("Person A, Person B… instead of names", id="anonymize")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(FormatList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "ok":
            self.dismiss(None)
            return
        formats = self.query_one(FormatList).formats()
        if not formats:
            self.notify("Tick at least one format to write.", severity="warning")
            return
        self.dismiss(ExportChoice(formats, self.query_one(Checkbox).value))

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Link two moments as one event told twice, with an optional note saying why."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from secondstory.tui.dialogs.form import FormDialog
from secondstory.tui.widgets.nudge import NoteChoices
from secondstory.tui.widgets.own_words import OwnWords


class LinkDialog(FormDialog[str | None]):
    """Returns the note (may be empty) when the person links, None when they cancel."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="link-cancel")]

    def __init__(self, first: Text, second: Text, choices: NoteChoices | None = None) -> None:
        super().__init__(classes="dialog")
        self.first = first
        self.second = second
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="link-dialog"):
            yield Static(Text("Link these as the same event?", style="bold"))
            yield Static(self.first, classes="link-moment")
            yield Static(self.second, classes="link-moment")
            yield Static(Text("A note on why, if you like (enter links them):", style="dim"))
            yield OwnWords(choices=self.choices, id="link-note")
            yield from self.buttons("Link them")

    def on_mount(self) -> None:
        self.query_one(OwnWords).focus()

    def finish(self) -> None:
        self.dismiss(self.query_one(OwnWords).text.strip())

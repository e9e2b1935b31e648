"""Ask for an incident folder's path."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from secondstory.errors import SecondstoryError
from secondstory.export.textsafe import printable
from secondstory.files.incidents import load_incident, resolve_incident
from secondstory.tui.widgets.safe_fields import SafeInput


class OpenIncidentDialog(ModalScreen[Path | None]):
    """Returns the incident folder, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body"):
            yield Static(Text("Open an incident folder", style="bold"))
            yield Static("The path of the folder that holds incident.toml, or an incident's id.")
            yield SafeInput(placeholder="/srv/reviews/db-outage", id="folder")
            yield Static("", id="open-message", classes="field-message")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            folder = resolve_incident(event.value.strip())
            load_incident(folder)  # one that can't be read is said here, and left as it is
        except SecondstoryError as problem:
            self.query_one("#open-message", Static).update(Text(printable(problem.message)))
            return
        self.dismiss(folder)

    def action_cancel(self) -> None:
        self.dismiss(None)

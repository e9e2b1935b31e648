"""What the small windows of words share: OK and Cancel buttons, enter, and escape."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input

T = TypeVar("T")


class FormDialog(ModalScreen[T]):
    """Enter in a box or OK calls `finish`; escape or Cancel returns None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form-cancel")]

    def buttons(self, ok: str) -> ComposeResult:
        """The OK and Cancel buttons, OK first."""
        with Horizontal(classes="dialog-buttons"):
            yield Button(ok, id="ok", variant="primary")
            yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.finish()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def finish(self) -> None:
        """Return what was typed (or stay, saying why)."""
        raise NotImplementedError

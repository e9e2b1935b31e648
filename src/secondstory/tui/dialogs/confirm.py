"""A yes/no question in a small window."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from secondstory.export.textsafe import printable


class ConfirmDialog(ModalScreen[bool]):
    """Returns True when the person confirms."""

    BINDINGS = [
        Binding("escape", "answer(False)", "Cancel", id="cancel"),
        Binding("y", "answer(True)", "Yes", show=False, id="yes"),
    ]

    def __init__(
        self, question: str, yes: str = "Yes", no: str = "Cancel", *, safe_yes: bool = False
    ) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.yes = yes
        self.no = no
        self.safe_yes = safe_yes
        """Enter confirms: for what the person has just asked for and can undo, like sharing."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body"):
            yield Static(Text(printable(self.question)), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="primary" if self.safe_yes else "warning")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.safe_yes else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A stray y, typed by someone who thought they were in an answer box, must not
        # delete or withdraw anything: those take the button itself.
        if action == "answer" and parameters == (True,):
            return self.safe_yes
        return True

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

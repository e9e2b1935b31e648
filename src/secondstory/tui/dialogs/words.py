"""Ask the facilitator for a few words of their own (a question, a theme's name)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from secondstory.export.textsafe import printable
from secondstory.tui.widgets.nudge import NoteChoices
from secondstory.tui.widgets.own_words import OwnWords


class WordsDialog(ModalScreen[str | None]):
    """Returns the words typed (stripped); None when cancelled or left empty, "" when words
    that were there are cleared."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="words-cancel")]

    def __init__(
        self,
        title: str,
        about: str = "",
        *,
        ok: str = "Add",
        choices: NoteChoices | None = None,
        text: str = "",
    ) -> None:
        super().__init__(classes="dialog")
        self.text = text
        """Words already there, to change."""
        self.title_text = title
        self.about = about
        self.ok = ok
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="words-dialog"):
            yield Static(Text(printable(self.title_text), style="bold"))
            if self.about:
                yield Static(Text(printable(self.about), style="dim"), classes="dialog-about")
            yield OwnWords(choices=self.choices, id="words")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok, id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        words = self.query_one(OwnWords)
        if self.text:
            words.set_text(self.text)
        words.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _finish(self) -> None:
        words = self.query_one(OwnWords).text.strip()
        self.dismiss(words or (None if not self.text else ""))

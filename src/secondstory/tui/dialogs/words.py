"""Ask the facilitator for a few words of their own (a question, a theme's name)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from secondstory.export.textsafe import printable
from secondstory.tui.dialogs.form import FormDialog
from secondstory.tui.widgets.nudge import NoteChoices
from secondstory.tui.widgets.own_words import OwnWords


class WordsDialog(FormDialog[str | None]):
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
            yield from self.buttons(self.ok)

    def on_mount(self) -> None:
        words = self.query_one(OwnWords)
        if self.text:
            words.set_text(self.text)
        words.focus()

    def finish(self) -> None:
        words = self.query_one(OwnWords).text.strip()
        self.dismiss(words or (None if not self.text else ""))

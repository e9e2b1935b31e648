"""One moment: its time with how it was understood, and the five answers."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static

from secondstory.export.textsafe import printable
from secondstory.files.model import TEXT_FIELDS, Moment
from secondstory.tui.widgets.answer_field import AnswerField
from secondstory.tui.widgets.bounded import BoundedInput
from secondstory.tui.widgets.nudge import NoteChoices
from secondstory.tui.widgets.place import put_back
from secondstory.tui.widgets.safe_fields import SafeInput


class MomentEditor(VerticalScroll):
    """Edits one moment; the screen listens to Input.Changed and AnswerField.Changed.

    `focus` names the answer to put the cursor in once shown (at `cursor`, if given).
    """

    can_focus = False  # tab goes straight from one answer to the next

    def __init__(
        self,
        moment: Moment,
        number: int,
        prompts: object,
        nudges: NoteChoices,
        read_when: Callable[[str], tuple[str, bool]],
        *,
        focus: str | None = None,
        cursor: list[int] | None = None,
    ) -> None:
        super().__init__(classes="moment-editor")
        self.focus_on = focus
        self.cursor = cursor
        self.read_when = read_when
        self.moment = moment
        self.number = number
        self.prompts = prompts
        self.nudges = nudges

    def compose(self) -> ComposeResult:
        when = self.prompts.when  # type: ignore[attr-defined]
        yield Label(f"Moment {self.number}", classes="moment-title")
        yield Label(when.label, classes="field-label", markup=False)
        yield BoundedInput(
            self.moment.when_text or "",
            placeholder=when.placeholder or when.help,
            id="when",
            compact=True,
        )
        yield Static("", id="when-reading")
        for name in TEXT_FIELDS:
            prompt = getattr(self.prompts, name)
            text = getattr(self.moment, name)
            yield AnswerField(name, prompt.label, prompt.help, text, self.nudges)

    def on_mount(self) -> None:
        self.show_reading(self.moment.when_text or "")
        put_back(self, self.focus_on, self.cursor)

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, SafeInput) and event.input.id == "when":
            self.show_reading(event.input.stored_text)

    def show_reading(self, typed: str) -> None:
        """Show how the typed time was understood, or a kind message."""
        text, understood = self.read_when(typed)
        reading = self.query_one("#when-reading", Static)
        reading.set_class(not understood, "not-understood")
        reading.update(Text(printable(text)))

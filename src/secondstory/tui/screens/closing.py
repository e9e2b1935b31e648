"""Looking back: what surprised you, what helped, what got in the way, your ideas."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from secondstory.files.model import CLOSING_FIELDS
from secondstory.tui.screens.step import StepScreen
from secondstory.tui.widgets.answer_field import AnswerField
from secondstory.tui.widgets.place import put_back


class ClosingScreen(StepScreen):
    """The closing reflections."""

    STEP = "closing"

    def compose_step(self) -> ComposeResult:
        closing = self.prompts.closing
        answers = self.interview.draft.account.closing
        with VerticalScroll(classes="step-body"):
            yield Static(Text(closing.title, style="bold"), classes="step-title")
            yield Static(Text(closing.intro.strip()), classes="step-intro")
            for name in CLOSING_FIELDS:
                prompt = getattr(closing, name)
                yield AnswerField(
                    name, prompt.label, prompt.help, getattr(answers, name), self.nudge_state
                )

    def on_mount(self) -> None:
        super().on_mount()
        session = self.interview.draft.session
        if not put_back(self, session.focus, session.cursor):
            self.query_one(AnswerField).query_one("TextArea").focus()

    def on_answer_field_changed(self, event: AnswerField.Changed) -> None:
        self.keep_answer(event.field.field_name, event.text)

    def keep_answer(self, name: str, text: str) -> None:
        self.interview.set_closing(name, text)

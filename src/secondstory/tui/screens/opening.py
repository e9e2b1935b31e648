"""The opening: what the account is for and the promises it keeps."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, VerticalScroll
from textual.widgets import Button, Static

from secondstory.tui.screens.step import StepScreen


class OpeningScreen(StepScreen):
    """Welcome and consent."""

    STEP = "opening"

    def compose_step(self) -> ComposeResult:
        opening = self.prompts.opening
        with VerticalScroll(id="opening", classes="step-body"):
            yield Static(Text(opening.title, style="bold"), classes="step-title")
            yield Static(Text(opening.text.strip()), classes="step-intro")
            promises = Text()
            for promise in opening.promises:
                promises.append("  • ", style="bold")
                promises.append(f"{promise}\n")
            yield Static(promises, id="promises")
            with Center():
                yield Button(opening.consent, id="begin", variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#begin", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "begin":
            self.action_next_step()

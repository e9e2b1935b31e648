"""Leaving an interview whose account changed since it was shared: one kind reminder.

The shared copy still holds the earlier words. The person chooses to share the new
version, or to leave the shared copy as it was; escape stays in the interview. The
reminder comes once per interview, so leaving again is never held up twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from secondstory.account.interview import Interview
from secondstory.errors import SecondstoryError

Choice = Literal["share", "keep"]

REMINDER = (
    "Your account has changed since you shared it, and the shared copy still holds the "
    "earlier version. Would you like to share the new version now? Either is fine: you "
    "can share again at any time."
)


class ReshareDialog(ModalScreen[Choice | None]):
    """Returns "share", "keep", or None to stay in the interview."""

    BINDINGS = [Binding("escape", "stay", "Stay", id="reshare-stay")]

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="reshare-dialog"):
            yield Static(Text(REMINDER), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Share the new version", id="share", variant="primary")
                yield Button("Leave it as shared before", id="keep")
            yield Static(Text("escape stays here.", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#share", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss("share" if event.button.id == "share" else "keep")

    def action_stay(self) -> None:
        self.dismiss(None)


def remind_to_share(app: App[None], then: Callable[[], None]) -> bool:
    """Ask once before leaving an interview with newer words than its shared copy.

    Returns False when there is nothing to ask (the caller leaves at once)."""
    interview = getattr(app.screen, "interview", None)
    if not isinstance(interview, Interview) or not interview.needs_share_reminder():
        return False

    def chosen(choice: Choice | None) -> None:
        if choice == "share":
            try:
                path = interview.share()
            except SecondstoryError as problem:
                app.notify(problem.message, severity="warning", timeout=8)
                return
            app.notify(f"The new version is shared:\n{path}", timeout=4)
        if choice is not None:
            then()

    app.push_screen(ReshareDialog(), chosen)
    return True

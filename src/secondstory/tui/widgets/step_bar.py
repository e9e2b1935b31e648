"""The interview's steps across the top, the current one highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from secondstory.account.drafts import STEPS, Step

STEP_NAMES: dict[Step, str] = {
    "opening": "Welcome",
    "identity": "You",
    "moments": "Moments",
    "closing": "Looking back",
    "review": "Review",
    "share": "Share",
}


class StepBar(Static):
    """Where the person is in the interview."""

    def __init__(self, current: Step, incident_title: str) -> None:
        super().__init__(id="step-bar")
        self.current = current
        self.incident_title = incident_title

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for number, step in enumerate(STEPS, start=1):
            if number > 1:
                text.append(" › ", style="dim")
            label = f"{number} {STEP_NAMES[step]}"
            text.append(label, style="bold reverse" if step == self.current else "")
        text.append("  ")
        text.append(self.incident_title, style="italic")
        return text

"""A quiet note under a field when its words lean towards blame or hindsight."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from secondstory.textsafe import printable

if TYPE_CHECKING:
    from secondstory.language import Finding


def finding_key(finding: Finding) -> str:
    """How a dismissed finding is remembered: its rule and its words."""
    return f"{finding.rule}:{finding.text.lower()}"


class Nudge(Static):
    """Shows one finding and its reframing question; hidden when there is none."""

    def __init__(self) -> None:
        super().__init__(classes="nudge")
        self.finding: Finding | None = None
        self.display = False

    def show(self, finding: Finding | None) -> None:
        """Show this finding, or hide the note."""
        self.finding = finding
        self.display = finding is not None
        if finding is not None:
            text = Text()
            text.append("A thought: ", style="bold")
            text.append(f"“{printable(finding.text)}”", style="italic")
            text.append(f" — {finding.message} {finding.reframe}")
            text.append("  (ctrl+g: dismiss)", style="dim")
            self.update(text)

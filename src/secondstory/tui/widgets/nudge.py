"""A quiet note under a field when its words lean towards blame or hindsight."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from secondstory.export.textsafe import printable

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from secondstory.language import Finding, RuleSet


@dataclass
class NoteChoices:
    """What the person chose about notes: shown at all, and which were dismissed.

    The facilitator's boxes share one; each interview answer gets its own copy.
    """

    enabled: bool = True
    dismissed: set[str] = field(default_factory=set)


def rules_of(node: DOMNode) -> RuleSet | None:
    """The rules the app loaded (built-in and the team's own), or None for the built-in."""
    return getattr(node.app, "language_rules", None)


def notes_for(
    text: str,
    rules: RuleSet | None,
    *,
    dismissed: set[str],
    field_name: str = "",
) -> list[Finding]:
    """Findings worth a note: not dismissed, and not a suggestion to move words where they are.

    Code spans are skipped, as in lint; an expectation already written under "expected"
    needs no note saying it belongs there.
    """
    from secondstory.language import check

    return [
        f
        for f in check(text, rules, code_spans=True)
        if finding_key(f) not in dismissed
        and not (f.suggest_field and f.suggest_field == field_name)
    ]


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
            text.append(f" — {printable(finding.message)} {printable(finding.reframe)}")
            text.append("  (ctrl+g: dismiss)", style="dim")
            self.update(text)

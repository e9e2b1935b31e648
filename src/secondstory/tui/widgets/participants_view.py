"""Who has shared an account: name, role, last update, number of moments; and what was left out."""

from __future__ import annotations

from datetime import UTC

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from secondstory.export.textsafe import printable
from secondstory.narrative.model import Narrative
from secondstory.narrative.sources import why_kept
from secondstory.tui.widgets.incident_facts import facts_text

PRIVATE = "Drafts stay private to the people writing them; only shared accounts appear here."


def participants_table(narrative: Narrative) -> RenderableType:
    """The people who shared, in the order they first appear on the timeline."""
    if not narrative.participants:
        return Text(
            "No one has shared an account yet. When someone shares, ctrl+r brings it in.",
            style="dim",
        )
    table = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, header_style="bold")
    table.add_column("Name", overflow="fold")
    table.add_column("Role", overflow="fold")
    table.add_column("Last update", no_wrap=True)
    table.add_column("Moments", justify="right", no_wrap=True)
    for person in narrative.participants:
        table.add_row(
            Text(printable(person.author), style="bold"),
            Text(printable(person.role or "")),
            Text(f"{person.updated.astimezone(UTC):%d %b %Y %H:%M} UTC"),
            Text(str(person.moments)),
        )
    return table


def left_out(narrative: Narrative) -> Text:
    """Files that could not be included, said kindly, with their reasons."""
    text = Text()
    if narrative.skipped or narrative.duplicates:
        text.append("Files left as they are, not included\n", style="bold")
    for skipped in narrative.skipped:
        text.append(f"• {printable(skipped.path.name)}", style="bold")
        text.append(f" {printable(skipped.reason)}\n")
    for duplicate in narrative.duplicates:
        text.append(f"• {printable(duplicate.dropped.name)}", style="bold")
        text.append(
            f" holds the same account as {printable(duplicate.kept.name)}, "
            f"{why_kept(duplicate)} and is the one used\n"
        )
    return text


class ParticipantsView(VerticalScroll, can_focus=True):
    """Who shared, and any files that were left out."""

    def compose(self) -> ComposeResult:
        yield Static("", id="participants-body")

    def show(self, narrative: Narrative, notes_problem: str | None = None) -> None:
        """Show a (new) merge's participants."""
        parts: list[RenderableType] = [participants_table(narrative), Text("")]
        parts.append(Text(PRIVATE, style="dim"))
        facts = facts_text(narrative)
        if facts:
            parts += [Text(""), facts]
        skipped = left_out(narrative)
        if skipped:
            parts += [Text(""), skipped]
        if notes_problem:
            parts += [Text(""), _notes_problem(notes_problem)]
        self.query_one("#participants-body", Static).update(Group(*parts))


def _notes_problem(reason: str) -> Text:
    text = Text()
    text.append("Your notes file could not be read\n", style="bold")
    text.append(f"narrative.toml {printable(reason)}. It is left exactly as it is, and ")
    text.append("nothing you do here is saved to it until it can be read again.")
    return text

"""Review: the whole account as readable prose, and the language notes still open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from secondstory.account.prose import account_sections, byline
from secondstory.export.textsafe import printable
from secondstory.files.model import CLOSING_FIELDS, TEXT_FIELDS, Account
from secondstory.tui.screens.step import StepScreen
from secondstory.tui.terminal import inside_tmux
from secondstory.tui.widgets.nudge import notes_for, rules_of

if TYPE_CHECKING:
    from secondstory.language import RuleSet


class ReviewScreen(StepScreen):
    """Read it through before sharing."""

    STEP = "review"
    BINDINGS = [Binding("m", "go_to('moments')", "Edit moments", id="edit-moments")]

    def compose_step(self) -> ComposeResult:
        review = self.prompts.review
        account = self.interview.draft.account
        with VerticalScroll(id="review", classes="step-body"):
            yield Static(Text(review.title, style="bold"), classes="step-title")
            yield Static(Text(review.intro.strip()), classes="step-intro")
            yield Static(Text(printable(byline(account)), style="italic"), id="byline")
            yield Static(account_prose(account), id="prose")
            notes = open_notes(account, set(self.interview.draft.session.dismissed), rules_of(self))
            if notes and self.interview.draft.session.nudges:
                yield Static(notes, id="review-notes", classes="nudge")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#review").focus()

    def action_go_to(self, step: str) -> None:
        self.go_to(step)  # type: ignore[arg-type]


def account_prose(account: Account) -> Text:
    """The account as styled, escaped text."""
    text = Text()
    sections = account_sections(account)
    if not sections:
        back = "alt+←" if inside_tmux() else "ctrl+b"
        return Text(f"Nothing written yet. {back} goes back to add moments.", style="dim")
    for section in sections:
        text.append(f"\n{section.title}", style="bold underline")
        if section.subtitle:
            text.append(f"  {printable(section.subtitle)}", style="dim")
        text.append("\n")
        for paragraph in section.paragraphs:
            text.append(f"{paragraph.heading}: ", style="bold")
            text.append(printable(paragraph.text) + "\n")
    return text


def open_notes(account: Account, dismissed: set[str], rules: RuleSet | None = None) -> Text | None:
    """Language notes not dismissed, listed kindly with where they are."""
    lines: list[tuple[str, str, str]] = []
    places = [
        (f"moment {n}", f, getattr(m, f))
        for n, m in enumerate(account.moments, start=1)
        for f in TEXT_FIELDS
    ]
    places += [("looking back", f, getattr(account.closing, f)) for f in CLOSING_FIELDS]
    for place, name, words in places:
        for finding in notes_for(words, rules, dismissed=dismissed, field_name=name):
            lines.append((place, finding.text, finding.reframe))
    if not lines:
        return None
    text = Text()
    text.append("A few phrases you might look at again. ", style="bold")
    text.append("They are only suggestions; your words are yours.\n")
    for place, words, reframe in lines:
        text.append(f"  • {place}: “{printable(words)}” — {printable(reframe)}\n")
    return text

"""One question with its answer box and its language note."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Label, TextArea

from secondstory.tui.widgets.bounded import BoundedTextArea
from secondstory.tui.widgets.nudge import NoteChoices, Nudge, finding_key, notes_for, rules_of
from secondstory.tui.widgets.safe_fields import SafeTextArea

CHECK_AFTER_QUIET = 0.4
"""Seconds of quiet typing before the words are checked."""


class AnswerField(Vertical):
    """A labelled, multi-line answer; posts Changed as the person types."""

    BINDINGS = [
        # The screen's ctrl+g does the work; this one is there to name the key in the
        # footer while the answer being written has a note (check_action), and only then.
        # A short name keeps F1 in the footer at 80 columns; help shows the tooltip.
        Binding(
            "ctrl+g", "dismiss_nudge", "Dismiss", id="dismiss-this-note", tooltip="Dismiss note"
        )
    ]

    class Changed(Message):
        """The answer's text changed."""

        def __init__(self, field: AnswerField, text: str) -> None:
            super().__init__()
            self.field = field
            self.text = text

    def __init__(
        self, name: str, label: str, help_text: str, text: str, nudges: NoteChoices
    ) -> None:
        super().__init__(id=f"field-{name}", classes="answer-field")
        self.field_name = name
        self.label = label
        self.help_text = help_text
        self.initial = text
        self.nudges = nudges
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label", markup=False)
        # The help sits in the empty box, and steps aside as soon as there are words.
        yield BoundedTextArea(
            self.initial,
            soft_wrap=True,
            tab_behavior="focus",
            compact=True,
            placeholder=self.help_text,
        )
        yield Nudge()

    def on_mount(self) -> None:
        self.check_words()

    @property
    def text(self) -> str:
        """What is typed now, with what was read from the file kept exactly where untouched."""
        return self.query_one(SafeTextArea).stored_text

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.text))
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_AFTER_QUIET, self.check_words)

    def check_words(self) -> None:
        """Look for blame or hindsight words and show the first one not dismissed."""
        nudge = self.query_one(Nudge)
        before = nudge.finding
        findings = []
        if self.nudges.enabled and self.text.strip():  # an empty answer needs no rules loaded
            findings = notes_for(
                self.text,
                rules_of(self),
                dismissed=self.nudges.dismissed,
                field_name=self.field_name,
            )
        nudge.show(findings[0] if findings else None)
        if nudge.finding != before:
            self.screen.refresh_bindings()  # the footer names the dismiss key while it applies
        if nudge.finding is not None and self.has_focus_within:
            self.call_after_refresh(self.bring_note_into_view)

    @property
    def note_shown(self) -> bool:
        """Whether a note is shown under this answer."""
        return self.query_one(Nudge).finding is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.note_shown if action == "dismiss_nudge" else True

    async def action_dismiss_nudge(self) -> None:
        await self.run_action("screen.dismiss_nudge")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.note_shown:
            self.call_after_refresh(self.bring_note_into_view)

    def bring_note_into_view(self) -> None:
        """Scroll so that this answer and its note are both in view, or, on a screen too
        small for both, at least the note: it sits below the box, where it is easily missed."""
        if not self.note_shown or not self.is_mounted:
            return
        self.scroll_visible(animate=False, immediate=True)
        self.query_one(Nudge).scroll_visible(animate=False, immediate=True)

    def set_nudges(self, nudges: NoteChoices) -> None:
        """Apply a new choice about notes."""
        self.nudges = nudges
        self.check_words()

    def dismiss_nudge(self) -> str | None:
        """Dismiss the note shown; returns its key to remember."""
        finding = self.query_one(Nudge).finding
        if finding is None:
            return None
        key = finding_key(finding)
        self.nudges = NoteChoices(self.nudges.enabled, self.nudges.dismissed | {key})
        self.check_words()
        return key

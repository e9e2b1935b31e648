"""A box for the facilitator's own words, with a quiet note when they lean towards blame."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, TextArea

from secondstory.tui.widgets.bounded import BoundedInput, BoundedTextArea
from secondstory.tui.widgets.nudge import NoteChoices, Nudge, finding_key, notes_for, rules_of
from secondstory.tui.widgets.safe_fields import SafeInput, SafeTextArea

CHECK_AFTER_QUIET = 0.4
"""Seconds of quiet typing before the words are checked."""


class OwnWords(Vertical):
    """One line (Input) or several (TextArea), checked for blame words as the person pauses."""

    BINDINGS = [Binding("ctrl+g", "dismiss_nudge", "Dismiss note", id="dismiss-note")]

    class NoteDismissed(Message):
        """The person dismissed the note shown under these words."""

    class Changed(Message):
        """The words changed."""

        def __init__(self, own_words: OwnWords, text: str) -> None:
            super().__init__()
            self.own_words = own_words
            self.text = text

    def __init__(
        self,
        text: str = "",
        *,
        multiline: bool = False,
        placeholder: str = "",
        choices: NoteChoices | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="own-words")
        self.initial = text
        self.multiline = multiline
        self.placeholder = placeholder
        self.choices = choices if choices is not None else NoteChoices()
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        if self.multiline:
            area = BoundedTextArea(self.initial, soft_wrap=True, tab_behavior="focus", compact=True)
            area.placeholder = self.placeholder
            yield area
        else:
            yield BoundedInput(self.initial, placeholder=self.placeholder, compact=True)
        yield Nudge()

    def on_mount(self) -> None:
        self.check_words()

    @property
    def editor(self) -> SafeInput | SafeTextArea:
        """The box itself."""
        if self.multiline:
            return self.query_one(SafeTextArea)
        return self.query_one(SafeInput)

    @property
    def text(self) -> str:
        """The words typed now, with what was read from the file kept exactly where untouched."""
        return self.editor.stored_text

    def set_text(self, text: str) -> None:
        """Replace the words without announcing a change (used when showing another item)."""
        editor = self.editor
        with self.prevent(Input.Changed, TextArea.Changed):
            if isinstance(editor, SafeTextArea):
                editor.load_text(text)
            else:
                editor.load(text)
        self.check_words()

    def focus(self, scroll_visible: bool = True) -> OwnWords:
        self.editor.focus(scroll_visible)
        return self

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed(self.text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._changed(self.text)

    def _changed(self, text: str) -> None:
        self.post_message(self.Changed(self, text))
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_AFTER_QUIET, self.check_words)

    def check_words(self) -> None:
        """Show the first blame or hindsight finding that was not dismissed."""
        from secondstory.language import is_blame

        findings = []
        text = self.text
        # An empty box has nothing to note: no need for the rules (loading them here, on
        # mount, held the facilitator's first frame back).
        if self.choices.enabled and text.strip():
            found = notes_for(text, rules_of(self), dismissed=self.choices.dismissed)
            findings = [f for f in found if is_blame(f)]
        self.query_one(Nudge).show(findings[0] if findings else None)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss_nudge":
            nudges = self.query(Nudge)
            return bool(nudges) and nudges.first().finding is not None
        return True

    def action_dismiss_nudge(self) -> None:
        finding = self.query_one(Nudge).finding
        if finding is not None:
            self.choices.dismissed.add(finding_key(finding))
            self.check_words()
            self.post_message(self.NoteDismissed())

"""What every interview step shares: the step bar, moving between steps, saving as you go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from secondstory.account.drafts import STEPS, Step
from secondstory.account.interview import Interview
from secondstory.errors import SecondstoryError
from secondstory.tui.host import Host, host
from secondstory.tui.widgets.answer_field import AnswerField
from secondstory.tui.widgets.nudge import NoteChoices
from secondstory.tui.widgets.place import place_of
from secondstory.tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from secondstory.account.prompts import PromptSet

AUTOSAVE_TICK = 0.2
"""How often pending changes are looked at; see Interview.due for when they are written."""


class StepScreen(Screen[None]):
    """Base of the six interview steps."""

    STEP: Step = "opening"
    BINDINGS = [
        # alt+arrows too: inside tmux, ctrl+b is the prefix key and never arrives.
        Binding("ctrl+n,alt+right", "next_step", "Next step", id="next-step"),
        Binding("ctrl+b,alt+left", "previous_step", "Back", id="previous-step"),
        Binding("ctrl+s", "save", "Save", id="save", show=False),
        Binding("ctrl+g", "dismiss_nudge", "Dismiss note", id="dismiss-nudge", show=False),
        Binding("ctrl+t", "toggle_nudges", "Notes on/off", id="toggle-nudges", show=False),
    ]

    def __init__(self, interview: Interview, prompts: PromptSet) -> None:
        super().__init__(classes="step")
        self.interview = interview
        self.prompts = prompts
        self._save_failed = False
        self._started = False

    @property
    def secondstory(self) -> Host:
        """The app, as a `Host`."""
        return host(self)

    def compose(self) -> ComposeResult:
        yield StepBar(self.STEP, self.interview.incident.title)
        yield from self.compose_step()
        yield Footer()

    def compose_step(self) -> ComposeResult:
        """The step's own widgets."""
        yield from ()

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO, and the steps call super()
        # too: start once, or a second saver would outlive the screen.
        if self._started:
            return
        self._started = True
        self.secondstory.register_saver(self.save_now)
        self.set_interval(AUTOSAVE_TICK, self._autosave)
        self.interview.go(self.STEP)
        # Not where the cursor is yet: the step puts it back where it was after this.
        self.write(remember_place=False)

    def on_unmount(self) -> None:
        self.save_now()
        self.secondstory.unregister_saver(self.save_now)

    def save_now(self) -> str | None:
        """Take what the widgets hold this instant, and write it (used on exit and signals)."""
        self.take_from_widgets()
        if self.write():
            return None
        return "Your draft could not be saved just now, so what you typed here would be lost."

    def write(self, *, remember_place: bool = True, background: bool = False) -> bool:
        """Save the draft; when the disk refuses, say so and keep every word in memory.

        `background`: the files are written in the app's saving thread, so waiting for
        the disk never holds up a key; a failure is said at the next save."""
        if remember_place:
            self.remember_place()
        try:
            if background:
                notice = self.interview.save_in_background(self.secondstory.write_in_background)
            else:
                notice = self.interview.save()
        except (OSError, SecondstoryError) as problem:
            if not self._save_failed:
                self.notify(
                    f"Your draft could not be saved just now ({problem}). Everything you typed "
                    "is still here, and saving is tried again as you go.",
                    severity="error",
                    timeout=15,
                )
            self._save_failed = True
            return False
        if notice:
            self.notify(notice, severity="warning", timeout=20)
        elif self._save_failed:
            self.notify("Saved again. Everything you typed is on disk.", timeout=4)
        self._save_failed = False
        return True

    def remember_place(self) -> None:
        """Keep which answer the cursor is in, and where, to put it back on resume."""
        if self.focused is None:  # leaving, or not drawn yet: keep what was known
            return
        session = self.interview.draft.session
        session.focus, session.cursor = place_of(self.focused)

    def take_from_widgets(self) -> None:
        """Copy what is typed into the draft, for messages that may not have arrived yet."""
        for field in self.query(AnswerField):
            self.keep_answer(field.field_name, field.text)

    def keep_answer(self, name: str, text: str) -> None:
        """Keep one answer typed on this step."""

    def _autosave(self) -> None:
        if self.interview.due():
            # Once a save has failed, saves wait for the disk again, so "Saved again"
            # is said only when it is true.
            self.write(background=not self._save_failed)

    def action_save(self) -> None:
        if self.write():
            self.notify("Saved. Everything you typed is on disk.", timeout=2)

    def action_next_step(self) -> None:
        index = STEPS.index(self.STEP)
        if index + 1 < len(STEPS):
            self.go_to(STEPS[index + 1])

    def action_previous_step(self) -> None:
        index = STEPS.index(self.STEP)
        if index > 0:
            self.go_to(STEPS[index - 1])

    def go_to(self, step: Step) -> None:
        """Leave this step for another, saving first."""
        # What the widgets hold now: in a burst of keys, the last Changed message may
        # still be on its way when the key that leaves the step arrives.
        self.save_now()
        self.secondstory.show_step(step, self.interview)

    # Language notes ---------------------------------------------------------------------
    @property
    def nudge_state(self) -> NoteChoices:
        """The person's choices about language notes."""
        session = self.interview.draft.session
        return NoteChoices(session.nudges, set(session.dismissed))

    def action_dismiss_nudge(self) -> None:
        field = self._focused_field()
        key = field.dismiss_nudge() if field else None
        if key is None:
            self.notify("There is no note on this answer to dismiss.", timeout=2)
            return
        self.interview.draft.session.dismissed.append(key)
        self.interview.changed()

    def action_toggle_nudges(self) -> None:
        session = self.interview.draft.session
        session.nudges = not session.nudges
        self.interview.changed()
        for field in self.query(AnswerField):
            field.set_nudges(self.nudge_state)
        state = "on" if session.nudges else "off"
        self.notify(f"Language notes are {state}. ctrl+t switches them back.", timeout=3)

    def _focused_field(self) -> AnswerField | None:
        node = self.focused
        while node is not None and not isinstance(node, AnswerField):
            node = node.parent  # type: ignore[assignment]
        return node

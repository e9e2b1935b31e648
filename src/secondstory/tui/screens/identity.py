"""Who you are: the name you want to be known by, an optional role, your time zone."""

from __future__ import annotations

from zoneinfo import available_timezones

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from secondstory.times.parse import TimeNotUnderstood, describe_day
from secondstory.times.zones import is_zone
from secondstory.tui.screens.step import StepScreen
from secondstory.tui.widgets.bounded import BoundedInput
from secondstory.tui.widgets.place import put_back
from secondstory.tui.widgets.safe_fields import SafeInput


class IdentityScreen(StepScreen):
    """Name, role and time zone."""

    STEP = "identity"

    def compose_step(self) -> ComposeResult:
        identity = self.prompts.identity
        account = self.interview.draft.account
        with VerticalScroll(classes="step-body"):
            yield Static(Text(identity.title, style="bold"), classes="step-title")
            yield Static(Text(identity.intro.strip()), classes="step-intro")
            for name, value in (
                ("author", account.author),
                ("role", account.role or ""),
                ("timezone", account.timezone),
            ):
                prompt = getattr(identity, name)
                yield Label(prompt.label, classes="field-label", markup=False)
                yield Label(prompt.help, classes="field-help-always", markup=False)
                suggester = None
                if name == "timezone":
                    suggester = SuggestFromList(sorted(available_timezones()), case_sensitive=False)
                yield BoundedInput(
                    value,
                    placeholder=prompt.placeholder,
                    id=f"identity-{name}",
                    suggester=suggester,
                    compact=True,
                )
            yield Static("", id="timezone-message", classes="field-message")
            if self.interview.asks_day:
                prompt = identity.day
                day = self.interview.day
                yield Label(prompt.label, classes="field-label", markup=False)
                yield Label(prompt.help, classes="field-help-always", markup=False)
                yield BoundedInput(
                    day.isoformat() if day else "",
                    placeholder=prompt.placeholder,
                    id="identity-day",
                    compact=True,
                )
                yield Static(self._day_said(), id="day-message", classes="field-message")

    def on_mount(self) -> None:
        super().on_mount()
        session = self.interview.draft.session
        if not put_back(self, session.focus, session.cursor):
            self.query_one("#identity-author", Input).focus()

    def take_from_widgets(self) -> None:
        for field in self.query(SafeInput):
            self._keep(field)

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, SafeInput):
            self._keep(event.input)

    def _keep(self, field: SafeInput) -> None:
        name = (field.id or "").removeprefix("identity-")
        value = field.stored_text
        if name == "day":
            self._keep_day(value)
            return
        message = self.query_one("#timezone-message", Static)
        if name == "timezone":
            if not is_zone(value.strip()):
                message.update(
                    Text(
                        "Type an IANA zone such as Europe/Amsterdam or America/New_York; "
                        "→ completes a suggestion. Your times keep the zone you had before."
                    )
                )
                return
            message.update("")
            self.interview.set_identity("timezone", value.strip())
            return
        self.interview.set_identity(name, value)

    def _keep_day(self, value: str) -> None:
        message = self.query_one("#day-message", Static)
        try:
            self.interview.set_day(value)
        except TimeNotUnderstood as problem:
            kept = self.interview.day
            still = (
                f" Until then, times without a day are read on {describe_day(kept)}."
                if kept
                else ""
            )
            message.update(Text(problem.message + still))
        else:
            message.update(Text(self._day_said()))
        # At 80x24 the message is below the fold, under the field being typed in.
        if self.focused is not None and self.focused.id == "identity-day":
            # The day is the last field, so its message is the end of the step.
            body = self.query_one(".step-body", VerticalScroll)
            self.call_after_refresh(lambda: self.call_after_refresh(body.scroll_end, animate=False))

    def _day_said(self) -> str:
        day = self.interview.day
        if day is None:
            return "With no day here, a time without a day is read on the day you type it."
        return f"Read as {describe_day(day)}."

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

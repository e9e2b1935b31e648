"""Share: a copy goes to the incident; revise and share again, or withdraw."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from secondstory.errors import SecondstoryError
from secondstory.export.textsafe import printable
from secondstory.files.incidents import shared_account_path
from secondstory.tui.dialogs.confirm import ConfirmDialog
from secondstory.tui.screens.step import StepScreen


class ShareScreen(StepScreen):
    """Share, share again, or withdraw."""

    STEP = "share"
    # Not in the footer (the buttons are on screen); named so ctrl+p and help list it.
    BINDINGS = [Binding("s", "press('share')", "Share", show=False, id="share-account")]

    def compose_step(self) -> ComposeResult:
        share = self.prompts.share
        with VerticalScroll(classes="step-body"):
            yield Static(Text(share.title, style="bold"), classes="step-title")
            yield Static(Text(share.intro.strip()), classes="step-intro")
            yield Static("", id="share-status")
            with Horizontal(id="share-buttons"):
                yield Button("Share", id="share", variant="primary")
                yield Button("Withdraw", id="withdraw", variant="warning")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_status()
        self.query_one("#share", Button).focus()

    def _target(self) -> str:
        if self.interview.share_to is not None:
            return str(self.interview.share_to)
        folder = self.interview.draft.session.incident_folder
        if folder is None:
            return "(no incident folder known: start again with secondstory give --to FILE)"
        where = self.interview.folder or Path(folder)
        return str(shared_account_path(where, self.interview.draft.account.account))

    def _show_status(self) -> None:
        draft = self.interview.draft
        share = self.prompts.share
        text = Text()
        if draft.session.shared_at is None:
            text.append("Not shared yet. ", style="bold")
            text.append("Only you can see this draft.\n")
            text.append(f"\nSharing writes a copy to:\n  {printable(str(self._target()))}\n")
        else:
            if draft.changed_since_shared:
                text.append("Shared, and changed since. ", style="bold")
                text.append("Share again to pass on your changes.\n")
            else:
                text.append("Shared, ", style="bold")
                text.append("and up to date.\n")
            text.append(f"\nThe shared copy is at:\n  {printable(str(draft.session.shared_to))}\n")
            if share.withdraw_intro:
                text.append(f"\n{share.withdraw_intro.strip()}\n", style="dim")
        empty = sum(1 for m in draft.account.moments if m.is_empty())
        if empty:
            text.append(f"\n{empty} moment(s) with no words yet will be left out of the copy.\n")
        self.query_one("#share-status", Static).update(text)
        self.query_one("#share", Button).label = (
            "Share again" if draft.session.shared_at else "Share"
        )
        self.query_one("#withdraw", Button).disabled = draft.session.shared_at is None

    def action_press(self, button: str) -> None:
        """What the button does, from a key or the command palette."""
        self.query_one(f"#{button}", Button).press()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "share":
            self.app.push_screen(
                ConfirmDialog(self.prompts.share.confirm, "Share", safe_yes=True), self._share
            )
        elif event.button.id == "withdraw":
            self.app.push_screen(
                ConfirmDialog(self.prompts.share.withdraw_confirm, "Withdraw"), self._withdraw
            )

    def _share(self, yes: bool | None) -> None:
        if not yes:
            return
        try:
            path = self.interview.share()
        except SecondstoryError as problem:
            self.notify(problem.message, severity="warning", timeout=8)
            return
        self.notify(f"{self.prompts.share.shared_message}\n{path}", timeout=6)
        self._show_status()

    def _withdraw(self, yes: bool | None) -> None:
        if not yes:
            return
        removed = self.interview.withdraw()
        message = self.prompts.share.withdrawn_message
        if removed is None:
            message += (
                " (No copy was found where it was shared; a copy handed over by hand"
                " stays with whoever has it.)"
            )
        self.notify(message, timeout=6)
        self._show_status()

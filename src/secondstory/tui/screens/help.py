"""Help: how the interview works, and every key of the screen you came from."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

INTERVIEW_GUIDE = (
    "secondstory keeps your account of an incident in your own words. Everything is "
    "saved as you type, and stays private on this machine until you choose to share it. "
    "You can change it or withdraw it at any time.\n\n"
    "Tab and shift+tab move between answers. ctrl+n and ctrl+b (or alt+→ and alt+←, "
    "handy inside tmux) move between steps. "
    "ctrl+p opens a list of everything you can do."
)
"""The guide for a screen that has no GUIDE of its own: the interview's steps."""


class HelpScreen(ModalScreen[None]):
    """Keys of the screen underneath, with a short guide."""

    BINDINGS = [Binding("escape,f1,q", "close", "Close help", id="close-help")]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog-body"):
            yield Static(Text("Help", style="bold"))
            yield Static(Text(getattr(self.below, "GUIDE", INTERVIEW_GUIDE)))
            yield Static(self._keys())
            yield Static(Text("escape closes this help.", style="dim"))

    def _keys(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        keys: dict[str, list[str]] = {}
        for active in self.below.active_bindings.values():
            binding = active.binding
            # Our own bindings all carry an id; the framework's scrolling keys need no help.
            if binding.id and binding.description:
                # A footer's short name may have its full one as the tooltip.
                described = binding.tooltip or binding.description
                keys.setdefault(described, []).append(self.app.get_key_display(binding))
        for description, shown in keys.items():
            table.add_row(Text(", ".join(dict.fromkeys(shown))), Text(description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)

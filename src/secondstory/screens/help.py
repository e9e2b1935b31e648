"""Help: how the interview works, and every key of the screen you came from."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

ABOUT = (
    "secondstory keeps your account of an incident in your own words. Everything is "
    "saved as you type, and stays private on this machine until you choose to share it. "
    "You can change it or withdraw it at any time.\n\n"
    "Tab and shift+tab move between answers. ctrl+n and ctrl+b move between steps. "
    "ctrl+p opens a list of everything you can do."
)


class HelpScreen(ModalScreen[None]):
    """Keys of the screen underneath, with a short guide."""

    BINDINGS = [Binding("escape,f1,q", "close", "Close help", id="close-help")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog-body"):
            yield Static(Text("Help", style="bold"))
            yield Static(Text(ABOUT))
            yield Static(self._keys())
            yield Static(Text("escape closes this help.", style="dim"))

    def _keys(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        below = self.app.screen_stack[-1] if self.app.screen_stack else None
        seen: set[str] = set()
        if below is not None:
            for key, active in below.active_bindings.items():
                binding = active.binding
                if binding.description and binding.description not in seen:
                    seen.add(binding.description)
                    table.add_row(Text(binding.key_display or key), Text(binding.description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)

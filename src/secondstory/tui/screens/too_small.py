"""The one message shown while the window is smaller than the app needs."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

MIN_SIZE = Size(80, 24)
"""The smallest window every screen is laid out for."""


def too_small(size: Size) -> bool:
    """Whether a window of `size` is below MIN_SIZE in either direction."""
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


def message(size: Size) -> Text:
    """What the notice says, with the window's size now."""
    return Text(
        f"This window is smaller than {MIN_SIZE.width}×{MIN_SIZE.height} "
        f"(it is {size.width}×{size.height} now). Make it a little larger to go on; "
        "nothing you typed is lost.",
        justify="center",
    )


class TooSmallScreen(Screen[None]):
    """Covers everything until the window grows; the screen beneath keeps its state."""

    def __init__(self, size: Size) -> None:
        super().__init__(id="too-small")
        self._size = size

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(message(self._size), id="too-small-message")

    def show_size(self, size: Size) -> None:
        """Say the window's new size (it is still too small)."""
        self._size = size
        self.query_one("#too-small-message", Static).update(message(size))

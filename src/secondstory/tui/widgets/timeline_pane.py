"""The timeline with the selected moment in full, and the keys that annotate a moment."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from secondstory.tui.widgets.moment_detail import MomentDetail
from secondstory.tui.widgets.requests import Requested
from secondstory.tui.widgets.timeline import Timeline


class TimelinePane(Vertical):
    """Timeline above (or beside) the moment under its cursor."""

    BINDINGS = [
        Binding("n", "request('next')", "Next", id="next-flagged"),
        Binding("N,p", "request('previous')", "Previous", show=False, id="previous-flagged"),
        Binding("c", "request('confirm')", "Same event", show=False, id="confirm-same"),
        Binding("x", "request('reject')", "Not the same", show=False, id="reject-same"),
        Binding("l", "request('link')", "Link", id="link-moments"),
        Binding("t", "request('theme')", "Theme", id="add-to-theme"),
        Binding("a", "request('ask')", "Ask", id="ask-question"),
        # Named in help and in the moment's detail: the footer has no room left at 80x24.
        Binding("w", "request('wording')", "Mark wording", show=False, id="mark-wording"),
        Binding("s", "request('surprise')", "Surprise or not", show=False, id="mark-surprise"),
        Binding("v", "request('knew')", "Who had seen what", show=False, id="who-had-seen"),
        Binding("escape", "request('cancel-link')", "Stop linking", show=False, id="cancel-link"),
    ]

    _lines = -1
    """How many line breaks the hint had, to know when its height changes."""

    def compose(self) -> ComposeResult:
        with Vertical(id="timeline-side"):
            yield Timeline(id="timeline")
            yield Static("", id="timeline-hint")
        yield MomentDetail(id="moment-detail")

    def hint(self, text: Text) -> None:
        """Show a line under the timeline: where the cursor is, or what linking waits for."""
        lines = text.plain.count("\n")
        # Only a change in height needs the screen laid out again; a layout pass also
        # redraws the timeline's scrollbar, in a second write after the move's own.
        self.query_one("#timeline-hint", Static).update(text, layout=lines != self._lines)
        self._lines = lines

    def action_request(self, what: str) -> None:
        self.post_message(Requested(what))

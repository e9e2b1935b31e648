"""A list of the facilitator's own items (themes, questions, moments in a theme) with keys."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from secondstory.tui.widgets.requests import Requested


class ItemList(OptionList):
    """Options keyed by id; its keys post `Requested(what, id)` for the highlighted item."""

    def __init__(self, empty: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty = empty

    @property
    def current(self) -> str | None:
        """The highlighted item's id."""
        option = self.highlighted_option
        return option.id if option is not None and option.id != "empty" else None

    def show(self, items: Sequence[tuple[str, Text]], keep: str | None = None) -> None:
        """Replace the items, keeping `keep` (or the same place) highlighted."""
        before = self.highlighted or 0
        if not items:
            self.set_options([Option(Text(self.empty, style="dim"), id="empty", disabled=True)])
            return
        self.set_options([Option(prompt, id=key) for key, prompt in items])
        keys = [key for key, _ in items]
        self.highlighted = keys.index(keep) if keep in keys else min(before, len(keys) - 1)

    def action_request(self, what: str) -> None:
        self.post_message(Requested(what, self.current))


class ThemeList(ItemList):
    """Themes: a adds one, d deletes, enter edits its words."""

    BINDINGS = [
        Binding("a,n", "request('new-theme')", "New theme", id="theme-new"),
        Binding("d,delete", "request('delete-theme')", "Delete", id="theme-delete"),
    ]


class ThemeMoments(ItemList):
    """The moments of one theme: d takes one out, enter shows it in the timeline."""

    BINDINGS = [
        Binding("d,delete", "request('leave-theme')", "Take out", id="theme-moment-out"),
    ]


class QuestionList(ItemList):
    """Questions: r writes the answer, space marks answered, d deletes, enter edits."""

    BINDINGS = [
        Binding("a,n", "request('new-question')", "New question", id="question-new"),
        Binding("r", "request('answer-question')", "Answer", id="question-answer"),
        Binding(
            "space", "request('toggle-question')", "Answered", show=False, id="question-toggle"
        ),
        Binding("d,delete", "request('delete-question')", "Delete", id="question-delete"),
    ]

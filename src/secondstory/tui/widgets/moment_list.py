"""The list of moments in the person's own order."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Label, ListItem, ListView

from secondstory.export.textsafe import one_line
from secondstory.files.model import TEXT_FIELDS, Moment
from secondstory.times.parse import zone_info

SUMMARY_WIDTH = 60


def moment_summary(number: int, moment: Moment, zone: str) -> str:
    """One line for the list: number, short time on the person's clock, the first words."""
    when = "--:--"
    if moment.when is not None:
        mark = {"about": "~", "unsure": "?"}.get(moment.when_precision, "")
        clock = moment.when
        if clock.tzinfo is not None:  # typed as "23:00 UTC": shown on the person's own clock
            clock = clock.astimezone(zone_info(zone))
        when = f"{mark}{clock:%H:%M}"
    elif moment.when_text:
        when = "?"
    words = next((getattr(moment, f) for f in TEXT_FIELDS if getattr(moment, f).strip()), "")
    return f"{number}. {when} {one_line(words, SUMMARY_WIDTH) or '(new moment)'}"


class MomentItem(ListItem):
    """One moment in the list."""

    def __init__(self, number: int, moment: Moment, zone: str) -> None:
        super().__init__(Label(moment_summary(number, moment, zone), markup=False))
        self.moment_id = moment.id
        self.zone = zone

    def refresh_summary(self, number: int, moment: Moment) -> None:
        """Show the moment's current words."""
        self.query_one(Label).update(Text(moment_summary(number, moment, self.zone)))


class MomentList(ListView):
    """Moments; keys here add, delete and reorder them."""

    BINDINGS = [
        # ctrl+o, shown in the footer, does the same; the hint under the list names n.
        Binding("n", "request('new')", "New moment", id="new-moment", show=False),
        Binding("d,delete", "request('delete')", "Delete", id="delete-moment"),
        Binding("ctrl+up,shift+up,K", "request('up')", "Move up", id="move-up", show=False),
        Binding(
            "ctrl+down,shift+down,J", "request('down')", "Move down", id="move-down", show=False
        ),
    ]

    class Requested(Message):
        """The person asked to change the list: new, delete, up or down."""

        def __init__(self, what: str, moment_id: str | None) -> None:
            super().__init__()
            self.what = what
            self.moment_id = moment_id

    @property
    def current_id(self) -> str | None:
        """The highlighted moment's id."""
        item = self.highlighted_child
        return item.moment_id if isinstance(item, MomentItem) else None

    def action_request(self, what: str) -> None:
        self.post_message(self.Requested(what, self.current_id))

"""The merged timeline: one row per moment, a lane per person, only visible rows rendered.

A Line API widget, so 10,000 moments cost no more to show than 100: each frame renders
the rows on screen and caches them. The first line is a fixed header naming the lanes.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size, Spacing
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from secondstory.export.labels import first_words
from secondstory.export.textsafe import printable
from secondstory.narrative.model import Entry, Narrative
from secondstory.tui.widgets.evidence_lane import HEADER, evidence_by_row

LANE_STYLES = 6
"""Lanes take these many colours in turn."""
MIN_LANE = 14
"""Narrower lanes than this become one list with the person's name in front."""
GUTTER = 9
"""Meanwhile bar, flag, time and a space before the lanes."""
NAME_WIDTH = 14
"""Width of the name column when the lanes do not fit."""


def time_cell(entry: Entry) -> str:
    """Six cells for the time column: "14:05 ", "~14:05", " ··   " for no time."""
    if entry.at is None:
        return "  ··  "
    mark = "~" if entry.precision == "about" else " "
    return f"{mark}{entry.at:%H:%M}"


def flag(entry: Entry, narrative: Narrative) -> str:
    """One cell: ! times disagree, ? a suggestion, = linked, blank otherwise."""
    groups = [narrative.same_event[i] for i in entry.same_event]
    if any(g.disagreement for g in groups):
        return "!"
    if any(g.source == "suggested" for g in groups):
        return "?"
    return "=" if groups else " "


def fit(text: str, width: int) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class Timeline(ScrollView, can_focus=True):
    """Every moment in one order; the cursor picks the one shown in full."""

    COMPONENT_CLASSES = {
        "timeline--header",
        "timeline--cursor",
        "timeline--cursor-idle",
        "timeline--time",
        "timeline--guide",
        "timeline--meanwhile",
        "timeline--meanwhile-other",
        "timeline--flag",
        "timeline--disagree",
        *(f"timeline--lane-{n}" for n in range(LANE_STYLES)),
    }
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False, id="timeline-up"),
        Binding("down,j", "move(1)", "Down", show=False, id="timeline-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="timeline-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="timeline-page-down"),
        Binding("home", "jump(0)", "First moment", show=False, id="timeline-first"),
        Binding("end", "jump(-1)", "Last moment", show=False, id="timeline-last"),
    ]

    # No repaint of the whole timeline on a move: watch_cursor redraws the two rows.
    cursor: reactive[int] = reactive(0, always_update=False, init=False, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.narrative: Narrative | None = None
        self._cache: LRUCache[tuple[int, int, str], Strip] = LRUCache(512)
        self._styles: dict[str, Style] = {}
        self._headers: dict[int, Strip] = {}
        self._evidence: dict[int, str] = {}
        self._followers: list[Callable[[Entry | None], None]] = []

    def follow(self, callback: Callable[[Entry | None], None]) -> None:
        """Call `callback` with the moment under the cursor each time it moves or the
        timeline is shown anew.

        It is called at once, not through a message: a message bubbles up through every
        container between here and the screen, and the screen would often draw the moved
        cursor before the moment it points at, in two writes to the terminal instead of one.
        """
        self._followers.append(callback)

    def _moved(self) -> None:
        entry = self.current
        for callback in self._followers:
            callback(entry)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The rows, in timeline order."""
        return self.narrative.timeline if self.narrative is not None else ()

    @property
    def current(self) -> Entry | None:
        """The moment under the cursor."""
        rows = self.entries
        return rows[self.cursor] if 0 <= self.cursor < len(rows) else None

    def show(self, narrative: Narrative, keep: str | None = None) -> None:
        """Show a (new) merge, keeping the cursor on the moment `keep` where it still is."""
        self.narrative = narrative
        self._evidence = evidence_by_row(narrative)
        self._forget()
        self.virtual_size = Size(self.size.width, len(narrative.timeline) + 1)
        entry = narrative.entry(keep) if keep is not None else None
        index = entry.index if entry is not None else min(self.cursor, len(self.entries) - 1)
        self.set_reactive(Timeline.cursor, max(index, 0))
        self._follow_cursor()
        self.refresh()
        self._moved()

    def go_to(self, ref: str) -> bool:
        """Move the cursor to a moment by ref; False when it is not on the timeline."""
        entry = self.narrative.entry(ref) if self.narrative is not None else None
        if entry is None:
            return False
        self.cursor = entry.index
        return True

    # Moving ------------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.entries) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._follow_cursor()
        self._moved()

    def action_move(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self.scrollable_content_region.height - 2, 1)

    def action_jump(self, where: int) -> None:
        self.cursor = where if where >= 0 else len(self.entries) - 1

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            self.cursor = int(self.scroll_y) + event.y - 1

    def _refresh_row(self, index: int) -> None:
        self.refresh_line(index + 1)

    def _follow_cursor(self) -> None:
        region = Region(0, self.cursor + 1, max(self.size.width, 1), 1)
        self.scroll_to_region(region, spacing=Spacing(1, 0, 0, 0), animate=False, force=True)

    # Drawing -----------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget()

    def _forget(self) -> None:
        """Drop the rows, header and styles drawn: the styles or the moments changed."""
        self._cache.clear()
        self._styles.clear()
        self._headers.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._forget()
        self.virtual_size = Size(event.size.width, len(self.entries) + 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            header = self._headers.get(width)
            if header is None:
                header = self._headers[width] = self._header(width)
            return header
        index = int(self.scroll_y) + y - 1
        if not 0 <= index < len(self.entries):
            return Strip.blank(width, self._base())
        cursor = ""
        if index == self.cursor:
            cursor = "timeline--cursor" if self.has_focus else "timeline--cursor-idle"
        key = (index, width, cursor)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._row(self.entries[index], width, cursor)
            self._cache[key] = strip
        return strip

    def on_focus(self) -> None:
        self._refresh_row(self.cursor)

    def on_blur(self) -> None:
        self._refresh_row(self.cursor)

    def _base(self) -> Style:
        return self._style("")

    def _lane_width(self, width: int) -> int:
        people = len(self.narrative.participants) if self.narrative is not None else 0
        lanes = people + (1 if self._evidence else 0)  # the evidence lane, when there is one
        return (width - GUTTER) // lanes if people else 0

    def _style(self, name: str) -> Style:
        # Remembered: a scrolled timeline redraws every row, and asking the CSS for a
        # style each time cost more than drawing the row.
        # The name "" is the widget's own style, the base of every row.
        style = self._styles.get(name)
        if style is None:
            found = self.get_component_rich_style(name, partial=True) if name else self.rich_style
            style = self._styles[name] = found
        return style

    def _header(self, width: int) -> Strip:
        base = self._base() + self._style("timeline--header")
        segments = [Segment(fit("  UTC", GUTTER), base)]
        lane = self._lane_width(width)
        people = self.narrative.participants if self.narrative is not None else ()
        if lane >= MIN_LANE:
            for person in people:
                style = base + self._style(f"timeline--lane-{person.lane % LANE_STYLES}")
                segments.append(Segment(fit(printable(person.author), lane), style))
            if self._evidence:
                segments.append(Segment(fit(HEADER, lane), base))
        else:
            segments.append(Segment(fit("Who", NAME_WIDTH + 1) + "What", base))
        return Strip(segments).adjust_cell_length(width, base)

    def _row(self, entry: Entry, width: int, cursor: str) -> Strip:
        assert self.narrative is not None
        base = self._base()
        if cursor:
            base += self._style(cursor)
        segments = [self._meanwhile(entry, base), self._flag(entry, base)]
        segments.append(Segment(time_cell(entry) + " ", base + self._style("timeline--time")))
        lane = self._lane_width(width)
        lane_style = base + self._style(f"timeline--lane-{entry.lane % LANE_STYLES}")
        words = printable(first_words(entry, 200))
        if lane >= MIN_LANE:
            guide = base + self._style("timeline--guide")
            for number in range(len(self.narrative.participants)):
                if number == entry.lane:
                    segments.append(Segment(fit(words, lane - 1) + " ", lane_style))
                else:
                    segments.append(Segment(fit("·", lane), guide))
            if self._evidence:
                said = printable(self._evidence.get(entry.index, "·"))
                segments.append(Segment(fit(said, lane), guide))
        else:
            segments.append(Segment(fit(printable(entry.author), NAME_WIDTH) + " ", lane_style))
            segments.append(Segment(fit(words, width - GUTTER - NAME_WIDTH - 1), base))
        return Strip(segments).adjust_cell_length(width, base)

    def _meanwhile(self, entry: Entry, base: Style) -> Segment:
        if entry.group is None:
            return Segment(" ", base)
        name = "timeline--meanwhile" if entry.group % 2 == 0 else "timeline--meanwhile-other"
        return Segment("┃", base + self._style(name))

    def _flag(self, entry: Entry, base: Style) -> Segment:
        assert self.narrative is not None
        mark = flag(entry, self.narrative)
        name = "timeline--disagree" if mark == "!" else "timeline--flag"
        return Segment(mark + " ", base + self._style(name))

"""One moment in full: who, when, their five answers word for word, and what it connects to."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from rich.text import Text
from textual import work
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from secondstory.export.labels import (
    FIELDS,
    cite,
    day,
    placement,
    precision,
    same_event_time,
    written,
)
from secondstory.export.labels import when as when_label
from secondstory.export.textsafe import printable
from secondstory.files.model import NarrativeNotes
from secondstory.language import RuleSet
from secondstory.narrative.annotate import questions_of, themes_of
from secondstory.narrative.model import Entry, Narrative, SameEvent
from secondstory.tui.widgets.wording import Place, listing, marked, offer, places_in_field

NEAREST = 8
"""How many moments happening meanwhile (or told alike) are named before "and N more"."""
KEPT = 4096
"""How many moments' wording is remembered; past that, the memory starts again."""

Words = tuple[str, ...]
"""A moment's five answers, which is all its wording depends on."""


def words_of(entry: Entry) -> Words:
    """The moment's five answers: what its wording's places are remembered by."""
    return tuple(getattr(entry, name) for name, _ in FIELDS)


def describe_entry(
    entry: Entry, narrative: Narrative, notes: NarrativeNotes, marks: list[Place] | None = None
) -> Text:
    """The moment as rich Text; people's words are appended as plain text, never markup.

    `marks`: blame and hindsight wording to mark in the answers, on the facilitator's
    screen only."""
    text = Text()
    text.append(printable(entry.author), style="bold")
    if entry.role:
        text.append(f" · {printable(entry.role)}")
    text.append(f" · moment {entry.moment}\n", style="dim")
    text.append(_when(entry, narrative) + "\n")
    if entry.when is not None:
        text.append(f"As written: {printable(written(entry))}\n", style="dim")
    for name, label in FIELDS:
        words = getattr(entry, name)
        if words.strip():
            text.append(f"\n{label}\n", style="bold")
            text.append(marked(words, name, marks or []))
            text.append("\n")
    _links(text, entry, narrative)
    _notes(text, entry, notes)
    return text


def _when(entry: Entry, narrative: Narrative) -> str:
    if entry.at is None:
        return f"{when_label(entry)} · {placement(narrative, entry)}"
    return f"{when_label(entry)}, {day(entry.at)} · {precision(entry)}"


def nearest(entry: Entry, refs: tuple[str, ...], narrative: Narrative) -> str:
    """The moments closest to `entry` on the timeline, cited, and how many more there are.

    `refs` are in timeline order, so the nearest few sit on either side of the entry's
    place: a stretch of thousands of overlapping moments costs no more than a few."""

    def index(ref: str) -> int:
        found = narrative.entry(ref)
        return found.index if found is not None else len(narrative.timeline)

    at = bisect_left(refs, entry.index, key=index)
    present = at < len(refs) and refs[at] == entry.ref
    window = refs[max(at - NEAREST, 0) : at + NEAREST + 1]
    others = [r for r in window if r != entry.ref]
    closest = set(sorted(others, key=lambda r: abs(index(r) - entry.index))[:NEAREST])
    shown = [r for r in others if r in closest]
    words = ", ".join(cite(narrative, r) for r in shown)
    more = len(refs) - (1 if present else 0) - len(shown)
    if more > 0:
        words += f" and {more:,} more"
    return printable(words)


def _links(text: Text, entry: Entry, narrative: Narrative) -> None:
    if entry.group is not None:
        text.append("\nMeanwhile: ", style="bold")
        text.append(nearest(entry, narrative.concurrent[entry.group].members, narrative) + "\n")
    for number in entry.same_event:
        group = narrative.same_event[number]
        text.append("\n" + _group_title(group) + ": ", style="bold")
        text.append(nearest(entry, group.members, narrative) + "\n")
        text.append(same_event_time(group) + "\n", style="dim")
        if group.note:
            text.append(f"Your note: {printable(group.note)}\n", style="italic")


def _group_title(group: SameEvent) -> str:
    if group.source == "suggested":
        return "Perhaps the same event as"
    return "Same event as (you linked them)"


def _notes(text: Text, entry: Entry, notes: NarrativeNotes) -> None:
    themes = themes_of(notes, entry.ref)
    if themes:
        text.append("\nThemes: ", style="bold")
        text.append(printable("; ".join(t.title for t in themes)) + "\n")
    questions = questions_of(notes, entry.ref)
    for question in questions:
        text.append("\nQuestion: ", style="bold")
        text.append(printable(question.text) + "\n")


class MomentDetail(ScrollView, can_focus=True):
    """Shows the moment under the timeline's cursor; focus it to scroll long answers.

    A Line API widget: the moment is wrapped into lines once, when it is shown, and a
    move of the timeline's cursor redraws this pane's rows in the frame the cursor moves
    in, with no layout pass of the screen (an automatic-height text in a scrolling
    container took two, each its own write to the terminal).

    Its wording is checked once that frame is drawn, in a thread (the language check
    takes tens of milliseconds a moment, and the rules may still be loading); the offer
    to mark it, or the marks, follow when the check is done, and each moment's places are
    remembered.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marking = False
        """Whether blame and hindsight wording is marked (the facilitator's choice)."""
        self.body = Text("No moment to show yet.", style="dim")
        """The moment as shown, without the wording to ask about."""
        self.wording: Text | None = None
        """The offer to mark the wording, or the list of places, when there are any."""
        self._shown: tuple[Entry | None, Narrative, NarrativeNotes] | None = None
        self._places: dict[Words, list[Place]] = {}
        self._into_view = False
        self._check_asked = False
        self._lines: list[Strip] = []
        self._wording_row = 0
        self._wrapped_at = -1

    def show(self, entry: Entry | None, narrative: Narrative, notes: NarrativeNotes) -> None:
        """Show this moment, or a kind word when there is none."""
        self._shown = (entry, narrative, notes)
        places = self._places.get(words_of(entry)) if entry is not None else []
        self.scroll_to(0, 0, animate=False)
        self._draw(places)
        if entry is not None and places is None and not self._check_asked:
            # After the frame is drawn: the first frame does not share the processor
            # with the check, and a run of quick moves checks only where it ends.
            self._check_asked = True
            self.call_after_refresh(self._check_shown)

    def _check_shown(self) -> None:
        self._check_asked = False
        entry = self._shown[0] if self._shown is not None else None
        if entry is not None and words_of(entry) not in self._places:
            self._check_wording(entry, _rules_loader(self))

    def _draw(self, known: list[Place] | None) -> None:
        """Draw the moment shown, with its wording's places once `known`."""
        assert self._shown is not None
        places = known or []
        entry, narrative, notes = self._shown
        if entry is None:
            self.body = Text("No one has shared an account yet. ctrl+r looks again.", "dim")
        else:
            self.body = describe_entry(entry, narrative, notes, places if self.marking else None)
        self.wording = None
        if places:
            self.wording = listing(places) if self.marking else offer(places)
        self._wrap()
        if self._into_view and known is not None:
            self._into_view = False
            if places:
                self.scroll_to(0, self._wording_row, animate=False)

    # Drawing -----------------------------------------------------------------------------
    def _wrap(self) -> None:
        """Wrap the moment into lines at the pane's width and redraw the pane."""
        width = self.scrollable_content_region.width
        self._wrapped_at = width
        if width <= 0:
            self._lines = []
            return
        body = self.body.copy()
        body.rstrip()  # its closing line break would draw as a blank line
        lines = self._strips(body, width)
        if self.wording is not None:
            lines.append(Strip.blank(width, self.rich_style))
            self._wording_row = len(lines)
            lines += self._strips(self.wording, width)
        self._lines = lines
        size = Size(width, len(lines))
        if size != self.virtual_size:
            # Not through the reactive, which lays the whole screen out again and draws
            # that in a write of its own: the pane's size is fixed, only its scrollbar
            # follows what it holds (the scrollbar is always shown, so it never appears).
            self.set_reactive(MomentDetail.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def _strips(self, text: Text, width: int) -> list[Strip]:
        # Rich's own wrapping, as RichLog's: half the time of Textual's Content for this.
        console = self.app.console
        options = console.options.update(width=width, height=None, highlight=False)
        lines = console.render_lines(text, options, style=self.rich_style, pad=True)
        return [Strip(line, width) for line in lines]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._wrapped_at >= 0:
            self._wrap()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._wrapped_at:
            self._wrap()

    def render_line(self, y: int) -> Strip:
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if 0 <= row < len(self._lines) and self._wrapped_at == width:
            return self._lines[row]
        return Strip.blank(width, self.rich_style)

    # Wording -----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="moment-wording", exit_on_error=False)
    def _check_wording(self, entry: Entry, load: Callable[[], RuleSet | None]) -> None:
        rules, worker, places = load(), get_current_worker(), []
        for name, _ in FIELDS:
            if worker.is_cancelled:  # the cursor has moved on: a newer check is running
                return
            places += places_in_field(entry, name, rules)
        self.app.call_from_thread(self._checked, entry, places)

    def _checked(self, entry: Entry, places: list[Place]) -> None:
        if len(self._places) >= KEPT:
            self._places.clear()
        self._places[words_of(entry)] = places
        if self._shown is not None and self._shown[0] is entry:
            if places:
                self._draw(places)
            self._into_view = False

    def mark_wording(self, marking: bool) -> None:
        """Mark the wording to ask about, or stop, and show the moment again; the list of
        places is brought into view, as on a small screen it is below the edge."""
        self.marking = marking
        self._into_view = marking  # once the places are known, if they are not yet
        if self._shown is not None:
            self.show(*self._shown)


def _rules_loader(node: MomentDetail) -> Callable[[], RuleSet | None]:
    """How a thread gets the app's language rules (loading them once, if not yet loaded);
    without an app that has any, the built-in rules (None)."""
    load: Callable[[], RuleSet | None] | None = getattr(node.app, "load_language_rules", None)
    return load if load is not None else lambda: None

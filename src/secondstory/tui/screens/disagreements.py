"""Disagreements, a view of their own: one event told differently, side by side.

Each group whose times or observations differ is listed with what differs, said plainly,
and the facilitator's state: "[ ] to discuss" until space marks it "[✓] discussed" (the
mark reads without colour). e writes a note. Everything is kept in narrative.toml
through `secondstory.narrative.disagreements`; the screen only shows and asks.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from secondstory.export.textsafe import printable
from secondstory.files.model import DisagreementState
from secondstory.narrative.disagreements import Difference, differences, set_state
from secondstory.narrative.session import Facilitation
from secondstory.tui.dialogs.words import WordsDialog
from secondstory.tui.widgets.moment_detail import describe_entry
from secondstory.tui.widgets.nudge import NoteChoices

EMPTY = (
    "No disagreements. When people tell one event with times or observations that differ, "
    "it is listed here to talk through in the debrief."
)


class DisagreementsScreen(Screen[None]):
    """The debrief's list of disagreements, each member's moment in full beside the others."""

    GUIDE = (
        "Every event people told with times or observations that differ, side by side. "
        "Both accounts are kept: people remember differently, and the difference is worth "
        "talking about.\n\nspace marks one discussed (or back to discuss), e writes a note "
        "about what the debrief made of it; both are saved in narrative.toml. escape goes "
        "back to the timeline."
    )
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("space", "discussed", "Discussed", id="disagreement-discussed"),
        Binding("e", "note", "Note", id="disagreement-note"),
        Binding("escape,f9", "back", "Back", id="disagreements-back"),
    ]

    def __init__(
        self, session: Facilitation, changed: Callable[[], None], choices: NoteChoices
    ) -> None:
        super().__init__()
        self.session = session
        self.changed = changed
        """Called after each change: the facilitator's screen saves and merges again."""
        self.choices = choices
        self.found: tuple[Difference, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="dis-title")
        with Horizontal(id="dis-body"):
            yield OptionList(id="dis-list")
            with Vertical(id="dis-detail"):
                yield Static(id="dis-what")
                with VerticalScroll(id="dis-sides-scroll"):
                    yield Horizontal(id="dis-sides")
                yield Static(id="dis-note")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#dis-list", OptionList).focus()

    def show(self, keep: int | None = None) -> None:
        """List the disagreements again, keeping the highlighted one."""
        listing = self.query_one("#dis-list", OptionList)
        self.found = differences(self.session.narrative, self.session.notes)
        left = sum(1 for d in self.found if d.state == "to-discuss")
        title = Text("Disagreements", style="bold")
        title.append(f" · {left} to look at · {len(self.found) - left} discussed")
        self.query_one("#dis-title", Static).update(title)
        if not self.found:
            listing.set_options([Option(Text(EMPTY, style="dim"), id="empty", disabled=True)])
            self._detail(None)
            return
        listing.set_options([Option(_prompt(d), id=str(n)) for n, d in enumerate(self.found)])
        listing.highlighted = min(keep or 0, len(self.found) - 1)
        self._detail(self.found[listing.highlighted])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id not in (None, "empty"):
            self._detail(self.found[int(event.option.id)])

    def _current(self) -> Difference | None:
        index = self.query_one("#dis-list", OptionList).highlighted
        return self.found[index] if self.found and index is not None else None

    def _detail(self, found: Difference | None) -> None:
        sides = self.query_one("#dis-sides", Horizontal)
        sides.remove_children()
        what = self.query_one("#dis-what", Static)
        note = self.query_one("#dis-note", Static)
        if found is None:
            what.update("")
            note.update("")
            return
        what.update(Text(printable(found.what), style="bold"))
        narrative, notes = self.session.narrative, self.session.notes
        sides.mount_all(
            Static(describe_entry(entry, narrative, notes), classes="dis-side")
            for entry in found.members
        )
        text = Text("Note: ", style="bold")
        text.append(printable(found.note) if found.note else "none yet (e writes one)")
        note.update(text)

    def action_discussed(self) -> None:
        found = self._current()
        if found is None:
            return
        state: DisagreementState = "to-discuss" if found.state == "discussed" else "discussed"
        set_state(self.session.notes, found.group.members, state)
        self.changed()
        self.show(keep=self.query_one("#dis-list", OptionList).highlighted)
        said = "Marked discussed." if state == "discussed" else "Back to discuss."
        self.notify(said, timeout=3)

    def action_note(self) -> None:
        found = self._current()
        if found is None:
            return

        def written(words: str | None) -> None:
            if words is not None:
                set_state(self.session.notes, found.group.members, found.state, words)
                self.changed()
                self.show(keep=self.query_one("#dis-list", OptionList).highlighted)

        about = "What the debrief made of it, in your own words."
        dialog = WordsDialog(
            "A note on this disagreement", about, ok="Keep", choices=self.choices, text=found.note
        )
        self.app.push_screen(dialog, written)

    def action_back(self) -> None:
        self.dismiss(None)


def _prompt(found: Difference) -> Text:
    text = Text()
    if found.state == "discussed":
        text.append("[✓] discussed  ", style="bold")
    else:
        text.append("[ ] to discuss  ", style="bold")
    text.append(printable(found.what))
    return text

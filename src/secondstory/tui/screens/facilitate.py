"""The facilitator's screen: who shared, the timeline, same events, themes, questions, summary.

The screen wires panes to a `Facilitation` (plain Python). Merging runs in a thread so
10,000 moments never freeze the keys; notes are saved as the facilitator goes: at once
after a decision, half a second after typing pauses, and on quit or hang-up.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Label, Static, TabbedContent, TabPane

from secondstory.errors import SecondstoryError
from secondstory.export import write_into
from secondstory.export.textsafe import printable
from secondstory.files.model import ExportFormat
from secondstory.narrative.disagreements import to_look_at
from secondstory.narrative.model import Narrative
from secondstory.narrative.session import Facilitation, account_changes, merge_with, read_accounts
from secondstory.narrative.sources import Sources
from secondstory.tui.host import host
from secondstory.tui.screens.facilitate_actions import AnnotateActions
from secondstory.tui.widgets.item_list import QuestionList, ThemeList, ThemeMoments
from secondstory.tui.widgets.nudge import NoteChoices
from secondstory.tui.widgets.own_words import OwnWords
from secondstory.tui.widgets.participants_view import ParticipantsView
from secondstory.tui.widgets.same_event_list import SameEventList
from secondstory.tui.widgets.timeline import Timeline
from secondstory.tui.widgets.timeline_pane import TimelinePane

EXPORT_FORMATS: tuple[ExportFormat, ...] = ("md", "html", "json")
"""Every format the export dialog offers, in its order."""
SAVE_AFTER_QUIET = 0.5
"""Seconds after the last keystroke before the notes are written."""
TABS = {
    "tab-who": "#participants",
    "tab-timeline": "#timeline",
    "tab-same": "#same-event",
    "tab-themes": "#theme-list",
    "tab-questions": "#question-list",
    "tab-summary": "#summary",
}
"""Each tab and the widget that takes the keys when it opens."""


class FacilitateScreen(AnnotateActions):
    """Everything the facilitator does with an incident's shared accounts."""

    GUIDE = (
        "The accounts people have shared, merged into one timeline. Their words are shown "
        "exactly as written and are never changed here. Your links, themes, questions and "
        "summary are saved to the incident's narrative.toml as you go.\n\n"
        "f2 to f7 switch tabs. On the timeline, arrows move, n goes to the next thing to "
        "look at and l links two moments as one event; w marks blame and hindsight wording "
        "in the accounts, on your screen only, as places to ask what made it make sense at "
        "the time; s marks a moment as a surprise (or not), and v shows what each person "
        "had seen by then. f9 lists the disagreements side by side, to talk through in the "
        "debrief; f10 the follow-ups, made from people's ideas. ctrl+p opens a list of "
        "everything you can do."
    )

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("f2", "tab('tab-who')", "Who shared", show=False, priority=True, id="tab-who"),
        Binding("f3", "tab('tab-timeline')", "Timeline", show=False, priority=True, id="tab-time"),
        Binding("f4", "tab('tab-same')", "Same event", show=False, priority=True, id="tab-same"),
        Binding("f5", "tab('tab-themes')", "Themes", show=False, priority=True, id="tab-themes"),
        Binding("f6", "tab('tab-questions')", "Questions", show=False, priority=True, id="tab-q"),
        Binding("f7", "tab('tab-summary')", "Summary", show=False, priority=True, id="tab-sum"),
        Binding("f8", "export", "Export", id="export"),
        Binding("f9", "disagreements", "Disagreements", show=False, id="disagreements"),
        Binding("f10", "follow_ups", "Follow-ups", show=False, id="follow-ups"),
        Binding("ctrl+r", "reload", "Refresh", id="refresh"),
        Binding("ctrl+t", "toggle_notes", "Notes on/off", show=False, id="toggle-notes"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.session: Facilitation | None = None
        self.choices = NoteChoices()
        """Language notes on or off, and those dismissed, for all the facilitator's boxes."""
        self.linking: str | None = None
        """The moment a hand-made link starts from, while the facilitator picks the other."""
        self.editing_question: str | None = None
        """The question whose words the box under the questions is changing, if any."""
        self._save_timer: Timer | None = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static(Text("Reading the shared accounts…"), id="fac-title")
        with TabbedContent(initial="tab-timeline", id="fac-tabs"):
            with TabPane("f2 Who shared", id="tab-who"):
                yield ParticipantsView(id="participants")
            with TabPane("f3 Timeline", id="tab-timeline"):
                yield TimelinePane(id="timeline-pane")
            with TabPane("f4 Same event", id="tab-same"):
                yield SameEventList(id="same-event")
            with TabPane("f5 Themes", id="tab-themes"), Horizontal(id="themes-body"):
                yield ThemeList("No themes yet. Press a to name one.", id="theme-list")
                with Vertical(id="theme-editor"):
                    yield Label("Name", classes="fac-label")
                    yield OwnWords(choices=self.choices, id="theme-title")
                    yield Label("What it is and how it showed", classes="fac-label")
                    yield OwnWords(multiline=True, choices=self.choices, id="theme-text")
                    yield Label(
                        "Moments in this theme (t on the timeline adds one)", classes="fac-label"
                    )
                    yield ThemeMoments("None yet.", id="theme-moments")
            with TabPane("f6 Questions", id="tab-questions"), Vertical(id="questions-body"):
                yield QuestionList(
                    "No open questions yet. Press a to write one.", id="question-list"
                )
                yield Label(
                    "New question (enter adds it)", id="question-label", classes="fac-label"
                )
                yield OwnWords(choices=self.choices, id="question-text")
            with TabPane("f7 Summary", id="tab-summary"), Vertical(id="summary-body"):
                yield Label(
                    "Your summary of what happened, in your own words. It is saved as you type.",
                    classes="fac-label",
                )
                yield OwnWords(multiline=True, choices=self.choices, id="summary")
        # The palette key would push F1 off 80 columns; help names ctrl+p.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        host(self).register_saver(self.save_now)
        self.query_one(Timeline).follow(self.cursor_moved)
        self._load()

    def on_unmount(self) -> None:
        self.save_now()
        host(self).unregister_saver(self.save_now)

    # Reading and merging ----------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="merge")
    def _load(self) -> None:
        try:
            session = Facilitation.open(self.folder)
        except SecondstoryError as problem:
            self.app.call_from_thread(self._failed, str(problem))
            return
        self.app.call_from_thread(self._opened, session)

    def _failed(self, message: str) -> None:
        self.query_one("#fac-title", Static).update(Text(printable(message)))
        self.notify(message, severity="error", timeout=15)

    def _opened(self, session: Facilitation) -> None:
        self.session = session
        self.choices.enabled = session.notes.language_notes
        self.choices.dismissed.update(session.notes.dismissed_notes)
        self.query_one("#summary", OwnWords).set_text(session.notes.summary)
        if session.notes_problem:
            self.notify(
                f"narrative.toml {session.notes_problem}. It is left as it is; "
                "nothing here is saved to it until it can be read.",
                severity="warning",
                timeout=15,
            )
        self.show_narrative(session.narrative)

    def remerge(self) -> None:
        """Merge again with the notes as they are now (after a same-event decision)."""
        if self.session is not None:
            self._generation += 1
            self._merge(self.session.sources, self.session.snapshot(), self._generation, False)

    def action_reload(self) -> None:
        """Read the shared accounts again: new and updated ones appear."""
        if self.session is not None:
            self._generation += 1
            self._merge(None, self.session.snapshot(), self._generation, True)

    @work(thread=True, exclusive=True, group="merge")
    def _merge(self, sources: Sources | None, notes, generation: int, reload: bool) -> None:  # type: ignore[no-untyped-def]
        sources = sources if sources is not None else read_accounts(self.folder)
        narrative = merge_with(sources, notes)
        self.app.call_from_thread(self._merged, sources, narrative, generation, reload)

    def _merged(
        self, sources: Sources, narrative: Narrative, generation: int, reload: bool
    ) -> None:
        if self.session is None or generation != self._generation:
            return  # a newer merge is on its way
        before = self.session.narrative
        self.session.sources = sources
        self.show_narrative(narrative)
        if reload:
            changes = account_changes(before, narrative)
            self.notify("\n".join(changes) if changes else "No new or updated accounts.")

    def show_narrative(self, narrative: Narrative) -> None:
        """Show a merge everywhere, keeping the facilitator's place."""
        assert self.session is not None
        self.session.narrative = narrative
        timeline = self.query_one(Timeline)
        current = timeline.current
        timeline.show(narrative, keep=current.ref if current else None)
        self.query_one(ParticipantsView).show(narrative, self.session.notes_problem)
        self.query_one(SameEventList).show(narrative, self._same_event_key())
        self.refresh_notes()

    def refresh_title(self) -> None:
        """The incident, how many shared, how much to look at, and whether all is saved."""
        titles = self.query("#fac-title")
        if self.session is None or not titles:
            return  # not read yet, or the screen is closing
        n = self.session.narrative
        people = len(n.participants)
        flagged = to_look_at(n, self.session.notes)
        text = Text()
        text.append(printable(n.title), style="bold")
        text.append(f" · {people} shared account{'s' if people != 1 else ''}")
        if flagged:
            text.append(f" · {flagged} to look at")
        if not self.session.writable:  # first, so 80 columns never cut it off
            text = Text("Not saving (narrative.toml can't be read) · ", style="bold") + text
        elif self.session.unsaved:
            text.append(" · saving…", style="dim")
        titles.first(Static).update(text)

    # Saving -----------------------------------------------------------------------------------
    def notes_changed(self, *, typing: bool = False) -> None:
        """The notes were edited: save now, or shortly after typing pauses."""
        if self.session is None:
            return
        self.session.changed()
        if self._save_timer is not None:
            self._save_timer.stop()
        if typing:
            self._save_timer = self.set_timer(SAVE_AFTER_QUIET, self.save_now)
        else:
            self.save_now()
        self.refresh_title()

    def save_now(self) -> str | None:
        """Write narrative.toml if anything changed. A small file: written on the spot."""
        if self.session is None:
            return None
        try:
            self.session.save()
        except (SecondstoryError, OSError) as problem:
            self.notify(f"Your notes could not be saved just now: {problem}", severity="error")
            return "Your notes could not be saved just now, so what you changed would be lost."
        finally:
            self.refresh_title()
        if self.session.unsaved and not self.session.writable:
            return (
                "Your notes are not being saved: narrative.toml could not be read, and it is "
                "left as it is. What you changed here would be lost."
            )
        return None

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_hint)  # the legend's place depends on the width

    # Language notes on the facilitator's own words ------------------------------------------
    def on_own_words_note_dismissed(self, event: OwnWords.NoteDismissed) -> None:
        if self.session is not None:
            self.session.notes.dismissed_notes = sorted(self.choices.dismissed)
            self.notes_changed()

    def action_toggle_notes(self) -> None:
        self.choices.enabled = not self.choices.enabled
        for words in self.query(OwnWords):
            words.check_words()
        if self.session is not None:
            self.session.notes.language_notes = self.choices.enabled
            self.notes_changed()
        state = "on" if self.choices.enabled else "off"
        self.notify(f"Language notes are {state}. ctrl+t switches them back.", timeout=3)

    # Tabs, export -----------------------------------------------------------------------------
    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self._focus_tab(tab)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id is not None:
            self._focus_tab(event.pane.id)

    def _focus_tab(self, tab: str) -> None:
        self.query_one(TABS[tab]).focus()

    def action_disagreements(self) -> None:
        """Open the disagreements, side by side, to talk through."""
        from secondstory.tui.screens.disagreements import DisagreementsScreen

        if self.session is None:
            return

        def changed() -> None:
            self.notes_changed()
            self.refresh_notes()

        self.app.push_screen(DisagreementsScreen(self.session, changed, self.choices))

    def action_follow_ups(self) -> None:
        """Open the follow-ups and the ideas they can come from."""
        from secondstory.tui.screens.follow_ups import FollowUpsScreen

        if self.session is not None:
            self.app.push_screen(FollowUpsScreen(self.session, self.notes_changed))

    def action_export(self) -> None:
        from secondstory.tui.dialogs.export import ExportChoice, ExportDialog

        if self.session is None:
            return
        session = self.session

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            if list(choice.formats) != session.notes.export_formats:
                session.notes.export_formats = [f for f in EXPORT_FORMATS if f in choice.formats]
                self.notes_changed()
            narrative = session.current()
            written = []
            try:
                for fmt in choice.formats:
                    written.append(
                        write_into(session.folder, narrative, fmt, anonymize=choice.anonymize)
                    )
            except SecondstoryError as problem:
                self.notify(str(problem), severity="error", timeout=10)
            if written:
                paths = "\n".join(printable(str(path.absolute())) for path in written)
                self.notify(f"Wrote:\n{paths}", title="Exported", timeout=10)

        dialog = ExportDialog(self.folder.name, session.notes.export_formats)
        self.app.push_screen(dialog, chosen)

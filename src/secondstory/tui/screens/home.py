"""Home: your drafts, and the incidents you can give an account for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from secondstory.account.drafts import Draft, delete_draft, list_drafts, start_draft
from secondstory.errors import SecondstoryError
from secondstory.export.textsafe import printable
from secondstory.files.incidents import known_incidents, load_incident, remember_incident
from secondstory.files.model import Incident
from secondstory.tui.dialogs.confirm import ConfirmDialog
from secondstory.tui.dialogs.open_incident import OpenIncidentDialog
from secondstory.tui.host import host


def _ago(stamp: datetime) -> str:
    return stamp.astimezone().strftime("%a %d %b %H:%M")


def _status(draft: Draft) -> str:
    if draft.session.shared_at is None:
        return "private draft"
    return "shared, changed since" if draft.changed_since_shared else "shared"


class HomeScreen(Screen[None]):
    """Where a session starts."""

    GUIDE = (
        "Your drafts are the accounts you are writing; they stay private on this machine "
        "until you share them. Incidents are the incident folders you have opened.\n\n"
        "Arrows choose, enter opens, tab moves between the two lists. ctrl+p opens a list "
        "of everything you can do."
    )

    BINDINGS = [
        Binding("n", "new_account", "New account", id="new-account"),
        Binding("o", "open_folder", "Open folder", id="open-folder"),
        Binding("f", "facilitate", "Facilitate", id="facilitate"),
        Binding("d", "delete_draft", "Delete draft", id="delete-draft"),
        Binding("r", "refresh", "Refresh", id="refresh", show=False),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(Text("secondstory", style="bold"), id="home-title")
            if host(self).settings.demo:
                yield Static(
                    "This is the demo, in a temporary folder: try anything, nothing is kept.",
                    id="demo-banner",
                )
            yield Static("Your drafts", classes="section-title")
            yield DataTable(id="drafts", cursor_type="row", zebra_stripes=True)
            yield Static("Incidents", classes="section-title")
            yield DataTable(id="incidents", cursor_type="row", zebra_stripes=True)
            yield Static("", id="home-message")
        # Every home action and F1 fit 80 columns only without the palette key; help names it.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#drafts", DataTable).add_columns("Incident", "Last change", "Status")
        self.query_one("#incidents", DataTable).add_columns("Id", "Title", "Folder")
        self.action_refresh()

    def on_screen_resume(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        drafts, problems = list_drafts()
        self.drafts = drafts
        table = self.query_one("#drafts", DataTable)
        table.clear()
        for draft in drafts:
            title = draft.session.incident_title or draft.account.incident
            table.add_row(Text(printable(title)), _ago(draft.account.updated), _status(draft))
        self.incidents = sorted(known_incidents().items())
        incidents = self.query_one("#incidents", DataTable)
        incidents.clear()
        for incident_id, folder in self.incidents:
            incidents.add_row(
                Text(printable(incident_id)),
                Text(self._title(folder)),
                Text(printable(str(folder))),
            )
        self._show_message(drafts, problems)
        (incidents if not drafts and self.incidents else table).focus()

    def _title(self, folder: Path) -> str:
        try:
            return printable(load_incident(folder).title)
        except SecondstoryError:
            return "(can't be read right now)"

    def _show_message(self, drafts: list[Draft], problems: Sequence[SecondstoryError]) -> None:
        text = Text()
        if not drafts and not self.incidents:
            text.append(
                "Nothing here yet. Press o to open an incident folder someone shared with you, "
                "or create one with: secondstory incident new --title ...\n"
            )
        elif not drafts:
            text.append("Choose an incident and press enter to begin your account.\n")
        for problem in problems:
            text.append(f"Couldn't read {printable(str(problem))}. It was left untouched.\n")
        self.query_one("#home-message", Static).update(text)

    # Opening things ----------------------------------------------------------------------
    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "drafts":
            self._resume(self.drafts[event.cursor_row])
        else:
            self._begin(self.incidents[event.cursor_row][1])

    def _resume(self, draft: Draft) -> None:
        folder = Path(draft.session.incident_folder) if draft.session.incident_folder else None
        try:
            incident = load_incident(folder) if folder else None
        except SecondstoryError:
            incident = None
        if incident is None:
            folder = None
            incident = Incident(
                id=draft.account.incident,
                title=draft.session.incident_title or draft.account.incident,
            )
            self.notify(
                "The incident folder can't be reached; you can still write and share to a file."
            )
        self._open(draft, incident, folder)

    def _open(self, draft: Draft, incident: Incident, folder: Path | None) -> None:
        from secondstory.tui.screens.interview import resume

        try:
            screen = resume(host(self), draft, incident, folder)
        except SecondstoryError as problem:  # open in another window
            self.notify(problem.message, severity="warning", timeout=20)
            return
        self.app.push_screen(screen)

    def _begin(self, folder: Path, *, fresh: bool = False) -> None:
        from secondstory.account.drafts import latest_or_new

        try:
            incident = load_incident(folder)
        except SecondstoryError as problem:
            self.notify(problem.message, severity="warning", timeout=8)
            return
        remember_incident(incident.id, folder)
        if fresh:
            draft, notice = start_draft(incident, folder), None
        else:
            draft, notice = latest_or_new(incident, folder)
        if notice:
            self.notify(notice, severity="warning", timeout=20)
        self._open(draft, incident, folder)

    def _selected_incident(self) -> Path | None:
        table = self.query_one("#incidents", DataTable)
        if not self.incidents:
            self.notify("Open an incident folder first (press o).", timeout=4)
            return None
        return self.incidents[min(table.cursor_row, len(self.incidents) - 1)][1]

    def action_new_account(self) -> None:
        folder = self._selected_incident()
        if folder is not None:
            self._begin(folder, fresh=True)

    def action_facilitate(self) -> None:
        from secondstory.tui.screens.facilitate import FacilitateScreen

        folder = self._selected_incident()
        if folder is not None:
            self.app.push_screen(FacilitateScreen(folder))

    def action_open_folder(self) -> None:
        def opened(folder: Path | None) -> None:
            if folder is not None:
                remember_incident(load_incident(folder).id, folder)
                self.action_refresh()

        self.app.push_screen(OpenIncidentDialog(), opened)

    def action_delete_draft(self) -> None:
        table = self.query_one("#drafts", DataTable)
        if not self.drafts:
            return
        draft = self.drafts[min(table.cursor_row, len(self.drafts) - 1)]
        shared = (
            " Its shared copy stays where it is; withdraw it first if you want it gone."
            if draft.session.shared_at
            else ""
        )

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    delete_draft(draft)
                except SecondstoryError as problem:  # open in another window
                    self.notify(problem.message, severity="warning", timeout=20)
                self.action_refresh()

        title = draft.session.incident_title or draft.account.incident
        question = f"Delete your draft for {title}?{shared}"
        self.app.push_screen(ConfirmDialog(question, "Delete"), answered)

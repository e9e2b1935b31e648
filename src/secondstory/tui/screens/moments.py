"""Moments: what happened, in your own order, one at a time."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, ListView, Static

from secondstory.errors import SecondstoryError
from secondstory.times.parse import TimeNotUnderstood, describe
from secondstory.tui.dialogs.confirm import ConfirmDialog
from secondstory.tui.screens.step import StepScreen
from secondstory.tui.widgets.answer_field import AnswerField
from secondstory.tui.widgets.moment_editor import MomentEditor
from secondstory.tui.widgets.moment_list import MomentItem, MomentList
from secondstory.tui.widgets.safe_fields import SafeInput


class MomentsScreen(StepScreen):
    """The moments list beside the moment being edited."""

    STEP = "moments"
    BINDINGS = [
        Binding("ctrl+o", "new_moment", "New moment", id="new-moment-anywhere"),
        # Named on screen (the question line) or in help: the footer keeps room for F1 at 80x24.
        Binding("ctrl+r", "next_probe", "Another question", id="next-probe", show=False),
        Binding("escape", "focus_list", "Moments list", id="focus-list", show=False),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.probe_index = len(self.interview.moments) % max(len(self.prompts.moments.probes), 1)
        self.editing: str | None = None
        self.editor: MomentEditor | None = None

    def compose_step(self) -> ComposeResult:
        with Horizontal(id="moments-body"):
            with Vertical(id="moments-side"):
                yield Static(Text(self.prompts.moments.title, style="bold"), id="moments-title")
                yield MomentList(
                    *[
                        MomentItem(n, m, self.interview.zone)
                        for n, m in enumerate(self.interview.moments, start=1)
                    ],
                    id="moment-list",
                )
                yield Static(Text("n new · d delete · shift+↑↓ move", style="dim"), id="list-hint")
            with Vertical(id="moments-main"):
                yield Static("", id="probe")
                empty = (
                    f"{self.prompts.moments.intro.strip()}\n\n{self.prompts.moments.empty.strip()}"
                )
                yield Static(Text(empty), id="moments-empty")

    def on_mount(self) -> None:
        super().on_mount()
        self._show_probe()
        moments = self.interview.moments
        if not moments:
            self.query_one("#moments-empty").display = True
            self.query_one(MomentList).focus()
            return
        wanted = self.interview.draft.session.moment
        ids = [m.id for m in moments]
        index = ids.index(wanted) if wanted in ids else 0
        self.query_one(MomentList).index = index
        self.query_one(MomentList).focus()
        # Resuming: back in the answer the cursor was in, where it was, if it was in one.
        session = self.interview.draft.session
        self._edit(ids[index], focus=session.focus, cursor=session.cursor)

    # The list ---------------------------------------------------------------------------
    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        # Rebuilding the list posts highlights that are stale by the time they arrive:
        # follow where the list is now, not where the message says it was.
        current = self.query_one(MomentList).current_id
        if current is not None and current != self.editing:
            self._edit(current)

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        if self.editor is not None:
            self.editor.query_one("#when", Input).focus()

    def on_moment_list_requested(self, event: MomentList.Requested) -> None:
        if event.what == "new":
            self.action_new_moment()
        elif event.moment_id is None:
            return
        elif event.what == "delete":
            self._confirm_delete(event.moment_id)
        else:
            self._move(event.moment_id, -1 if event.what == "up" else 1)

    def action_new_moment(self) -> None:
        try:
            moment = self.interview.add_moment(after=self.editing)
        except SecondstoryError as full:
            self.notify(full.message, severity="warning", timeout=8)
            return
        self._rebuild_list(moment.id, focus_when=True)

    def _confirm_delete(self, moment_id: str) -> None:
        number = self._number(moment_id)
        self.save_now()  # what is on screen is on disk before the question, whatever the answer

        def answered(yes: bool | None) -> None:
            if yes:
                after = self.interview.delete_moment(moment_id)
                self.write()
                self._rebuild_list(after)

        self.app.push_screen(
            ConfirmDialog(f"Delete moment {number} and everything written in it?", "Delete"),
            answered,
        )

    def _move(self, moment_id: str, delta: int) -> None:
        if self.interview.move_moment(moment_id, delta):
            self._rebuild_list(moment_id)
            self.query_one(MomentList).focus()

    def _rebuild_list(self, select: str | None, *, focus_when: bool = False) -> None:
        listing = self.query_one(MomentList)
        listing.clear()
        moments = self.interview.moments
        zone = self.interview.zone
        listing.extend(MomentItem(n, m, zone) for n, m in enumerate(moments, start=1))
        ids = [m.id for m in moments]
        if select in ids:
            listing.index = ids.index(select)
            self._edit(select, focus="when" if focus_when else None)
        else:
            self._edit(None)

    def _number(self, moment_id: str) -> int:
        return [m.id for m in self.interview.moments].index(moment_id) + 1

    def _refresh_item(self, moment_id: str) -> None:
        for item in self.query(MomentItem):
            if item.moment_id == moment_id:
                item.refresh_summary(self._number(moment_id), self.interview.moment(moment_id))

    # The editor -------------------------------------------------------------------------
    def _edit(
        self,
        moment_id: str | None,
        *,
        focus: str | None = None,
        cursor: list[int] | None = None,
    ) -> None:
        if self.editor is not None:
            if self.focused is not None and self.editor in self.focused.ancestors:
                # Move focus out first, or removing the editor would move it somewhere else
                # after the new editor has taken it.
                self.query_one(MomentList).focus()
            self.editor.remove()
            self.editor = None
        self.editing = moment_id
        self.query_one("#moments-empty").display = moment_id is None
        if moment_id is None:
            return
        self.interview.draft.session.moment = moment_id
        editor = MomentEditor(
            self.interview.moment(moment_id),
            self._number(moment_id),
            self.prompts.moments,
            self.nudge_state,
            partial(self._read_when, moment_id),
            focus=focus,
            cursor=cursor,
        )
        self.editor = editor
        self.query_one("#moments-main").mount(editor)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "when" and self.editing is not None:
            self._refresh_item(self.editing)

    def _read_when(self, moment_id: str, text: str) -> tuple[str, bool]:
        """Keep the typed time and say how it was understood."""
        try:
            reading = self.interview.set_when(moment_id, text)
        except TimeNotUnderstood as problem:
            return problem.message, False
        said = describe(reading, self.interview.zone)
        question = self.interview.time_question(moment_id)
        return (f"{said} {question}" if question else said), True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "when":
            self.focus_next()

    def on_answer_field_changed(self, event: AnswerField.Changed) -> None:
        self.keep_answer(event.field.field_name, event.text)
        if self.editing is not None:
            self._refresh_item(self.editing)

    def keep_answer(self, name: str, text: str) -> None:
        if self.editor is not None:
            self.interview.set_text(self.editor.moment.id, name, text)

    def take_from_widgets(self) -> None:
        if self.editor is None:
            return
        for field in self.editor.query(AnswerField):
            self.keep_answer(field.field_name, field.text)
        for when in self.editor.query("#when").results(SafeInput):
            self._read_when(self.editor.moment.id, when.stored_text)

    def action_focus_list(self) -> None:
        self.query_one(MomentList).focus()

    # Probes -----------------------------------------------------------------------------
    def action_next_probe(self) -> None:
        self.probe_index = (self.probe_index + 1) % max(len(self.prompts.moments.probes), 1)
        self._show_probe()

    def _show_probe(self) -> None:
        probes = self.prompts.moments.probes
        if not probes:
            return
        text = Text()
        text.append("To think about: ", style="bold")
        text.append(probes[self.probe_index].text)
        text.append("  (ctrl+r: another)", style="dim")
        self.query_one("#probe", Static).update(text)

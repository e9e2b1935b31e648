"""What the facilitator's keys do to their notes: links, themes, questions and the summary.

A mixin of `FacilitateScreen`, kept apart so each file stays readable. Every change goes
through `secondstory.narrative.annotate` and then `notes_changed`, which saves it.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, TabbedContent

from secondstory.errors import SecondstoryError
from secondstory.export.labels import cite, first_words
from secondstory.export.textsafe import printable
from secondstory.narrative import annotate, follow_ups
from secondstory.narrative.disagreements import to_look_at
from secondstory.narrative.knew import known_at
from secondstory.narrative.model import Entry, SameEvent
from secondstory.narrative.session import Facilitation
from secondstory.tui.dialogs.confirm import ConfirmDialog
from secondstory.tui.dialogs.fields import Field, FieldsDialog
from secondstory.tui.dialogs.knew import KnewDialog
from secondstory.tui.dialogs.link_moments import LinkDialog
from secondstory.tui.dialogs.pick_theme import PickThemeDialog, ThemeChoice
from secondstory.tui.dialogs.words import WordsDialog
from secondstory.tui.widgets.item_list import QuestionList, ThemeList, ThemeMoments
from secondstory.tui.widgets.moment_detail import MomentDetail
from secondstory.tui.widgets.nudge import NoteChoices
from secondstory.tui.widgets.own_words import OwnWords
from secondstory.tui.widgets.requests import Requested
from secondstory.tui.widgets.same_event_list import SameEventList
from secondstory.tui.widgets.timeline import Timeline
from secondstory.tui.widgets.timeline_pane import TimelinePane

LEGEND = "┃ meanwhile ! times differ ? maybe = linked"
"""What the marks beside the timeline's moments mean."""

NEW_THEME_ABOUT = (
    "A contributing condition: something that helped this incident happen, named without "
    "blame, like “The automation's state was shown in two places”."
)


class AnnotateActions(Screen[None]):
    """Handlers for the panes' requests and the facilitator's typing."""

    # Set and kept by FacilitateScreen, which also saves, re-merges and titles.
    session: Facilitation | None
    choices: NoteChoices
    linking: str | None
    editing_question: str | None

    def notes_changed(self, *, typing: bool = False) -> None:
        raise NotImplementedError

    def remerge(self) -> None:
        raise NotImplementedError

    def refresh_title(self) -> None:
        raise NotImplementedError

    # The timeline ------------------------------------------------------------------------------
    def cursor_moved(self, entry: Entry | None) -> None:
        """The timeline's cursor is on another moment: show it, in the same frame."""
        if self.session is not None:
            self.query_one(MomentDetail).show(entry, self.session.narrative, self.session.notes)
            self.refresh_hint()

    def refresh_hint(self) -> None:
        """The line under the timeline: where the cursor is, or what a link waits for."""
        if self.session is None:
            return
        narrative = self.session.narrative
        pane = self.query_one(TimelinePane)
        if self.linking is not None:
            text = Text()
            text.append("Linking from ", style="bold")
            text.append(printable(cite(narrative, self.linking)))
            text.append(": go to the other moment and press l · escape stops", style="bold")
            pane.hint(text)
            return
        count = len(narrative.timeline)
        cursor = self.query_one(Timeline).cursor
        text = Text(f"{cursor + 1 if count else 0} of {count}", style="dim")
        flagged = to_look_at(narrative, self.session.notes)
        if flagged:
            text.append(f" · {flagged} to look at (n)", style="dim")
        # The legend goes on a line of its own when the timeline is too narrow for both.
        room = self.query_one("#timeline-hint").content_size.width
        gap = "  " if text.cell_len + 2 + len(LEGEND) <= room else "\n"
        text.append(gap + LEGEND, style="dim")
        pane.hint(text)

    def _current(self) -> Entry | None:
        return self.query_one(Timeline).current

    def _moment_text(self, ref: str) -> Text:
        assert self.session is not None
        narrative = self.session.narrative
        entry = narrative.entry(ref)
        text = Text()
        text.append(printable(cite(narrative, ref)), style="bold")
        if entry is not None:
            text.append("  " + printable(first_words(entry, 120)))
        return text

    def on_requested(self, event: Requested) -> None:
        event.stop()
        if self.session is None:
            return
        handler = getattr(self, f"_do_{event.what.replace('-', '_')}", None)
        if handler is not None:
            try:
                handler(event.key)
            except SecondstoryError as problem:
                self.notify(str(problem), severity="warning")

    def _do_next(self, _: str | None, backwards: bool = False) -> None:
        assert self.session is not None
        timeline = self.query_one(Timeline)
        found = self.session.narrative.next_flagged(timeline.cursor, backwards=backwards)
        if found is None:
            self.notify("Nothing left to look at: no suggestions and no disagreements on time.")
        else:
            timeline.cursor = found

    def _do_previous(self, key: str | None) -> None:
        self._do_next(key, backwards=True)

    def _suggestion_here(self) -> SameEvent | None:
        assert self.session is not None
        entry = self._current()
        groups = [self.session.narrative.same_event[i] for i in entry.same_event] if entry else []
        found = next((g for g in groups if g.source == "suggested"), None)
        if found is None:
            self.notify("This moment has no suggestion to decide on. l links it by hand.")
        return found

    def _do_confirm(self, key: str | None) -> None:
        group = self._group(key) if key else self._suggestion_here()
        if group is None:
            return
        if group.source == "confirmed":
            self.notify("These are already linked as the same event.")
            return
        self._link(list(group.members))

    def _link(self, refs: list[str], note: str = "") -> None:
        assert self.session is not None
        annotate.confirm_link(self.session.notes, refs, note)
        self.notes_changed()
        self.remerge()
        self.notify("Linked as the same event.")

    def _do_reject(self, key: str | None) -> None:
        assert self.session is not None
        group = self._group(key) if key else self._suggestion_here()
        if group is None:
            return
        if group.source == "confirmed":
            self.notify("You linked these yourself; u on the Same event tab undoes it.")
            return
        annotate.reject_link(self.session.notes, group.members)
        self.notes_changed()
        self.remerge()
        self.notify("Noted: not the same event. It will not be suggested again.")

    def _do_forget(self, key: str | None) -> None:
        assert self.session is not None
        notes = self.session.notes
        if key and key.startswith("r"):
            refs = annotate.rejected_links(notes)[int(key[1:])].moments
        else:
            group = self._group(key)
            if group is None or group.source == "suggested":
                self.notify("This is a suggestion: c links it, x says it is not the same.")
                return
            refs = list(group.members)
        if annotate.forget_link(notes, refs):
            self.notes_changed()
            self.remerge()
            self.notify("Your decision is undone.")

    def _group(self, key: str | None) -> SameEvent | None:
        assert self.session is not None
        if not key or not key.startswith("g"):
            return None
        groups = self.session.narrative.same_event
        number = int(key[1:])
        return groups[number] if number < len(groups) else None

    def _same_event_key(self) -> str | None:
        option = self.query_one(SameEventList).highlighted_option
        return option.id if option is not None else None

    def _do_link(self, _: str | None) -> None:
        entry = self._current()
        if entry is None:
            return
        if self.linking is None:
            self.linking = entry.ref
        elif self.linking == entry.ref:
            self.notify("Choose a different moment to link this one with.")
            return
        else:
            first, second = self.linking, entry.ref
            self.linking = None

            def linked(note: str | None) -> None:
                if note is not None:
                    self._link([first, second], note)

            dialog = LinkDialog(self._moment_text(first), self._moment_text(second), self.choices)
            self.app.push_screen(dialog, linked)
        self.refresh_hint()

    def _do_cancel_link(self, _: str | None) -> None:
        if self.linking is not None:
            self.linking = None
            self.refresh_hint()

    def _do_theme(self, _: str | None) -> None:
        assert self.session is not None
        entry = self._current()
        if entry is None:
            return
        notes = self.session.notes

        def chosen(choice: ThemeChoice | None) -> None:
            if choice is None:
                return
            if choice.new_title is not None:
                theme = annotate.add_theme(notes, choice.new_title, [entry.ref])
                self.notify(f"Added to the new theme “{printable(theme.title)}”.")
            elif choice.theme_id is not None:
                inside = annotate.toggle_in_theme(notes, choice.theme_id, entry.ref)
                title = printable(annotate.theme(notes, choice.theme_id).title)
                self.notify(f"Added to “{title}”." if inside else f"Taken out of “{title}”.")
            self.notes_changed()
            self.refresh_notes()

        moment = self._moment_text(entry.ref)
        self.app.push_screen(PickThemeDialog(moment, notes.themes, entry.ref, self.choices), chosen)

    def _do_wording(self, _: str | None) -> None:
        detail = self.query_one(MomentDetail)
        detail.mark_wording(not detail.marking)
        if detail.marking:
            message = (
                "Blame and hindsight wording in the accounts is marked, as places to ask what "
                "made it make sense at the time. Only you see the marks; exports never hold them."
            )
        else:
            message = "Wording marks are off. w shows them again."
        self.notify(message, timeout=6)

    def _do_surprise(self, _: str | None) -> None:
        assert self.session is not None
        entry = self._current()
        if entry is None:
            return
        narrative = self.session.narrative
        if follow_ups.toggle_surprise(self.session.notes, narrative, entry.ref):
            self.notify("Counted as a surprise: it is listed with the surprises and exported.")
        else:
            self.notify("No longer counted as a surprise. s counts it again.")
        self.notes_changed()
        self.remerge()

    def _do_knew(self, _: str | None) -> None:
        assert self.session is not None
        entry = self._current()
        if entry is not None:
            narrative = self.session.narrative
            known = known_at(narrative, entry.ref)
            self.app.push_screen(KnewDialog(narrative, entry.ref, known))

    def _do_ask(self, _: str | None) -> None:
        entry = self._current()
        if entry is not None:
            self._new_question([entry.ref], about=self._moment_text(entry.ref).plain)

    # Themes -------------------------------------------------------------------------------------
    def refresh_notes(self) -> None:
        """Show the notes' themes, questions and the current moment again."""
        if self.session is None:
            return
        self._show_themes()
        self._show_questions()
        entry = self._current()
        self.query_one(MomentDetail).show(entry, self.session.narrative, self.session.notes)
        self.refresh_hint()
        self.refresh_title()

    def _show_themes(self, keep: str | None = None) -> None:
        assert self.session is not None
        listing = self.query_one(ThemeList)
        items = [
            (t.id, Text(f"{printable(t.title)} ({len(t.moments)})"))
            for t in self.session.notes.themes
        ]
        listing.show(items, keep or listing.current)
        self._show_theme(listing.current)

    def _show_theme(self, theme_id: str | None) -> None:
        assert self.session is not None
        editor = self.query_one("#theme-editor")
        editor.display = theme_id is not None
        if theme_id is None:
            return
        theme = annotate.theme(self.session.notes, theme_id)
        title, text = (
            self.query_one("#theme-title", OwnWords),
            self.query_one("#theme-text", OwnWords),
        )
        if title.text != theme.title:
            title.set_text(theme.title)
        if text.text != theme.description:
            text.set_text(theme.description)
        moments = [(ref, self._moment_text(ref)) for ref in theme.moments]
        self.query_one(ThemeMoments).show(moments)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, ThemeList) and event.option.id != "empty":
            self._show_theme(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id
        if key is None or key == "empty":
            return
        if isinstance(event.option_list, ThemeList):
            self.query_one("#theme-title", OwnWords).focus()
        elif isinstance(event.option_list, ThemeMoments):
            self._show_in_timeline(key)
        elif isinstance(event.option_list, SameEventList):
            group = self._group(key)
            if group is not None:
                self._show_in_timeline(group.members[0])
        elif isinstance(event.option_list, QuestionList):
            self._edit_question(key)

    def _show_in_timeline(self, ref: str) -> None:
        self.query_one(TabbedContent).active = "tab-timeline"
        timeline = self.query_one(Timeline)
        timeline.go_to(ref)
        timeline.focus()

    def _do_new_theme(self, _: str | None) -> None:
        assert self.session is not None
        notes = self.session.notes

        def named(title: str | None) -> None:
            if title:
                theme = annotate.add_theme(notes, title)
                self.notes_changed()
                self._show_themes(keep=theme.id)

        self.app.push_screen(
            WordsDialog("A new theme", NEW_THEME_ABOUT, choices=self.choices), named
        )

    def _do_delete_theme(self, key: str | None) -> None:
        assert self.session is not None
        if key is None:
            return
        notes = self.session.notes
        title = printable(annotate.theme(notes, key).title)

        def answered(yes: bool | None) -> None:
            if yes:
                annotate.remove_theme(notes, key)
                self.notes_changed()
                self.refresh_notes()

        question = f"Delete the theme “{title}”? The moments in it stay as they are."
        self.app.push_screen(ConfirmDialog(question, "Delete"), answered)

    def _do_leave_theme(self, key: str | None) -> None:
        assert self.session is not None
        theme_id = self.query_one(ThemeList).current
        if key is not None and theme_id is not None:
            annotate.toggle_in_theme(self.session.notes, theme_id, key)
            self.notes_changed()
            self.refresh_notes()

    # Questions ----------------------------------------------------------------------------------
    def _show_questions(self) -> None:
        assert self.session is not None
        items = []
        for q in self.session.notes.questions:
            text = Text()
            text.append("✓ " if q.resolved else "○ ", style="bold")
            text.append(printable(q.text), style="dim" if q.resolved else "")
            if q.moments:
                text.append(
                    f"  ({len(q.moments)} moment{'s' if len(q.moments) > 1 else ''})", "dim"
                )
            if q.answer.strip():
                by = f" ({printable(q.answered_by)})" if q.answered_by.strip() else ""
                text.append(f"\n  Answer{by}: ", style="bold")
                text.append(printable(q.answer))
            items.append((q.id, text))
        self.query_one(QuestionList).show(items)

    def _new_question(self, refs: list[str], about: str = "") -> None:
        assert self.session is not None
        notes = self.session.notes

        def written(text: str | None) -> None:
            if text:
                annotate.add_question(notes, text, refs)
                self.notes_changed()
                self.refresh_notes()
                self.notify("Question added to the Questions tab.")

        dialog = WordsDialog("A question about this moment", about, choices=self.choices)
        self.app.push_screen(dialog, written)

    def _do_new_question(self, _: str | None) -> None:
        self.editing_question = None
        self.query_one("#question-label", Label).update("New question (enter adds it)")
        words = self.query_one("#question-text", OwnWords)
        words.set_text("")
        words.focus()

    def _edit_question(self, key: str) -> None:
        assert self.session is not None
        self.editing_question = key
        self.query_one("#question-label", Label).update("Editing the question (enter when done)")
        words = self.query_one("#question-text", OwnWords)
        words.set_text(annotate.question(self.session.notes, key).text)
        words.focus()

    def _do_toggle_question(self, key: str | None) -> None:
        assert self.session is not None
        if key is not None:
            found = annotate.question(self.session.notes, key)
            found.resolved = not found.resolved
            self.notes_changed()
            self._show_questions()

    def _do_answer_question(self, key: str | None) -> None:
        assert self.session is not None
        if key is None:
            return
        notes = self.session.notes
        asked = annotate.question(notes, key)

        def answered(words: dict[str, str] | None) -> None:
            if words is not None:
                follow_ups.answer(notes, key, words["answer"], by=words["by"])
                self.notes_changed()
                self._show_questions()

        fields = [
            Field("answer", "The answer", asked.answer),
            Field("by", "Who gave it", asked.answered_by),
        ]
        dialog = FieldsDialog("The answer to this question", asked.text, fields)
        self.app.push_screen(dialog, answered)

    def _do_delete_question(self, key: str | None) -> None:
        assert self.session is not None
        if key is None:
            return
        notes = self.session.notes

        def answered(yes: bool | None) -> None:
            if yes:
                annotate.remove_question(notes, key)
                self.notes_changed()
                self.refresh_notes()

        self.app.push_screen(ConfirmDialog("Delete this question?", "Delete"), answered)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.session is None or event.input.parent is not self.query_one("#question-text"):
            return
        editing = self.editing_question
        words = self.query_one("#question-text", OwnWords)
        if editing is None and words.text.strip():
            annotate.add_question(self.session.notes, words.text)
            self.notes_changed()
        self._do_new_question(None)
        self.refresh_notes()
        if editing is not None:
            self.query_one(QuestionList).focus()

    # Typing -------------------------------------------------------------------------------------
    def on_own_words_changed(self, event: OwnWords.Changed) -> None:
        if self.session is None:
            return
        notes, box = self.session.notes, event.own_words.id
        theme_id = self.query_one(ThemeList).current
        if box == "summary":
            notes.summary = event.text
        elif box in ("theme-title", "theme-text") and theme_id is not None:
            theme = annotate.theme(notes, theme_id)
            if box == "theme-title":
                theme.title = event.text
                self.query_one(ThemeList).replace_option_prompt(
                    theme_id, Text(f"{printable(theme.title)} ({len(theme.moments)})")
                )
            else:
                theme.description = event.text
        elif box == "question-text" and self.editing_question is not None:
            annotate.question(notes, self.editing_question).text = event.text
        else:
            return
        self.notes_changed(typing=True)

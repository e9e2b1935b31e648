"""Follow-ups: what is to be done after the review, with an owner and a link.

Above, the follow-ups kept in narrative.toml; below, the closing ideas of the people
involved that are not follow-ups yet. enter on an idea makes it one (owner and link
asked for), enter on a follow-up changes it, a writes a new one, d deletes one.
A link is a ticket id or an address kept as plain text: nothing here opens it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from secondstory.export.textsafe import printable
from secondstory.files.model import FollowUp
from secondstory.narrative import follow_ups
from secondstory.narrative.model import Idea
from secondstory.narrative.session import Facilitation
from secondstory.tui.dialogs.fields import Field, FieldsDialog

NO_FOLLOW_UPS = "No follow-ups yet. a writes one; enter on an idea below makes it one."
NO_IDEAS = "No ideas left to follow: every idea people shared is a follow-up already."


class FollowUpsScreen(Screen[None]):
    """The follow-ups and the ideas they can come from."""

    GUIDE = (
        "What is to be done after the review, each with an owner and a link (a ticket id or "
        "an address, kept as plain text). The ideas people shared at the end of their "
        "accounts are listed below: enter on one makes it a follow-up, remembering whose "
        "idea it was. a writes a new follow-up, enter changes one, d deletes one. Everything "
        "is saved in narrative.toml and exported. escape goes back."
    )
    BINDINGS = [
        Binding("a", "new", "New follow-up", id="follow-up-new"),
        Binding("d,delete", "delete", "Delete", id="follow-up-delete"),
        Binding("escape,f10", "back", "Back", id="follow-ups-back"),
    ]

    def __init__(self, session: Facilitation, changed: Callable[[], None]) -> None:
        super().__init__()
        self.session = session
        self.changed = changed
        """Called after each change: the facilitator's screen saves."""
        self.ideas: tuple[Idea, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="follow-title")
        yield OptionList(id="follow-list")
        yield Label(
            "Ideas from the people involved (enter makes one a follow-up)", classes="fac-label"
        )
        yield OptionList(id="idea-list")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#follow-list", OptionList).focus()

    def show(self) -> None:
        """Both lists again, from the notes as they are now."""
        notes = self.session.notes
        title = Text("Follow-ups", style="bold")
        title.append(f" · {len(notes.follow_ups)}")
        self.query_one("#follow-title", Static).update(title)
        items = [Option(self._prompt(f), id=f.id) for f in notes.follow_ups]
        _fill(self.query_one("#follow-list", OptionList), items, NO_FOLLOW_UPS)
        self.ideas = follow_ups.ideas_to_follow(notes, self.session.narrative)
        ideas = [Option(_idea(i), id=str(n)) for n, i in enumerate(self.ideas)]
        _fill(self.query_one("#idea-list", OptionList), ideas, NO_IDEAS)

    def _prompt(self, item: FollowUp) -> Text:
        text = Text(printable(item.text))
        details = []
        if item.owner.strip():
            details.append(f"owner: {printable(item.owner)}")
        if item.link.strip():
            details.append(f"link: {printable(item.link)}")
        person = self.session.narrative.participant(item.source)
        if person is not None:
            details.append(f"an idea from {printable(person.author)}")
        if details:
            text.append("\n  " + " · ".join(details), style="dim")
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id
        if key is None or key == "empty":
            return
        if event.option_list.id == "idea-list":
            self._follow(self.ideas[int(key)])
        else:
            self._edit(follow_ups.follow_up(self.session.notes, key))

    def _ask(self, title: str, about: str, item: FollowUp | None, text: str = "") -> FieldsDialog:
        fields = [
            Field("text", "What is to be done", item.text if item else text),
            Field("owner", "Who looks after it", item.owner if item else ""),
            Field("link", "A ticket id or address (kept as text)", item.link if item else ""),
        ]
        return FieldsDialog(title, about, fields)

    def _follow(self, idea: Idea) -> None:
        def chosen(words: dict[str, str] | None) -> None:
            if words is not None:
                follow_ups.add_follow_up(
                    self.session.notes,
                    words["text"],
                    owner=words["owner"],
                    link=words["link"],
                    source=idea.account,
                )
                self._changed("Kept as a follow-up.")

        about = f"An idea from {idea.author}."
        self.app.push_screen(self._ask("A follow-up from an idea", about, None, idea.text), chosen)

    def _edit(self, item: FollowUp) -> None:
        def chosen(words: dict[str, str] | None) -> None:
            if words is not None:
                item.text, item.owner, item.link = words["text"], words["owner"], words["link"]
                self._changed("Follow-up changed.")

        self.app.push_screen(self._ask("This follow-up", "", item), chosen)

    def action_new(self) -> None:
        def chosen(words: dict[str, str] | None) -> None:
            if words is not None:
                follow_ups.add_follow_up(
                    self.session.notes, words["text"], owner=words["owner"], link=words["link"]
                )
                self._changed("Follow-up added.")

        self.app.push_screen(self._ask("A new follow-up", "", None), chosen)

    def action_delete(self) -> None:
        listing = self.query_one("#follow-list", OptionList)
        option = listing.highlighted_option
        if not listing.has_focus or option is None or option.id in (None, "empty"):
            return
        follow_ups.remove_follow_up(self.session.notes, option.id)
        self._changed("Follow-up deleted.")

    def _changed(self, said: str) -> None:
        self.changed()
        self.show()
        self.notify(said, timeout=3)

    def action_back(self) -> None:
        self.dismiss(None)


def _idea(idea: Idea) -> Text:
    text = Text(f"{printable(idea.author)}: ", style="bold")
    text.append(printable(idea.text))
    return text


def _fill(listing: OptionList, options: list[Option], empty: str) -> None:
    keep = listing.highlighted
    if not options:
        options = [Option(Text(empty, style="dim"), id="empty", disabled=True)]
    listing.set_options(options)
    if options[0].id != "empty":
        listing.highlighted = min(keep or 0, len(options) - 1)

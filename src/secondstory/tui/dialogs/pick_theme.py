"""Choose a theme for a moment, or name a new one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from secondstory.export.textsafe import printable
from secondstory.files.model import Theme
from secondstory.tui.widgets.nudge import NoteChoices
from secondstory.tui.widgets.own_words import OwnWords


@dataclass(frozen=True)
class ThemeChoice:
    """Either an existing theme to put the moment in (or take it out of), or a new one."""

    theme_id: str | None = None
    new_title: str | None = None


class PickThemeDialog(ModalScreen[ThemeChoice | None]):
    """Enter on a theme toggles the moment in it; typing a name and enter makes a new one."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="theme-pick-cancel")]

    def __init__(
        self, moment: Text, themes: Sequence[Theme], ref: str, choices: NoteChoices | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self.moment = moment
        self.themes = list(themes)
        self.ref = ref
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-body", id="theme-dialog"):
            yield Static(Text("Which theme does this moment belong to?", style="bold"))
            yield Static(self.moment, classes="link-moment")
            if self.themes:
                yield OptionList(*self._options(), id="theme-choices")
                yield Static(Text("✓ means it is in that theme; enter again takes it out.", "dim"))
            yield Static(Text("Or a new theme's name (enter adds it):", style="dim"))
            yield OwnWords(choices=self.choices, id="theme-new-title")

    def _options(self) -> list[Option]:
        options = []
        for theme in self.themes:
            mark = "✓ " if self.ref in theme.moments else "  "
            options.append(Option(Text(mark + printable(theme.title)), id=theme.id))
        return options

    def on_mount(self) -> None:
        if self.themes:
            self.query_one(OptionList).focus()
        else:
            self.query_one(OwnWords).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(ThemeChoice(theme_id=event.option.id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        title = self.query_one(OwnWords).text.strip()
        if title:
            self.dismiss(ThemeChoice(new_title=title))

    def action_cancel(self) -> None:
        self.dismiss(None)

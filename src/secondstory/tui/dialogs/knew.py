"""What each person had seen by a chosen moment: the local rationality view, read only.

Built by `secondstory.narrative.knew.known_at`; this window only shows it, each person's
own observations in their own words, so the debrief can ask what made sense from there.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from secondstory.export.labels import cite
from secondstory.export.labels import when as when_label
from secondstory.export.textsafe import printable
from secondstory.narrative.knew import Knew
from secondstory.narrative.model import Narrative


class KnewDialog(ModalScreen[None]):
    """Every participant's observations up to the moment, from their own accounts."""

    BINDINGS = [Binding("escape,v,q", "close", "Close", id="knew-close")]

    def __init__(self, narrative: Narrative, ref: str, known: tuple[Knew, ...]) -> None:
        super().__init__(classes="dialog")
        self.narrative = narrative
        self.ref = ref
        self.known = known

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-body", id="knew-dialog"):
            yield Static(Text("What each person had seen by then", style="bold"))
            about = Text("Up to ", style="dim")
            about.append(printable(cite(self.narrative, self.ref)), style="bold")
            about.append(
                ", from their own accounts only: what made sense from where they stood?",
                style="dim",
            )
            yield Static(about)
            for knew in self.known:
                yield Static(_person(knew), classes="knew-person")
            yield Static(Text("escape closes this.", style="dim"))

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _person(knew: Knew) -> Text:
    text = Text(printable(knew.participant.author), style="bold")
    if knew.participant.role:
        text.append(f" · {printable(knew.participant.role)}", style="dim")
    if not knew.seen:
        text.append("\n  Nothing they had written down as seen by then.", style="dim")
    for entry in knew.seen:
        text.append(f"\n  {when_label(entry)}  ", style="dim")
        text.append(printable(" ".join(entry.observed.split())))
    return text

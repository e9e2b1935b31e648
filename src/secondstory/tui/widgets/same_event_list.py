"""Moments that may tell one event: suggestions to decide on, links made, and "not the same"."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from secondstory.export.labels import cite, first_words, same_event_time
from secondstory.export.labels import when as when_label
from secondstory.export.textsafe import printable
from secondstory.narrative.annotate import rejected_links
from secondstory.narrative.model import Narrative, SameEvent
from secondstory.tui.widgets.requests import Requested


def group_prompt(group: SameEvent, narrative: Narrative) -> Text:
    """A few lines for one group: what it is, its members, what their times say."""
    text = Text()
    if group.disagreement:
        text.append("! ", style="bold")
    if group.source == "suggested":
        text.append("Perhaps the same event", style="bold")
    else:
        text.append("The same event (you linked them)", style="bold")
    text.append(f" · {same_event_time(group)}\n", style="dim")
    for ref in group.members:
        entry = narrative.entry(ref)
        if entry is None:
            continue
        text.append(f"  {printable(cite(narrative, ref))}", style="bold")
        text.append(f"  {when_label(entry)}  ", style="dim")
        text.append(printable(first_words(entry, 70)) + "\n")
    for _ref in group.missing:  # the raw ACCOUNT/MOMENT reference means nothing to a reader
        text.append("  a linked moment is no longer in a shared account\n", style="dim")
    if group.shared_words:
        text.append("  words in common: " + printable(", ".join(group.shared_words[:6])))
    elif group.note:
        text.append("  your note: " + printable(group.note), style="italic")
    text.rstrip()
    return text


class SameEventList(OptionList):
    """c confirms, x says not the same, u undoes a decision, enter shows it in the timeline."""

    BINDINGS = [
        Binding("c", "request('confirm')", "Same event", id="group-confirm"),
        Binding("x", "request('reject')", "Not the same", id="group-reject"),
        Binding("u", "request('forget')", "Undo", id="group-forget"),
    ]

    def show(self, narrative: Narrative, keep: str | None = None) -> None:
        """List every group, suggestions and disagreements first, then your decisions."""
        options = [Option(group_prompt(g, narrative), id=f"g{g.id}") for g in _ordered(narrative)]
        for number, link in enumerate(rejected_links(narrative.notes)):
            text = Text()
            text.append("Not the same event (you decided)\n", style="bold")
            text.append("  " + printable(", ".join(cite(narrative, r) for r in link.moments)))
            options.append(Option(text, id=f"r{number}"))
        self.set_options(_separated(options))
        if not options:
            self.set_options([Option(Text(_EMPTY, style="dim"), id="empty", disabled=True)])
            return
        ids = [option.id for option in options]
        self.highlighted = ids.index(keep) if keep in ids else 0

    def action_request(self, what: str) -> None:
        option = self.highlighted_option
        if option is not None and option.id != "empty":
            self.post_message(Requested(what, option.id))


_EMPTY = (
    "Nothing here yet. When two people seem to tell the same event, it is suggested here. "
    "You can also link any two moments from the timeline with l."
)


def _separated(options: list[Option]) -> list[Option | None]:
    spaced: list[Option | None] = []
    for option in options:
        spaced += [option, None]
    return spaced[:-1]


def _ordered(narrative: Narrative) -> list[SameEvent]:
    def rank(group: SameEvent) -> tuple[int, int]:
        return (0 if group.disagreement else 1 if group.source == "suggested" else 2, group.id)

    return sorted(narrative.same_event, key=rank)

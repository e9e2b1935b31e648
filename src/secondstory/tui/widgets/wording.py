"""Blame and hindsight wording in a shared account, marked for the facilitator's eyes only.

Preparing a debrief, the facilitator may want to know where an account slips into
hindsight or blame: not to correct anyone, but as places to ask "what made this make
sense at the time?". The marks are styles laid over the participant's words as they are
(never a character added or changed) and a list of the places; both exist only in this
module's rich Text, which no export ever reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from secondstory.export.labels import FIELDS
from secondstory.export.textsafe import printable
from secondstory.language import Finding, RuleSet, check, is_blame
from secondstory.narrative.model import Entry

ASK = "What made this make sense at the time?"
"""The question every marked place invites."""
MARK = "underline bold"
"""How marked words look: no colour needed, so it reads on any terminal."""


@dataclass(frozen=True)
class Place:
    """Words in one answer of a moment that carry blame or hindsight."""

    field: str
    finding: Finding


def places_in(entry: Entry, rules: RuleSet | None) -> list[Place]:
    """Every blame or hindsight finding in the moment's answers, in the order shown."""
    return [place for name, _ in FIELDS for place in places_in_field(entry, name, rules)]


def places_in_field(entry: Entry, name: str, rules: RuleSet | None) -> list[Place]:
    """The blame or hindsight findings in one of the moment's answers."""
    found = check(getattr(entry, name), rules, code_spans=True)
    return [Place(name, finding) for finding in found if is_blame(finding)]


def marked(words: str, field: str, places: list[Place]) -> Text:
    """The answer exactly as written (controls made harmless), its marked words styled."""
    # printable() swaps one character for one, so the findings' offsets still hold.
    text = Text(printable(words))
    for place in places:
        if place.field == field:
            text.stylize(MARK, place.finding.start, place.finding.end)
    return text


def listing(places: list[Place]) -> Text:
    """The places as a short list with each rule's question, headed by the one to ask."""
    labels = dict(FIELDS)
    text = Text()
    text.append("Wording to ask about", style="bold")
    text.append(" (only on your screen; w hides it)\n", style="dim")
    text.append(f"{ASK}\n", style="italic")
    for place in places:
        text.append(f"• “{printable(place.finding.text)}”", style=MARK)
        text.append(f" in {labels[place.field]} · {place.finding.category}\n", style="dim")
        text.append(f"  {printable(place.finding.reframe)}\n")
    text.rstrip()
    return text


def offer(places: list[Place]) -> Text:
    """A dim line saying the marks are there to be shown."""
    count = len(places)
    return Text(
        f"w marks the wording to ask about here ({count} place{'s' if count != 1 else ''}).",
        style="dim",
    )

"""The incident in brief and its evidence lanes, for the facilitator's "who shared" tab."""

from __future__ import annotations

from rich.text import Text

from secondstory.export.facts import incident_facts, lane_origin, lane_title
from secondstory.export.textsafe import printable
from secondstory.narrative.model import Narrative


def facts_text(narrative: Narrative) -> Text:
    """Impact, detection, duration and services, then each evidence lane; empty if none."""
    text = Text()
    rows = incident_facts(narrative)
    if rows:
        text.append("The incident in brief\n", style="bold")
        for label, words in rows:
            text.append(f"{label}: ", style="bold")
            text.append(f"{printable(words)}\n")
    if narrative.evidence:
        if rows:
            text.append("\n")
        text.append("Evidence beside the accounts (not anyone's account)\n", style="bold")
        for lane in narrative.evidence:
            text.append(f"• {printable(lane_title(lane))}", style="bold")
            text.append(f" {printable(lane_origin(lane))}\n")
    text.rstrip()
    return text

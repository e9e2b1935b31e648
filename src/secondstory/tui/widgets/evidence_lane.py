"""The evidence lane of the facilitator's timeline: chat and alerts beside the moments.

Evidence is nobody's account, so it never gets rows of its own: each evidence entry is
shown on the row of the first moment at or after its time (the last row when it comes
after every moment), in one extra lane headed "Evidence".
"""

from __future__ import annotations

import bisect
from datetime import UTC

from secondstory.export.facts import entry_clock
from secondstory.narrative.model import Narrative

HEADER = "Evidence"
"""The lane's heading; the Who shared tab says evidence is no one's account."""


def evidence_by_row(narrative: Narrative) -> dict[int, str]:
    """For each timeline row with evidence near it: the first entry's words, and how many more."""
    timed = [entry for entry in narrative.timeline if entry.at is not None]
    if not timed or not narrative.evidence:
        return {}
    instants = [entry.at.astimezone(UTC) for entry in timed if entry.at is not None]
    found: dict[int, list[str]] = {}
    for lane in narrative.evidence:
        for item in lane.entries:
            place = bisect.bisect_left(instants, item.at.astimezone(UTC))
            row = timed[min(place, len(timed) - 1)].index
            who = f"{item.who}: " if item.who.strip() else ""
            found.setdefault(row, []).append(f"{entry_clock(item)[:5]} {who}{item.text}")
    return {row: _said(items) for row, items in found.items()}


def _said(items: list[str]) -> str:
    first = " ".join(sorted(items)[0].split())
    return first if len(items) == 1 else f"+{len(items) - 1} {first}"

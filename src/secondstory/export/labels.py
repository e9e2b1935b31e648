"""Words and times every export shows the same way, before any escaping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from secondstory.narrative.merge import MARGINS
from secondstory.narrative.model import Entry, Narrative, SameEvent

FIELDS: tuple[tuple[str, str], ...] = (
    ("did", "Did"),
    ("observed", "Observed"),
    ("expected", "Expected"),
    ("assumed", "Assumed"),
    ("why", "Why it made sense"),
)
"""The five fields of a moment with the label each export gives them."""
PARTS: dict[str, str] = {
    "surprised": "What surprised them",
    "helped": "What helped",
    "hindered": "What got in the way",
    "ideas": "Ideas",
}
"""The closing parts with their labels."""

TIMES_NOTE = (
    "Times are shown in UTC, each with the time as its author wrote it. "
    "Every item names its source as author · moment id."
)
CONCURRENT_NOTE = (
    "Moments of different people whose time windows overlap, directly or through another."
)
SURPRISES_NOTE = "Moments where what someone expected and what they observed differ."
DISAGREEMENTS_NOTE = (
    "Moments that tell one event with times or observations that differ. Both are kept: "
    "people remember differently, and the difference is worth talking about."
)
DISAGREEMENT_STATES = {"to-discuss": "to discuss", "discussed": "discussed"}
DANGLING_NOTE = "is named in the facilitator's notes but no shared account holds it"
SUGGESTED_TITLE = "Possibly the same event: these read alike, not yet confirmed"
NOT_SHARED = "a moment no longer shared"
"""What a reader sees where the notes name a moment whose account was withdrawn."""


def dangling_note(count: int) -> str:
    """The moments named in the notes that no shared account holds, counted, never by id."""
    some = "1 moment" if count == 1 else f"{count} moments"
    verb = "is" if count == 1 else "are"
    return f"{some} named in the facilitator's notes {verb} no longer shared, so {verb} left out"


EMPTY_TIMELINE = "No shared accounts yet."


def merged_from(count: int) -> str:
    """ "merged from 3 shared accounts", singular for one."""
    return f"merged from {count} shared account{'' if count == 1 else 's'}"


def minutes(delta: timedelta) -> str:
    """A duration in words: "2 min", "1 h 05 min"."""
    total = round(delta.total_seconds() / 60)
    if total < 60:
        return f"{total} min"
    return f"{total // 60} h {total % 60:02d} min"


def day(at: datetime) -> str:
    """The UTC day of an instant, like "Thursday 14 March 2024"."""
    return _day(at.astimezone(UTC).date())


@lru_cache(maxsize=512)
def _day(of: date) -> str:
    return f"{of:%A} {of.day} {of:%B %Y}"


def clock(at: datetime) -> str:
    """An instant as a UTC clock time, like "14:02 UTC"."""
    return f"{at.astimezone(UTC):%H:%M} UTC"


def when(entry: Entry) -> str:
    """When a moment happened, as the timeline shows it."""
    if entry.at is not None:
        return ("~" if entry.precision == "about" else "") + clock(entry.at)
    return "unsure time" if entry.when is not None else "no time given"


def precision_name(entry: Entry) -> str:
    """exact, about or unsure as the person said, or "none" when they gave no time at all.

    A moment without a `when` still carries the account format's default precision
    (exact); no export shows that, since there is no time for it to be precise about.
    """
    return "none" if entry.when is None else entry.precision


def precision(entry: Entry) -> str:
    """The precision in words, with its window."""
    margin = MARGINS.get(entry.precision)
    if entry.at is None or margin is None:
        return f"precision {precision_name(entry)}, placed by the order of the account"
    return f"{entry.precision}, ±{minutes(margin)}"


def written(entry: Entry) -> str:
    """The time as the account holds it, in the author's own zone or offset."""
    if entry.when is None:
        return ""
    local = entry.when
    zone = entry.zone if local.tzinfo is None else local.strftime("UTC%z")
    typed = f" (typed “{entry.when_text.strip()}”)" if entry.when_text else ""
    return f"{local:%a} {local.day} {local:%b %H:%M} {zone}{typed}"


def cite(narrative: Narrative, ref: str) -> str:
    """The source of an item: "Alex Moreau · m3"; "a moment no longer shared" if it is gone."""
    entry = narrative.entry(ref)
    if entry is None:
        return NOT_SHARED
    return f"{entry.author} · {entry.moment}"


def anchor(entry: Entry) -> str:
    """An HTML anchor for a moment, by lane and moment ("m-2-m3"): readable, and no account id."""
    return f"m-{entry.lane + 1}-{entry.moment}"


def placement(narrative: Narrative, entry: Entry) -> str:
    """Where a moment without an instant was put, and why."""
    if entry.at is not None:
        return ""
    if entry.after is None:
        return "first in its account, so it opens the timeline"
    return f"follows {cite(narrative, entry.after)} in its account"


def same_event_time(group: SameEvent) -> str:
    """What the members' times say about each other."""
    if group.disagreement and group.gap is not None:
        return f"times disagree: {minutes(group.gap)} apart beyond their precision"
    if group.gap is not None and not group.untimed:
        return "times agree within their precision"
    if group.gap is not None:
        return "timed members agree; some members have no time to compare"
    return "no time comparison (fewer than two members have a time)"


def same_event_source(group: SameEvent) -> str:
    """Whether a same-event group was confirmed in the review, in a reader's words."""
    return "confirmed" if group.source == "confirmed" else "possibly, not yet confirmed"


def missing_note(count: int) -> str:
    """Linked moments whose accounts are no longer shared, counted, never by id."""
    return f"{count} linked moment{'' if count == 1 else 's'} no longer shared"


def first_words(entry: Entry, limit: int = 80) -> str:
    """The first non-empty field of a moment, shortened on a word boundary."""
    text = next((getattr(entry, name) for name, _ in FIELDS if getattr(entry, name).strip()), "")
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"

"""The files people exchange: incident, account and the facilitator's narrative notes.

Plain pydantic models with no UI import. Datetimes stay datetimes so TOML keeps its
native types; a `when` without an offset is wall-clock time in the account's zone.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

FORMAT = 1
"""The newest file format this version reads and writes."""

Precision = Literal["exact", "about", "unsure"]
Status = Literal["draft", "shared"]
TEXT_FIELDS: tuple[str, ...] = ("did", "observed", "expected", "assumed", "why")
CLOSING_FIELDS: tuple[str, ...] = ("surprised", "helped", "hindered", "ideas")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_ACCOUNT_ID = re.compile(r"^[0-9a-f]{32}$")
_MOMENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)
"""Names Windows keeps for devices, whatever follows a dot: never an id that names a file."""


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # OSError: a folder
        raise ValueError(f"{name!r} is not a known IANA time zone (like Europe/Amsterdam)") from exc
    return name


def _matching(pattern: re.Pattern[str], what: str) -> Any:
    def check(value: str) -> str:
        if not pattern.match(value):
            raise ValueError(f"{value!r} is not a valid {what}")
        return value

    return AfterValidator(check)


def _not_reserved(value: str) -> str:
    if value.lower() in RESERVED_NAMES:
        raise ValueError(f"{value!r} is a name Windows keeps for a device; choose another id")
    return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("needs a UTC offset, like 2017-02-01T09:00:00Z")
    return value


Zone = Annotated[str, AfterValidator(_zone)]
Slug = Annotated[
    str,
    _matching(_SLUG, "id (lowercase letters, digits and dashes)"),
    AfterValidator(_not_reserved),
]
AccountId = Annotated[str, _matching(_ACCOUNT_ID, "account id (32 hex characters)")]
MomentId = Annotated[str, _matching(_MOMENT_ID, "moment id")]
Instant = Annotated[datetime, AfterValidator(_aware)]


class FileModel(BaseModel):
    """Strict about types; keeps keys it does not know so a round trip loses nothing."""

    # The field docstrings are for readers of this file; pydantic is not asked to read
    # them (use_attribute_docstrings parses this module's source at import: 40 ms).
    model_config = ConfigDict(strict=True, extra="allow", validate_assignment=True)


class Moment(FileModel):
    """One thing that happened, as the person remembers it."""

    id: MomentId
    """Unique within the account and stable across edits and reordering."""
    when: datetime | None = None
    """Local wall time in the account's zone, an offset datetime, or absent."""
    when_precision: Precision = "exact"
    """How sure the person is of `when`: exact, about (roughly) or unsure."""
    when_text: str | None = None
    """The time exactly as typed, kept even when it could not be understood."""
    did: str = ""
    """What they did."""
    observed: str = ""
    """What they saw, heard or read."""
    expected: str = ""
    """What they expected to happen."""
    assumed: str = ""
    """What they took to be true."""
    why: str = ""
    """What made it make sense at the time."""

    def is_empty(self) -> bool:
        """True when none of the five text fields has any words yet."""
        return not any(getattr(self, name).strip() for name in TEXT_FIELDS)


class Closing(FileModel):
    """The closing reflections of an account."""

    surprised: str = ""
    """What surprised them."""
    helped: str = ""
    """What helped."""
    hindered: str = ""
    """What got in the way."""
    ideas: str = ""
    """Ideas they have."""


class Account(FileModel):
    """One person's first-person account of an incident."""

    format: int = FORMAT
    """File format version."""
    kind: Literal["secondstory.account"] = "secondstory.account"
    """Always secondstory.account."""
    incident: Slug
    """The incident's id."""
    account: AccountId
    """Unique id of this account, 32 hex characters."""
    author: str = ""
    """How the person chooses to be named."""
    role: str | None = None
    """Their role at the time, if they want to say."""
    timezone: Zone = "UTC"
    """IANA zone in which their local times are meant."""
    status: Status = "draft"
    """draft while private; shared once they share it."""
    created: Instant
    """When the account was started (UTC)."""
    updated: Instant
    """When it last changed (UTC)."""
    moments: list[Moment] = Field(default_factory=list)
    """In the order the person remembers them."""
    closing: Closing = Field(default_factory=Closing)
    """Closing reflections."""

    @model_validator(mode="after")
    def _consistent(self) -> Account:
        counts = Counter(moment.id for moment in self.moments)  # list.count was quadratic
        duplicated = sorted(i for i, n in counts.items() if n > 1)
        if duplicated:
            raise ValueError(f"moment ids must be unique, repeated: {', '.join(duplicated)}")
        if self.status == "shared":
            if not self.author.strip():
                raise ValueError("a shared account needs an author")
            empty = [m.id for m in self.moments if m.is_empty()]
            if empty:
                raise ValueError(f"moments with no text at all: {', '.join(empty)}")
        return self

    def moment(self, moment_id: str) -> Moment | None:
        """The moment with this id, if there is one."""
        return next((m for m in self.moments if m.id == moment_id), None)

    def next_moment_id(self) -> str:
        """A fresh id that has never been used in this account's current moments."""
        used = {m.id for m in self.moments}
        n = len(self.moments) + 1
        while f"m{n}" in used:
            n += 1
        return f"m{n}"


class Incident(FileModel):
    """An incident folder's incident.toml."""

    format: int = FORMAT
    """File format version."""
    kind: Literal["secondstory.incident"] = "secondstory.incident"
    """Always secondstory.incident."""
    id: Slug
    """Short id, used in account files and on the command line."""
    title: str
    """What people call the incident."""
    timezone: Zone = "UTC"
    """The zone most participants think in; the default for new accounts."""
    started: datetime | None = None
    """When it began: local in `timezone`, or an offset datetime. Bare times refer to it."""
    facilitator: str = ""
    """Who runs the review."""
    description: str = ""
    """A few words of context for participants."""
    impact: str = ""
    """Who and what was affected, in the facilitator's words."""
    detected: str = ""
    """How the incident was noticed: an alert, a customer, someone looking."""
    duration: str = ""
    """How long it lasted, as people would say it ("about two hours")."""
    services: list[str] = Field(default_factory=list)
    """The services or systems involved."""


class Link(FileModel):
    """The facilitator's decision that moments do (or do not) tell the same event."""

    moments: list[str]
    """Moment references, each "ACCOUNT/MOMENT"."""
    decision: Literal["confirmed", "rejected"] = "confirmed"
    """confirmed: the same event; rejected: a suggestion that is not."""
    note: str = ""
    """Why, in the facilitator's words."""


class Theme(FileModel):
    """A contributing condition: a named group of moments."""

    id: str
    """Stable id within the narrative."""
    title: str
    """Its name."""
    description: str = ""
    """What the condition is and how it showed."""
    moments: list[str] = Field(default_factory=list)
    """Moment references, each "ACCOUNT/MOMENT"."""


class Question(FileModel):
    """An open question for the review."""

    id: str
    """Stable id within the narrative."""
    text: str
    """The question."""
    moments: list[str] = Field(default_factory=list)
    """Moment references it is about."""
    resolved: bool = False
    """Whether the review has answered it."""
    answer: str = ""
    """The answer the review found, in the words it was given."""
    answered_by: str = ""
    """Who gave the answer (a person's name, or a team)."""


DisagreementState = Literal["to-discuss", "discussed"]
ExportFormat = Literal["md", "html", "json"]


class Disagreement(FileModel):
    """The facilitator's state for one group of moments whose times or accounts differ."""

    moments: list[str]
    """Moment references of the group, each "ACCOUNT/MOMENT"."""
    state: DisagreementState = "to-discuss"
    """to-discuss until the debrief has talked it through, then discussed."""
    note: str = ""
    """What the debrief made of it, in the facilitator's words."""


class FollowUp(FileModel):
    """Something to do after the review, often from an idea of someone involved."""

    id: str
    """Stable id within the narrative."""
    text: str
    """What is to be done."""
    owner: str = ""
    """Who looks after it."""
    link: str = ""
    """A ticket id or URL, kept as plain text and never opened."""
    source: str = ""
    """The account whose closing idea it came from, if any."""


def _markdown_only() -> list[ExportFormat]:
    return ["md"]


class NarrativeNotes(FileModel):
    """The facilitator's own work, kept in the incident's narrative.toml."""

    format: int = FORMAT
    """File format version."""
    kind: Literal["secondstory.narrative"] = "secondstory.narrative"
    """Always secondstory.narrative."""
    incident: Slug
    """The incident's id."""
    summary: str = ""
    """The facilitator's summary."""
    updated: Instant | None = None
    """When the notes last changed (UTC)."""
    links: list[Link] = Field(default_factory=list)
    """Confirmed and rejected same-event links."""
    themes: list[Theme] = Field(default_factory=list)
    """Contributing conditions."""
    questions: list[Question] = Field(default_factory=list)
    """Open questions."""
    language_notes: bool = True
    """Whether the facilitator sees language notes on their own words."""
    dismissed_notes: list[str] = Field(default_factory=list)
    """Language notes the facilitator dismissed, as "rule:words"."""
    disagreements: list[Disagreement] = Field(default_factory=list)
    """The state of disagreements the facilitator has looked at."""
    follow_ups: list[FollowUp] = Field(default_factory=list)
    """Things to do after the review."""
    surprises_marked: list[str] = Field(default_factory=list)
    """Moments the facilitator counts as surprises although the rule does not."""
    surprises_unmarked: list[str] = Field(default_factory=list)
    """Moments the facilitator does not count as surprises although the rule does."""
    export_formats: list[ExportFormat] = Field(default_factory=_markdown_only)
    """The formats the export dialog writes, as last chosen."""

    @model_validator(mode="after")
    def _unique_ids(self) -> NarrativeNotes:
        checked: tuple[tuple[str, list[Theme] | list[Question] | list[FollowUp]], ...] = (
            ("theme", self.themes),
            ("question", self.questions),
            ("follow-up", self.follow_ups),
        )
        for what, items in checked:
            counts = Counter(item.id for item in items)
            repeated = sorted(i for i, n in counts.items() if n > 1)
            if repeated:
                raise ValueError(f"{what} ids must be unique, repeated: {', '.join(repeated)}")
        return self


def moment_ref(account: str, moment: str) -> str:
    """The reference used in narrative.toml for one moment of one account."""
    return f"{account}/{moment}"


def split_ref(ref: str) -> tuple[str, str]:
    """The (account, moment) pair of a reference."""
    account, _, moment = ref.partition("/")
    return account, moment


def account_file_name(account_id: str, suffix: str = ".toml") -> str:
    """The file name for an account id; anything but 32 hex characters is refused, so no
    name read from a file or a folder (``..``, a slash, NUL, a device name) names a path."""
    if not _ACCOUNT_ID.match(account_id):
        raise ValueError(f"{account_id!r} is not an account id (32 hex characters)")
    return f"{account_id}{suffix}"


def new_account_id() -> str:
    """A fresh random account id."""
    return uuid.uuid4().hex


def now_utc() -> datetime:
    """Now, in UTC, to the second (files stay readable)."""
    return datetime.now(UTC).replace(microsecond=0)


def slugify(title: str) -> str:
    """A readable id from a title: "DB outage, 31 Jan" -> "db-outage-31-jan"."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80].strip("-")
    if slug in RESERVED_NAMES:
        return f"{slug}-incident"
    return slug or "incident"

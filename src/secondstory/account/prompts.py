"""The interview's wording as data: the built-in prompt set, or a team's own.

A prompt set is a TOML file (prompts/default.toml is the built-in one) holding every
word the account screens show: the opening and its promises, each field's label and
help, the follow-up probes, the closing, review and share texts. Lookup order: a file
named on the command line, then `prompts.toml` in the config folder, then the built-in.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from secondstory.errors import FileProblem, NewerFormat
from secondstory.files.paths import config_dir
from secondstory.files.resources import builtin_prompt_file
from secondstory.files.storage import read_bytes
from secondstory.files.tomlerrors import explain

PROMPTS_FORMAT = 1
"""The newest prompt-set format this version reads."""
KIND = "secondstory.prompts"
OVERRIDE_NAME = "prompts.toml"

Words = Annotated[str, Field(min_length=1)]
ProbeField = Literal["when", "did", "observed", "expected", "assumed", "why"]


class PromptModel(BaseModel):
    """Strict and closed: a misspelt key is reported rather than silently ignored."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
    )  # no use_attribute_docstrings: it reads this module's source at import


class FieldWording(PromptModel):
    """How one input is introduced."""

    label: Words
    """The short question above the input (40 characters or fewer fits 80 columns)."""
    help: str = ""
    """One line of gentle guidance under the label."""
    placeholder: str = ""
    """An example shown greyed out inside the empty input."""


class Probe(PromptModel):
    """A follow-up question, shown one at a time beside a moment."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
    """A short stable name, unique within the set (lowercase letters, digits, dashes)."""
    field: ProbeField | None = None
    """The moment field this question most helps with, if any."""
    text: Words
    """The question itself: one sentence, asking what made sense, never why you did it."""


class Opening(PromptModel):
    """What the account is for, and the promises it keeps."""

    title: Words
    """The heading of the first screen."""
    text: Words
    """What the account is for; that it prepares for the debrief rather than replacing it."""
    promises: Annotated[tuple[Words, ...], Field(strict=False, min_length=1)]
    """The promises, one short sentence each, shown as a list."""
    consent: Words
    """The label of the button that begins the interview."""


class Identity(PromptModel):
    """Who is telling this account."""

    title: Words
    """The heading of the screen."""
    intro: str = ""
    """A line on why these few things are asked."""
    author: FieldWording
    """The name the person wants to be called by."""
    role: FieldWording
    """Their optional role in the incident."""
    timezone: FieldWording
    """The zone their typed times are meant in."""
    day: FieldWording = FieldWording(
        label="Which day did this begin for you?",
        help="Times you type without a day are read on this day. Empty is fine.",
        placeholder="e.g. yesterday, Tue or 14 Mar",
    )
    """The day the incident began, asked only when the incident has no start time."""


class Moments(PromptModel):
    """The moments, in the person's own order, with follow-up probes."""

    title: Words
    """The heading of the screen."""
    intro: str = ""
    """How moments work: any order, as many as you like, a time is optional."""
    empty: Words
    """Shown while there are no moments yet."""
    when: FieldWording
    """The moment's time, as the person would say it."""
    did: FieldWording
    """What they did."""
    observed: FieldWording
    """What they saw, heard or read."""
    expected: FieldWording
    """What they expected to happen."""
    assumed: FieldWording
    """What they took to be true."""
    why: FieldWording
    """What made it make sense at the time."""
    probes: Annotated[tuple[Probe, ...], Field(strict=False, min_length=1)]
    """Follow-up questions, cycled one at a time."""

    @field_validator("probes")
    @classmethod
    def _unique_ids(cls, probes: tuple[Probe, ...]) -> tuple[Probe, ...]:
        ids = [probe.id for probe in probes]
        for probe_id in ids:
            if ids.count(probe_id) > 1:
                raise ValueError(f"two probes share the id {probe_id!r}; give each its own")
        return probes


class Closing(PromptModel):
    """The questions about the incident as a whole."""

    title: Words
    """The heading of the screen."""
    intro: str = ""
    """A line saying these are optional."""
    surprised: FieldWording
    """What surprised them."""
    helped: FieldWording
    """What helped."""
    hindered: FieldWording
    """What got in the way."""
    ideas: FieldWording
    """Ideas they would like to share."""


class Review(PromptModel):
    """Reading the whole account as prose before sharing."""

    title: Words
    """The heading of the screen."""
    intro: str = ""
    """A line inviting them to read it through and change anything."""


class Share(PromptModel):
    """Sharing a copy with the incident, and withdrawing it."""

    title: Words
    """The heading of the screen."""
    intro: Words
    """What sharing does: where the copy goes and who can read it."""
    confirm: Words
    """The question asked before sharing."""
    withdraw_intro: Words
    """What withdrawing does, and what it cannot undo."""
    withdraw_confirm: Words
    """The question asked before withdrawing."""
    shared_message: Words
    """Shown once the copy is shared."""
    withdrawn_message: Words
    """Shown once the shared copy is withdrawn."""


class PromptSet(PromptModel):
    """Every word of the interview."""

    format: Annotated[int, Field(ge=1, le=PROMPTS_FORMAT)]
    """The prompt-set format; 1 now."""
    kind: Literal["secondstory.prompts"]
    """Always "secondstory.prompts"."""
    name: Words
    """A short name for the set, e.g. "default" or the team's name."""
    description: str = ""
    """A line saying what the set is for."""
    opening: Opening
    """The opening and consent."""
    identity: Identity
    """Who you are."""
    moments: Moments
    """The moments and their probes."""
    closing: Closing
    """Looking back on the whole incident."""
    review: Review
    """Reading the account through."""
    share: Share
    """Sharing and withdrawing."""


def load_prompt_set(path: Path | None = None) -> PromptSet:
    """The prompt set at `path`; without one, the team's override or the built-in."""
    if path is not None:
        return _load(path, path)
    override = config_dir() / OVERRIDE_NAME
    if override.is_file():
        return _load(override, override)
    return builtin_prompt_set()


def load_prompt_set_or_default(path: Path | None = None) -> tuple[PromptSet, str | None]:
    """Like `load_prompt_set`, but a broken file gives the built-in set and a warning."""
    try:
        return load_prompt_set(path), None
    except FileProblem as problem:
        warning = (
            f"{problem.path} could not be used ({problem.reason}); using the built-in questions"
        )
        return builtin_prompt_set(), warning


@cache
def builtin_prompt_set() -> PromptSet:
    """The prompt set that ships with secondstory, read once."""
    source = builtin_prompt_file("default.toml")
    return _load(source, Path(str(source)))


def _load(source: Traversable, where: Path) -> PromptSet:
    text = _read_text(source, where)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileProblem(where, f"is not valid TOML ({exc})") from None
    _check_header(where, data)
    try:
        return PromptSet.model_validate(data)
    except ValidationError as exc:
        raise FileProblem(where, explain(exc, PromptSet, text)) from None


def _read_text(source: Traversable, where: Path) -> str:
    try:
        if isinstance(source, Path):  # only an ordinary file of a sane size; never a pipe
            return read_bytes(source).decode("utf-8")
        return source.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise FileProblem(where, "no such file") from None
    except IsADirectoryError:
        raise FileProblem(where, "is a folder, not a prompt set") from None
    except OSError as exc:
        raise FileProblem(where, f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise FileProblem(where, "is not UTF-8 text") from None


def _check_header(where: Path, data: dict[str, Any]) -> None:
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileProblem(where, "has no 'format' number (format = 1), so it is not a prompt set")
    if version > PROMPTS_FORMAT:
        raise NewerFormat(
            where,
            f"is a prompt set in format {version}, newer than this version of secondstory "
            f"reads (up to {PROMPTS_FORMAT}); please update secondstory to use it",
        )
    if data.get("kind") != KIND:
        found = f"a {data['kind']!r} file" if "kind" in data else "missing its 'kind'"
        raise FileProblem(where, f"is {found}; a prompt set has kind = {KIND!r}")

"""The rules file as written, validated with pydantic: read only when rules must be compiled.

A run whose compiled rules are in the cache (language/cache.py) never imports this module,
and so never imports pydantic: that is most of `secondstory lint`'s start-up time.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from secondstory.files.reading import read_toml
from secondstory.files.storage import parse_model

KIND = "secondstory.language"
WORDS_KIND = "secondstory.language-words"
SubjectKind = Literal["self", "other", "thing", "none"]
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _kebab(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"{value!r} should be lowercase words joined by dashes, like team-cowboy")
    return value


Kebab = Annotated[str, AfterValidator(_kebab)]

S = TypeVar("S", bound=BaseModel)


class RuleSpec(BaseModel):
    """One rule as written in a rules file."""

    model_config = ConfigDict(extra="forbid", strict=True)
    id: Kebab
    """Stable kebab-case name, used to silence or disable the rule."""
    category: Kebab
    """The kind of language: counterfactual, judgement, self-blame, hindsight, ..."""
    patterns: list[str] = Field(min_length=1)
    """Regular expressions; `{name}` stands for the word list [terms].name, or for a
    generated word class such as {any_participle} (see language_words.toml)."""
    keywords: list[str] = []
    """Word pieces of which every match holds one; text without them is skipped quickly.
    Leave empty to search all the text (slower, always right)."""
    message: str = Field(min_length=1)
    """A short, kind note on what the words do."""
    reframe: str = Field(min_length=1)
    """A situational question to ask instead."""
    subject: list[SubjectKind] | None = None
    """Who must be doing it (self, other person, thing, none); absent means anyone."""
    unless_before: list[str] = []
    """Patterns that, ending right before the match, keep it quiet."""
    unless_after: list[str] = []
    """Patterns that, starting right after the match, keep it quiet."""
    negatable: bool = True
    """Whether a negation a few words before keeps the match quiet."""
    suggest_field: str | None = None
    """An account field the words may belong in instead (e.g. "expected")."""
    concept: bool = False
    """The words name a concept ("root cause"), which may be talked about rather than used:
    a label ("Root cause:"), a definition ("... is never a root cause"), a contrast
    ("rather than looking for ...") or a list of terms keeps the match quiet."""
    perception: bool = False
    """The words may report what was seen at the time ("it became obvious", "the graph
    was clearly bimodal", "I could clearly hear"): then the match stays quiet."""
    narrative_only: bool = False
    """Only a told event counts: in a hypothetical or generic clause ("until one person
    forgets", "if someone fails to") the match stays quiet."""
    negative_subject: bool = True
    """Whether a negative subject ("No one failed to ...") keeps the match quiet, even when
    the rule is not negatable."""


class SubjectsSpec(BaseModel):
    """Words that tell a person from a system when deciding who a sentence is about."""

    model_config = ConfigDict(extra="forbid", strict=True)
    self_words: list[str] = Field(default=[], alias="self")
    """First-person subjects."""
    people: list[str] = []
    """Pronouns and roles that name other people."""
    systems: list[str] = []
    """Words (often capitalised product names) that name systems, not people."""
    person_verbs: list[str] = []
    """Patterns for what only a person does ("forgot"): starting a match, they let weaker
    signs name a person, such as a lower-case first word ("dana forgot") or "whoever"."""


class ContextSpec(BaseModel):
    """When matched words are not a use of them: negations and mentions."""

    model_config = ConfigDict(extra="forbid", strict=True)
    negators: list[str] = []
    """Words that negate what follows; "n't" matches any contraction."""
    negation_window: int | None = Field(default=None, ge=0, le=10)
    """How many words before a match are searched for a negator; absent: the whole clause."""
    negative_subjects: list[str] = []
    """Words that, opening a clause, make its subject no one ("no one", "nothing")."""
    mention_before: list[str] = []
    """Patterns ending right before a match that make it a mention ("the phrase ...")."""
    mention_after: list[str] = []
    """Patterns starting right after a match that make it a mention ("... field")."""
    mention_clause: list[str] = []
    """Patterns found in the clause before a concept that make it talked about, not used
    ("rather than looking for", "instead of asking")."""
    mention_sentence: list[str] = []
    """Patterns found earlier in the sentence of a concept, past any conjunction, that make
    it talked about ("without assigning blame or implying that one person caused it")."""
    definition_after: list[str] = []
    """Patterns starting right after a concept that opens its clause and make it a
    definition ("human error is never ...")."""
    perception_verbs: list[str] = []
    """Verbs of sensing: "clearly hear" reports a perception, not hindsight."""
    moment_words: list[str] = []
    """Words that place the seeing in the moment: "it became obvious", "soon clear"."""
    observables: list[str] = []
    """What people look at (graph, dashboard, output): "the graph was clearly bimodal"."""
    reaction_after: list[str] = []
    """Patterns later in the sentence that tell it was acted on then (", so I paused")."""
    technical: list[str] = []
    """Technical terms that hold a rule's words ("sloppy quorum", "lazy loading"): a match
    inside one stays quiet."""
    hypothetical: list[str] = []
    """Words opening a hypothetical clause ("if", "until"), for narrative_only rules."""
    generic_subjects: list[str] = []
    """Subjects of generic statements ("someone", "a person"), for narrative_only rules."""


class RulesFile(BaseModel):
    """A whole rules file: the built-in one or a team's."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)
    format: int
    """File format version."""
    kind: Literal["secondstory.language"]
    """Always "secondstory.language"."""
    terms: dict[str, list[str]] = {}
    """Named word lists usable in patterns as {name}."""
    subjects: SubjectsSpec = SubjectsSpec()
    """Word lists for telling people from systems."""
    context: ContextSpec = ContextSpec()
    """Negation and mention settings."""
    rules: list[RuleSpec] = []
    """Rules to add, or to replace when the id is already known."""
    disabled: list[str] = []
    """Ids of rules to switch off."""


def read_rules_file(path: Path) -> RulesFile:
    """Read and validate one rules file, or raise FileProblem naming it."""
    return parse_model(path, read_toml(path), RulesFile, KIND)


def extend(base: S, more: S) -> S:
    """Lists grow, single values are replaced, by what a later file sets."""
    values = base.model_dump(by_alias=True)
    for key, value in more.model_dump(by_alias=True, exclude_unset=True).items():
        values[key] = values[key] + value if isinstance(value, list) else value
    return type(base).model_validate(values)


class WordsFile(BaseModel):
    """The generated word classes (prompts/language_words.toml)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    format: int
    kind: str
    classes: dict[str, list[str]]


def read_words_file(path: Path) -> WordsFile:
    """Read and validate the word classes file, or raise FileProblem naming it."""
    return parse_model(path, read_toml(path), WordsFile, WORDS_KIND)

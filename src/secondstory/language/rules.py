"""Blame-language rules as data: the compiled rules, and where their files are.

The built-in rules ship as prompts/language.toml inside the package. A team can add rules,
replace one by reusing its id, switch rules off with `disabled = [...]`, and extend the word
lists, in paths.config_dir()/"language.toml" or in files named on the command line.

Reading and validating a rules file (`schema`, with pydantic) and compiling it (`compile`)
happen only when the compiled rules are not in the cache, so they are imported there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from secondstory.errors import FileProblem, SecondstoryError
from secondstory.files import paths
from secondstory.files.resources import builtin_prompt_file
from secondstory.language.scan import KeywordScanner, required_pieces, trailing_pieces
from secondstory.language.words import builtin_words_path

FILE_NAME = "language.toml"
_INLINE_FLAGS = re.compile(r"\(\?([a-zA-Z-]+)[:)]")


@dataclass(frozen=True)
class Rule:
    """A compiled rule, ready to match lowercased text."""

    id: str
    category: str
    message: str
    reframe: str
    patterns: tuple[re.Pattern[str], ...]
    keywords: tuple[str, ...]
    pattern_keywords: tuple[tuple[str, ...], ...]  # the keywords worth searching per pattern
    pattern_led: tuple[bool, ...]  # per pattern: every match begins with one of its keywords
    pattern_classes: tuple[tuple[tuple[str, frozenset[str]], ...], ...]  # see _Expander
    subject: frozenset[str] | None
    unless_before: re.Pattern[str] | None
    unless_before_ends: tuple[str, ...] | None  # see ends_of
    unless_before_needs: re.Pattern[str] | None  # see needs_of
    unless_after: re.Pattern[str] | None
    negatable: bool
    suggest_field: str | None
    concept: bool = False
    perception: bool = False
    narrative_only: bool = False
    negative_subject: bool = True
    technical: bool = True  # whether a technical term may hold a match (see _technical)


@dataclass(frozen=True)
class Vocabulary:
    """Lowercased word sets used to classify a sentence's subject."""

    self_words: frozenset[str]
    people: frozenset[str]
    systems: frozenset[str]
    person_verbs: re.Pattern[str] | None
    negators: frozenset[str]
    negation_window: int | None  # None: the whole clause
    mention_before: re.Pattern[str] | None
    mention_before_ends: tuple[str, ...] | None  # see ends_of
    mention_after: re.Pattern[str] | None
    negative_subjects: frozenset[str] = frozenset()
    mention_clause: re.Pattern[str] | None = None
    mention_sentence: re.Pattern[str] | None = None
    definition_after: re.Pattern[str] | None = None
    perception_verbs: frozenset[str] = frozenset()
    moment_words: frozenset[str] = frozenset()
    observables: frozenset[str] = frozenset()
    reaction_after: re.Pattern[str] | None = None
    technical: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)
    """A word of a technical term -> the terms that hold it."""
    hypothetical: frozenset[str] = frozenset()
    generic_subjects: frozenset[str] = frozenset()
    verb_forms: frozenset[str] = frozenset()  # past and present forms: where a clause's verb is
    present_forms: frozenset[str] = frozenset()  # third person present: "forgets"


@dataclass(frozen=True)
class RuleSet:
    """The rules in force, in order, with the vocabulary they rely on."""

    rules: tuple[Rule, ...]
    vocabulary: Vocabulary
    scanner: KeywordScanner
    sources: tuple[Path, ...] = ()

    def ids(self) -> list[str]:
        """Rule ids in order."""
        return [rule.id for rule in self.rules]

    def get(self, rule_id: str) -> Rule | None:
        """The rule with this id, if it is in force."""
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def __len__(self) -> int:
        return len(self.rules)


def builtin_path() -> Path:
    """The shipped rules file (inside the wheel, or the repository's prompts/)."""
    return Path(str(builtin_prompt_file(FILE_NAME)))


def team_path() -> Path:
    """Where a team's own rules file is looked for: language.toml in the config folder."""
    return paths.config_dir() / FILE_NAME


def load_rules(extra: Sequence[Path] = (), *, use_config: bool = True) -> RuleSet:
    """Built-in rules, then the team file in the config folder (if any), then `extra`."""
    chosen = [builtin_path()]
    team = team_path()
    if use_config and team.is_file():
        chosen.append(team)
    chosen.extend(extra)
    from secondstory.language.cache import cached

    def build() -> RuleSet:
        # Only on a cache miss: these import pydantic and compile every pattern.
        from secondstory.language.compile import merge
        from secondstory.language.schema import read_rules_file

        return merge([(path, read_rules_file(path)) for path in chosen])

    # Compiled once per set of rules files, then read back (docs/performance.md).
    sources = [*chosen, builtin_words_path()]
    return cached(sources, build, RuleSet, (Rule, Vocabulary, KeywordScanner))


def load_rules_or_default(extra: Sequence[Path] = ()) -> tuple[RuleSet, str | None]:
    """Like `load_rules`, but a team file in the config folder that cannot be used is left out.

    Returns the rules and None, or, when the team file is broken, the rules without it and
    a one-line warning naming its path. A broken file in `extra` (named by the person, so
    they can fix it) still raises FileProblem."""
    try:
        return load_rules(extra), None
    except SecondstoryError as problem:
        first = problem
    # Without the team file: if this fails too, the problem is in `extra` and is raised.
    rules = load_rules(extra, use_config=False) if extra else default_rules()
    team = team_path()
    mine = isinstance(first, FileProblem) and first.path == team
    reason = first.reason if isinstance(first, FileProblem) and mine else str(first)
    warning = f"{team} could not be used ({reason}); using the built-in language rules"
    return rules, " ".join(warning.split())


@functools.cache
def default_rules() -> RuleSet:
    """The built-in rules only, compiled once per process."""
    return load_rules(use_config=False)


def ends_of(pattern: re.Pattern[str] | None) -> tuple[str, ...] | None:
    """For a pattern run on lowercased words: endings one of which every match has.

    Only a speed-up: `words.endswith(ends)` is far quicker than a search that tries every
    position, and rarely passes. None (no quick test) for a pattern that sees case."""
    if pattern is None or _sees_case(pattern):
        return None
    return trailing_pieces(pattern.pattern)


def needs_of(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """For a pattern run on lowercased words: a search for the words every match holds.

    Only a speed-up, like ends_of: a search for a few plain words is quicker than one for
    the pattern ("n't", "not" or "never" for "(?:\\bnever|\\bnot|n't)(?: once| ever)? ")."""
    pieces = None if pattern is None or _sees_case(pattern) else required_pieces(pattern.pattern)
    return re.compile("|".join(map(re.escape, pieces))) if pieces else None


def _sees_case(pattern: re.Pattern[str]) -> bool:
    """Whether case matters to the pattern, even in part ("(?i:...)"): then lowercased
    text may hold what it matches in another form (it matches "ſ" for "s")."""
    return bool(pattern.flags & re.IGNORECASE) or "i" in "".join(
        _INLINE_FLAGS.findall(pattern.pattern)
    )

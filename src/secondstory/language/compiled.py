"""The compiled rules: what `check()` reads, and what the cache (cache.py) keeps.

Built by compile.py from validated rules files, or read back from the cache; nothing here
reads a rules file or imports pydantic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from secondstory.language.scan import KeywordScanner, required_pieces, trailing_pieces

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

"""Whether a rule's match is a use of its words, from what is near it.

The questions (who the clause is about, a negation, a mention just before or after, a
rule's own unless patterns) are answered by language_context; this keeps each answer
for the place it was asked about, since several rules often match at the same place
(self-blame and blame-other share their patterns). On dense text nearly every sentence
holds a match, so the work per match is kept small: one dictionary look-up per question
once answered, and no tuples kept per place (they would also wake the garbage collector).
"""

from __future__ import annotations

import re

from secondstory.language_context import (
    after,
    before,
    clause_tokens,
    group_kind,
    negated,
    subject_at,
)
from secondstory.language_rules import Rule, Vocabulary

_IGNORECASE = int(re.IGNORECASE)  # a plain int: "flags & re.IGNORECASE" is slow enum code
_UNSEEN = "\x00unseen"  # not yet looked at (None is an answer: a mention)


class Context:
    """What rules ask about the words around a match, worked out once per place."""

    __slots__ = ("_after", "_before", "_clauses", "_negated", "_subjects", "text", "vocabulary")

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self.text = text
        self.vocabulary = vocabulary
        self._clauses: dict[int, tuple[list[str], bool]] = {}
        self._subjects: dict[int, str] = {}
        self._negated: dict[int, bool] = {}
        self._before: dict[int, str | None] = {}
        self._after: dict[int, str | None] = {}

    def clause(self, start: int) -> tuple[list[str], bool]:
        clause = self._clauses.get(start)
        if clause is None:
            clause = self._clauses[start] = clause_tokens(self.text, start)
        return clause

    def subject(self, start: int) -> str:
        kind = self._subjects.get(start)
        if kind is None:
            tokens, opens = self.clause(start)
            kind = self._subjects[start] = subject_at(
                self.text, start, tokens, opens, self.vocabulary
            )
        return kind

    def negated(self, start: int) -> bool:
        answer = self._negated.get(start)
        if answer is None:
            answer = self._negated[start] = negated(self.clause(start)[0], self.vocabulary)
        return answer

    def before(self, start: int) -> str | None:
        """The words just before, lowercased, or None when they make a mention."""
        lowered = self._before.get(start, _UNSEEN)
        if lowered is _UNSEEN:
            words = before(self.text, start)
            lowered = words.lower()
            mention = self.vocabulary.mention_before
            ends = self.vocabulary.mention_before_ends
            if (
                mention is not None
                and (ends is None or lowered.endswith(ends))  # quick, and rarely passes
                and mention.search(words if mention.flags & _IGNORECASE else lowered)
            ):
                lowered = None
            self._before[start] = lowered
        return lowered

    def after(self, end: int) -> str | None:
        """The words just after, lowercased, or None when they make a mention."""
        lowered = self._after.get(end, _UNSEEN)
        if lowered is _UNSEEN:
            words = after(self.text, end)
            lowered = words.lower()
            mention = self.vocabulary.mention_after
            if mention is not None and mention.match(
                words if mention.flags & _IGNORECASE else lowered
            ):
                lowered = None
            self._after[end] = lowered
        return lowered


def applies(
    rule: Rule, start: int, end: int, match: re.Match[str] | None, context: Context
) -> bool:
    """Whether a match is a use of the words (cheapest checks first).

    `match` is given for a pattern with a subject group, which then names the subject."""
    if rule.subject is not None:
        if match is not None and match.start("subject") >= 0:
            phrase = match.group("subject")
            kind = group_kind(phrase, context.vocabulary, shouting=match.group().isupper())
        else:
            kind = context.subject(start)
        if kind not in rule.subject:
            return False
    if rule.negatable and context.negated(start):
        return False
    lowered = context.before(start)
    if lowered is None:
        return False
    # a context pattern sees lowercased words, unless it asks for case itself (see _joined)
    unless = rule.unless_before
    if (
        unless is not None
        and (rule.unless_before_ends is None or lowered.endswith(rule.unless_before_ends))
        and unless.search(before(context.text, start) if unless.flags & _IGNORECASE else lowered)
    ):
        return False
    lowered = context.after(end)
    if lowered is None:
        return False
    unless = rule.unless_after
    return unless is None or not unless.match(
        after(context.text, end) if unless.flags & _IGNORECASE else lowered
    )

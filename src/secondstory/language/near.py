"""Whether a rule's match is a use of its words, from what is near it.

The questions (who the clause is about, a negation, a mention just before or after, a
rule's own unless patterns) are answered by context.py. Several rules often match
at the same place (self-blame and blame-other share their patterns), so each answer is
kept for the others; on dense text nearly every sentence holds a match, so that is done
with the least work: matches come in order of their start, and only the answers for the
latest place are kept (nothing per place piles up for the garbage collector to visit).
"""

from __future__ import annotations

import re

from secondstory.language.context import (
    after,
    before,
    clause_tokens,
    folded,
    group_kind,
    hypothetical,
    main_clause,
    negated,
    negative_subject,
    perceived,
    subject_at,
    talked_about,
    technical,
)
from secondstory.language.rules import Rule, Vocabulary

_IGNORECASE = int(re.IGNORECASE)  # a plain int: "flags & re.IGNORECASE" is slow enum code
_REACH = 45  # characters read either side, as context.before and after do
_UNSEEN = "\x00unseen"  # not yet looked at (None is an answer: a mention)
_QUOTE_MARKS = frozenset("\"“”'")


class Context:
    """What rules ask about the words around a match, for one place at a time.

    Matches are asked about in order of their start, so those sharing a place come one
    after another: the answers for the latest start (and end) are kept, and worked out
    only when first needed. (Asked in another order, the answers are the same, only slower.)
    """

    __slots__ = (
        "_after",
        "_before",
        "_clause",
        "_end",
        "_negated",
        "_start",
        "_subject",
        "text",
        "vocabulary",
    )

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self.text = text
        self.vocabulary = vocabulary
        self._start = self._end = -1
        self._clause: tuple[list[str], bool] | None = None
        self._subject: str | None = None
        self._negated: bool | None = None
        self._before: str | None = _UNSEEN
        self._after: str | None = _UNSEEN

    def _move(self, start: int) -> None:
        self._start = start
        self._clause = self._subject = self._negated = None
        self._before = _UNSEEN

    def clause(self, start: int) -> tuple[list[str], bool]:
        if start != self._start:
            self._move(start)
        if self._clause is None:
            self._clause = clause_tokens(self.text, start)
        return self._clause

    def subject(self, start: int) -> str:
        if start != self._start or self._subject is None:
            tokens, opens = self.clause(start)
            self._subject = subject_at(self.text, start, tokens, opens, self.vocabulary)
        return self._subject

    def negated(self, start: int) -> bool:
        if start != self._start or self._negated is None:
            own = main_clause(self.text, start, self.clause(start)[0])
            self._negated = negated(own, self.vocabulary)
        return self._negated

    def before(self, start: int) -> str | None:
        """The words just before, lowercased, or None when they make a mention."""
        if start != self._start:
            self._move(start)
        elif self._before is not _UNSEEN:
            return self._before
        words = folded(self.text[start - _REACH if start > _REACH else 0 : start])
        if words[-1:] in _QUOTE_MARKS:  # a quoted term: the phrase "human error"
            words = words.rstrip("".join(_QUOTE_MARKS))
        lowered = words.lower()
        mention = self.vocabulary.mention_before
        ends = self.vocabulary.mention_before_ends
        found = (
            mention is not None
            and (ends is None or lowered.endswith(ends))  # quick, and rarely passes
            and mention.search(words if mention.flags & _IGNORECASE else lowered) is not None
        )
        self._before = None if found else lowered
        return self._before

    def after(self, end: int) -> str | None:
        """The words just after, lowercased, or None when they make a mention."""
        if end == self._end:
            return self._after
        words = folded(self.text[end : end + _REACH])
        if words[:1] in _QUOTE_MARKS:
            words = words.lstrip("".join(_QUOTE_MARKS))
        lowered = words.lower()
        mention = self.vocabulary.mention_after
        found = mention is not None and mention.match(
            words if mention.flags & _IGNORECASE else lowered
        )
        self._end, self._after = end, None if found else lowered
        return self._after


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
    if rule.negatable:
        if context.negated(start):
            return False
    elif rule.negative_subject and negative_subject(context.clause(start)[0], context.vocabulary):
        return False  # "No one failed to follow the process"
    lowered = context.before(start)
    if lowered is None:
        return False
    # a context pattern sees lowercased words, unless it asks for case itself (see _joined)
    unless = rule.unless_before
    if (
        unless is not None
        and (rule.unless_before_ends is None or lowered.endswith(rule.unless_before_ends))
        and (rule.unless_before_needs is None or rule.unless_before_needs.search(lowered))
        and unless.search(before(context.text, start) if unless.flags & _IGNORECASE else lowered)
    ):
        return False
    lowered = context.after(end)
    if lowered is None:
        return False
    unless = rule.unless_after
    if unless is not None and unless.match(
        after(context.text, end) if unless.flags & _IGNORECASE else lowered
    ):
        return False
    return _in_context(rule, start, end, context)


def _in_context(rule: Rule, start: int, end: int, context: Context) -> bool:
    """The rarer questions, asked last: a concept talked about, a perception at the time,
    a hypothetical, a technical term."""
    text, vocabulary = context.text, context.vocabulary
    if (rule.concept or rule.perception) and _quoted(text, start, end):
        return False  # a concept in quotes is held at a distance: a case of "human error"
    if rule.concept or rule.perception or rule.narrative_only:
        tokens = context.clause(start)[0]
        if rule.concept and talked_about(text, start, end, tokens, vocabulary):
            return False
        if rule.perception and perceived(text, start, end, tokens, vocabulary):
            return False
        if rule.narrative_only and hypothetical(text, start, end, tokens, vocabulary):
            return False
    return not (rule.technical and technical(text, start, end, vocabulary))


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the match is a term in quotes of its own: "human error", 'obvious'."""
    return (
        start > 0
        and text[start - 1] in _QUOTE_MARKS
        and end < len(text)
        and text[end] in _QUOTE_MARKS
    )

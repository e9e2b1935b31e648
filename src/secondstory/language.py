"""Notice blame and hindsight in what people write, and offer a situational question.

`check(text)` returns findings; it never changes the text. It stays quiet where the words
are not blame: a system as the subject ("the deploy failed to start"), quoted text, code,
negations ("it was not careless") and mentions ("the template's root cause field").
An expectation about a system ("the job should have finished in 5 minutes") comes back as a
gentle finding of category "expectation" with suggest_field="expected": it is not blame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from secondstory.language_context import (
    after,
    before,
    clause_tokens,
    group_kind,
    negated,
    subject_at,
)
from secondstory.language_mask import prepare
from secondstory.language_rules import (
    Rule,
    RuleSet,
    Vocabulary,
    default_rules,
    load_rules,
    load_rules_or_default,
)
from secondstory.language_scan import windows_around

__all__ = [
    "NOT_BLAME",
    "Finding",
    "RuleSet",
    "check",
    "default_rules",
    "is_blame",
    "load_rules",
    "load_rules_or_default",
]

Span = tuple[int, int, int, Rule]  # start, end, rule order, rule
# start, -end, rule order, a count that keeps finding order among equals, and what
# _applies needs: so that plain sorting puts them in the order _outermost wants
_Candidate = tuple[int, int, int, int, Rule, re.Match[str], bool]

_IGNORECASE = int(re.IGNORECASE)  # a plain int: "flags & re.IGNORECASE" is slow enum code

NOT_BLAME = frozenset({"expectation"})
"""Categories that are gentle suggestions rather than blame or hindsight."""


@dataclass(frozen=True)
class Finding:
    """One place where the words may carry blame or hindsight."""

    rule: str
    category: str
    start: int  # offsets into the checked text
    end: int
    line: int  # 1-based
    col: int  # 1-based, in characters
    text: str  # the matched words, exactly as written
    message: str
    reframe: str
    suggest_field: str | None = None


def is_blame(finding: Finding) -> bool:
    """Whether a finding is about blame or hindsight (not a gentle suggestion)."""
    return finding.category not in NOT_BLAME


def check(
    text: str, rules: RuleSet | None = None, *, markdown: bool = False, code_spans: bool = False
) -> list[Finding]:
    """Findings in `text`, in order. Quoted words are always skipped.

    With `markdown`, code blocks, inline code, HTML comments and block quotes are skipped
    too; with `code_spans`, only `inline code` (for plain text such as an interview answer)."""
    ruleset = rules if rules is not None else default_rules()
    prepared = prepare(text, markdown=markdown, code_spans=code_spans)
    candidates = _candidates(prepared, ruleset, prefilter=True)
    return _findings(text, _outermost(candidates, _Context(prepared, ruleset.vocabulary)))


def _matches(text: str, ruleset: RuleSet, *, prefilter: bool) -> list[Span]:
    """Every match that applies, inner ones too. The prefilter only searches near keywords."""
    context = _Context(text, ruleset.vocabulary)
    return [
        (start, -negative_end, order, rule)
        for start, negative_end, order, _, rule, match, has_subject in _candidates(
            text, ruleset, prefilter=prefilter
        )
        if _applies(rule, match, has_subject, context)
    ]


def _candidates(text: str, ruleset: RuleSet, *, prefilter: bool) -> list[_Candidate]:
    """Every match of every rule's patterns, before asking whether it applies."""
    lowered = text.lower() if prefilter else ""
    if len(lowered) != len(text):
        prefilter = False  # a rare character changed length when lowered: search everything
    hits = ruleset.scanner.find(lowered) if prefilter else {}
    found: dict[tuple[str, int, tuple[str, ...]], list[re.Match[str]]] = {}
    places: dict[tuple[str, ...], list[int]] = {}
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    candidates: list[_Candidate] = []
    for order, rule in enumerate(ruleset.rules):
        for pattern, keywords, led in zip(
            rule.patterns, rule.pattern_keywords, rule.pattern_led, strict=True
        ):
            key = (pattern.pattern, pattern.flags, keywords)  # rules may share a pattern
            if key not in found:
                if not prefilter or not keywords:
                    matches = list(pattern.finditer(text))
                elif led:
                    if keywords not in places:
                        places[keywords] = _places(hits, keywords)
                    matches = _led_matches(pattern, text, places[keywords])
                else:
                    if keywords not in windows:
                        windows[keywords] = windows_around(
                            text, [hits.get(w, []) for w in keywords]
                        )
                    matches = [
                        match
                        for low, high in windows[keywords]
                        for match in pattern.finditer(text, low, high)
                    ]
                found[key] = [match for match in matches if match.end() > match.start()]
            has_subject = "subject" in pattern.groupindex
            base = len(candidates)
            candidates.extend(
                (match.start(), -match.end(), order, base + index, rule, match, has_subject)
                for index, match in enumerate(found[key])
            )
    return candidates


def _places(hits: dict[str, list[int]], keywords: tuple[str, ...]) -> list[int]:
    """Where any of the keywords begins, in order."""
    lists = [hits[word] for word in keywords if word in hits]
    if len(lists) == 1:
        return lists[0]
    return sorted(set().union(*lists))


def _led_matches(pattern: re.Pattern[str], text: str, places: list[int]) -> list[re.Match[str]]:
    """What finditer would find, for a pattern whose every match begins at one of `places`."""
    matches = []
    reach = 0
    match_at = pattern.match
    for place in places:
        if place < reach:
            continue  # inside the previous match, as finditer would skip it
        match = match_at(text, place)
        if match is not None:
            matches.append(match)
            reach = match.end()
    return matches


_Around = tuple[str, str, bool]  # the words as written, lowercased, and whether a mention


class _Context:
    """What rules ask about the words around a match, worked out once per place.

    Several rules often match at the same place (self-blame and blame-other share their
    patterns), so each answer is kept for the others."""

    __slots__ = ("_after", "_before", "_clauses", "_negated", "_subjects", "text", "vocabulary")

    def __init__(self, text: str, vocabulary: Vocabulary) -> None:
        self.text = text
        self.vocabulary = vocabulary
        self._clauses: dict[int, tuple[list[str], bool]] = {}
        self._subjects: dict[int, str] = {}
        self._negated: dict[int, bool] = {}
        self._before: dict[int, _Around] = {}
        self._after: dict[int, _Around] = {}

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

    def before(self, start: int) -> _Around:
        """The words just before (as written, lowercased), and whether they make a mention."""
        seen = self._before.get(start)
        if seen is None:
            words = before(self.text, start)
            lowered = words.lower()
            mention = self.vocabulary.mention_before
            ends = self.vocabulary.mention_before_ends
            found = (
                mention is not None
                and (ends is None or lowered.endswith(ends))
                and bool(mention.search(words if mention.flags & _IGNORECASE else lowered))
            )
            seen = self._before[start] = (words, lowered, found)
        return seen

    def after(self, end: int) -> _Around:
        """The words just after (as written, lowercased), and whether they make a mention."""
        seen = self._after.get(end)
        if seen is None:
            words = after(self.text, end)
            lowered = words.lower()
            mention = self.vocabulary.mention_after
            found = mention is not None and bool(
                mention.match(words if mention.flags & _IGNORECASE else lowered)
            )
            seen = self._after[end] = (words, lowered, found)
        return seen


def _applies(rule: Rule, match: re.Match[str], has_subject: bool, context: _Context) -> bool:
    """Whether a match is a use of the words (cheapest checks first)."""
    start, end = match.span()
    if rule.subject is not None:
        if has_subject and match.start("subject") >= 0:
            phrase = match.group("subject")
            kind = group_kind(phrase, context.vocabulary, shouting=match.group().isupper())
        else:
            kind = context.subject(start)
        if kind not in rule.subject:
            return False
    if rule.negatable and context.negated(start):
        return False
    seen = context.before(start)
    if seen[2]:
        return False
    # a context pattern sees lowercased words, unless it asks for case itself (see _joined)
    unless = rule.unless_before
    if (
        unless is not None
        and (rule.unless_before_ends is None or seen[1].endswith(rule.unless_before_ends))
        and unless.search(seen[0] if unless.flags & _IGNORECASE else seen[1])
    ):
        return False
    seen = context.after(end)
    if seen[2]:
        return False
    unless = rule.unless_after
    return unless is None or not unless.match(seen[0] if unless.flags & _IGNORECASE else seen[1])


def _outermost(candidates: list[_Candidate], context: _Context) -> list[Span]:
    """The matches that apply, less any inside another: the longer, more specific one speaks.

    Taken by start, longest first, so a match inside one already kept is dropped before
    anyone asks whether it applies (that is most of the cost)."""
    candidates.sort()
    kept: list[Span] = []
    reach = -1  # the furthest end among kept spans, all of which start no later
    for start, negative_end, order, _, rule, match, has_subject in candidates:
        end = -negative_end
        if end > reach and _applies(rule, match, has_subject, context):
            kept.append((start, end, order, rule))
            reach = end
    return kept


def _findings(text: str, spans: list[Span]) -> list[Finding]:
    """Findings for spans in order of their start, with line and column counted as we go."""
    findings = []
    line, line_start = 1, 0
    find_newline = text.find
    for start, end, _, rule in spans:
        newline = find_newline("\n", line_start, start)
        while newline >= 0:  # past one or more line ends since the last finding
            line, line_start = line + 1, newline + 1
            newline = find_newline("\n", line_start, start)
        findings.append(
            Finding(  # positional: noticeably quicker for many findings
                rule.id,
                rule.category,
                start,
                end,
                line,
                start - line_start + 1,
                text[start:end],
                rule.message,
                rule.reframe,
                rule.suggest_field,
            )
        )
    return findings

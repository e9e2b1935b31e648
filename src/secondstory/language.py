"""Notice blame and hindsight in what people write, and offer a situational question.

`check(text)` returns findings; it never changes the text. It stays quiet where the words
are not blame: a system as the subject ("the deploy failed to start"), quoted text, code,
negations ("it was not careless") and mentions ("the template's root cause field").
An expectation about a system ("the job should have finished in 5 minutes") comes back as a
gentle finding of category "expectation" with suggest_field="expected": it is not blame.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from secondstory.language_context import around, clause_tokens, group_kind, negated, subject_kind
from secondstory.language_mask import prepare
from secondstory.language_rules import Rule, RuleSet, Vocabulary, default_rules, load_rules
from secondstory.language_scan import windows_around

__all__ = [
    "NOT_BLAME",
    "Finding",
    "RuleSet",
    "check",
    "default_rules",
    "is_blame",
    "load_rules",
]

Span = tuple[int, int, int, Rule]  # start, end, rule order, rule

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


def check(text: str, rules: RuleSet | None = None, *, markdown: bool = False) -> list[Finding]:
    """Findings in `text`, in order. With `markdown`, code, comments and quotes are skipped."""
    ruleset = rules if rules is not None else default_rules()
    prepared = prepare(text, markdown=markdown)
    spans = _matches(prepared, ruleset, prefilter=True)
    lines = _line_starts(text)
    return [_finding(text, lines, start, end, rule) for start, end, _, rule in _outermost(spans)]


def _matches(text: str, ruleset: RuleSet, *, prefilter: bool) -> list[Span]:
    """Every match that applies. The prefilter only searches near the rules' keywords."""
    lowered = text.lower() if prefilter else ""
    if len(lowered) != len(text):
        prefilter = False  # a rare character changed length when lowered: search everything
    hits = ruleset.scanner.find(lowered) if prefilter else {}
    cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    spans: list[Span] = []
    for order, rule in enumerate(ruleset.rules):
        for pattern, keywords in zip(rule.patterns, rule.pattern_keywords, strict=True):
            stretches = [(0, len(text))]
            if prefilter and keywords:
                if keywords not in cache:
                    cache[keywords] = windows_around(text, [hits.get(w, []) for w in keywords])
                stretches = cache[keywords]
            for low, high in stretches:
                for match in pattern.finditer(text, low, high):
                    if match.end() > match.start() and _applies(rule, match, text, ruleset):
                        spans.append((match.start(), match.end(), order, rule))
    return spans


def _applies(rule: Rule, match: re.Match[str], text: str, ruleset: RuleSet) -> bool:
    """Whether a match is a use of the words (cheapest checks first)."""
    vocabulary: Vocabulary = ruleset.vocabulary
    start, end = match.span()
    tokens, opens = clause_tokens(text, start)
    if rule.subject is not None:
        if match.groupdict().get("subject") is not None:
            kind = group_kind(text[match.start("subject") : match.end("subject")], vocabulary)
        else:
            kind = subject_kind(tokens, opens, vocabulary)
        if kind not in rule.subject:
            return False
    if rule.negatable and negated(tokens, vocabulary):
        return False
    before, after = around(text, start, end)
    for pattern in (rule.unless_before, vocabulary.mention_before):
        if pattern is not None and pattern.search(before):
            return False
    for pattern in (rule.unless_after, vocabulary.mention_after):
        if pattern is not None and pattern.match(after):
            return False
    return True


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop a match that lies inside another one: the longer, more specific one speaks."""
    spans.sort(key=lambda span: (span[0], -span[1], span[2]))
    kept: list[Span] = []
    reach = -1  # the furthest end among kept spans, all of which start no later
    for span in spans:
        if span[1] <= reach:
            continue
        kept.append(span)
        reach = max(reach, span[1])
    return kept


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _finding(text: str, lines: list[int], start: int, end: int, rule: Rule) -> Finding:
    line = bisect.bisect_right(lines, start)
    return Finding(
        rule=rule.id,
        category=rule.category,
        start=start,
        end=end,
        line=line,
        col=start - lines[line - 1] + 1,
        text=text[start:end],
        message=rule.message,
        reframe=rule.reframe,
        suggest_field=rule.suggest_field,
    )

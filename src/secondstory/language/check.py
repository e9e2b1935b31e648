"""Notice blame and hindsight in what people write, and offer a situational question.

`check(text)` returns findings; it never changes the text. It stays quiet where the words
are not blame: a system as the subject ("the deploy failed to start"), quoted text, code,
negations ("it was not careless") and mentions ("the template's root cause field").
An expectation about a system ("the job should have finished in 5 minutes") comes back as a
gentle finding of category "expectation" with suggest_field="expected": it is not blame.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

from secondstory.language.candidates import Candidates, candidates
from secondstory.language.mask import prepare
from secondstory.language.near import Context, applies
from secondstory.language.rules import Rule, RuleSet, default_rules

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


def check(
    text: str, rules: RuleSet | None = None, *, markdown: bool = False, code_spans: bool = False
) -> list[Finding]:
    """Findings in `text`, in order. Quoted words are always skipped.

    With `markdown`, code blocks, inline code, HTML comments and block quotes are skipped
    too; with `code_spans`, only `inline code` (for plain text such as an interview answer)."""
    ruleset = rules if rules is not None else default_rules()
    # Nothing made here forms a reference cycle, yet thousands of new objects (a finding
    # every 50 characters in dense text) set off collections that cost about 8% of the
    # whole check; hold them off until it is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        prepared = prepare(text, markdown=markdown, code_spans=code_spans)
        found = candidates(prepared, ruleset, prefilter=True)
        return _findings(text, found, Context(prepared, ruleset.vocabulary))
    finally:
        if collecting:
            gc.enable()


def _matches(text: str, ruleset: RuleSet, *, prefilter: bool) -> list[Span]:
    """Every match that applies, inner ones too. The prefilter only searches near keywords."""
    context = Context(text, ruleset.vocabulary)
    found = candidates(text, ruleset, prefilter=prefilter)
    return [
        (start, end, found.order_of(index), rule)
        for index, (start, end, rule, match) in enumerate(
            zip(found.starts, found.ends, found.rules, found.matches, strict=True)
        )
        if applies(rule, start, end, match, context)
    ]


def _findings(text: str, found: Candidates, context: Context) -> list[Finding]:
    """A finding for each match that applies and lies inside no other one (the longer,
    more specific one speaks), with line and column counted as we go.

    Taken by start, longest first, so a match inside one already kept is dropped before
    anyone asks whether it applies (that is most of the cost)."""
    findings = []
    reach = -1  # the furthest end among findings, all of which start no later
    line, line_start = 1, 0
    find_newline = text.find
    new, set_fields = object.__new__, object.__setattr__
    starts, ends, rules, matches = found.starts, found.ends, found.rules, found.matches
    for index in found.by_start():
        start, end = starts[index], ends[index]
        if end <= reach or not applies(rules[index], start, end, matches[index], context):
            continue
        reach = end
        newline = find_newline("\n", line_start, start)
        while newline >= 0:  # past one or more line ends since the last finding
            line, line_start = line + 1, newline + 1
            newline = find_newline("\n", line_start, start)
        rule = rules[index]
        finding = new(Finding)
        # the fields in one go, rather than one frozen-dataclass setattr each: as quick
        # again, which counts with a finding every 50 characters (see test_language)
        set_fields(
            finding,
            "__dict__",
            {
                "rule": rule.id,
                "category": rule.category,
                "start": start,
                "end": end,
                "line": line,
                "col": start - line_start + 1,
                "text": text[start:end],
                "message": rule.message,
                "reframe": rule.reframe,
                "suggest_field": rule.suggest_field,
            },
        )
        findings.append(finding)
    return findings

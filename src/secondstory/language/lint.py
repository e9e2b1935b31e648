"""Blame findings for whole documents: `check` with `secondstory: ignore` comments honoured.

A line is silenced by `secondstory: ignore` anywhere on it, optionally followed by rule ids
or categories. Expectation suggestions are for the interview's "expected" field, so they
are left out here.
"""

from __future__ import annotations

import re

from secondstory.language.check import Finding, check, is_blame
from secondstory.language.rules import RuleSet, default_rules

_IGNORE = re.compile(r"secondstory:\s*ignore\b((?:[\s,]+[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*)", re.I)
_NAMES = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def lint_text(text: str, rules: RuleSet | None = None, *, markdown: bool = True) -> list[Finding]:
    """The blame findings in `text` that no `secondstory: ignore` comment silences."""
    ruleset = rules if rules is not None else default_rules()
    silenced = _silenced(text, ruleset)
    return [
        finding
        for finding in check(text, ruleset, markdown=markdown)
        if is_blame(finding) and not _is_silenced(finding, silenced)
    ]


def _is_silenced(finding: Finding, silenced: dict[int, set[str]]) -> bool:
    names = silenced.get(finding.line)
    return names is not None and (not names or bool({finding.rule, finding.category} & names))


def _silenced(text: str, rules: RuleSet) -> dict[int, set[str]]:
    """Line number -> the rules or categories silenced there (an empty set: all of them).

    Words after "ignore" that name no rule or category are a note to readers, not a list."""
    silenced: dict[int, set[str]] = {}
    if "secondstory:" not in text:
        return silenced
    known = {rule.id for rule in rules.rules} | {rule.category for rule in rules.rules}
    for number, line in enumerate(text.split("\n"), start=1):
        lists = [set(_NAMES.findall(m.group(1))) & known for m in _IGNORE.finditer(line)]
        if lists:
            silenced[number] = set() if not all(lists) else set().union(*lists)
    return silenced

"""Blame and hindsight language: notice it and offer a situational question, never change
the words. `check(text)` is the face of the package; `lint_text` adds `secondstory: ignore`
comments for whole documents. Inside: the rules as data (`rules`), the text with code and
quotes masked (`mask`), keyword scanning (`scan`, `candidates`), and the grammar around a
match that decides whether it is blame (`context`, `near`)."""

from __future__ import annotations

from secondstory.language.check import NOT_BLAME, Finding, check, is_blame
from secondstory.language.lint import lint_text
from secondstory.language.rules import RuleSet, default_rules, load_rules, load_rules_or_default

__all__ = [
    "NOT_BLAME",
    "Finding",
    "RuleSet",
    "check",
    "default_rules",
    "is_blame",
    "lint_text",
    "load_rules",
    "load_rules_or_default",
]

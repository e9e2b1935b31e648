"""Times as people type them: the words read (`words`), the instant they mean in a zone
(`parse`), and the machine's own zone (`zones`). docs/times.md has the rules."""

from __future__ import annotations

from secondstory.times.parse import Reading, TimeNotUnderstood, describe, parse_when, to_utc

__all__ = ["Reading", "TimeNotUnderstood", "describe", "parse_when", "to_utc"]

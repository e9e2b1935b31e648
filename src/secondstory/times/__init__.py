"""Times as people type them: the words read (`words`), the instant they mean in a zone
(`parse`), and the machine's own zone (`zones`). docs/times.md has the rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from secondstory import lazy_exports

if TYPE_CHECKING:
    from secondstory.times.parse import Reading, TimeNotUnderstood, describe, parse_when, to_utc

_EXPORTS = {
    "Reading": "secondstory.times.parse",
    "TimeNotUnderstood": "secondstory.times.parse",
    "describe": "secondstory.times.parse",
    "parse_when": "secondstory.times.parse",
    "to_utc": "secondstory.times.parse",
}
"""Where each name of `__all__` lives; imported on first use, so importing one module
of the package does not load the others."""


__all__ = ["Reading", "TimeNotUnderstood", "describe", "parse_when", "to_utc"]


__getattr__ = lazy_exports(__name__, _EXPORTS)

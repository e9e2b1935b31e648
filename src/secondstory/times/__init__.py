"""Times as people type them: the words read (`words`), the instant they mean in a zone
(`parse`), and the machine's own zone (`zones`). docs/times.md has the rules."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

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


def __getattr__(name: str) -> object:
    """Load an exported name when it is first asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value

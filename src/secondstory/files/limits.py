"""How much one file and one field may hold, so a huge file is refused before it is parsed.

The limits are far beyond what a person types in an interview, and small enough that
opening, merging and quitting stay quick. docs/formats.md names them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A file larger than this (5 MiB) is not read at all."""
MAX_FIELD_CHARS = 100_000
"""One text value: an answer, a summary, a theme's description."""
MAX_ENTRIES = 10_000
"""One list: the moments of an account, the themes or questions of a narrative."""


def describe_size(size: int) -> str:
    """A byte count in the unit a person expects: 5.0 MB, 812 kB."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} kB"


def over_limit(data: Any) -> str | None:
    """The first value in parsed TOML that is larger than a limit, said in words; or None."""
    for where, value in _walk(data, ""):
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            return (
                f"{where or 'a value'} holds {len(value):,} characters, more than the "
                f"{MAX_FIELD_CHARS:,} one field may hold"
            )
        if isinstance(value, list) and len(value) > MAX_ENTRIES:
            return (
                f"{where or 'a list'} has {len(value):,} entries, more than the "
                f"{MAX_ENTRIES:,} one list may hold"
            )
    return None


def _walk(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    yield where, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}[{index + 1}]")

"""Text from files is shown as text: control characters never reach the terminal."""

from __future__ import annotations

import re

CONTROL_CLASS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
"""The characters of `CONTROL`, to go inside a regular expression's [...]."""
CONTROL = re.compile(f"[{CONTROL_CLASS}]")
"""Terminal controls (C0 but tab and newline, DEL, C1), line and paragraph separators,
and the bidi embedding, override and isolate characters that can reorder what is shown."""
REPLACEMENT = "\ufffd"
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def printable(text: str) -> str:
    """`text` with terminal control and bidi override characters made visible and harmless."""
    return CONTROL.sub(REPLACEMENT, text)


def printable_lines(text: str) -> str:
    """Like `printable`, but every kind of line break (the ones `str.splitlines` knows,
    such as CR LF or U+2028) is kept as a newline rather than replaced."""
    return printable(_BREAKS.sub("\n", text))


def one_line(text: str, width: int) -> str:
    """The first line of `text`, cut to `width` characters with an ellipsis."""
    first = printable(text).strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= width else first[: max(width - 1, 0)] + "…"

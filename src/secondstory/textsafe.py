"""Text from files is shown as text: control characters never reach the terminal."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """`text` with terminal control and bidi override characters made visible and harmless."""
    return _CONTROL.sub(REPLACEMENT, text)


def one_line(text: str, width: int) -> str:
    """The first line of `text`, cut to `width` characters with an ellipsis."""
    first = printable(text).strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= width else first[: max(width - 1, 0)] + "…"

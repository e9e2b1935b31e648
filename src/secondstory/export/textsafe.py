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


# Editing. A box shows each control character as a visible picture of the same length
# (ESC as ␛, NUL as ␀; bidi controls and C1 as U+FFFD), so what it holds can be mapped
# back: untouched text keeps its exact characters, edited text is kept as it is shown.
_CONTROL_CODES = [
    *range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0),
    0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A),
]  # fmt: skip
_PICTURES = {
    code: 0x2400 + code if code < 0x20 else 0x2421 if code == 0x7F else ord(REPLACEMENT)
    for code in _CONTROL_CODES
}
_TYPED_BREAKS = re.compile(r"\r\n?")


def pictured(text: str) -> str:
    """`text` as an answer box shows it: every control character as a visible picture,
    one character for one, so positions in what is shown are positions in `text`."""
    return text.translate(_PICTURES)


def typed(text: str) -> str:
    """Text typed or pasted into a box: line breaks as newlines, controls as pictures."""
    return pictured(_TYPED_BREAKS.sub("\n", text))


def _common_prefix(a: str, b: str) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:  # slices compare in C; halving keeps a long text quick
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def carry_edit(stored: str, before: str, after: str) -> str:
    """What to keep when a box showing `before` (the pictured form of `stored`) now shows
    `after`: the part the edit did not reach exactly as stored, the new part as shown."""
    if before == after:
        return stored
    if len(before) != len(stored):  # not the pictured form: nothing to carry over
        return after
    start = _common_prefix(before, after)
    rest = min(len(before), len(after)) - start
    end = _common_prefix(before[start:][::-1], after[start:][::-1])
    end = min(end, rest)
    return stored[:start] + after[start : len(after) - end] + stored[len(stored) - end :]

"""Blank out what is not the writer's own prose: quotes, code, comments and URLs.

Blanked text becomes spaces and every newline stays, so offsets into the result are
offsets into the original. Markdown mode also skips fenced and indented code blocks,
inline code, HTML comments and block quotes (quoted words are someone else's); code-span
mode skips inline code only.
"""

from __future__ import annotations

import bisect
import re

# Each branch starts with a literal character so the scan can skip ahead quickly.
_QUOTES = re.compile(
    r'"(?:[^"\n]|\n(?![ \t]*\n)){1,600}?"'  # "..." within one paragraph
    r"|“[^”]{1,600}?”"
    r"|'(?<![\w']')(?=\S)[^'\n]{1,200}?(?<=\S)'(?!\w)"  # 'quoted words', not apostrophes
)
_URL = re.compile(r"(?:https?|ftp)://\S+")
_BACKTICKS = re.compile(r"`+")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BLOCKQUOTE = re.compile(r"^ {0,3}>")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_BLOCK_STARTS = frozenset(" \t`~>\r\n")
_LIST_STARTS = frozenset("-*+0123456789")
_NOT_NEWLINE = re.compile(r"[^\n]")


def prepare(text: str, *, markdown: bool, code_spans: bool = False) -> str:
    """`text` with straight apostrophes and everything that is not prose blanked out.

    `code_spans` blanks only `inline code` (for plain text that people mark up anyway);
    `markdown` blanks it too, along with code blocks, comments and block quotes."""
    spans: list[tuple[int, int]] = []
    straight = straighten(text)
    if markdown:
        spans.extend(_markdown_blocks(straight))
        spans.extend(_comments(straight))
    if markdown or code_spans:
        spans.extend(_code_spans(straight))
    if "://" in straight:
        spans.extend(match.span() for match in _URL.finditer(straight))
    masked = _blank(straight, spans)
    return _blank(masked, [match.span() for match in _QUOTES.finditer(masked)])


def _comments(text: str) -> list[tuple[int, int]]:
    """HTML comments, found without a regex so that an unclosed one costs no more."""
    spans = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # unclosed: the rest is not a comment
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Inline code: a run of backticks up to the next run of the same length (CommonMark).

    Done with positions and bisection: a regex backtracks badly on long runs of backticks."""
    if "`" not in text:
        return []
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later < len(same):
            closing = same[later]
            spans.append((start, runs[closing][1]))
            index = closing + 1
        else:
            index += 1  # no closing run: these backticks are literal
    return spans


def straighten(text: str) -> str:
    """Curly apostrophes as straight ones; the length stays the same."""
    for curly in ("’", "‘", "ʼ"):
        if curly in text:
            text = text.replace(curly, "'")
    return text


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if start >= end:
            continue
        parts.append(text[position:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _markdown_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced and indented code blocks and block quotes, as spans of whole lines."""
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    previous_blank, in_list, offset = True, False, 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        first = line[:1]
        if fence is None and first not in _BLOCK_STARTS:  # the common case: a line of prose
            previous_blank = False
            in_list = first in _LIST_STARTS and bool(_LIST_ITEM.match(line))
            continue
        opening = _FENCE.match(line)
        if fence is not None:
            spans.append((start, offset))
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening or _BLOCKQUOTE.match(line):
            fence = opening.group(1) if opening else None
            spans.append((start, offset))
        elif line.startswith(("    ", "\t")) and previous_blank and not in_list:
            spans.append((start, offset))
            continue  # an indented block goes on while lines stay indented
        previous_blank = not line.strip()
    return spans

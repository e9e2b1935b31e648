"""Find rule keywords fast, so the rules' patterns only run near them.

One regular expression shaped as a trie finds every keyword in one pass. A pattern whose
every match begins with a keyword (most of them: "\\bshould have ...") is then tried only
where one begins; any other pattern is searched in windows around its keywords, since a
match may reach BEFORE characters before its keyword and AFTER characters past it.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

BEFORE, AFTER = 50, 80


@dataclass(frozen=True)
class KeywordScanner:
    """Finds every rule keyword in one pass over lowercased text."""

    pattern: re.Pattern[str] | None
    # the longest keyword found at a place -> every keyword that begins there with it
    # (itself and the keywords it starts with: "should" for "should have")
    prefixes: dict[str, tuple[str, ...]]

    def find(self, lowered: str) -> dict[str, list[int]]:
        """Where each keyword occurs, in ascending order."""
        if self.pattern is None:
            return {}
        hits: dict[str, list[int]] = {}
        prefixes = self.prefixes
        # one zero-width match per place where a keyword begins, holding the longest one
        for at, longest in [(match.start(), match[1]) for match in self.pattern.finditer(lowered)]:
            for word in prefixes[longest]:
                places = hits.get(word)
                if places is None:
                    hits[word] = [at]
                else:
                    places.append(at)
        return hits


def keyword_scanner(words: set[str]) -> KeywordScanner:
    """One regex, a trie of every keyword inside a lookahead, so that keywords that
    overlap are all found: two keywords beginning at the same place are one the start of
    the other, and the trie tries the longer first."""
    keywords = sorted(filter(None, words))
    if not keywords:
        return KeywordScanner(None, {})
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in keywords:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    prefixes = {
        word: tuple(other for other in keywords if word.startswith(other)) for word in keywords
    }
    return KeywordScanner(re.compile(f"(?=({_trie_regex(trie)}))"), prefixes)


def _trie_regex(node: dict) -> str:  # type: ignore[type-arg]
    ends_here = "" in node
    branches = [re.escape(char) + _trie_regex(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body


def windows_around(text: str, hit_lists: list[list[int]]) -> list[tuple[int, int]]:
    """Merged stretches of text around keyword hits, wide enough for any match."""
    merged: list[list[int]] = []
    for hit in heapq.merge(*hit_lists):
        low, high = hit - BEFORE, hit + AFTER
        if merged and low <= merged[-1][1]:
            merged[-1][1] = high
        else:
            merged.append([low, high])
    size = len(text)
    windows = []
    for low, high in merged:  # widen to the nearest space so no word is cut in two
        space = text.rfind(" ", max(0, low - 40), max(0, low))
        start = space + 1 if space >= 0 else max(0, low - 40)
        space = text.find(" ", min(size, high), min(size, high + 40))
        windows.append((start, space if space >= 0 else min(size, high + 40)))
    return windows


_MAX_STARTS = 4096  # give up (and search windows instead) past this many possible starts
_UNKNOWN = "\x00"  # ends a start after which the characters are not known


def leading_keywords(source: str, keywords: Iterable[str]) -> tuple[str, ...] | None:
    """The keywords (lowercased) one of which begins every match of the pattern, or None.

    Such a pattern needs no search at all: it is tried only where one of them begins. The
    answer comes from the pattern's parse tree; anything not understood answers None, which
    is always safe (the pattern is then searched in windows around its keywords)."""
    words = tuple(sorted({word for word in keywords if word}))
    if not words:
        return None
    starts = _ways(source, max(map(len, words)), backward=False)
    if not starts or not all(start.startswith(words) for start in starts):
        return None
    return tuple(word for word in words if any(start.startswith(word) for start in starts))


_TAIL = 8  # how many characters of a match's end trailing_pieces looks at


def trailing_pieces(source: str) -> tuple[str, ...] | None:
    """Pieces (lowercased) one of which ends every match of the pattern, or None.

    `text.endswith(pieces)` is then a quick test that must pass before a pattern anchored
    at the end ("...\\Z") can match `text` lowercased; None when nothing can be said."""
    ends = _ways(source, _TAIL, backward=True)
    if not ends:
        return None
    pieces = {end[:-1] if end.endswith(_UNKNOWN) else end for end in ends}
    if "" in pieces:
        return None
    return tuple(sorted(piece[::-1] for piece in pieces))


def required_pieces(source: str) -> tuple[str, ...] | None:
    """Pieces (lowercased) one of which every match of the pattern holds, or None.

    Searching for them is a quick test that must pass before the pattern can match text
    lowercased (it only speeds that up); None when nothing can be said."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        needs = _needs(_parser.parse(source, re.IGNORECASE), _constants)
    except Exception:  # an unfamiliar parse tree: say nothing
        return None
    return tuple(sorted(needs)) if needs and "" not in needs else None


def _needs(items: Any, constants: Any) -> set[str] | None:
    """Strings one of which every match of `items` holds: the best of its parts."""
    best: set[str] | None = None
    run = ""  # literal characters in a row

    def better(found: set[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, value in items:
        if op is constants.LITERAL:
            run += chr(value).lower()
            continue
        if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
            continue  # zero width: the characters either side are still in a row
        better({run} if run else None)
        run = ""
        if op is constants.SUBPATTERN:
            better(_needs(value[-1], constants))
        elif op is constants.BRANCH:
            parts = [_needs(branch, constants) for branch in value[1]]
            if all(parts):
                better(set().union(*parts))  # type: ignore[arg-type]
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
            better(_needs(value[2], constants))
    better({run} if run else None)
    return best


def _ways(source: str, limit: int, *, backward: bool) -> set[str] | None:
    """Every way a match can begin (or, backward, end, reversed), or None if not known."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        tree = _parser.parse(source, re.IGNORECASE)
        return _starts(tree, limit, _constants, backward)
    except Exception:  # an unfamiliar parse tree: say nothing
        return None


def _starts(items: Any, limit: int, constants: Any, backward: bool) -> set[str] | None:
    """Every way a match of `items` can begin, cut at `limit` characters (None: too many).

    A start ending in _UNKNOWN goes on with characters that are not known in advance.
    `backward` reads the items from the end: the ways a match can end, reversed."""
    found = {""}
    for op, value in reversed(items) if backward else items:
        open_ = {s for s in found if len(s) < limit and not s.endswith(_UNKNOWN)}
        if not open_:
            break
        more = _element(op, value, limit, constants, backward)
        if more is None:
            return None
        if more == {""}:
            continue  # zero width
        found = (found - open_) | {(a + b)[:limit] for a in open_ for b in more}
        if len(found) > _MAX_STARTS:
            return None
    return found


def _element(op: Any, value: Any, limit: int, constants: Any, backward: bool) -> set[str] | None:
    """The starts of one element of a parse tree."""
    if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
        return {""}  # zero width: allowing more starts than are possible is safe
    if op is constants.LITERAL:
        return {chr(value).lower()}
    if op is constants.IN and all(kind is constants.LITERAL for kind, _ in value):
        return {chr(char).lower() for _, char in value}
    if op is constants.SUBPATTERN:
        return _starts(value[-1], limit, constants, backward)
    if op is constants.BRANCH:
        more: set[str] = set()
        for branch in value[1]:
            part = _starts(branch, limit, constants, backward)
            if part is None:
                return None
            more |= part
        return more
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
        low, high, body = value
        once = _starts(body, limit, constants, backward)
        if once is None:
            return None
        if "" in once:
            return {"", _UNKNOWN}  # a body that may be empty: anything may follow
        more = set() if low else {""}
        run = {""}
        for count in range(1, min(high, limit) + 1):
            run = {a if a.endswith(_UNKNOWN) else (a + b)[:limit] for a in run for b in once}
            if count >= low:
                more |= run
            if len(run) > _MAX_STARTS:
                return None
        if high > limit:
            more |= run  # longer runs begin like the longest one kept
        return more
    if op in (constants.IN, constants.ANY, constants.NOT_LITERAL, constants.CATEGORY):
        return {_UNKNOWN}  # one character, not known in advance
    return {"", _UNKNOWN}  # anything else (a back-reference, a conditional): unknown

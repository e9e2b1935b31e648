"""Find rule keywords fast, so the rules' patterns only run near them.

One regular expression shaped as a trie finds every keyword in one pass; each pattern is
then searched only in windows around its keywords. A match may reach BEFORE characters
before its keyword and AFTER characters past it.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

BEFORE, AFTER = 50, 80


# How common each character is in English prose (most common first). The scanner looks
# for each keyword from its least common character on, so fewer positions need a look.
_COMMON = " etaoinshrdlcumwfgypbvkjxqz"
_MIN_PIECE = 4


@dataclass(frozen=True)
class KeywordScanner:
    """Finds every rule keyword in one pass over lowercased text."""

    pattern: re.Pattern[str] | None
    # piece found -> (offset inside the piece, piece that may start there, offset of that
    # piece inside its keyword, keyword): what to verify and record around each find.
    checks: dict[str, tuple[tuple[int, str, int, str], ...]]

    def find(self, lowered: str) -> dict[str, list[int]]:
        """Where each keyword occurs, in ascending order."""
        if self.pattern is None:
            return {}
        found: set[tuple[int, str]] = set()
        startswith = lowered.startswith
        for match in self.pattern.finditer(lowered):
            at = match.start()
            for inner, piece, offset, word in self.checks[match.group()]:
                start = at + inner - offset
                if start >= 0 and startswith(piece, at + inner) and startswith(word, start):
                    found.add((start, word))
        hits: dict[str, list[int]] = {}
        for position, word in sorted(found):
            hits.setdefault(word, []).append(position)
        return hits


def keyword_scanner(words: set[str]) -> KeywordScanner:
    """One regex, shaped as a trie, over a rare-lettered piece of every keyword."""
    pieces: dict[str, list[tuple[int, str]]] = {}
    for word in filter(None, words):
        offset = _rarest_start(word)
        pieces.setdefault(word[offset:], []).append((offset, word))
    if not pieces:
        return KeywordScanner(None, {})
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for piece in pieces:
        node = trie
        for char in piece:
            node = node.setdefault(char, {})
        node[""] = {}
    checks = {
        found: tuple(
            (inner, piece, offset, word)
            for inner, piece in _starting_inside(found, set(pieces))
            for offset, word in pieces[piece]
        )
        for found in pieces
    }
    return KeywordScanner(re.compile(_trie_regex(trie)), checks)


def _rarest_start(word: str) -> int:
    """Where the piece to search for begins: at the rarest character that leaves enough."""
    last = max(0, len(word) - _MIN_PIECE)
    rank = {index: _COMMON.find(char) for index, char in enumerate(word[: last + 1])}
    return max(rank, key=lambda index: (len(_COMMON) if rank[index] < 0 else rank[index], -index))


def _starting_inside(found: str, pieces: set[str]) -> list[tuple[int, str]]:
    """(offset, piece) for every piece that may begin within `found` where it matched.

    The scan resumes after a match, so pieces overlapping it are checked from here."""
    inside = []
    for inner in range(len(found)):
        rest = found[inner:]
        for piece in pieces:
            if rest.startswith(piece) or (inner > 0 and piece.startswith(rest)):
                inside.append((inner, piece))
    return inside


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

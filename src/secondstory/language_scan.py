"""Find rule keywords fast, so the rules' patterns only run near them.

One regular expression shaped as a trie finds every keyword in one pass; each pattern is
then searched only in windows around its keywords. A match may reach BEFORE characters
before its keyword and AFTER characters past it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BEFORE, AFTER = 50, 80


@dataclass(frozen=True)
class KeywordScanner:
    """Finds every rule keyword in one pass over lowercased text."""

    pattern: re.Pattern[str] | None
    prefixes: dict[str, tuple[str, ...]]  # a found keyword -> the keywords it starts with

    def find(self, lowered: str) -> dict[str, list[int]]:
        """Where each keyword occurs."""
        hits: dict[str, list[int]] = {}
        if self.pattern is None:
            return hits
        for match in self.pattern.finditer(lowered):
            for word in self.prefixes[match.group(1)]:
                hits.setdefault(word, []).append(match.start())
        return hits


def keyword_scanner(words: set[str]) -> KeywordScanner:
    """One regex, shaped as a trie, that finds the longest keyword at every position."""
    words = {word for word in words if word}
    if not words:
        return KeywordScanner(None, {})
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    prefixes = {word: tuple(other for other in words if word.startswith(other)) for word in words}
    # A lookahead so that keywords starting inside another one are found too.
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
    for hit in sorted(position for hits in hit_lists for position in hits):
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

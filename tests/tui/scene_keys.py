"""Keys for typing words in Pilot tests and snapshot scenes."""

from __future__ import annotations


def typed(words: str) -> list[str]:
    """The keys that type `words` (Pilot names a space "space")."""
    return ["space" if c == " " else c for c in words]

"""Command line entry point (placeholder, filled in by the CLI work)."""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    """Run secondstory."""
    return 0

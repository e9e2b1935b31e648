"""The command line, one module per command group: `main` parses and dispatches and turns
every expected problem into one line on stderr; `interactive` opens the app (home, give,
facilitate, demo); `incident`, `merge` and `lint` are headless."""

from __future__ import annotations

from secondstory.cli.main import main

__all__ = ["main"]

"""The command palette's own entries: the screen's actions, from its binding definitions.

ctrl+p lists what the keys of the screen (and of the widget in focus) can do, by the
same descriptions the footer and help use, followed by the toolkit's built-ins. Moving
the cursor or focus is left out: the palette is for things to do, not places to go.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.app import SystemCommand
from textual.screen import Screen

LEFT_OUT = frozenset(
    {
        "quit",  # the toolkit lists Quit itself, and it saves the same way
        "focus-next",
        "focus-previous",
        "timeline-up",
        "timeline-down",
        "timeline-page-up",
        "timeline-page-down",
        "timeline-first",
        "timeline-last",
        "cancel-link",
    }
)
"""Binding ids that move or close rather than do something."""


def screen_commands(screen: Screen[object]) -> Iterator[SystemCommand]:
    """One palette entry per action the screen's keys offer now, named as the keys are."""
    app = screen.app
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        name = binding.description
        if not name or not active.enabled or binding.id in LEFT_OUT or name in seen:
            continue
        seen.add(name)
        keys = app.get_key_display(binding)
        run = partial(app.run_action, binding.action, active.node)
        yield SystemCommand(name, f"{keys} · {binding.tooltip or name}", run)

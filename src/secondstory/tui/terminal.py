"""What the terminal the app runs in can show and pass on: 16 colours, tmux's prefix key."""

from __future__ import annotations

import io
import os
from collections.abc import Mapping

BACK_KEY = "ctrl+b"
"""The key the interview's Back is shown with, except inside tmux."""
BACK_KEY_IN_TMUX = "alt+left"
"""Inside tmux ctrl+b is the prefix and never reaches the app; this one does."""

ANSI_THEMES = ("ansi-dark", "textual-ansi")
"""Textual's theme of the 16 terminal colours, by its name in newer and older releases."""


def environment() -> Mapping[str, str]:
    """The process environment, read when asked (tests change it)."""
    return os.environ


def sixteen_colours(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal shows only the 16 ANSI colours (TERM=linux, plain xterm).

    Decided as Rich decides how it will draw, so the app's look and what the terminal
    receives agree: where Rich would squeeze the theme's colours into 16, the app uses
    the 16 colours it was designed for instead.
    """
    from rich.console import Console
    from textual import constants

    env = dict(environment() if environ is None else environ)
    env.pop("NO_COLOR", None)  # no colour is handled on its own, whatever the terminal
    console = Console(
        color_system=constants.COLOR_SYSTEM,  # type: ignore[arg-type]
        file=io.StringIO(),
        force_terminal=True,
        _environ=env,
    )
    return console.color_system in ("standard", "windows")


def inside_tmux(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the app runs inside tmux (or screen), here or at the other end of SSH.

    TMUX is set inside tmux on this machine; over SSH only TERM says so.
    """
    env = environment() if environ is None else environ
    term = env.get("TERM", "")
    return bool(env.get("TMUX")) or term.startswith(("tmux", "screen"))


def back_key(environ: Mapping[str, str] | None = None) -> str:
    """The key that goes back a step in this terminal."""
    return BACK_KEY_IN_TMUX if inside_tmux(environ) else BACK_KEY

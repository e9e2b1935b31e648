"""A typed key redraws one line of the answer, and what the terminal ends up showing is
exactly the answer: partial redraws leave no stale character behind (docs/performance.md).

The real app runs in a pseudo-terminal; a small terminal model (bench/pty_driver.py)
applies what it writes, as a terminal would."""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

from secondstory.account.drafts import list_drafts
from secondstory.account.prompts import builtin_prompt_set

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")

BENCH = Path(__file__).resolve().parents[2] / "bench"
UP, LEFT, RIGHT, BACKSPACE = "\x1b[A", "\x1b[D", "\x1b[C", "\x7f"


def _driver() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pty_driver", BENCH / "pty_driver.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _keys(term: object, keys: str, settle: float = 0.25) -> bytes:
    mark = term.mark()  # type: ignore[attr-defined]
    term.type(keys)  # type: ignore[attr-defined]
    time.sleep(settle)
    return term.output(mark)  # type: ignore[attr-defined,no-any-return]


def test_keys_redraw_one_line_and_the_screen_shows_exactly_the_answer(
    incident_folder: Path, tmp_path: Path
) -> None:
    driver = _driver()
    prompts = builtin_prompt_set()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SSH_")}
    env.update({"TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none"})
    term = driver.Pty([sys.executable, "-m", "secondstory", "give", str(incident_folder)], env)
    term.start()
    try:
        term.wait_for(prompts.opening.title)
        term.type("\r")
        term.wait_for(prompts.identity.author.label)
        mark = term.mark()
        term.type("Alex\x0e")
        term.wait_for("To think about", since=mark)
        mark = term.mark()
        term.type("\x0e")
        term.wait_for(prompts.closing.surprised.label, since=mark)
        for n in range(3):
            mark = term.mark()
            term.type(f"{chr(13) if n else ''}line {n} of what surprised me")
            term.wait_for(f"line {n} of", since=mark)
        term.settle(1.2)
        # Last on one line, so no move to another line redraws what a key left behind.
        typed = [_keys(term, key) for key in ["!", "?", UP, LEFT, LEFT, LEFT, "X", "Y", "Z"]]
        typed += [_keys(term, key) for key in [BACKSPACE, RIGHT, "Q"]]
        for output in typed:
            assert len(output) < 600  # one line, never the whole box (about 640 B before)
            assert driver.rows_touched(output) <= 2  # a line change redraws the two lines
        for output in typed[7:9]:  # "Y" and "Z", each typed right after another key
            # sent from the first changed cell (tui/partial_lines.py), not the line's start
            assert b"line 1 of" not in output and len(output) <= 120, output
        screen = driver.Screen()
        screen.feed(term.output())  # before saving: a note may redraw the whole screen
        mark = term.mark()
        term.type("\x13")
        term.wait_for("Saved", since=mark)
    finally:
        term.stop()
    [draft] = list_drafts()[0]
    answer = draft.account.closing.surprised.split("\n")
    assert answer[1:] == ["line 1 of what surprisedXY Qme", "line 2 of what surprised me!?"]
    shown = [line for line in screen.lines() if "of what surpris" in line]
    assert [line.strip("▊ ▎▌│┃").rstrip() for line in shown] == answer

"""Pictures of the main screens on a 16-colour terminal (TERM=linux) and with NO_COLOR=1.

The environment is set before the app is created, as a login sets it. On TERM=linux the
app uses the 16 ANSI colours it was designed for; without colour, every state that colour
showed (the step you are on, the row you are on, the export choices) still reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from snapshot_scenes import after_keys, checkout_incident, fixed_draft

from secondstory.files.demo import make_demo
from secondstory.files.incidents import load_incident, remember_incident
from secondstory.tui.app import Settings, create_app

Scene = Callable[[str], Path]
SIZE = (80, 24)
TERMINALS = pytest.mark.parametrize(
    "terminal",
    [
        pytest.param({"TERM": "linux"}, id="linux"),
        pytest.param({"TERM": "xterm-256color", "NO_COLOR": "1"}, id="no-color"),
    ],
)


@pytest.fixture
def scene(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    from contextlib import ExitStack

    from snapshot_scenes import fixed_scene

    stack = ExitStack()
    request.addfinalizer(stack.close)
    terminal = request.node.callspec.id

    def make(name: str) -> Path:
        return stack.enter_context(fixed_scene(f"term-{name}-{terminal}", monkeypatch))

    return make


def on_terminal(monkeypatch: pytest.MonkeyPatch, terminal: dict[str, str]) -> None:
    for name, value in terminal.items():
        monkeypatch.setenv(name, value)


@TERMINALS
def test_home_in_the_demo(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, terminal: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo banner in yellow (linux) or plain (no colour), never bright red; the sample
    incident's row shown reversed where there is no colour; the footer keys n o f d f1
    readable, not bright red."""
    on_terminal(monkeypatch, terminal)
    place = scene("home")
    folder = make_demo(place)
    remember_incident(load_incident(folder).id, folder)
    app = create_app(Settings(mode="home", demo=True))
    assert snap_compare(app, terminal_size=SIZE, run_before=after_keys())


@TERMINALS
def test_the_identity_step(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, terminal: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The step bar on blue (linux) with "2 You" reversed and bold, which also reads
    without colour; name, role and zone fields; the footer keys."""
    on_terminal(monkeypatch, terminal)
    folder = checkout_incident(scene("identity"))
    fixed_draft(folder, "identity", role=None)
    app = create_app(Settings(mode="give", incident=folder))
    assert snap_compare(app, terminal_size=SIZE, run_before=after_keys())


@TERMINALS
def test_the_moments_step(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, terminal: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The moments list with moment 2 highlighted (reversed without colour), its editor,
    the question to think about and the language note under "What you did"."""
    on_terminal(monkeypatch, terminal)
    folder = checkout_incident(scene("moments"))
    fixed_draft(folder, "moments")
    app = create_app(Settings(mode="give", incident=folder))
    assert snap_compare(app, terminal_size=SIZE, run_before=after_keys())


@TERMINALS
def test_the_facilitators_timeline(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, terminal: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The title on blue (linux); the timeline with the first moment's row reversed and a
    fourth lane, Evidence, readable in 16 colours; the moment in full below; the footer
    keys."""
    on_terminal(monkeypatch, terminal)
    folder = make_demo(scene("timeline"))
    app = create_app(Settings(mode="facilitate", incident=folder))
    assert snap_compare(app, terminal_size=SIZE, run_before=after_keys())


@TERMINALS
def test_the_export_dialog_with_choices_made(  # type: ignore[no-untyped-def]
    snap_compare, scene: Scene, terminal: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """f8, then HTML ticked too and the Person A, Person B… box ticked: "[X] Markdown",
    "[X] HTML", "[ ] JSON" and the box's X, readable without any colour."""
    on_terminal(monkeypatch, terminal)
    folder = make_demo(scene("export"))
    app = create_app(Settings(mode="facilitate", incident=folder))
    keys = after_keys("f8", "down", "space", "tab", "space")
    assert snap_compare(app, terminal_size=SIZE, run_before=keys)

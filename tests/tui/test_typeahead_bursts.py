"""Keys sent in one burst end where the same keys typed slowly end.

A paste, or a slow SSH link catching up, hands the app many keys at once. The key that
moves focus or opens a dialog must be taken into account before the keys after it go
anywhere. Every scenario runs three ways: slowly (a pause after each key), with
`pilot.press(*keys)` in one go, and as a true burst (every key queued before the first is
handled); the end states must match, and must be what the keys were meant to do.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from secondstory.account.drafts import list_drafts, load_draft
from secondstory.files.demo import make_demo
from secondstory.files.incidents import remember_incident
from secondstory.tui.app import SecondstoryApp, Settings, create_app

SIZE = (80, 24)
Mode = str
MODES = ["slow", "press", "burst"]


def typed(text: str) -> list[str]:
    """The keys that type `text`."""
    return ["space" if c == " " else c for c in text]


Key = str | events.Paste


async def drive(pilot: Pilot[None], keys: Sequence[Key], mode: Mode) -> None:
    """Press `keys` slowly, in one `press`, or all queued at once."""
    app = pilot.app
    await settled(pilot)
    if mode == "slow":
        for key in keys:
            if isinstance(key, events.Paste):
                app.post_message(events.Paste(key.text))
            else:
                await pilot.press(key)
            await settled(pilot)
    elif mode == "press":
        for chunk in _chunks(keys):
            if isinstance(chunk, events.Paste):
                app.post_message(events.Paste(chunk.text))
            else:
                await pilot.press(*chunk)
    else:
        for key in keys:
            if isinstance(key, events.Paste):
                event: events.Event = events.Paste(key.text)
            else:
                event = events.Key(key, key if len(key) == 1 else " " if key == "space" else None)
            event.set_sender(app)
            app.post_message(event)
    await settled(pilot)
    await pilot.pause(1.0)  # autosave: at most 0.8 s after the first change
    await settled(pilot)


def _chunks(keys: Sequence[Key]) -> list[list[str] | events.Paste]:
    out: list[list[str] | events.Paste] = []
    for key in keys:
        if isinstance(key, events.Paste):
            out.append(key)
        elif out and isinstance(out[-1], list):
            out[-1].append(key)
        else:
            out.append([key])
    return out


async def settled(pilot: Pilot[None]) -> None:
    """Everything the keys started has finished, merges included."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.05)


def screen_state(app: SecondstoryApp) -> dict[str, Any]:
    """The screens open, what has focus, and what every box holds."""
    boxes: dict[str, str] = {}
    for screen in app.screen_stack:
        for n, box in enumerate(screen.query("Input, TextArea")):
            name = f"{type(screen).__name__}/{box.parent.id if box.parent else ''}/{box.id}/{n}"
            boxes[name] = box.value if isinstance(box, Input) else box.text  # type: ignore[union-attr]
    focused = app.focused
    return {
        "screens": [type(s).__name__ for s in app.screen_stack],
        "focused": None if focused is None else (type(focused).__name__, focused.id),
        "boxes": boxes,
    }


def notes(folder: Path) -> dict[str, Any]:
    path = folder / "narrative.toml"
    data = tomllib.loads(path.read_text("utf-8")) if path.exists() else {}
    for key in ("updated", "created"):
        data.pop(key, None)
    return data


def account_words() -> list[dict[str, Any]]:
    """What each draft on disk holds, without its times of saving."""
    drafts, _ = list_drafts()
    out = []
    for draft in drafts:
        words = draft.account.model_dump(
            mode="json", exclude={"created", "updated", "account", "moments"}
        )
        words["moments"] = [
            m.model_dump(mode="json", exclude={"id", "when"}) for m in draft.account.moments
        ]
        words["step"] = draft.session.step
        out.append(words)
    return out


@dataclass
class Scenario:
    name: str
    make: Callable[[Path], SecondstoryApp]
    keys: list[Key]
    check: Callable[[SecondstoryApp, Path, dict[str, Any]], None]
    disk: Callable[[Path], Any]


async def run(
    scenario: Scenario, place: Path, mode: Mode, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    monkeypatch.setenv("SECONDSTORY_HOME", str(place / "home"))  # each run its own drafts
    app = scenario.make(place)
    async with app.run_test(size=SIZE) as pilot:
        await drive(pilot, scenario.keys, mode)
        state = screen_state(app)
        state["disk"] = scenario.disk(place)
        scenario.check(app, place, state)
    return state


# Facilitator ------------------------------------------------------------------------------
def facilitating(place: Path) -> SecondstoryApp:
    return create_app(Settings(mode="facilitate", incident=make_demo(place / "reviews")))


def _folder(place: Path) -> Path:
    return next((place / "reviews").iterdir())


def fac_disk(place: Path) -> Any:
    return notes(_folder(place))


NEW_YORK = "America/New_York"
QUESTION = "Who knew the alert waits ten minutes?"


def has_question(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    texts = [q["text"] for q in state["disk"].get("questions", [])]
    assert QUESTION in texts


def has_theme(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    titles = [t["title"] for t in state["disk"].get("themes", [])]
    assert "Alerts that wait" in titles


def exported_html(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    assert (_folder(place) / "narrative.html").exists()


# Interview --------------------------------------------------------------------------------
def giving(place: Path) -> SecondstoryApp:
    folder = make_demo(place / "reviews")
    return create_app(Settings(mode="give", incident=folder))


def draft_disk(place: Path) -> Any:
    return account_words()


def zone_kept(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    [account] = state["disk"]
    assert account["author"] == "Kim"
    assert account["timezone"] == "America/New_York"
    zone = app.screen.query_one("#identity-timezone", Input)
    assert zone.value == "America/New_York"
    assert str(app.screen.query_one("#timezone-message").render()).strip() == ""


def moment_kept(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    [account] = state["disk"]
    [moment] = account["moments"]
    assert moment["when_text"] == "23:05"
    assert moment["did"] == "Paged Sam"


def no_moments_left(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    [account] = state["disk"]
    assert account["moments"] == []
    assert state["screens"][-1] == "MomentsScreen"


def closing_kept(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    [account] = state["disk"]
    assert account["closing"]["surprised"] == "The lag"
    assert account["step"] == "closing"


# Home -------------------------------------------------------------------------------------
def at_home(place: Path) -> SecondstoryApp:
    folder = make_demo(place / "reviews")
    from secondstory.files.incidents import load_incident

    remember_incident(load_incident(folder).id, folder)
    return create_app(Settings(mode="home"))


def home_new_account(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    [account] = state["disk"]
    assert account["author"] == "Kim"


def home_draft_deleted(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    assert state["disk"] == []
    assert state["screens"][-1] == "HomeScreen"


def opened_folder(app: SecondstoryApp, place: Path, state: dict[str, Any]) -> None:
    assert state["screens"][-1] == "HomeScreen"
    from secondstory.files.incidents import known_incidents

    assert any(p.parent.name == "elsewhere" for p in known_incidents().values())


def home_with_draft(place: Path) -> SecondstoryApp:
    from secondstory.account.drafts import save_draft, start_draft
    from secondstory.files.incidents import load_incident

    folder = make_demo(place / "reviews")
    remember_incident(load_incident(folder).id, folder)
    draft = start_draft(load_incident(folder), folder)
    draft.account.author = "Kim"
    save_draft(draft)
    assert load_draft(draft.account.account).account.author == "Kim"
    return create_app(Settings(mode="home"))


def home_and_folder(place: Path) -> SecondstoryApp:
    make_demo(place / "elsewhere")
    return at_home(place)


SCENARIOS = [
    Scenario(
        "facilitator-questions-tab-a-then-typing",
        facilitating,
        ["f6", "a", *typed(QUESTION), "enter"],
        has_question,
        fac_disk,
    ),
    Scenario(
        "facilitator-ask-about-a-moment",
        facilitating,
        ["a", *typed(QUESTION), "enter"],
        has_question,
        fac_disk,
    ),
    Scenario(
        "facilitator-new-theme",
        facilitating,
        ["f5", "a", *typed("Alerts that wait"), "enter"],
        has_theme,
        fac_disk,
    ),
    Scenario(
        "facilitator-moment-into-a-new-theme",
        facilitating,
        ["t", "tab", *typed("Alerts that wait"), "enter"],
        has_theme,
        fac_disk,
    ),
    Scenario(
        "facilitator-link-with-a-note",
        facilitating,
        ["l", "down", "l", *typed("same page"), "enter"],
        lambda app, place, state: None,
        fac_disk,
    ),
    Scenario(
        "facilitator-export-html",
        facilitating,
        ["f8", "down", "space", "tab", "tab", "enter"],
        exported_html,
        fac_disk,
    ),
    Scenario(
        "interview-identity-typed-zone",
        giving,
        ["enter", *typed("Kim"), "tab", "tab", "ctrl+a", "ctrl+k", *typed("America/New_York")],
        zone_kept,
        draft_disk,
    ),
    Scenario(
        "interview-identity-pasted-zone",
        giving,
        [
            "enter",
            *typed("Kim"),
            "tab",
            "tab",
            "ctrl+a",
            "ctrl+k",
            events.Paste("America/New_York"),
        ],
        zone_kept,
        draft_disk,
    ),
    Scenario(
        "interview-new-moment-then-typing",
        giving,
        ["enter", *typed("Kim"), "ctrl+n", "n", *typed("23:05"), "tab", *typed("Paged Sam")],
        moment_kept,
        draft_disk,
    ),
    Scenario(
        "interview-on-to-looking-back-then-typing",
        giving,
        ["enter", "ctrl+n", "ctrl+n", *typed("The lag")],
        closing_kept,
        draft_disk,
    ),
    Scenario(
        "interview-delete-a-moment-confirmed",
        giving,
        ["enter", "ctrl+n", "n", *typed("23:05"), "escape", "d", "shift+tab", "enter"],
        no_moments_left,
        draft_disk,
    ),
    Scenario(
        "home-new-account-then-typing",
        at_home,
        ["n", "enter", *typed("Kim")],
        home_new_account,
        draft_disk,
    ),
    Scenario(
        "home-delete-draft-confirmed",
        home_with_draft,
        ["d", "shift+tab", "enter"],
        home_draft_deleted,
        draft_disk,
    ),
]


def _open_folder_scenario() -> Scenario:
    return Scenario(
        "home-open-folder",
        home_and_folder,
        ["o"],  # the folder's path is added per run, since it lives in the test's own place
        opened_folder,
        draft_disk,
    )


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
async def test_a_burst_of_keys_ends_as_slow_typing_does(
    scenario: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow, press, burst = [await run(scenario, tmp_path / mode, mode, monkeypatch) for mode in MODES]
    assert press == slow
    assert burst == slow


async def test_a_folder_path_typed_right_after_o_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    states = []
    for mode in MODES:
        place = tmp_path / mode
        scenario = _open_folder_scenario()
        # Typed relative to the working folder: a path as long as the test's own would
        # take most of a minute to type slowly, and proves nothing more.
        place.mkdir(parents=True)
        monkeypatch.chdir(place)
        scenario.keys = ["o", *typed("elsewhere/checkout-errors-2024-03-14"), "enter"]
        states.append(await run(scenario, place, mode, monkeypatch))
    assert states[1] == states[0]
    assert states[2] == states[0]

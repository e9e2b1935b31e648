"""Quitting while a key's effects are being waited for ends at once, with no busy wait.

Once the app stops, its widgets keep what was queued for them for ever. Type-ahead used
to wait on them until its one-second limit, spinning the event loop: a second of
processor, and a quit slower by as much, every time someone pressed ctrl+q (measured in
a pseudo-terminal: 1.37 s from ctrl+q to the process's end, 0.38 s after).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from secondstory.tui.typeahead import TypeAhead


class StoppedPump:
    """A widget (or the app, or a screen) whose message pump has closed with a
    message still queued, as they are while the app quits."""

    is_running = False
    _closing = True
    _closed = True
    is_attached = True
    is_mounted = False
    focused = None

    def __init__(self) -> None:
        self._message_queue: asyncio.Queue[object] = asyncio.Queue()
        self._message_queue.put_nowait(object())
        self._next_callbacks: list[object] = []
        self.ancestors_with_self = [self]

    def call_later(self, *_: Any) -> bool:
        return False  # a stopped pump takes no more callbacks

    def walk_children(self, *, with_self: bool) -> list[StoppedPump]:
        return [self]


class ClosingApp(StoppedPump):
    def __init__(self) -> None:
        super().__init__()
        self.screen = StoppedPump()
        self.screen_stack = [self.screen]

    def post_message(self, _: object) -> bool:
        return False


def count_rounds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A one-item list that counts the rounds type-ahead waits through."""
    rounds = [0]
    original = TypeAhead._one_round

    async def counting(self: TypeAhead, deadline: float) -> bool:
        rounds[0] += 1
        return await original(self, deadline)

    monkeypatch.setattr(TypeAhead, "_one_round", counting)
    return rounds


async def test_a_stopped_app_is_not_waited_on(monkeypatch: pytest.MonkeyPatch) -> None:
    rounds = count_rounds(monkeypatch)
    typeahead = TypeAhead(ClosingApp())  # type: ignore[arg-type]
    await typeahead._settle(None)
    assert rounds[0] <= 3  # it was every turn of the event loop for a second: thousands
    assert not typeahead.holding()


async def test_a_pump_not_started_yet_is_still_waited_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A widget being mounted has messages on their way: the key after waits for them
    (a space typed at once after logging in again went nowhere when it did not)."""
    app = ClosingApp()
    for pump in (app, app.screen):
        pump._closing = pump._closed = False
    rounds = count_rounds(monkeypatch)
    monkeypatch.setattr("secondstory.tui.typeahead.MAX_WAIT", 0.2)
    await TypeAhead(app)._settle(None)  # type: ignore[arg-type]
    assert rounds[0] > 3  # it waited, until the limit, for the messages to be handled

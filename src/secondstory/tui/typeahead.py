"""Type-ahead: keys that arrive in a burst wait until the key before them has landed.

A paste, or a slow SSH link catching up, hands the app many keys at once. Textual gives
each key to the widget focused when the key is read, so without this the keys after one
that moves focus or opens a dialog would go to the old widget: a question typed right
after `a` would be lost. Here a key that may move focus is followed by a short wait until
every widget of the screen has handled what it was sent, and focus and the screen stack
are still for a moment; the keys behind it are held, in order, and handed on after.
Plain typing into a text box is not held up: it cannot move focus.
"""

from __future__ import annotations

import asyncio
import weakref
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widgets import Input, TextArea

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump

MAX_WAIT = 1.0
"""Seconds after which held keys go on anyway, so a busy screen never swallows typing."""
QUIET_ROUNDS = 2
"""Rounds in a row with nothing changing before the next key is handed on."""


class TypeAhead:
    """Holds keys (and pastes) while the effects of an earlier one are on their way."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._held: deque[events.Event] = deque()
        self._released: weakref.WeakSet[events.Event] = weakref.WeakSet()
        self._busy = False
        self._since = 0.0
        self._task: asyncio.Task[None] | None = None

    def takes(self, event: events.Event) -> bool:
        """Whether `event` is typing this keeps in order: a key or a paste, from the terminal."""
        return isinstance(event, events.Key | events.Paste) and not event.is_forwarded

    def hold(self, event: events.Event) -> bool:
        """True when `event` has to wait its turn; it is kept and handed on later."""
        if event in self._released:
            self._released.discard(event)
            return False
        if self._busy or self._held:
            self._held.append(event)
            if self._stuck():
                self._flush()
            return True
        return False

    def landed(self, event: events.Event, focused_before: object) -> None:
        """`event` was just handed on: hold what follows if it may move focus."""
        self._since = asyncio.get_running_loop().time()
        if _may_move_focus(event, focused_before):
            self._busy = True
            self._task = asyncio.create_task(self._settle(focused_before))
        else:
            self._busy = False
            self._release_next()

    def skipped(self) -> None:
        """The event just let through was taken elsewhere and moves nothing: go on."""
        self._since = asyncio.get_running_loop().time()
        self._busy = False
        self._release_next()

    def holding(self) -> bool:
        """Whether keys are still held, or the effect of one is still being waited for."""
        return self._busy or bool(self._held)

    def _stuck(self) -> bool:
        # Never keep typing from the person for long, whatever went wrong on the way.
        return asyncio.get_running_loop().time() - self._since > 2 * MAX_WAIT

    def _flush(self) -> None:
        while self._held:
            event = self._held.popleft()
            self._released.add(event)
            self._app.post_message(event)
        self._busy = False

    def _release_next(self) -> None:
        if not self._held:
            return
        event = self._held.popleft()
        self._busy = True  # until it has been handled and landed
        self._released.add(event)
        self._since = asyncio.get_running_loop().time()
        self._app.post_message(event)

    async def _settle(self, focused: object) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + MAX_WAIT
        try:
            await self._follow(focused, deadline)
            quiet = 0
            while quiet < QUIET_ROUNDS and loop.time() < deadline:
                before = self._where()
                waited = await self._one_round(deadline)
                quiet = quiet + 1 if not waited and self._where() == before else 0
        except Exception:  # the app is closing; what is held goes on as it can
            pass
        finally:
            self._busy = False
            self._release_next()

    def _where(self) -> tuple[object, ...]:
        app = self._app
        screen = app.screen
        return (len(app.screen_stack), screen, screen.focused, screen.is_mounted)

    async def _follow(self, focused: object, deadline: float) -> None:
        """Wait for the key to bubble from the widget it went to up to the app.

        A widget hands an unhandled key to its parent's queue while it handles it, so a
        callback queued on the parent once the child has run its own runs after the key:
        following the chain upwards this way follows the key exactly.
        """
        from textual.dom import DOMNode

        start = focused if isinstance(focused, DOMNode) else self._app.screen
        for node in start.ancestors_with_self:
            await _drain([node], deadline)

    async def _one_round(self, deadline: float) -> bool:
        """Wait until the app and every widget of the screen handled what was queued.

        Returns whether anything was still to be handled.
        """
        app = self._app
        pumps: list[MessagePump] = [app, *app.screen.walk_children(with_self=True)]
        # A pump that is closing (the app is quitting) keeps its queue for ever: waiting
        # on it spun the loop until the deadline, a second of processor at every quit.
        # One not started yet is waited on: its messages are on their way.
        busy = [pump for pump in pumps if not _closing(pump) and _pending(pump)]
        if busy:
            await _drain(busy, deadline)
        else:
            await asyncio.sleep(0)
        return bool(busy)


def _closing(pump: MessagePump) -> bool:
    """Whether `pump` is closing or closed: it will handle nothing more."""
    return bool(getattr(pump, "_closing", False) or getattr(pump, "_closed", False))


def _pending(pump: MessagePump) -> bool:
    """Whether `pump` has messages queued, or callbacks waiting for after a refresh."""
    queue = getattr(pump, "_message_queue", None)
    queued = queue.qsize() if queue is not None else 1
    return bool(queued) or bool(getattr(pump, "_next_callbacks", None))


async def _drain(pumps: list[MessagePump], deadline: float) -> None:
    """Wait until each of `pumps` has handled what it held when this was called."""
    loop = asyncio.get_running_loop()
    waiting: dict[asyncio.Future[None], MessagePump] = {}
    for pump in pumps:
        future: asyncio.Future[None] = loop.create_future()
        if pump.call_later(_done, future):
            waiting[future] = pump
    while waiting and loop.time() < deadline:
        done, _ = await asyncio.wait(waiting, timeout=0.05)
        for future in done:
            del waiting[future]
        # A widget removed meanwhile never runs its callback; it has nothing to do.
        for future, pump in list(waiting.items()):
            if not pump.is_running or not pump.is_attached:
                future.cancel()
                del waiting[future]
    for future in waiting:
        future.cancel()


def _done(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


def _may_move_focus(event: events.Event, focused: object) -> bool:
    """Anything but a printable key typed into a text box may move focus or open a dialog."""
    if isinstance(event, events.Key) and event.is_printable:
        return not isinstance(focused, Input | TextArea)
    return True

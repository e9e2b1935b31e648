"""A dropped connection (SIGHUP): keys already typed are handled, then everything is saved.

Textual's driver reads the terminal in a thread and queues each key as an event; the app
handles about a thousand a second. After a burst (a paste without bracketed paste, a
slow link catching up) most keys may still be queued when the line drops, and saving at
once would keep none of them. So: save what is handled now, let the queued keys (and
any still unread in the terminal) be handled for at most `DRAIN_FOR` seconds, save again,
and leave without touching the terminal, which is gone. Typed characters for the box
being written in are gathered and put in as one edit: one by one would be too slow.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
import time
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App
from textual.widgets import Input, TextArea

DRAIN_FOR = 3.0
"""Seconds at most spent handling queued keys after a hang-up."""
QUIET_FOR = 0.3
"""Seconds with no new key and nothing unread before the burst counts as over: the
driver's thread may have read a chunk and still be turning it into keys."""


class HangUp:
    """What the app does once the connection has dropped."""

    def __init__(
        self, app: App[Any], save: Callable[[], object], holding: Callable[[], bool]
    ) -> None:
        self.app = app
        self.save = save
        self.holding = holding
        """Whether keys read before are still held back, waiting their turn."""
        self.keys = 0
        """Keys and pastes the app has received; the app counts them."""
        self.active = False
        self._box: Input | TextArea | None = None
        self._typed: list[str] = []

    def take(self, event: events.Key | events.Paste) -> bool:
        """After a hang-up, keep a typed character for the box in focus, to put in at once.

        True when the event was taken; any other event first puts in what was gathered,
        so everything keeps its order.
        """
        if not self.active:
            return False
        box = self.app.focused
        if (
            isinstance(event, events.Key)
            and event.is_printable
            and event.character
            and isinstance(box, Input | TextArea)
            and not (isinstance(box, TextArea) and box.read_only)
        ):
            if box is not self._box:
                self._put_in()
            self._box = box
            self._typed.append(event.character)
            return True
        self._put_in()
        return False

    def _put_in(self) -> Input | TextArea | None:
        """Have the box insert what was gathered once it has handled its own queue.

        Returns the box, if it was given anything to insert.
        """
        box, text = self._box, "".join(self._typed)
        self._box, self._typed = None, []
        if box is not None and text and box.call_later(_insert, box, text):
            return box
        return None

    def begin(self, signum: int) -> None:
        """Called from the signal handler: save now, then handle the rest in the loop."""
        if self.active:
            return
        self.active = True
        self.save()  # whatever follows, what is handled already is on disk
        _silence_terminal_output()
        # If the loop never gets to the drain (stuck in a long call), leave anyway.
        watchdog = threading.Timer(DRAIN_FOR + 1.0, os._exit, (128 + signum,))
        watchdog.daemon = True
        watchdog.start()
        loop = asyncio.get_running_loop()
        loop.call_soon_threadsafe(lambda: loop.create_task(self._drain_then_leave(signum)))

    async def _drain_then_leave(self, signum: int) -> None:
        deadline = time.monotonic() + DRAIN_FOR
        with contextlib.suppress(Exception):  # whatever happens, save and leave
            seen, since = -1, time.monotonic()
            while time.monotonic() < deadline:
                await _after_queue(self.app, deadline)
                self._put_in()
                await self._handled(deadline)
                if self.keys != seen or self.holding() or _unread_input():
                    seen, since = self.keys, time.monotonic()
                elif time.monotonic() - since >= QUIET_FOR:
                    break
                await asyncio.sleep(0.02)
            # Whatever ended the wait, what was gathered goes in before the last save.
            box = self._put_in()
            if box is not None:
                await _after_queue(box, time.monotonic() + 0.5)
        self.save()
        os._exit(128 + signum)  # the terminal is gone: restoring it would only fail

    async def _handled(self, deadline: float) -> None:
        """Wait until every widget on the screen has handled what it holds."""
        screen = self.app.screen
        widgets = [screen, *screen.query("*")]
        await asyncio.gather(*(_after_queue(widget, deadline) for widget in widgets))


def _insert(box: Input | TextArea, text: str) -> None:
    """Put typed text in at the cursor, as the box does for each key."""
    if isinstance(box, TextArea):
        result = box.replace(text, *box.selection, maintain_selection_offset=False)
        box.move_cursor(result.end_location)
    elif box.selection.is_empty:
        box.insert_text_at_cursor(text)
    else:
        box.replace(text, *box.selection)


async def _after_queue(target: Any, deadline: float) -> None:
    """Return once `target` has handled every message queued before this call."""
    done = asyncio.Event()
    if not target.call_later(done.set):
        return  # not running (closing, or removed): it has nothing left to handle
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), max(deadline - time.monotonic(), 0.0))


def _unread_input() -> bool:
    """Whether the terminal holds bytes the driver has not read yet."""
    import fcntl
    import struct
    import termios

    try:
        waiting = fcntl.ioctl(0, termios.FIONREAD, b"\0\0\0\0")
    except OSError:
        return False
    return bool(struct.unpack("i", waiting)[0])


def _silence_terminal_output() -> None:
    """Send further drawing to /dev/null: a write to a hung-up terminal fails or blocks."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in (1, 2):
            with contextlib.suppress(OSError):
                if os.isatty(fd):
                    os.dup2(devnull, fd)
    finally:
        os.close(devnull)

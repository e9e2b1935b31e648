"""The one message the facilitator's panes post: a request the screen carries out."""

from __future__ import annotations

from textual.message import Message


class Requested(Message):
    """The person asked for something: `what` names it, `key` says which item (if any)."""

    def __init__(self, what: str, key: str | None = None) -> None:
        super().__init__()
        self.what = what
        self.key = key

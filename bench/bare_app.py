"""Bare Textual apps to measure secondstory against, in the same run, on the same terminal.

    python bench/bare_app.py input              one Input, focused
    python bench/bare_app.py textarea [LINES]   one TextArea holding LINES lines, the cursor
                                                 in the middle of the middle line
    python bench/bare_app.py interview          the interview's kinds of widgets, no logic:
                                                 header, step labels, a question, a TextArea,
                                                 a note and a footer

Each shows READY-MARK when its first frame is drawn, so a driver knows when to start.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Label, Static, TextArea

MARK = "READY-MARK"


class Bare(App[None]):
    """One screen of plain Textual widgets."""

    def __init__(self, kind: str, lines: int) -> None:
        super().__init__()
        self.kind = kind
        self.lines = lines

    def compose(self) -> ComposeResult:
        if self.kind == "input":
            yield Label(MARK)
            yield Input()
            return
        text = "\n".join(
            f"line {n} of an answer that someone is writing" for n in range(self.lines)
        )
        if self.kind == "interview":
            yield Header()
            yield Static(f"{MARK}  Opening · You · Moments · Closing · Review · Share")
            yield Label("What surprised you?")
            yield TextArea(text, soft_wrap=True, compact=True)
            yield Static("A note about wording would appear here.")
            yield Footer()
            return
        yield Label(MARK)
        yield TextArea(text, soft_wrap=True, compact=True)

    def on_mount(self) -> None:
        for area in self.query(TextArea):
            area.focus()
            middle = self.lines // 2
            area.move_cursor((middle, 20))
        for field in self.query(Input):
            field.focus()


def main(argv: list[str]) -> int:
    kind = argv[0] if argv else "textarea"
    lines = int(argv[1]) if len(argv) > 1 else 3
    Bare(kind, lines).run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

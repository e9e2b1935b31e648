"""A hang-up while type-ahead still holds keys behind a tab keeps every held key.

The process test (tests/process/test_hangup_burst.py) shows this end to end but only
when the timing falls just so; here the keys are held on purpose before the hang-up
begins, so the case is always the one tested.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from secondstory.tui.app import SecondstoryApp


async def test_keys_held_behind_a_tab_at_the_hang_up_all_land_in_the_next_answer(
    give_app: SecondstoryApp,
) -> None:
    app = give_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+n", "ctrl+n")  # begin, past the moments
        await pilot.pause(0.2)
        first = app.focused
        assert isinstance(first, TextArea)
        for key in ["x", "x", "tab", *"yyyyy"]:
            event = events.Key(key, key if len(key) == 1 else None)
            event.set_sender(app)
            app.post_message(event)
        for _ in range(200):  # until the tab is handled and the keys after it are held
            await pilot.pause(0)
            if app._typeahead.holding() and app.focused is not first:
                break
        assert app._typeahead.holding(), "nothing was held behind the tab"
        hangup = app._hangup
        hangup.active = True  # as begin() does, without leaving the process
        for _ in range(200):
            await pilot.pause(0.01)
            if not app._typeahead.holding():
                break
        box = hangup._put_in()
        assert box is not None, "the held keys were never gathered"
        await pilot.pause(0.1)
        second = app.focused
        assert isinstance(second, TextArea) and second is not first
        assert (first.text, second.text) == ("xx", "yyyyy")

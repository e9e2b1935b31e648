"""A withdrawn account leaves no raw ACCOUNT/MOMENT reference on the facilitator's screens."""

from __future__ import annotations

from datetime import UTC, datetime

from secondstory.files.model import Account, Link, Moment, NarrativeNotes
from secondstory.narrative.merge import merge
from secondstory.tui.widgets.same_event_list import group_prompt

GONE = "b" * 32 + "/m2"


def test_a_linked_moment_whose_account_was_withdrawn_is_said_in_words() -> None:
    account = Account(
        incident="inc",
        account="a" * 32,
        author="Ana",
        status="shared",
        created=datetime(2024, 1, 2, tzinfo=UTC),
        updated=datetime(2024, 1, 2, tzinfo=UTC),
        moments=[Moment(id="m1", when=datetime(2024, 1, 1, 9), did="Paged the team")],
    )
    notes = NarrativeNotes(incident="inc", links=[Link(moments=[f"{'a' * 32}/m1", GONE])])
    narrative = merge([account], notes)
    shown = group_prompt(narrative.same_event[0], narrative).plain
    assert "a linked moment is no longer in a shared account" in shown
    assert "b" * 32 not in shown and "/m2" not in shown

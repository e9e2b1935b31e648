"""A facilitator's session: reading, saving only what can be saved, reloading and exporting."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from secondstory.export import write_into
from secondstory.files.demo import make_demo
from secondstory.files.incidents import load_notes
from secondstory.files.storage import read_toml, write_model
from secondstory.narrative import annotate
from secondstory.narrative.session import Facilitation, account_changes, merge_with, read_accounts


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return make_demo(tmp_path / "reviews")


def test_opening_the_sample_incident_merges_its_three_accounts(demo: Path) -> None:
    session = Facilitation.open(demo)
    assert [p.author for p in session.narrative.participants] == [
        "Alex Moreau",
        "Sam Okafor",
        "Priya Raman",
    ]
    assert session.writable and not session.unsaved


def test_nothing_is_written_until_the_notes_change(demo: Path) -> None:
    before = (demo / "narrative.toml").read_bytes()
    session = Facilitation.open(demo)
    assert session.save() is False
    assert (demo / "narrative.toml").read_bytes() == before


def test_changed_notes_are_saved_to_narrative_toml(demo: Path) -> None:
    session = Facilitation.open(demo)
    annotate.add_question(session.notes, "What did the dashboard read?")
    session.changed()
    assert session.save() is True
    assert load_notes(demo, "x").questions[-1].text == "What did the dashboard read?"


def test_an_unreadable_notes_file_is_never_written_over(demo: Path) -> None:
    (demo / "narrative.toml").write_text("this is = = not toml", "utf-8")
    session = Facilitation.open(demo)
    assert not session.writable
    assert session.notes_problem and "not valid TOML" in session.notes_problem
    session.notes.summary = "new words"
    session.changed()
    assert session.save() is False
    assert (demo / "narrative.toml").read_text("utf-8") == "this is = = not toml"


def test_a_new_shared_account_shows_up_when_the_accounts_are_read_again(demo: Path) -> None:
    session = Facilitation.open(demo)
    account = session.sources.accounts[0].model_copy(deep=True)
    account.account = "0" * 32
    account.author = "Kim Lee"
    account.updated = datetime(2024, 3, 16, tzinfo=UTC)
    write_model(demo / "accounts" / f"{account.account}.toml", account)
    again = merge_with(read_accounts(demo), session.snapshot())
    assert account_changes(session.narrative, again) == ["Kim Lee shared their account"]


def test_exporting_writes_the_chosen_format_into_the_incident_folder(demo: Path) -> None:
    session = Facilitation.open(demo)
    session.notes.summary = "Written just now, not saved yet."
    path = write_into(demo, session.current(), "md")
    assert path == demo / "narrative.md"
    assert "Written just now, not saved yet." in path.read_text("utf-8")
    anonymous = write_into(demo, session.current(), "json", anonymize=True)
    assert anonymous.name == "narrative-anonymized.json"
    assert "Alex Moreau" not in anonymous.read_text("utf-8")


def test_the_notes_file_keeps_its_kind_and_incident(demo: Path) -> None:
    session = Facilitation.open(demo)
    session.notes.summary = "Short."
    session.changed()
    session.save()
    data = read_toml(demo / "narrative.toml")
    assert (data["kind"], data["incident"]) == (
        "secondstory.narrative",
        "checkout-errors-2024-03-14",
    )

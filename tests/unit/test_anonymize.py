"""Neutral labels: Person A, B… for every name, everywhere, with roles kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from secondstory.export.anonymize import SHARED_PART, anonymize, label, name_replacer
from secondstory.merge import merge
from secondstory.model import Account, Incident, Moment, NarrativeNotes, Theme


def shared(author: str, ident: str, when: datetime, text: str, role: str = "") -> Account:
    return Account(
        incident="inc",
        account=ident * 32,
        author=author,
        role=role or None,
        status="shared",
        created=datetime(2024, 1, 2, tzinfo=UTC),
        updated=datetime(2024, 1, 2, tzinfo=UTC),
        moments=[Moment(id="m1", when=when, did=text)],
        closing={"helped": f"{author} had the runbook open"},
    )


@pytest.mark.parametrize(
    ("lane", "expected"),
    [(0, "Person A"), (25, "Person Z"), (26, "Person AA"), (27, "Person AB"), (702, "Person AAA")],
)
def test_labels_run_from_a_to_z_then_on_like_spreadsheet_columns(lane: int, expected: str) -> None:
    assert label(lane) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alex Moreau paged Priya.", "Person A paged Person B."),
        ("alex moreau, in lower case", "Person A, in lower case"),
        ("Alex's laptop", "Person A's laptop"),
        ("Alexandra is someone else", "Alexandra is someone else"),
        (
            "an alex in lower case is a word, not a name",
            "an alex in lower case is a word, not a name",
        ),
        ("Moreau\nand Raman", "Person A\nand Person B"),
    ],
)
def test_names_are_replaced_whole_and_by_their_capitalised_parts(text: str, expected: str) -> None:
    replace = name_replacer([("Alex Moreau", "Person A"), ("Priya Raman", "Person B")])
    assert replace(text) == expected


def test_a_name_part_two_people_share_is_not_guessed() -> None:
    replace = name_replacer([("Alex Moreau", "Person A"), ("Alex Chen", "Person B")])
    assert replace("Alex Chen and Alex") == f"Person B and {SHARED_PART}"


def test_a_narrative_loses_every_name_but_keeps_roles_and_references() -> None:
    ana = shared("Ana Lima", "a", datetime(2024, 1, 1, 9), "Called Ben Ode about it", "SRE")
    ben = shared("Ben Ode", "b", datetime(2024, 1, 1, 10), "Ana Lima called me")
    notes = NarrativeNotes(
        incident="inc",
        summary="Ana and Ben worked it out; Dee Facil took notes.",
        themes=[Theme(id="t", title="Ben's pager", moments=[f"{'a' * 32}/m1"])],
    )
    incident = Incident(id="inc", title="Ana's outage", facilitator="Dee Facil")
    narrative = anonymize(merge([ben, ana], notes, incident))
    assert [p.author for p in narrative.participants] == ["Person A", "Person B"]
    assert [p.role for p in narrative.participants] == ["SRE", None]
    assert narrative.timeline[0].did == "Called Person B about it"
    assert narrative.ideas[0].text == "Person A had the runbook open"
    assert narrative.summary == "Person A and Person B worked it out; the facilitator took notes."
    assert narrative.themes[0].title == "Person B's pager"
    assert narrative.themes[0].moments == [f"{'a' * 32}/m1"]
    assert narrative.title == "Person A's outage"
    assert narrative.incident is not None and narrative.incident.facilitator == ""
    assert narrative.entry(f"{'a' * 32}/m1") is narrative.timeline[0]
    assert "Ana" not in repr(narrative) and "Ben" not in repr(narrative)

"""Neutral labels: Person A, B… for every name, everywhere, with roles kept."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from secondstory.export.anonymize import SHARED_PART, anonymize, label, name_replacer
from secondstory.files.model import Account, Incident, Moment, NarrativeNotes, Theme
from secondstory.narrative.merge import merge


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
        ("@alex can you look? cc @PRIYA", "Person A can you look? cc Person B"),
        ("mail alex@example.com", "mail alex@example.com"),
        ("@alexandra is someone else", "@alexandra is someone else"),
    ],
)
def test_names_are_replaced_whole_and_by_their_capitalised_parts(text: str, expected: str) -> None:
    replace = name_replacer([("Alex Moreau", "Person A"), ("Priya Raman", "Person B")])
    assert replace(text) == expected


def test_a_name_part_two_people_share_is_not_guessed() -> None:
    replace = name_replacer([("Alex Moreau", "Person A"), ("Alex Chen", "Person B")])
    assert replace("Alex Chen and Alex") == f"Person B and {SHARED_PART}"


def test_a_narrative_loses_every_name_role_and_account_id_but_keeps_references_whole() -> None:
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
    # in a small team a role names a person
    assert [p.role for p in narrative.participants] == [None, None]
    assert [p.account for p in narrative.participants] == ["person-a", "person-b"]
    assert narrative.timeline[0].did == "Called Person B about it"
    assert narrative.ideas[0].text == "Person A had the runbook open"
    assert narrative.summary == "Person A and Person B worked it out; the facilitator took notes."
    assert narrative.themes[0].title == "Person B's pager"
    assert narrative.themes[0].moments == ["person-a/m1"]
    assert narrative.title == "Person A's outage"
    assert narrative.incident is not None and narrative.incident.facilitator == ""
    assert narrative.entry("person-a/m1") is narrative.timeline[0]
    assert "a" * 32 not in repr(narrative) and "SRE" not in repr(narrative)
    assert "Ana" not in repr(narrative) and "Ben" not in repr(narrative)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I will ask Will in may.", "I will ask Person A in may."),
        ("WILL said May's plan was fine", "Person A said Person B's plan was fine"),
        ("we may want will power", "we may want will power"),
    ],
)
def test_a_one_word_name_is_replaced_only_with_its_capital_or_in_capitals(
    text: str, expected: str
) -> None:
    replace = name_replacer([("Will", "Person A"), ("may", "Person B")])
    assert replace(text) == expected


def test_a_full_name_still_matches_in_any_case_and_its_parts_in_capitals() -> None:
    replace = name_replacer([("Alex Moreau", "Person A")])
    assert replace("ALEX MOREAU and alex moreau, MOREAU") == "Person A and Person A, Person A"


def test_file_names_that_may_carry_names_become_neutral_labels() -> None:
    from pathlib import Path

    from secondstory.export import render
    from secondstory.narrative.model import Duplicate, Skipped

    ana = shared("Ana Lima", "a", datetime(2024, 1, 1, 9), "Paged the team")
    kept, dropped = Path("/inc/accounts/ana_lima.toml"), Path("/old/ana-lima-copy.toml")
    narrative = merge(
        [ana],
        skipped=[
            Skipped(Path("/inc/accounts/sam_okafor.toml"), "is a draft"),
            Skipped(Path("/inc/narrative.toml"), "is not valid TOML"),
            Skipped(Path(f"/inc/accounts/{'b' * 32}.toml"), "is a draft"),
        ],
        duplicates=[Duplicate("a" * 32, kept=kept, dropped=dropped)],
        paths={"a" * 32: kept},
    )
    for fmt in ("md", "html", "json"):
        text = render(narrative, fmt, anonymize=True)
        assert not [
            w for w in ("sam_", "okafor", "ana_", "ana-", "lima") if w in text.casefold()
        ], fmt
        assert "file 1" in text and "file 2" in text and "file 3" in text
        # a file secondstory named for an account id is named for the neutral id instead
        assert "narrative.toml" in text and "not-shared.toml" in text
        assert "b" * 32 not in text and "a" * 32 not in text
    anonymous = anonymize(narrative)
    assert anonymous.participants[0].path == anonymous.duplicates[0].kept


def test_words_that_look_like_an_account_id_are_left_as_written() -> None:
    digest = "c" * 32
    ana = shared("Ana Lima", "a", datetime(2024, 1, 1, 9), digest)
    narrative = anonymize(merge([ana]))
    # only ids and references change; someone's answer stays exactly as they wrote it
    assert narrative.timeline[0].did == digest
    assert narrative.timeline[0].account == "person-a"


def test_chat_handles_inside_messages_become_their_senders_labels() -> None:
    from secondstory.files.evidence import Evidence, EvidenceEntry

    at = datetime(2024, 1, 1, 9, 30, tzinfo=UTC)
    said = [
        ("alex.m", "@priya.r can you check? cc Bo"),
        ("priya.r", "yes alex.m, on it; ALEX.M's query is slow"),
        ("bo", "ping @alex.m and bo.x, not alex"),
        ("pagerbot", "paging alex.m"),
    ]
    chat = Evidence(
        incident="inc",
        name="chat",
        source="chat",
        imported=at,
        entries=[EvidenceEntry(at=at, who=who, text=text) for who, text in said],
    )
    alex = shared("Alex Moreau", "a", datetime(2024, 1, 1, 9), "Looked at the graph")
    narrative = anonymize(dataclasses.replace(merge([alex]), evidence=(chat,)))
    entries = narrative.evidence[0].entries
    assert [e.who for e in entries] == [
        "Person A",
        "someone in the chat 1",
        "someone in the chat 2",
        "someone in the chat 3",
    ]
    assert [e.text for e in entries] == [
        "someone in the chat 1 can you check? cc someone in the chat 2",
        "yes Person A, on it; Person A's query is slow",
        "ping Person A and bo.x, not alex",
        "paging Person A",
    ]

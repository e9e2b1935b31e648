"""The debrief's domain: disagreements said plainly, what people knew, surprises, follow-ups."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from secondstory.errors import SecondstoryError
from secondstory.files.incidents import load_notes, save_notes
from secondstory.files.model import Account, Link, Moment, NarrativeNotes, moment_ref
from secondstory.narrative import annotate, follow_ups
from secondstory.narrative.disagreements import differences, set_state, to_discuss
from secondstory.narrative.knew import known_at
from secondstory.narrative.merge import merge
from secondstory.narrative.perspectives import differs

T0 = datetime(2024, 3, 14, 14, 0)


def account(author: str, zone: str, *moments: Moment, **extra: object) -> Account:
    """A shared account with a readable, stable id made from the author's name."""
    return Account.model_validate(
        {
            "incident": "inc",
            "account": (author.encode().hex() + "0" * 32)[:32],
            "author": author,
            "timezone": zone,
            "status": "shared",
            "created": datetime(2024, 3, 15, tzinfo=UTC),
            "updated": datetime(2024, 3, 15, 9, tzinfo=UTC),
            "moments": list(moments),
            **extra,
        },
        strict=False,
    )


def moment(
    ident: str, when: datetime | None = None, precision: str = "exact", **text: str
) -> Moment:
    """A moment with some words, so a shared account accepts it."""
    text = text or {"did": f"did {ident}"}
    return Moment.model_validate(
        {"id": ident, "when": when, "when_precision": precision, **text}, strict=False
    )


def ref(a: Account, moment_id: str) -> str:
    return moment_ref(a.account, moment_id)


# --- disagreements ----------------------------------------------------------------------------


def test_a_disagreement_on_time_says_who_wrote_what_and_how_far_apart() -> None:
    bo = account("Bo", "Europe/Oslo", moment("b1", T0, "about", did="restarted the api"))
    later = T0 + timedelta(minutes=20)
    ana = account("Ana", "Europe/Oslo", moment("a1", later, did="saw the api restart"))
    notes = NarrativeNotes(incident="inc", links=[Link(moments=[ref(bo, "b1"), ref(ana, "a1")])])
    (found,) = differences(merge([bo, ana], notes))
    assert found.what == "Bo wrote about 14:00 (±10 min), Ana 14:20: 20 minutes apart"
    assert found.state == "to-discuss"
    assert [e.ref for e in found.members] == [ref(bo, "b1"), ref(ana, "a1")]


def test_people_in_different_zones_are_compared_in_utc() -> None:
    bo = account("Bo", "Europe/Oslo", moment("b1", T0, did="restarted"))
    ana = account("Ana", "America/New_York", moment("a1", T0 - timedelta(hours=6), did="saw it"))
    notes = NarrativeNotes(incident="inc", links=[Link(moments=[ref(bo, "b1"), ref(ana, "a1")])])
    (found,) = differences(merge([bo, ana], notes))
    # 14:00 in Oslo is 13:00 UTC; 08:00 in New York (summer time since 10 March) is 12:00 UTC.
    assert found.what == "Ana wrote 12:00 UTC, Bo 13:00 UTC: 1 h 00 min apart"


def test_times_that_fit_within_their_precision_are_no_disagreement() -> None:
    bo = account("Bo", "UTC", moment("b1", T0, "about", did="restarted the api"))
    ana = account("Ana", "UTC", moment("a1", T0 + timedelta(minutes=5), did="the api restarted"))
    notes = NarrativeNotes(incident="inc", links=[Link(moments=[ref(bo, "b1"), ref(ana, "a1")])])
    assert differences(merge([bo, ana], notes)) == ()


def test_linked_moments_whose_observations_share_no_words_are_a_disagreement() -> None:
    bo = account("Bo", "UTC", moment("b1", T0, observed="the dashboard was green everywhere"))
    ana = account("Ana", "UTC", moment("a1", T0, observed="checkout failing with 502 errors"))
    notes = NarrativeNotes(incident="inc", links=[Link(moments=[ref(bo, "b1"), ref(ana, "a1")])])
    (found,) = differences(merge([bo, ana], notes))
    assert found.what.startswith("Ana and Bo describe what they saw differently")


def test_discussing_a_disagreement_counts_it_down_and_keeps_the_note_in_the_notes(
    tmp_path: Path,
) -> None:
    bo = account("Bo", "UTC", moment("b1", T0, "about", did="restarted the api"))
    ana = account("Ana", "UTC", moment("a1", T0 + timedelta(minutes=40), did="api restarted"))
    notes = NarrativeNotes(incident="inc", links=[Link(moments=[ref(bo, "b1"), ref(ana, "a1")])])
    assert to_discuss(merge([bo, ana], notes)) == 1
    set_state(notes, [ref(ana, "a1"), ref(bo, "b1")], "discussed", " Bo's clock was the pager's ")
    narrative = merge([bo, ana], notes)
    (found,) = differences(narrative)
    assert (found.state, found.note, to_discuss(narrative)) == (
        "discussed",
        "Bo's clock was the pager's",
        0,
    )
    save_notes(tmp_path, notes)
    # The TOML's layout depends on the tomli-w release; what it holds does not.
    kept = tomllib.loads((tmp_path / "narrative.toml").read_text("utf-8"))["disagreements"]
    assert [(d["state"], d["note"]) for d in kept] == [("discussed", "Bo's clock was the pager's")]
    assert load_notes(tmp_path, "inc").disagreements[0].note == "Bo's clock was the pager's"


# --- what each person knew ----------------------------------------------------------------------


def test_what_each_person_knew_holds_only_their_own_observations_up_to_the_moment() -> None:
    bo = account(
        "Bo",
        "UTC",
        moment("b1", T0, observed="latency up"),
        moment("b2", T0 + timedelta(minutes=10), did="restarted"),
        moment("b3", T0 + timedelta(minutes=30), observed="errors gone"),
    )
    ana = account(
        "Ana",
        "UTC",
        moment("a1", T0 + timedelta(minutes=5), observed="a page about lag"),
        moment("a2", T0 + timedelta(minutes=20), observed="replica promoted"),
    )
    narrative = merge([bo, ana])
    knew = {
        k.participant.author: [e.moment for e in k.seen] for k in known_at(narrative, ref(bo, "b2"))
    }
    assert knew == {"Bo": ["b1"], "Ana": ["a1"]}


def test_a_moment_no_account_holds_shows_nobody() -> None:
    narrative = merge([account("Bo", "UTC", moment("b1", T0, observed="x"))])
    assert known_at(narrative, "f" * 32 + "/m1") == ()


# --- surprises --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "observed", "surprise"),
    [
        # what was expected did not happen
        ("the deploy to finish in five minutes", "the deploy hung at 40%", True),
        # the same words, one negated: the opposite happened
        ("the replica would take over", "the replica would not take over", True),
        # the observation confirms the expectation, in other tenses
        ("dashboards to show errors", "dashboards showed errors", False),
        # no expectation at all is nothing to differ from
        ("nothing", "alerts everywhere", False),
        ("Not sure.", "alerts everywhere", False),
        ("—", "alerts everywhere", True),  # a dash the list does not know still counts
        # nothing observed written
        ("a quiet night", "  ", False),
        ("", "alerts", False),
        # an expectation and a different observation
        ("a quiet night", "alerts", True),
    ],
)
def test_a_surprise_is_where_what_was_expected_and_what_was_observed_differ(
    expected: str, observed: str, surprise: bool
) -> None:
    assert differs(expected, observed) is surprise


def test_the_facilitator_can_mark_and_unmark_a_surprise() -> None:
    bo = account(
        "Bo",
        "UTC",
        moment("b1", T0, expected="a quiet night", observed="alerts"),
        moment("b2", T0, expected="errors", observed="errors"),
    )
    notes = NarrativeNotes(incident="inc")
    narrative = merge([bo], notes)
    assert [s.moment for s in narrative.surprises] == ["b1"]
    assert follow_ups.toggle_surprise(notes, narrative, ref(bo, "b2")) is True
    assert follow_ups.toggle_surprise(notes, narrative, ref(bo, "b1")) is False
    assert [s.moment for s in merge([bo], notes).surprises] == ["b2"]
    assert (notes.surprises_marked, notes.surprises_unmarked) == ([ref(bo, "b2")], [ref(bo, "b1")])


# --- answers and follow-ups ---------------------------------------------------------------------


def test_an_answer_is_kept_with_who_gave_it_and_marks_the_question_answered() -> None:
    notes = NarrativeNotes(incident="inc")
    asked = annotate.add_question(notes, "Why two flags?")
    follow_ups.answer(notes, asked.id, " Since the February upgrade. ", by="Priya")
    assert (asked.answer, asked.answered_by, asked.resolved) == (
        "Since the February upgrade.",
        "Priya",
        True,
    )


def test_an_idea_becomes_a_follow_up_once_with_owner_link_and_whose_idea_it_was(
    tmp_path: Path,
) -> None:
    bo = account("Bo", "UTC", moment("b1", T0), closing={"ideas": "Page the DB channel"})
    notes = NarrativeNotes(incident="inc")
    narrative = merge([bo], notes)
    (idea,) = follow_ups.ideas_to_follow(notes, narrative)
    item = follow_ups.follow_idea(notes, idea, owner="Ana", link="https://t.example/OPS-1")
    assert (item.id, item.owner, item.link, item.source) == (
        "f1",
        "Ana",
        "https://t.example/OPS-1",
        bo.account,
    )
    assert follow_ups.ideas_to_follow(notes, narrative) == ()
    save_notes(tmp_path, notes)
    assert load_notes(tmp_path, "inc").follow_ups == [item]


def test_a_follow_up_needs_words() -> None:
    with pytest.raises(SecondstoryError, match="needs a few words"):
        follow_ups.add_follow_up(NarrativeNotes(incident="inc"), "  ")


def test_follow_up_ids_must_be_unique_in_the_file() -> None:
    with pytest.raises(ValueError, match="follow-up ids must be unique"):
        NarrativeNotes.model_validate(
            {
                "incident": "inc",
                "follow_ups": [{"id": "f1", "text": "a"}, {"id": "f1", "text": "b"}],
            }
        )


def test_notes_written_before_these_keys_still_load_with_markdown_as_the_export() -> None:
    notes = NarrativeNotes.model_validate({"incident": "inc"})
    assert (notes.disagreements, notes.follow_ups, notes.export_formats) == ([], [], ["md"])

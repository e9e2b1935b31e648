"""The facilitator's edits to narrative.toml: links, themes and questions."""

from __future__ import annotations

import pytest

from secondstory.errors import SecondstoryError
from secondstory.files.model import Link, NarrativeNotes
from secondstory.narrative import annotate


def _notes() -> NarrativeNotes:
    return NarrativeNotes(incident="checkout")


def test_confirming_two_moments_adds_a_confirmed_link_with_the_note() -> None:
    notes = _notes()
    link = annotate.confirm_link(notes, ["a/m1", "b/m2"], " same page ")
    assert notes.links == [link]
    assert (link.moments, link.decision, link.note) == (["a/m1", "b/m2"], "confirmed", "same page")


def test_confirming_a_moment_already_linked_joins_the_existing_link() -> None:
    notes = _notes()
    annotate.confirm_link(notes, ["a/m1", "b/m2"])
    annotate.confirm_link(notes, ["b/m2", "c/m3"])
    assert [link.moments for link in notes.links] == [["a/m1", "b/m2", "c/m3"]]


def test_confirming_replaces_an_earlier_rejection_of_the_same_pair() -> None:
    notes = _notes()
    annotate.reject_link(notes, ["a/m1", "b/m2"])
    annotate.confirm_link(notes, ["b/m2", "a/m1"])
    assert [link.decision for link in notes.links] == ["confirmed"]


def test_a_moment_cannot_be_linked_with_itself() -> None:
    with pytest.raises(SecondstoryError, match="two different moments"):
        annotate.confirm_link(_notes(), ["a/m1", "a/m1"])


def test_rejecting_twice_keeps_one_rejection() -> None:
    notes = _notes()
    annotate.reject_link(notes, ["a/m1", "b/m2"])
    annotate.reject_link(notes, ["b/m2", "a/m1"])
    assert annotate.rejected_links(notes) == [Link(moments=["a/m1", "b/m2"], decision="rejected")]


def test_forgetting_a_decision_removes_the_link_that_holds_those_moments() -> None:
    notes = _notes()
    annotate.confirm_link(notes, ["a/m1", "b/m2", "c/m3"])
    assert annotate.forget_link(notes, ["a/m1", "b/m2"])
    assert notes.links == []
    assert not annotate.forget_link(notes, ["a/m1", "b/m2"])


def test_themes_get_readable_unique_ids() -> None:
    notes = _notes()
    first = annotate.add_theme(notes, "Two places showed the state")
    second = annotate.add_theme(notes, "Two places showed the state!")
    assert (first.id, second.id) == ("two-places-showed-the-state", "two-places-showed-the-state-2")


def test_a_theme_needs_a_name() -> None:
    with pytest.raises(SecondstoryError, match="name"):
        annotate.add_theme(_notes(), "  ")


def test_toggling_a_moment_puts_it_in_a_theme_and_takes_it_out_again() -> None:
    notes = _notes()
    theme = annotate.add_theme(notes, "Old configuration")
    assert annotate.toggle_in_theme(notes, theme.id, "a/m1") is True
    assert annotate.themes_of(notes, "a/m1") == [theme]
    assert annotate.toggle_in_theme(notes, theme.id, "a/m1") is False
    assert annotate.themes_of(notes, "a/m1") == []


def test_removing_a_theme_leaves_the_others() -> None:
    notes = _notes()
    keep = annotate.add_theme(notes, "Keep")
    gone = annotate.add_theme(notes, "Gone")
    annotate.remove_theme(notes, gone.id)
    assert notes.themes == [keep]
    with pytest.raises(SecondstoryError, match="no theme"):
        annotate.theme(notes, gone.id)


def test_questions_are_numbered_and_remember_their_moments() -> None:
    notes = _notes()
    first = annotate.add_question(notes, "Who else names the host directly?", ["a/m1"])
    second = annotate.add_question(notes, "How did the pause flag get out of step?")
    annotate.remove_question(notes, first.id)
    third = annotate.add_question(notes, "What did the runbook say?")
    assert (first.id, second.id, third.id) == ("q1", "q2", "q3")
    assert annotate.questions_of(notes, "a/m1") == []
    assert annotate.question(notes, "q2").text == "How did the pause flag get out of step?"

"""The interview's state: edits to moments, times read in the person's zone, saving."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from secondstory.account.drafts import list_drafts, load_draft, start_draft
from secondstory.account.interview import SAVE_AT_LEAST_EVERY, Interview
from secondstory.account.prose import account_sections, byline
from secondstory.files.incidents import load_incident
from secondstory.times.parse import TimeNotUnderstood


@pytest.fixture
def interview(incident_folder: Path) -> Interview:
    incident = load_incident(incident_folder)
    return Interview(start_draft(incident, incident_folder), incident, incident_folder)


def test_moments_are_added_after_the_current_one_with_fresh_ids(interview: Interview) -> None:
    first = interview.add_moment()
    third = interview.add_moment()
    second = interview.add_moment(after=first.id)
    assert [m.id for m in interview.moments] == [first.id, second.id, third.id]
    assert len({first.id, second.id, third.id}) == 3


def test_moments_move_within_bounds_and_delete_picks_a_neighbour(interview: Interview) -> None:
    a, b, c = (interview.add_moment() for _ in range(3))
    assert interview.move_moment(c.id, -1)
    assert [m.id for m in interview.moments] == [a.id, c.id, b.id]
    assert not interview.move_moment(a.id, -1)  # already first
    assert interview.delete_moment(b.id) == c.id  # the last went; show the one before
    assert interview.delete_moment(a.id) == c.id
    assert interview.delete_moment(c.id) is None


def test_a_bare_time_is_read_near_the_incident_and_then_near_the_moment_before(
    interview: Interview,
) -> None:
    first = interview.add_moment()
    second = interview.add_moment()
    assert interview.set_when(first.id, "23:50").when == datetime(2017, 1, 31, 23, 50)
    # after midnight: the nearest day to the moment before is the next one
    assert interview.set_when(second.id, "00:10").when == datetime(2017, 2, 1, 0, 10)


def test_a_time_that_cannot_be_read_keeps_the_words_and_clears_the_reading(
    interview: Interview,
) -> None:
    moment = interview.add_moment()
    interview.set_when(moment.id, "23:00")
    with pytest.raises(TimeNotUnderstood):
        interview.set_when(moment.id, "after the second page")
    assert moment.when_text == "after the second page"
    assert moment.when is None


def test_changes_are_due_for_saving_soon_and_saving_writes_them(interview: Interview) -> None:
    moment = interview.add_moment()
    interview.set_text(moment.id, "did", "Paged the database team")
    assert interview.dirty
    interview._first_unsaved -= SAVE_AT_LEAST_EVERY  # as if typing had gone on that long
    assert interview.due()
    interview.save()
    assert not interview.dirty
    again = load_draft(interview.draft.account.account)
    assert again.account.moments[0].did == "Paged the database team"


def test_the_review_reads_as_prose_in_the_persons_order(interview: Interview) -> None:
    interview.set_identity("author", "Alex")
    interview.set_identity("role", "on-call DBA")
    moment = interview.add_moment()
    interview.set_when(moment.id, "~23:10")
    interview.set_text(moment.id, "did", "Ran the cleanup")
    interview.set_text(moment.id, "why", "The runbook said it was safe")
    interview.set_closing("ideas", "A dry-run flag")
    sections = account_sections(interview.draft.account)
    assert [s.title for s in sections] == ["Moment 1", "Looking back"]
    assert sections[0].subtitle.startswith("about Tue 31 Jan 2017 23:10")
    assert [p.heading for p in sections[0].paragraphs] == [
        "What I did",
        "What made it make sense then",
    ]
    assert byline(interview.draft.account) == "Alex, on-call DBA · times in Europe/Amsterdam"


def test_a_time_far_from_the_other_moments_gets_a_kind_question(interview: Interview) -> None:
    first, second = interview.add_moment(), interview.add_moment()
    interview.set_when(first.id, "23:50")
    interview.set_when(second.id, "2017-02-03 09:00")
    now = datetime(2017, 2, 5, 12, 0, tzinfo=UTC)
    assert "away from your other moments. Is that the day you meant?" in interview.time_question(
        second.id, now
    )
    interview.set_when(second.id, "00:10")
    assert interview.time_question(second.id, now) == ""


def test_a_time_after_now_gets_a_kind_question(interview: Interview) -> None:
    moment = interview.add_moment()
    interview.set_when(moment.id, "23:50")  # 31 Jan 2017, the incident's night
    before = datetime(2017, 1, 31, 12, 0, tzinfo=UTC)
    assert interview.time_question(moment.id, before).startswith("This is placed after now.")
    assert interview.time_question(moment.id, datetime(2017, 2, 1, tzinfo=UTC)) == ""


def test_a_save_started_by_a_signal_during_a_save_leaves_one_draft_with_every_word(
    interview: Interview, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hang-up's handler runs inside whatever was running, an autosave included."""
    import secondstory.account.interview as module

    real = module.save_draft
    depth = [0, 0]  # now, deepest

    def save_interrupted_by_a_signal(*args: object, **kwargs: object) -> str | None:
        depth[0] += 1
        depth[1] = max(depth)
        notice = real(*args, **kwargs)  # type: ignore[arg-type]
        if depth[0] == 1:  # the signal arrives after the file is written, in the same save
            interview.set_text(moment.id, "did", "Paged the database team, then the lead")
            interview.save()
        depth[0] -= 1
        return notice

    moment = interview.add_moment()
    interview.set_text(moment.id, "did", "Paged the database team")
    monkeypatch.setattr(module, "save_draft", save_interrupted_by_a_signal)
    interview.save()
    assert depth[1] == 1  # no save ran inside another
    monkeypatch.setattr(module, "save_draft", real)
    interview.save()  # as the hang-up does once the save under way is done
    drafts, problems = list_drafts()
    assert problems == []
    assert [d.account.moments[0].did for d in drafts] == ["Paged the database team, then the lead"]


def test_without_an_incident_start_the_day_given_places_bare_times(tmp_path: Path) -> None:
    from secondstory.files.incidents import create_incident

    folder = create_incident("No start", parent=tmp_path / "reviews", timezone="UTC")
    incident = load_incident(folder)
    interview = Interview(start_draft(incident, folder), incident, folder)
    assert interview.asks_day and interview.day is None
    first, second, dated = (interview.add_moment() for _ in range(3))
    interview.set_when(first.id, "23:05")
    interview.set_when(second.id, "00:10")
    interview.set_when(dated.id, "2024-03-16 08:00")
    # given the day afterwards, the bare times move to it; a time with its own day stays
    now = datetime(2024, 3, 15, 9, tzinfo=UTC)
    assert interview.set_day("yesterday", now=now) == date(2024, 3, 14)
    assert first.when == datetime(2024, 3, 14, 23, 5)
    assert second.when == datetime(2024, 3, 15, 0, 10)  # after midnight, nearest the one before
    assert dated.when == datetime(2024, 3, 16, 8, 0)
    assert interview.dirty
    with pytest.raises(TimeNotUnderstood):
        interview.set_day("the night of the release", now=now)
    assert interview.day == date(2024, 3, 14)  # a day that cannot be read keeps the one before
    interview.save()
    again = load_draft(interview.draft.account.account)
    assert again.session.day == date(2024, 3, 14)


def test_an_incident_with_a_start_does_not_ask_for_the_day(interview: Interview) -> None:
    assert not interview.asks_day

"""Drafts: shared and revised, withdrawn, and never rewritten by a version that can't read them."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from secondstory.account.drafts import (
    list_drafts,
    load_draft,
    save_draft,
    session_path,
    start_draft,
)
from secondstory.account.interview import Interview
from secondstory.errors import FileProblem
from secondstory.files.incidents import known_incidents, load_incident, remember_incident
from secondstory.files.paths import known_incidents_file


@pytest.fixture
def interview(incident_folder: Path) -> Interview:
    incident = load_incident(incident_folder)
    remember_incident(incident.id, incident_folder)
    return Interview(start_draft(incident, incident_folder), incident, incident_folder)


def test_sharing_with_an_empty_moment_leaves_it_out_and_the_draft_stays_editable(
    interview: Interview, incident_folder: Path
) -> None:
    interview.set_identity("author", "Sam")
    interview.set_text(interview.add_moment().id, "did", "Restarted the worker")
    interview.add_moment()  # started, nothing written yet
    path = interview.share()
    shared = tomllib.loads(path.read_text("utf-8"))
    assert shared["status"] == "shared" and len(shared["moments"]) == 1
    # Revising after sharing: another empty moment, a save, a reload. Nothing refuses,
    # and an empty moment changes nothing that would be shared.
    interview.add_moment()
    interview.save()
    again = load_draft(interview.draft.account.account)
    assert len(again.account.moments) == 3
    assert again.account.status == "draft"
    assert again.session.shared_at is not None and not again.changed_since_shared
    # Words in the same second as the share still count as a change.
    interview.set_text(again.account.moments[2].id, "did", "Told the channel")
    assert interview.draft.changed_since_shared


def test_a_time_read_once_keeps_its_day_when_the_moment_is_opened_later(
    interview: Interview,
) -> None:
    moment = interview.add_moment()
    first = interview.set_when(moment.id, "yesterday 23:10").when
    interview.save()
    # Reopening shows the same words again; they must not be read against a new today.
    assert interview.set_when(moment.id, "yesterday 23:10").when == first
    assert interview.set_when(moment.id, "23:10").when == datetime(2017, 1, 31, 23, 10)


def test_a_damaged_session_is_kept_aside_and_the_incident_folder_found_again(
    interview: Interview, incident_folder: Path
) -> None:
    account_id = interview.draft.account.account
    session = session_path(account_id)
    session.write_text("format = 1\nkind = [", "utf-8")
    draft = load_draft(account_id)
    assert draft.session.incident_folder == str(incident_folder.resolve())
    kept = list(session.parent.glob(f"{session.name}.unreadable-*"))
    assert [k.read_text("utf-8") for k in kept] == ["format = 1\nkind = ["]


def test_a_session_from_a_newer_version_makes_the_draft_unreadable_not_rewritten(
    interview: Interview,
) -> None:
    account_id = interview.draft.account.account
    session = session_path(account_id)
    newer = f'format = 9\nkind = "secondstory.session"\naccount = "{account_id}"\n'
    session.write_text(newer, "utf-8")
    with pytest.raises(FileProblem, match="newer"):
        load_draft(account_id)
    drafts, problems = list_drafts()
    assert drafts == [] and len(problems) == 1
    assert session.read_text("utf-8") == newer


def test_a_damaged_list_of_incidents_is_kept_aside_not_written_over(
    interview: Interview, incident_folder: Path
) -> None:
    path = known_incidents_file()
    path.write_text("incidents = [broken", "utf-8")
    assert known_incidents() == {}
    remember_incident("checkout-outage", incident_folder)
    assert known_incidents() == {"checkout-outage": incident_folder.resolve()}
    kept = list(path.parent.glob("incidents.toml.unreadable-*"))
    assert [k.read_text("utf-8") for k in kept] == ["incidents = [broken"]


def test_a_list_of_incidents_from_a_newer_version_is_read_but_never_rewritten(
    interview: Interview, tmp_path: Path
) -> None:
    path = known_incidents_file()
    newer = 'format = 2\nkind = "secondstory.known"\n[incidents]\nold = "/srv/old"\n'
    path.write_text(newer, "utf-8")
    remember_incident("other", tmp_path)
    assert path.read_text("utf-8") == newer
    assert known_incidents() == {"old": Path("/srv/old")}


def test_saving_twice_without_changes_keeps_updated(interview: Interview) -> None:
    save_draft(interview.draft, touch=False)
    before = interview.draft.account.updated
    save_draft(interview.draft, touch=False)
    assert load_draft(interview.draft.account.account).account.updated == before


def test_the_cursor_place_is_kept_with_the_session_and_older_sessions_still_load(
    interview: Interview,
) -> None:
    account_id = interview.draft.account.account
    interview.draft.session.step = "closing"
    interview.draft.session.focus, interview.draft.session.cursor = "helped", [2, 5]
    save_draft(interview.draft)
    session = load_draft(account_id).session
    assert (session.step, session.focus, session.cursor) == ("closing", "helped", [2, 5])

    older = f'format = 1\nkind = "secondstory.session"\naccount = "{account_id}"\n'
    older += 'step = "moments"\n'
    session_path(account_id).write_text(older, "utf-8")
    session = load_draft(account_id).session
    assert (session.step, session.focus, session.cursor) == ("moments", None, None)


def test_moving_to_another_step_forgets_the_cursor_of_the_last_one(interview: Interview) -> None:
    interview.go("closing")
    interview.draft.session.focus, interview.draft.session.cursor = "helped", [0, 3]
    interview.go("closing")
    assert interview.draft.session.focus == "helped"
    interview.go("review")
    assert (interview.draft.session.focus, interview.draft.session.cursor) == (None, None)

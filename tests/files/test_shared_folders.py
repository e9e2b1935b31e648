"""Group folders on a shared host, files that are one's own, and saves that do not churn."""

from __future__ import annotations

import grp
import os
import stat
from pathlib import Path

import pytest

from secondstory.account.drafts import draft_path, share_draft, start_draft, withdraw_draft
from secondstory.account.interview import Interview
from secondstory.errors import SecondstoryError
from secondstory.files.incidents import (
    create_incident,
    load_incident,
    load_notes,
    save_notes,
)
from secondstory.files.model import Theme
from secondstory.files.shared import write_own_copy
from secondstory.files.storage import read_model, write_model

OLD = (1_000_000_000, 1_000_000_000)
NOBODY = 65534
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _interview(folder: Path, author: str = "Sam") -> Interview:
    incident = load_incident(folder)
    interview = Interview(start_draft(incident, folder), incident, folder)
    interview.set_identity("author", author)
    interview.set_text(interview.add_moment().id, "did", "Restarted the worker")
    interview.save()
    return interview


def _unchanged_after(path: Path, again: object) -> bool:
    before = path.read_bytes()
    os.utime(path, OLD)
    if callable(again):
        again()
    return path.read_bytes() == before and path.stat().st_mtime == OLD[1]


def test_saving_a_draft_again_with_nothing_changed_leaves_the_file_alone(
    incident_folder: Path,
) -> None:
    interview = _interview(incident_folder)
    path = draft_path(interview.draft.account.account)
    interview.changed()  # marked dirty, but the words are what is on disk
    assert _unchanged_after(path, interview.save)
    interview.set_text(interview.moments[0].id, "did", "Restarted it twice")
    interview.save()
    assert b"twice" in path.read_bytes()


def test_a_model_written_twice_is_written_once(tmp_path: Path, incident_folder: Path) -> None:
    incident = load_incident(incident_folder)
    path = tmp_path / "incident.toml"
    assert write_model(path, incident) is True
    assert _unchanged_after(path, lambda: write_model(path, incident))
    assert write_model(path, incident) is False


def test_notes_saved_again_unchanged_keep_their_bytes_and_time(incident_folder: Path) -> None:
    notes = load_notes(incident_folder, "checkout-outage")
    notes.themes.append(Theme(id="t1", title="Failover"))
    save_notes(incident_folder, notes)
    path = incident_folder / "narrative.toml"
    again = load_notes(incident_folder, "checkout-outage")
    assert _unchanged_after(path, lambda: save_notes(incident_folder, again))


def test_sharing_again_unchanged_leaves_the_shared_file_alone(incident_folder: Path) -> None:
    interview = _interview(incident_folder)
    path = share_draft(interview.draft)
    assert _unchanged_after(path, lambda: share_draft(interview.draft))


def test_an_incident_for_a_group_has_setgid_folders_and_group_readable_files(
    tmp_path: Path,
) -> None:
    group = grp.getgrgid(os.getegid()).gr_name
    folder = create_incident("Queue backlog", parent=tmp_path, timezone="UTC", group=group)
    accounts = folder / "accounts"
    assert _mode(folder) == 0o2750 and _mode(accounts) == 0o3770
    assert _mode(folder / "incident.toml") == 0o640
    path = share_draft(_interview(folder).draft)
    assert _mode(path) == 0o640 and path.stat().st_gid == accounts.stat().st_gid
    notes = load_notes(folder, "queue-backlog")
    notes.summary = "A backlog."
    save_notes(folder, notes)
    assert _mode(folder / "narrative.toml") == 0o640


def test_an_incident_inside_a_setgid_folder_is_set_up_for_its_group(tmp_path: Path) -> None:
    parent = tmp_path / "reviews"
    parent.mkdir()
    os.chmod(parent, 0o2770)
    folder = create_incident("Queue backlog", parent=parent, timezone="UTC")
    assert _mode(folder) == 0o2750 and _mode(folder / "accounts") == 0o3770


def test_a_group_that_does_not_exist_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(SecondstoryError, match="no group called 'no-such-group-x'"):
        create_incident("Queue", parent=tmp_path, timezone="UTC", group="no-such-group-x")
    assert list(tmp_path.iterdir()) == []  # nothing made


@as_root
def test_someone_elses_shared_file_is_never_replaced_or_withdrawn(
    incident_folder: Path,
) -> None:
    interview = _interview(incident_folder)
    path = share_draft(interview.draft)
    os.chown(path, NOBODY, -1)  # as if another person had written it
    before = path.read_bytes()
    copy = read_model(path, type(interview.draft.account), "secondstory.account")
    copy.author = "Someone else"
    with pytest.raises(SecondstoryError, match="was written by someone else; it was left"):
        write_own_copy(path, copy)
    assert withdraw_draft(interview.draft) is None
    assert path.read_bytes() == before


def test_a_new_file_is_never_put_over_one_that_appeared_meanwhile(tmp_path: Path) -> None:
    from secondstory.files.storage import atomic_write

    path = tmp_path / "a.toml"
    atomic_write(path, b"first\n", 0o640, new=True)
    assert path.read_bytes() == b"first\n" and _mode(path) == 0o640
    with pytest.raises(FileExistsError):
        atomic_write(path, b"second\n", new=True)
    assert path.read_bytes() == b"first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]  # no temporary file left


@as_root
def test_two_people_sharing_one_name_at_once_never_replace_each_other(
    incident_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview = _interview(incident_folder)
    target = incident_folder / "accounts" / f"{interview.draft.account.account}.toml"
    real_link = os.link

    def someone_else_first(source: str, destination: Path) -> None:
        Path(destination).write_bytes(b"theirs\n")  # written just before ours lands
        os.chown(destination, NOBODY, -1)
        real_link(source, destination)

    monkeypatch.setattr("secondstory.files.storage.os.link", someone_else_first)
    with pytest.raises(SecondstoryError, match="was written by someone else"):
        share_draft(interview.draft)
    assert target.read_bytes() == b"theirs\n"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_a_draft_saved_unchanged_is_still_made_private_again(incident_folder: Path) -> None:
    interview = _interview(incident_folder)
    path = draft_path(interview.draft.account.account)
    os.chmod(path, 0o644)
    interview.changed()
    assert _unchanged_after(path, interview.save)
    assert _mode(path) == 0o600

"""Drafts under pressure: two windows, a misnamed file, an unreadable draft, leftovers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from secondstory.account.drafts import (
    DraftOpenElsewhere,
    draft_path,
    latest_or_new,
    list_drafts,
    load_draft,
    lock_draft,
    start_draft,
)
from secondstory.account.interview import Interview
from secondstory.files.incidents import accounts_dir, load_incident, remember_incident
from secondstory.files.locks import release
from secondstory.files.paths import drafts_dir
from secondstory.files.storage import temp_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")


def _interview(folder: Path, account_id: str | None = None) -> Interview:
    incident = load_incident(folder)
    remember_incident(incident.id, folder)
    draft = load_draft(account_id) if account_id else start_draft(incident, folder)
    return Interview(draft, incident, folder)


def test_a_second_window_is_told_where_the_draft_is_open_and_a_killed_one_lets_go(
    incident_folder: Path,
) -> None:
    first = _interview(incident_folder)
    account_id = first.draft.account.account
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import sys, time
                from secondstory.account.drafts import load_draft, lock_draft
                lock_draft(load_draft({account_id!r}))
                print("holding", flush=True)
                time.sleep(60)
            """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        with pytest.raises(DraftOpenElsewhere) as caught:
            lock_draft(load_draft(account_id))
        message = str(caught.value)
        assert f"process {holder.pid} on " in message
        assert "Checkout outage is open in another secondstory window" in message
        assert "Close that window first" in message
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    lock_draft(load_draft(account_id))  # the kernel let go of the crashed window's lock
    release(drafts_dir() / f"{account_id}.lock")


def test_typing_in_one_window_and_quitting_the_other_without_typing_keeps_the_words(
    incident_folder: Path,
) -> None:
    one = _interview(incident_folder)
    account_id = one.draft.account.account
    other = _interview(incident_folder, account_id)  # as if the lock could not work
    one.set_text(one.add_moment().id, "did", "Restarted the primary")
    assert one.save() is None
    notice = other.save()  # quitting saves, with nothing typed
    assert notice is not None and "changed in another window" in notice
    assert load_draft(account_id).account.moments[0].did == "Restarted the primary"


def test_two_windows_that_both_typed_keep_both_versions(incident_folder: Path) -> None:
    one = _interview(incident_folder)
    account_id = one.draft.account.account
    other = _interview(incident_folder, account_id)
    one.set_text(one.add_moment().id, "did", "Restarted the primary")
    one.save()
    other.set_text(other.add_moment().id, "did", "Paged the DBA")
    notice = other.save()
    assert notice is not None and "Both are kept" in notice
    drafts, problems = list_drafts()
    assert not problems
    words = sorted(d.account.moments[0].did for d in drafts)
    assert words == ["Paged the DBA", "Restarted the primary"]
    assert load_draft(account_id).account.moments[0].did == "Restarted the primary"
    # The separate draft goes on saving to its own file, never the other one.
    other.set_text(other.moments[0].id, "did", "Paged the DBA twice")
    assert other.save() is None
    assert load_draft(account_id).account.moments[0].did == "Restarted the primary"
    assert other.draft.session.shared_to is None


def test_a_valid_account_under_another_name_is_one_line_and_the_rest_still_works(
    incident_folder: Path,
) -> None:
    kept = _interview(incident_folder)
    kept.set_text(kept.add_moment().id, "did", "Watched the graphs")
    kept.save()
    # Named for another account id, and named for no account id at all.
    for name in (f"{uuid.uuid4().hex}.toml", "copy of my draft.toml"):
        copy = drafts_dir() / name
        copy.write_bytes(kept.draft.path.read_bytes())
        drafts, problems = list_drafts()
        assert [d.account.account for d in drafts] == [kept.draft.account.account]
        assert len(problems) == 1
        line = str(problems[0])
        assert line.startswith(f"{copy}: ") and "\n" not in line
        if name != "copy of my draft.toml":
            assert f"holds account {kept.draft.account.account}" in line
        assert copy.read_bytes() == kept.draft.path.read_bytes()  # untouched
        copy.unlink()


def test_an_unreadable_only_draft_is_named_when_a_new_one_starts(incident_folder: Path) -> None:
    first = _interview(incident_folder)
    path = draft_path(first.draft.account.account)
    path.write_bytes(b"\x00\xffnot toml")
    draft, notice = latest_or_new(load_incident(incident_folder), incident_folder)
    assert draft.account.account != first.draft.account.account
    assert notice is not None
    assert notice.startswith("An earlier draft could not be read, so this is a new one.")
    assert f"{path}: is not UTF-8 text" in notice
    assert path.read_bytes() == b"\x00\xffnot toml"


def test_a_readable_draft_opens_without_a_word(incident_folder: Path) -> None:
    first = _interview(incident_folder)
    draft, notice = latest_or_new(load_incident(incident_folder), incident_folder)
    assert (draft.account.account, notice) == (first.draft.account.account, None)


def _dead_pid() -> int:
    probe = subprocess.Popen([sys.executable, "-c", "pass"])
    probe.wait()
    return probe.pid


def test_withdrawing_takes_the_accounts_leftover_temporary_files_along(
    incident_folder: Path,
) -> None:
    interview = _interview(incident_folder)
    interview.set_identity("author", "Sam")
    interview.set_text(interview.add_moment().id, "did", "Restarted the worker")
    shared = interview.share()
    # A later share was cut short: a readable half copy of the account is left beside it.
    leftover = accounts_dir(incident_folder) / temp_name(shared)
    leftover.write_text("half of the account")
    os.chmod(leftover, 0o644)
    someone_else = accounts_dir(incident_folder) / temp_name(shared.with_name("other.toml"))
    someone_else.write_text("theirs")
    interview.withdraw()
    assert not shared.exists() and not leftover.exists()
    assert someone_else.exists()


def test_a_leftover_in_the_drafts_folder_is_cleaned_when_drafts_are_listed(
    incident_folder: Path,
) -> None:
    interview = _interview(incident_folder)
    name = temp_name(interview.draft.path).replace(f".{os.getpid()}-", f".{_dead_pid()}-")
    leftover = drafts_dir() / name
    leftover.write_text("half")
    drafts, problems = list_drafts()
    assert len(drafts) == 1 and not problems
    assert not leftover.exists()


def test_a_moment_past_the_limit_is_refused_with_a_clear_line(
    incident_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from secondstory.account import interview as module
    from secondstory.errors import SecondstoryError

    monkeypatch.setattr(module, "MAX_ENTRIES", 3)
    interview = _interview(incident_folder)
    for _ in range(3):
        interview.add_moment()
    with pytest.raises(SecondstoryError, match="holds at most 3 moments, so no new one"):
        interview.add_moment()
    assert len(interview.moments) == 3


def test_a_file_system_that_cannot_lock_lets_the_draft_open(
    incident_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import fcntl

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    interview = _interview(incident_folder)
    lock_draft(interview.draft)  # no lock to be had: opens, and saving still checks
    assert interview.save() is None

"""Autosave writes in a thread, so the disk's wait never holds up a key; nothing it does
may lose a word, write an older draft over a newer one, or split a draft in two."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from secondstory.account.drafts import DraftWrites, list_drafts, load_draft, start_draft
from secondstory.account.interview import Interview
from secondstory.files.incidents import load_incident


@pytest.fixture
def interview(incident_folder: Path) -> Interview:
    incident = load_incident(incident_folder)
    return Interview(start_draft(incident, incident_folder), incident, incident_folder)


class SlowDisk:
    """A saving thread whose writes wait until the test lets them go."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.pool = ThreadPoolExecutor(1)
        self.started = 0

    def run(self, writes: DraftWrites) -> Future[None]:
        self.started += 1

        def slow() -> None:
            self.gate.wait(timeout=10)
            writes()

        return self.pool.submit(slow)


def _words(interview: Interview) -> str:
    return load_draft(interview.draft.account.account).account.moments[0].did


def test_a_save_in_the_background_writes_the_words_as_they_were_then(
    interview: Interview,
) -> None:
    disk = SlowDisk()
    moment = interview.add_moment()
    interview.set_text(moment.id, "did", "Paged the database team")
    assert interview.save_in_background(disk.run) is None
    assert not interview.dirty
    interview.set_text(moment.id, "did", "Paged the database team, then the lead")
    # While the first is being written, another does nothing, and the change stays due.
    assert interview.save_in_background(disk.run) is None
    assert disk.started == 1 and interview.dirty
    disk.gate.set()
    disk.pool.submit(lambda: None).result()  # the first write has landed
    assert _words(interview) == "Paged the database team"
    interview.save_in_background(disk.run)
    assert disk.started == 2
    interview.save()  # waits for it
    assert _words(interview) == "Paged the database team, then the lead"
    drafts, problems = list_drafts()
    assert problems == [] and len(drafts) == 1


def test_a_save_that_must_finish_now_waits_for_the_one_being_written(
    interview: Interview,
) -> None:
    """As on a hang-up or quit: the newest words are on disk, over the older ones, and
    the draft is not taken for one another window changed."""
    disk = SlowDisk()
    moment = interview.add_moment()
    interview.set_text(moment.id, "did", "Restarted the replica")
    interview.save_in_background(disk.run)
    interview.set_text(moment.id, "did", "Restarted the replica and watched the lag")
    threading.Timer(0.2, disk.gate.set).start()
    assert interview.save() is None
    assert _words(interview) == "Restarted the replica and watched the lag"
    drafts, problems = list_drafts()
    assert problems == [] and [d.account.account for d in drafts] == [
        interview.draft.account.account
    ]


def _failing(writes: DraftWrites) -> Future[None]:
    future: Future[None] = Future()
    future.set_exception(OSError(28, "No space left on device"))
    return future


def test_a_failed_background_write_is_said_at_the_next_save_and_written_again(
    interview: Interview,
) -> None:
    moment = interview.add_moment()
    interview.set_text(moment.id, "did", "Opened the runbook")
    run: Callable[[DraftWrites], Future[None]] = _failing
    interview.save_in_background(run)
    assert not interview.dirty  # it does not know yet
    with pytest.raises(OSError, match="No space left"):
        interview.save_in_background(run)
    assert interview.dirty  # what it held is due again
    interview.save()  # the disk has room again
    assert _words(interview) == "Opened the runbook"
    assert not interview.dirty

"""A facilitator reading while someone shares again and again never sees half a file."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from secondstory.account.drafts import start_draft
from secondstory.account.interview import Interview
from secondstory.files.incidents import load_incident, remember_incident
from secondstory.narrative.sources import load_sources

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")


def test_readers_see_the_old_or_the_new_account_whole_while_it_is_shared(
    incident_folder: Path,
) -> None:
    incident = load_incident(incident_folder)
    remember_incident(incident.id, incident_folder)
    interview = Interview(start_draft(incident, incident_folder), incident, incident_folder)
    interview.set_identity("author", "Alex")
    interview.set_text(interview.add_moment().id, "did", "0|")
    interview.share()
    account_id = interview.draft.account.account
    sharer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                from secondstory.account.drafts import load_draft, share_draft
                draft = load_draft({account_id!r})
                print("sharing", flush=True)
                for n in range(1, 150):
                    draft.account.moments[0].did = f"{{n}}|" + "x" * (n * 100)
                    share_draft(draft)
            """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert sharer.stdout is not None and sharer.stdout.readline() == "sharing\n"
    reads = 0
    seen: set[int] = set()
    while sharer.poll() is None or reads < 50:
        sources = load_sources([incident_folder])
        assert sources.skipped == [], sources.skipped
        [account] = sources.accounts
        number, _, rest = account.moments[0].did.partition("|")
        assert rest == "x" * (int(number) * 100)
        seen.add(int(number))
        reads += 1
        time.sleep(0.001)
    assert sharer.wait() == 0
    assert reads >= 50 and len(seen) > 5, (reads, len(seen))

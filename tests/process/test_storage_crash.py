"""SIGKILL at random points while accounts and narratives are saved: nothing torn or lost.

Run alone with: .venv/bin/python -m pytest -m crash -p no:xdist tests/process
SECONDSTORY_CRASH_KILLS sets the number of kills (300 by default).
"""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from secondstory.account.drafts import list_drafts, load_draft, start_draft
from secondstory.account.interview import Interview
from secondstory.files.incidents import load_incident, remember_incident
from secondstory.files.model import Account, NarrativeNotes
from secondstory.files.paths import drafts_dir
from secondstory.files.storage import read_model
from secondstory.narrative.sources import load_sources

pytestmark = [
    pytest.mark.crash,
    pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL"),
]
WRITER = Path(__file__).with_name("storage_crash_writer.py")
KILLS = int(os.environ.get("SECONDSTORY_CRASH_KILLS", "300"))

sys.path.insert(0, str(WRITER.parent))
from storage_crash_writer import version, words  # noqa: E402


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


def _check_folder(folder: Path, killed: set[int], data: set[str], mode: int) -> int:
    """Every file is data we know or a temporary of a killed writer; returns temporaries.

    A writer killed before its start had cleaned up leaves earlier writers' temporaries.
    """
    leftovers = 0
    for path in folder.iterdir():
        if path.name.startswith(".") and path.name.endswith(".tmp"):
            pid = int(path.name.rsplit(".", 3)[1].split("-")[0])
            assert pid in killed, f"a temporary file of a live writer: {path}"
            assert stat.S_IMODE(path.stat().st_mode) == mode, path
            leftovers += 1
        else:
            assert path.name in data, f"an unexpected file: {path}"
    return leftovers


def test_sigkill_mid_save_leaves_every_file_old_or_new_and_whole(incident_folder: Path) -> None:
    incident = load_incident(incident_folder)
    remember_incident(incident.id, incident_folder)
    interview = Interview(start_draft(incident, incident_folder), incident, incident_folder)
    interview.set_identity("author", "Alex")
    interview.set_text(interview.add_moment().id, "did", words(0))
    interview.share()
    account_id = interview.draft.account.account
    accounts = incident_folder / "accounts"
    seed = int(os.environ.get("SECONDSTORY_CRASH_SEED", time.time_ns() % 10_000))
    rng = random.Random(seed)
    driver = subprocess.Popen(
        [sys.executable, str(WRITER), account_id, str(incident_folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert driver.stdin is not None and driver.stdout is not None
    assert driver.stdout.readline() == "ready\n"
    latest = {"draft": 0, "shared": 0, "notes": 0, "export": 0}
    leftovers = files_checked = 0
    killed: set[int] = set()
    started = time.monotonic()
    try:
        for _ in range(KILLS):
            driver.stdin.write(f"go {rng.uniform(0.0, 0.03):.4f}\n")
            driver.stdin.flush()
            answer = driver.stdout.readline().split()
            assert answer[0] == "killed", f"the writer stopped by itself (seed {seed})"
            killed.add(int(answer[1]))
            # Only known files, and temporaries of the killed writer with the final mode.
            drafts = {f"{account_id}.toml", f"{account_id}.session.toml"}
            leftovers += _check_folder(drafts_dir(), killed, drafts, 0o600)
            leftovers += _check_folder(accounts, killed, {f"{account_id}.toml"}, 0o644)
            names = {"incident.toml", "narrative.toml", "narrative.json", "accounts"}
            leftovers += _check_folder(incident_folder, killed, names, 0o644)
            # Each file is one whole version, read by the real readers, never older than before.
            now = {
                "draft": version(load_draft(account_id).account.moments[0].did),
                "shared": version(
                    read_model(accounts / f"{account_id}.toml", Account, "secondstory.account")
                    .moments[0]
                    .did
                ),
            }
            notes_path = incident_folder / "narrative.toml"
            export_path = incident_folder / "narrative.json"
            if notes_path.exists():
                notes = read_model(notes_path, NarrativeNotes, "secondstory.narrative")
                now["notes"] = version(notes.summary)
            if export_path.exists():
                exported = json.loads(export_path.read_text("utf-8"))
                now["export"] = version(exported["summary"])
                assert exported["kind"] == "secondstory.narrative"
            files_checked += len(now)
            for key, value in now.items():
                assert value >= latest[key], f"{key} went back from {latest[key]} to {value}"
            assert now["shared"] <= now["draft"]
            latest.update(now)
        driver.stdin.write("quit\n")
        driver.stdin.flush()
        assert driver.wait(timeout=10) == 0
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()
    elapsed = time.monotonic() - started
    # The next start: readers never take a temporary for data, and clean what was left.
    drafts, problems = list_drafts()
    sources = load_sources([incident_folder])
    assert problems == [] and [d.account.account for d in drafts] == [account_id]
    assert sources.skipped == [] and [a.account for a in sources.accounts] == [account_id]
    for folder in (drafts_dir(), accounts, incident_folder):
        assert _temporaries(folder) == []
    assert latest["draft"] > KILLS // 10, "the writer hardly wrote: the kills proved little"
    print(
        f"\n{KILLS} kills in {elapsed:.1f}s (seed {seed}): {files_checked} files checked, "
        f"{leftovers} temporary files left by kills, draft at version {latest['draft']}"
    )

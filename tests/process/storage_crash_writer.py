"""A writer to be killed: forks children that save a draft, share it, write narrative.toml
and export JSON in a loop with growing text, and SIGKILLs each after the delay it is given.

Run by tests/process/test_storage_crash.py as: python storage_crash_writer.py ACCOUNT FOLDER
Each line "go SECONDS" on stdin forks one child, kills it after SECONDS and answers
"killed PID"; "quit" ends. The driver imports everything once, so a child starts in a
millisecond and hundreds of kills take seconds.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from secondstory.account.drafts import list_drafts, save_draft, share_draft
from secondstory.export import write_into
from secondstory.files.incidents import load_notes, save_notes
from secondstory.narrative.session import Facilitation

WORDS = "word🙂é\u05d0\u0301 "  # emoji, accented, Hebrew, a combining mark


def words(n: int) -> str:
    """The text of version n: its number, then n words. A torn write cannot look like one."""
    return f"{n}|" + WORDS * n


def version(text: str) -> int:
    """The version a text says it is; raises ValueError when it is not whole."""
    number, _, rest = text.partition("|")
    n = int(number)
    if text != words(n):
        raise ValueError(f"text of version {n} is not whole ({len(rest)} characters)")
    return n


def work(account_id: str, folder: Path) -> None:
    """What one child does until it is killed: start as the app does, then write and write."""
    [draft] = [d for d in list_drafts()[0] if d.account.account == account_id]
    session = Facilitation.open(folder)  # reading the folder cleans what a kill left there
    notes = load_notes(folder, session.notes.incident)
    n = version(draft.account.moments[0].did)
    while True:
        n += 1
        draft.account.moments[0].did = words(n)
        save_draft(draft)
        share_draft(draft)
        notes.summary = words(n)
        save_notes(folder, notes)
        session = Facilitation.open(folder)
        write_into(folder, session.narrative, "json")


def main() -> None:
    account_id, folder = sys.argv[1], Path(sys.argv[2])
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "quit":
            return
        delay = float(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                work(account_id, folder)
            finally:
                os._exit(1)  # only reached if the writing itself failed
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        print(f"{'killed' if killed else 'ended'} {pid}", flush=True)


if __name__ == "__main__":
    main()

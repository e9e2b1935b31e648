"""What an autosave costs while someone types: the save itself, and fsyncs per minute.

    python bench/autosave_bench.py [--moments 50] [--saves 20] [--minutes 1]

In this process, with a temporary SECONDSTORY_HOME:
- save: a draft of MOMENTS moments is changed (one character) and saved with the
  interview's own `save_draft`, SAVES times; median and 95th percentile of the wall and
  CPU time, and the fsyncs each save asks for (os.fsync counted);
- steady typing: the interview's own schedule (`Interview.changed` on every key,
  `Interview.due` polled on the screen's autosave tick) is played for MINUTES minutes of
  a key every 0.2 s (and every 0.1 s), on a simulated clock, counting the saves; with the
  fsyncs per save that gives the fsyncs per minute of steady typing.

- the event loop's share: the app's autosave takes the draft's bytes on the event loop
  (`plan_draft_save`) and writes them in its saving thread; the time the loop is held is
  timed beside a whole save, on this disk and on a slow one (each fsync made to wait
  --slow-fsync seconds, as on a network home folder).

Key-to-screen latency while such a save runs is measured in a real terminal by
`keys_bench.py --only give-50-save` (a resumed draft of 50 moments).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

WORDS = "We looked at the replica lag graph and the queue depth, then paged the DBA."


def make_draft(moments: int):  # type: ignore[no-untyped-def]
    from secondstory.account.drafts import save_draft, start_draft
    from secondstory.files.model import Incident, Moment

    incident = Incident(id="bench", title="Bench", timezone="UTC", created=datetime.now(UTC))
    draft = start_draft(incident, None)
    draft.account.author = "Alex"
    draft.account.moments = [
        Moment(id=f"m{n}", did=WORDS, observed=WORDS, expected=WORDS, why=WORDS)
        for n in range(1, moments + 1)
    ]
    save_draft(draft)
    return draft


def time_saves(moments: int, saves: int) -> dict[str, float]:
    """Median and 95th percentile of one save of a changed draft; fsyncs per save."""
    from secondstory.account.drafts import save_draft

    draft = make_draft(moments)
    walls, cpus, syncs = [], [], []
    real_fsync = os.fsync
    for n in range(saves):
        draft.account.closing.surprised = "x" * (n + 1)  # a key typed since the last save
        draft.session.cursor = [0, n + 1]  # and the cursor moved: the session is saved too
        calls = 0

        def counting(fd: int) -> None:
            nonlocal calls
            calls += 1
            real_fsync(fd)

        with mock.patch("os.fsync", counting):
            wall, cpu = time.perf_counter(), time.process_time()
            save_draft(draft)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        syncs.append(calls)
    return {
        "wall": statistics.median(walls),
        "wall_p95": statistics.quantiles(walls, n=20)[-1] if saves > 1 else walls[0],
        "cpu": statistics.median(cpus),
        "fsyncs": statistics.median(syncs),
    }


def time_loop_share(moments: int, saves: int, slow: float) -> dict[str, float]:
    """Median ms the event loop is held: a whole save, and the part the app keeps on the
    loop (the bytes planned, written in a thread); each fsync waits `slow` s more."""
    from secondstory.account.drafts import plan_draft_save, save_draft

    draft = make_draft(moments)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        time.sleep(slow)

    whole, planned = [], []
    with mock.patch("os.fsync", fsync):
        for n in range(saves):
            draft.account.closing.surprised = "y" * (n + 1)
            start = time.perf_counter()
            save_draft(draft)
            whole.append(time.perf_counter() - start)
            draft.account.closing.surprised = "z" * (n + 1)
            start = time.perf_counter()
            _, writes = plan_draft_save(draft)
            planned.append(time.perf_counter() - start)
            writes()  # in the app: the saving thread, while keys go on
    return {"whole": statistics.median(whole), "loop": statistics.median(planned)}


def saves_per_minute(key_every: float, minutes: float) -> int:
    """How many saves the interview's schedule makes in `minutes` of steady typing."""
    from secondstory.account import interview as module
    from secondstory.tui.screens.step import AUTOSAVE_TICK

    now = 0.0
    with mock.patch.object(module.time, "monotonic", lambda: now):
        state = module.Interview.__new__(module.Interview)
        state._first_unsaved, state._last_change = None, 0.0
        saves, next_key, end = 0, 0.0, minutes * 60
        while now < end:
            if now >= next_key:
                state.changed()
                next_key += key_every
            if round(now / AUTOSAVE_TICK, 6).is_integer() and state.due():
                saves += 1
                state._first_unsaved = None  # what save() does once written
            now = round(now + 0.01, 6)
    return round(saves / minutes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moments", type=int, default=50, help="moments in the draft (50)")
    parser.add_argument("--saves", type=int, default=20, help="saves to time (20)")
    parser.add_argument("--minutes", type=float, default=1.0, help="minutes of typing (1)")
    parser.add_argument(
        "--slow-fsync", type=float, default=0.05, help="seconds each fsync waits on a slow disk"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="secondstory-autosave-") as home:
        os.environ["SECONDSTORY_HOME"] = str(Path(home) / "home")
        try:
            r = time_saves(args.moments, args.saves)
            shares = {
                slow: time_loop_share(args.moments, args.saves, slow)
                for slow in (0.0, args.slow_fsync)
            }
        finally:
            del os.environ["SECONDSTORY_HOME"]
    print(
        f"save of a {args.moments}-moment draft: {r['wall'] * 1000:.1f} ms median "
        f"(p95 {r['wall_p95'] * 1000:.1f} ms), CPU {r['cpu'] * 1000:.1f} ms, "
        f"{r['fsyncs']:.0f} fsyncs"
    )
    for slow, share in shares.items():
        disk = "this disk" if slow == 0 else f"a disk whose fsync takes {slow * 1000:.0f} ms more"
        print(
            f"event loop held, {disk}: whole save {share['whole'] * 1000:.1f} ms, "
            f"the app's autosave (bytes taken, written in a thread) {share['loop'] * 1000:.1f} ms"
        )
    for every in (0.2, 0.1):
        saves = saves_per_minute(every, args.minutes)
        print(
            f"a key every {every} s: {saves} saves a minute, "
            f"{saves * r['fsyncs']:.0f} fsyncs a minute"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

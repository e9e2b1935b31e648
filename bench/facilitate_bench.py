"""How the facilitator's screen feels with 10,000 moments, next to 100 in the same run.

    python bench/facilitate_bench.py [--sizes 100,10000] [--moves 200] [--people 5]

For each size it writes a fictional incident folder (seeded, so every run is the same
data), then measures headless, at 80x24:
- merge: reading and merging the accounts, without a screen;
- first paint: from starting the app until the timeline shows its rows;
- cursor move: one key (down) until the screen is idle again, median and 95th percentile;
  this wall time includes the test harness waiting for the screen to settle, so the CPU
  time of the same move (the process's, median) is shown beside it, and the part of it
  spent in the event loop's thread (the rest is the wording check, in a worker thread);
- the app's own CPU per move: the key's handling (`App._on_key`, which moves the
  cursor and wraps the moment) and the frames it drew (`Screen._on_timer_update`),
  timed inside the app, without the test harness's waiting;
- rows drawn per move: how many timeline lines were rendered for one move, which shows
  that only what is on screen is drawn.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from secondstory.files.incidents import create_incident, shared_account_path
from secondstory.files.model import Account, Moment
from secondstory.files.storage import write_model
from secondstory.narrative.session import Facilitation
from secondstory.tui.app import Settings, create_app
from secondstory.tui.screens.facilitate import FacilitateScreen
from secondstory.tui.widgets.timeline import Timeline

WORDS = """
replica primary failover dashboard alert pager queue cache deploy rollback config
disk latency timeout checkout payment ticket channel runbook console cluster
endpoint host schema migration index lock retry backlog worker cron certificate dns
proxy balancer node pod memory cpu graph metric log trace flag toggle release branch
build pipeline secret token session login cart order invoice refund customer support
status
""".split()  # noqa: SIM905 (one word list reads better as prose)
VERBS = """
checked restarted paused opened asked told noticed looked wrote tried moved read
""".split()  # noqa: SIM905 (one word list reads better as prose)


def sentence(rng: random.Random) -> str:
    """A short first-person line in the voice of an account."""
    words = rng.sample(WORDS, 5)
    return f"{rng.choice(VERBS).capitalize()} the {words[0]} and the {words[1]} on {words[2]}."


def make_incident(parent: Path, moments: int, people: int, seed: int = 7) -> Path:
    """An incident folder with `people` shared accounts holding `moments` moments in all."""
    rng = random.Random(seed)
    folder = create_incident(f"Bench {moments}", parent=parent, timezone="UTC")
    start = datetime(2024, 3, 14, 8, 0)
    span = timedelta(hours=max(moments / 200, 2))  # about 200 moments an hour, all told
    for person in range(people):
        count = moments // people + (1 if person < moments % people else 0)
        offsets = sorted(rng.random() for _ in range(count))
        items = []
        for number, offset in enumerate(offsets, start=1):
            precision = rng.choice(["exact", "exact", "about", "unsure"])
            when = None if precision == "unsure" and rng.random() < 0.5 else start + span * offset
            items.append(
                Moment(
                    id=f"m{number}",
                    when=when.replace(second=0, microsecond=0) if when else None,
                    when_precision=precision,
                    did=sentence(rng),
                    observed=sentence(rng) if rng.random() < 0.6 else "",
                    expected=sentence(rng) if rng.random() < 0.3 else "",
                )
            )
        account = Account(
            incident=folder.name,
            account=f"{person + 1:032x}",
            author=f"Person {person + 1}",
            role="engineer",
            timezone="UTC",
            status="shared",
            created=datetime(2024, 3, 15, tzinfo=UTC),
            updated=datetime(2024, 3, 15, tzinfo=UTC),
            moments=items,
        )
        write_model(shared_account_path(folder, account.account), account)
    return folder


async def measure_screen(folder: Path, moves: int, size: tuple[int, int]) -> dict[str, float]:
    """First paint and cursor moves on the facilitator's screen, headless."""
    drawn = 0
    original = Timeline.render_line

    def counting(self: Timeline, y: int):  # type: ignore[no-untyped-def]
        nonlocal drawn
        drawn += 1
        return original(self, y)

    Timeline.render_line = counting  # type: ignore[method-assign]
    own: list[float] = []
    restore = _time_the_app(own)
    app = create_app(Settings(mode="facilitate", incident=folder))
    started = time.perf_counter()
    try:
        async with app.run_test(size=size) as pilot:
            while not _painted(app):
                await asyncio.sleep(0.002)
            await pilot.pause()
            first_paint = time.perf_counter() - started
            times, cpu, main_cpu, rows, app_cpu = [], [], [], [], []
            for _ in range(moves):
                drawn = 0
                own.clear()
                begin, begin_cpu = time.perf_counter(), time.process_time()
                begin_main = time.thread_time()
                await pilot.press("down")
                await pilot.pause()
                times.append(time.perf_counter() - begin)
                cpu.append(time.process_time() - begin_cpu)
                main_cpu.append(time.thread_time() - begin_main)
                rows.append(drawn)
                app_cpu.append(sum(own))
            begin = time.perf_counter()
            await pilot.press("end")
            await pilot.pause()
            jump = time.perf_counter() - begin
    finally:
        Timeline.render_line = original  # type: ignore[method-assign]
        restore()
    times.sort()
    return {
        "first_paint": first_paint,
        "move_median": statistics.median(times),
        "move_p95": times[int(len(times) * 0.95) - 1],
        "move_cpu": statistics.median(cpu),
        "move_main_cpu": statistics.median(main_cpu),
        "move_app_cpu": statistics.median(app_cpu),
        "rows_per_move": statistics.median(rows),
        "jump_to_end": jump,
    }


def _time_the_app(found: list[float]):  # type: ignore[no-untyped-def]
    """Add the thread CPU time of every key handled and frame drawn to `found`; returns
    what puts the two methods back."""
    from textual.app import App
    from textual.screen import Screen

    on_key, on_frame = App._on_key, Screen._on_timer_update

    async def key(self, event):  # type: ignore[no-untyped-def]
        begin = time.thread_time()
        try:
            return await on_key(self, event)
        finally:
            found.append(time.thread_time() - begin)

    def frame(self):  # type: ignore[no-untyped-def]
        begin = time.thread_time()
        try:
            return on_frame(self)
        finally:
            found.append(time.thread_time() - begin)

    App._on_key, Screen._on_timer_update = key, frame  # type: ignore[method-assign]

    def restore() -> None:
        App._on_key, Screen._on_timer_update = on_key, on_frame  # type: ignore[method-assign]

    return restore


def _painted(app) -> bool:  # type: ignore[no-untyped-def]
    screen = app.screen
    if not isinstance(screen, FacilitateScreen) or screen.session is None:
        return False
    return bool(screen.query_one(Timeline).entries)


def run(sizes: list[int], moves: int, people: int, size: tuple[int, int]) -> list[dict[str, float]]:
    """Measure every size in one run, so the numbers sit side by side."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for moments in sizes:
            folder = make_incident(Path(tmp), moments, people)
            begin = time.perf_counter()
            Facilitation.open(folder)
            merge = time.perf_counter() - begin
            screen = asyncio.run(measure_screen(folder, moves, size))
            results.append({"moments": moments, "merge": merge, **screen})
    return results


def report(results: list[dict[str, float]]) -> str:
    """A Markdown table of the results, times in milliseconds."""
    lines = [
        "| moments | merge | first paint | cursor move (median) | cursor move (p95) "
        "| cpu per move (median) | of it the event loop's | the app's own: key and frame "
        "| rows drawn per move | jump to end |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {int(r['moments']):,} | {r['merge'] * 1000:.0f} ms "
            f"| {r['first_paint'] * 1000:.0f} ms "
            f"| {r['move_median'] * 1000:.1f} ms | {r['move_p95'] * 1000:.1f} ms "
            f"| {r['move_cpu'] * 1000:.1f} ms | {r['move_main_cpu'] * 1000:.1f} ms "
            f"| {r['move_app_cpu'] * 1000:.1f} ms "
            f"| {r['rows_per_move']:.0f} | {r['jump_to_end'] * 1000:.1f} ms |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,10000", help="moments in all, comma-separated")
    parser.add_argument("--moves", type=int, default=200, help="cursor moves to time")
    parser.add_argument("--people", type=int, default=5, help="shared accounts")
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--height", type=int, default=24)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = run(sizes, args.moves, args.people, (args.width, args.height))
    print(
        f"{args.people} people, {args.width}x{args.height}, {args.moves} moves, Python "
        f"{sys.version.split()[0]}"
    )
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How the merge and the three exports grow with the number of moments.

Synthetic incidents of N accounts × 50 moments (an eight-hour incident, four time zones,
a mix of exact, about, unsure and missing times, a vocabulary with a long tail and some
events told twice). For each size: the median of several runs of merge, of each export,
and of `sorted()` over as many tuples, measured side by side so the growth can be
compared with n log n on this machine. Run it with:

    python bench/merge_bench.py            # sizes 10, 50, 100, 200, 400, 800 accounts
    python bench/merge_bench.py 200        # one size
    python bench/merge_bench.py --runs 3   # fewer runs per step
    python bench/merge_bench.py --one-account                      # 5k … 100k moments
    python bench/merge_bench.py --one-account --against OLD/src    # beside another version
    python bench/merge_bench.py 200 2000 --runs 1 --against OLD/src  # both, size by size

The incident lasts eight hours whatever its size, so a larger one is also a denser one:
more moments fall within reach of each other, and the merge has more candidate pairs to
score (docs/merge.md shows what that costs).

`--one-account` measures one person's account of N moments instead (the same mix of
times and words, all in the eight hours): reading and validating its file, and the
merge. `--against SRC` runs the same sizes, in a subprocess, with the secondstory
package found in SRC (a checkout of another version: `git worktree add /tmp/base main`,
then `--against /tmp/base/src`), each size right after this version's, and prints both.
"""

from __future__ import annotations

import argparse
import itertools
import json as jsonlib
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from secondstory.export import html, json, markdown
from secondstory.files.model import Account, Moment, NarrativeNotes
from secondstory.files.storage import SHARED_FILE, write_model
from secondstory.narrative.merge import load_sources, merge

MOMENTS = 50
SIZES = (10, 50, 100, 200, 400, 800)
ZONES = ("Europe/Amsterdam", "America/New_York", "Asia/Kolkata", "UTC")
START = datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
WORDS = [f"w{i}" for i in range(3000)] + ["checkout", "replica", "primary", "deploy", "alert"]
_COMMON_TEXT = "the a we I it was then and to of on in saw checked looked at"
COMMON = _COMMON_TEXT.split()


def _sentence(rng: random.Random, length: int) -> str:
    # Zipf-like: a few words are everywhere, most are rare, like real accounts.
    picks = [
        WORDS[min(int(rng.paretovariate(1.1)) - 1, len(WORDS) - 1) * 7 % len(WORDS)]
        for _ in range(length // 2)
    ]
    picks += rng.choices(COMMON, k=length - len(picks))
    rng.shuffle(picks)
    return " ".join(picks)


def incident(accounts: int, seed: int = 7) -> list[Account]:
    """N shared accounts of 50 moments each."""
    rng = random.Random(seed)
    told: list[tuple[datetime, str]] = []
    result = []
    for n in range(accounts):
        zone = ZONES[n % len(ZONES)]
        moments = []
        at = START + timedelta(minutes=rng.uniform(0, 60))
        for m in range(MOMENTS):
            at += timedelta(minutes=rng.uniform(0, 14))
            kind = rng.random()
            precision = "exact" if kind < 0.6 else "about" if kind < 0.85 else "unsure"
            when = None if kind > 0.95 else at.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
            did = _sentence(rng, 12)
            if told and rng.random() < 0.05:
                when_told, did = rng.choice(told)  # an event someone else told too
                when = when_told.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
            told.append((at, did))
            moments.append(
                Moment.model_construct(
                    id=f"m{m}",
                    when=when,
                    when_precision=precision,
                    when_text=None,
                    did=did,
                    observed=_sentence(rng, 10),
                    expected=_sentence(rng, 6),
                    assumed="",
                    why="",
                )
            )
        result.append(
            Account.model_construct(
                format=1,
                kind="secondstory.account",
                incident="bench",
                account=f"{n:032x}",
                author=f"Person {n}",
                role="engineer",
                timezone=zone,
                status="shared",
                created=START,
                updated=START,
                moments=moments,
                closing=Account.model_fields["closing"].get_default(call_default_factory=True),
            )
        )
    return result


ONE_ACCOUNT_SIZES = (5_000, 20_000, 50_000, 100_000)


def one_account(moments: int, seed: int = 7) -> Account:
    """One shared account of `moments` moments, all within the eight hours."""
    rng = random.Random(seed)
    step = 2 * 8 * 3600 / moments
    at = START
    made = []
    for m in range(moments):
        at += timedelta(seconds=rng.uniform(0, step))
        kind = rng.random()
        precision = "exact" if kind < 0.6 else "about" if kind < 0.85 else "unsure"
        when = None if kind > 0.95 else at.replace(tzinfo=None)
        made.append(
            Moment.model_construct(
                id=f"m{m}",
                when=when,
                when_precision=precision,
                when_text=None,
                did=_sentence(rng, 12),
                observed=_sentence(rng, 10),
                expected=_sentence(rng, 6),
                assumed="",
                why="",
            )
        )
    return Account.model_construct(
        format=1,
        kind="secondstory.account",
        incident="bench",
        account="0" * 32,
        author="Person 0",
        role="engineer",
        timezone="UTC",
        status="shared",
        created=START,
        updated=START,
        moments=made,
        closing=Account.model_fields["closing"].get_default(call_default_factory=True),
    )


def measure_one_account(moments: int, runs: int) -> dict[str, float]:
    """Seconds to read and validate one big account's file, and to merge it."""
    account = one_account(moments)
    notes = NarrativeNotes(incident="bench")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "accounts"
        folder.mkdir()
        write_model(folder / f"{account.account}.toml", account, SHARED_FILE)
        loaded = load_sources([folder]).accounts
        assert len(loaded) == 1 and len(loaded[0].moments) == moments
        load = median_seconds(lambda: load_sources([folder]), runs)
    return {
        "moments": moments,
        "load": load,
        "merge": median_seconds(lambda: merge(loaded, notes), runs),
        "suggested": len(merge(loaded, notes).suggestions()),
    }


def _one_account_elsewhere(src: str, moments: int, runs: int, timeout: float) -> dict | None:
    """The same measurement with the secondstory found in `src`; None when it took too long."""
    return _elsewhere(src, ["--one-account", str(moments)], runs, timeout)


def _elsewhere(src: str, rest: list[str], runs: int, timeout: float) -> dict | None:
    """One size measured by this script with the secondstory in `src`, in a subprocess."""
    env = dict(os.environ, PYTHONPATH=src)
    command = [sys.executable, __file__, "--json", f"--runs={runs}", *rest]
    try:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=timeout, check=True
        )
    except subprocess.TimeoutExpired:
        return None
    result: dict = jsonlib.loads(done.stdout.splitlines()[-1])
    return result


def _run_one_account(args: argparse.Namespace) -> int:
    sizes = args.sizes or list(ONE_ACCOUNT_SIZES)
    if not args.json:
        print("  moments  load+validate    merge    total  suggested", end="")
        print("   | against: load+validate    merge    total" if args.against else "")
    for moments in sizes:
        runs = args.runs or (3 if moments <= 20_000 else 1)
        r = measure_one_account(moments, runs)
        if args.json:
            print(jsonlib.dumps(r))
            continue
        total = r["load"] + r["merge"]
        row = f"{moments:>9} {r['load']:>13.3f}s {r['merge']:>7.3f}s {total:>7.3f}s"
        row += f" {r['suggested']:>10}"
        if args.against:
            other = _one_account_elsewhere(args.against, moments, runs, args.timeout)
            if other is None:
                row += f"   | more than {args.timeout:.0f} s"
            else:
                both = other["load"] + other["merge"]
                row += f"   | {other['load']:>15.3f}s {other['merge']:>7.3f}s {both:>7.3f}s"
        print(row, flush=True)
    return 0


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def load_seconds(given: list[Account], runs: int) -> float:
    """Reading and validating the same accounts from an incident folder's files."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / "accounts").mkdir()
        for account in given:
            write_model(folder / "accounts" / f"{account.account}.toml", account, SHARED_FILE)
        assert len(load_sources([folder / "accounts"]).accounts) == len(given)
        return median_seconds(lambda: load_sources([folder / "accounts"]), runs)


def measure(accounts: int, runs: int) -> dict[str, float]:
    """Seconds for each step at one size, and the sorting baseline."""
    given = incident(accounts)
    notes = NarrativeNotes(incident="bench")
    narrative = merge(given, notes)
    rng = random.Random(1)
    rows = [
        (
            START + timedelta(seconds=rng.randrange(28800)),
            rng.randrange(3),
            f"P{rng.randrange(accounts)}",
            f"{rng.randrange(accounts):032x}",
            i,
        )
        for i in range(accounts * MOMENTS)
    ]
    result = {
        "moments": accounts * MOMENTS,
        "merge": median_seconds(lambda: merge(given, notes), runs),
        "md": median_seconds(lambda: markdown.render(narrative), runs),
        "html": median_seconds(lambda: html.render(narrative), runs),
        "json": median_seconds(lambda: json.render(narrative), runs),
        "sorted": median_seconds(lambda: sorted(rows), runs),
        "load": load_seconds(given, min(3, runs)),
        "suggested": len(narrative.suggestions()),
    }
    result["total"] = result["merge"] + result["md"] + result["html"] + result["json"]
    return result


HEADER = (
    "version accounts  moments    merge       md     html     json    total  µs/moment"
    "  sorted()  total/sorted  suggested  (load files)"
)
ROW = (
    "{accounts:>8} {moments:>8} {merge:>7.3f}s {md:>7.3f}s {html:>7.3f}s {json:>7.3f}s "
    "{total:>7.3f}s {per:>10.1f} {sorted:>8.4f}s {ratio:>13.0f} {suggested:>10} {load:>12.3f}s"
)
GROWTH = "{n1:>7} → {n2:<6} {n:>8.1f} {nlogn:>14.2f} {total:>12.2f} {sorted:>15.2f}"


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="merge_bench.py",
        description="Time the merge and the three exports at several incident sizes.",
    )
    parser.add_argument(
        "sizes",
        nargs="*",
        type=int,
        metavar="ACCOUNTS",
        help=f"numbers of accounts of {MOMENTS} moments each "
        f"(default: {' '.join(map(str, SIZES))})",
    )
    parser.add_argument(
        "--runs",
        type=int,
        metavar="N",
        help="runs per step (default: 7 up to 100 accounts, else 5; with --one-account "
        "3 up to 20,000 moments, else 1)",
    )
    parser.add_argument(
        "--one-account",
        action="store_true",
        help="one account; the sizes are numbers of moments "
        f"(default: {' '.join(map(str, ONE_ACCOUNT_SIZES))})",
    )
    parser.add_argument(
        "--against",
        metavar="SRC",
        help="also measure the secondstory package in SRC, in a subprocess, size by size",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="with --against: give up on one size of the other version after this long",
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Print one row per size, then the growth between sizes."""
    args = _arguments(argv)
    if args.one_account:
        return _run_one_account(args)
    sizes = args.sizes or list(SIZES)
    if not args.json:
        print(HEADER)
    versions: dict[str, list[dict[str, float]]] = {"this": []}
    if args.against:
        versions["against"] = []
    for accounts in sizes:
        runs = args.runs or (7 if accounts <= 100 else 5)
        r = measure(accounts, runs=runs)
        if args.json:
            print(jsonlib.dumps(r))
            continue
        versions["this"].append(r)
        _print_row("this", accounts, r)
        if args.against:  # the other version right after, so both meet the same load
            other = _elsewhere(args.against, [str(accounts)], runs, args.timeout)
            if other is None:
                print(f"{'against':<8} {accounts:>8}: more than {args.timeout:.0f} s")
                continue
            versions["against"].append(other)
            _print_row("against", accounts, other)
    if args.json:
        return 0
    print()
    print(
        "version       from → to   n ratio  n log n ratio  total ratio  sorted() ratio  load ratio"
    )
    for version, results in versions.items():
        for small, large in itertools.pairwise(results):
            n1, n2 = int(small["moments"]), int(large["moments"])
            nlogn = n2 * math.log(n2) / (n1 * math.log(n1))
            total, baseline = large["total"] / small["total"], large["sorted"] / small["sorted"]
            load = large["load"] / small["load"]
            row = GROWTH.format(n1=n1, n2=n2, n=n2 / n1, nlogn=nlogn, total=total, sorted=baseline)
            print(f"{version:<8}{row} {load:>11.2f}")
    return 0


def _print_row(version: str, accounts: int, r: dict[str, float]) -> None:
    per, ratio = 1e6 * r["total"] / r["moments"], r["total"] / r["sorted"]
    print(f"{version:<8}" + ROW.format(accounts=accounts, per=per, ratio=ratio, **r))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""How long the command line takes to start and finish, side by side in one run.

    python bench/startup_bench.py [--rounds 15] [--against SRC]

Each command runs as a fresh process; configurations interleave (A B C A B C ...), and
the medians are printed with the time above `python -c pass` (the interpreter's own
start), which is what secondstory adds; beside the wall time, the CPU time the process
used (user and system, from getrusage), which a busy machine disturbs less. With
--against, the same commands also run with another copy of the source on PYTHONPATH
(e.g. an older commit unpacked with `git archive COMMIT src | tar -x -C /tmp/base`, then
--against /tmp/base/src), in the same rounds, so the two versions meet the same load.

Commands: --help; lint on a six-line Markdown file (the compiled rules already cached,
as on every run after the first); merge of the sample incident to Markdown. --only
runs some of them (comma-separated).

PYTHONDONTWRITEBYTECODE is taken out of the commands' environment, so the warm-up run
leaves compiled bytecode behind as an installed wheel has it; otherwise every run would
compile secondstory's modules afresh.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DRAFT = """# What happened

The deploy broke because Sam should have checked the config.
We restarted the primary at 14:02 and the errors stopped.
It was obviously human error.
The dashboards showed green the whole time.
"""


def commands(tmp: Path) -> dict[str, list[str]]:
    from secondstory.files.demo import make_demo

    draft = tmp / "draft.md"
    draft.write_text(DRAFT, "utf-8")
    sample = make_demo(tmp / "demo")
    return {
        "--help": ["--help"],
        "lint": ["lint", "--no-config", str(draft)],
        "merge": ["merge", str(sample)],
    }


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user and system) of the process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="interleaved rounds (15)")
    parser.add_argument("--against", type=Path, help="another src folder to compare with")
    parser.add_argument("--only", help="comma-separated commands to run (--help,lint,merge)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="secondstory-startup-") as name:
        tmp = Path(name)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["SECONDSTORY_HOME"] = str(tmp / "home")
        env["XDG_CACHE_HOME"] = str(tmp / "cache")
        versions = {"this": env}
        if args.against is not None:
            versions["against"] = {**env, "PYTHONPATH": str(args.against.resolve())}
        configs = {("python", "-c pass"): ([sys.executable, "-c", "pass"], env)}
        for version, version_env in versions.items():
            for label, rest in commands(tmp).items():
                if args.only and label not in args.only.split(","):
                    continue
                argv_ = [sys.executable, "-m", "secondstory", *rest]
                configs[(version, label)] = (argv_, version_env)
        for argv_, env_ in configs.values():  # warm: caches, compiled rules, page cache
            run_once(argv_, env_)
        times: dict[tuple[str, str], list[tuple[float, float]]] = {key: [] for key in configs}
        for _ in range(args.rounds):
            for key, (argv_, env_) in configs.items():
                times[key].append(run_once(argv_, env_))
    bare = [statistics.median(t[i] for t in times[("python", "-c pass")]) for i in (0, 1)]
    print(
        f"{'version':<9}{'command':<12}{'median ms':>10}{'above python ms':>17}"
        f"{'CPU ms':>8}{'CPU above python':>18}"
    )
    for (version, label), values in times.items():
        wall, cpu = (statistics.median(t[i] for t in values) for i in (0, 1))
        above = "" if version == "python" else f"{(wall - bare[0]) * 1000:17.0f}"
        above_cpu = "" if version == "python" else f"{(cpu - bare[1]) * 1000:18.0f}"
        print(
            f"{version:<9}{label:<12}{wall * 1000:>10.0f}{above:>17}{cpu * 1000:>8.0f}{above_cpu}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

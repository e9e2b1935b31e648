"""Time to the first frame of `give` and `facilitate` on the sample incident, beside a bare
Textual app with the same kinds of widgets, interleaved in one run.

    python bench/first_frame_bench.py [--rounds 5] [--against SRC]

Each configuration starts in a pseudo-terminal of 80x24 and is timed from the start of
the process to the moment the terminal receives the text that shows its first screen is
drawn: the opening's title for `give`, the last participant's name for `facilitate`, and
READY-MARK for the bare app (bench/bare_app.py interview). Resident memory (from /proc)
is read once the screen is drawn and quiet. With --against SRC the two secondstory
configurations also run with another copy of the source on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_driver import Pty

HERE = Path(__file__).resolve().parent
BASE_ENV = {"TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8"}


def _env(tmp: Path, pythonpath: Path | None) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "VIRTUAL_ENV")}
    env = {**keep, **BASE_ENV, "SECONDSTORY_HOME": str(tmp / "home")}
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath.resolve())
    return env


def measure(argv: list[str], marker: str, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from start to the marker on screen, and the RSS (KiB) once quiet."""
    term = Pty(argv, env).start()
    try:
        drawn = term.wait_for(marker, timeout=60)
        term.settle(0.5)
        return drawn - term.started, term.rss_kib()
    finally:
        term.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (5)")
    parser.add_argument("--against", type=Path, help="another src folder to compare with")
    args = parser.parse_args(argv)
    from secondstory.account.prompts import builtin_prompt_set
    from secondstory.files.demo import make_demo

    opening = builtin_prompt_set().opening.title
    with tempfile.TemporaryDirectory(prefix="secondstory-frame-") as name:
        tmp = Path(name)
        sample = make_demo(tmp / "demo")
        py = sys.executable
        configs: dict[str, tuple[list[str], str, dict[str, str]]] = {
            "bare app": (
                [py, str(HERE / "bare_app.py"), "interview"],
                "READY-MARK",
                _env(tmp, None),
            )
        }
        versions: dict[str, Path | None] = {"this": None}
        if args.against is not None:
            versions["against"] = args.against
        for version, path in versions.items():
            env = _env(tmp, path)
            give = [py, "-m", "secondstory", "give", str(sample)]
            facilitate = [py, "-m", "secondstory", "facilitate", str(sample)]
            configs[f"{version} give"] = (give, opening, env)
            configs[f"{version} facilitate"] = (facilitate, "Sam Okafor", env)
        for argv_, marker, env in configs.values():  # warm: page cache, compiled rules
            measure(argv_, marker, env)
        found: dict[str, list[tuple[float, int]]] = {key: [] for key in configs}
        for _ in range(args.rounds):
            for key, (argv_, marker, env) in configs.items():
                found[key].append(measure(argv_, marker, env))
    bare = statistics.median(t for t, _ in found["bare app"])
    bare_rss = statistics.median(r for _, r in found["bare app"])
    print(f"{'configuration':<22}{'first frame s':>14}{'x bare':>8}{'RSS MiB':>9}{'x bare':>8}")
    for key, values in found.items():
        seconds = statistics.median(t for t, _ in values)
        rss = statistics.median(r for _, r in values)
        print(
            f"{key:<22}{seconds:>14.3f}{seconds / bare:>8.2f}"
            f"{rss / 1024:>9.1f}{rss / bare_rss:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

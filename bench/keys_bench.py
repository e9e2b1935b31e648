"""Bytes written to the terminal for each typed character, side by side in one run.

    python bench/keys_bench.py [--rounds 3] [--chars 24] [--interval 0.2] [--only A,B]

Each configuration starts in its own pseudo-terminal of 80x24 (TERM=xterm-256color),
waits for its first screen, puts the cursor where the typing happens, waits until the
screen is quiet, then types a sentence one character every INTERVAL seconds and counts the
bytes written back after each one (everything until the next key: the character, the
cursor, and anything else the key made redraw, autosave notes included). Configurations
run interleaved (A B C A B C ...) so a busy machine slows all alike. Printed per
configuration: the median and 95th percentile of bytes per character, the median number
of screen rows a key redrew (24 is the whole screen), the median number of separate
bursts per key, the milliseconds from a key to the first byte drawn back and to the
last (the screen finished; median and 95th percentile; autosaves happen during the
typing, every 0.8 s), and the resident memory once the screen was ready.

Configurations:
  give-3-middle   secondstory give (sample incident), the closing step's first answer
                  holding three lines, typing in the middle of the second
  give-20-end     the same answer holding twenty lines, typing at the end
  give-50-save    a resumed draft of 50 moments, typing at the end of the closing step's
                  first answer: every autosave (0.8 s into steady typing) writes all 50,
                  so the latency column shows whether a save delays the keys
  facilitate-move secondstory facilitate (sample incident): the timeline's cursor moved
                  down and up (the keys typed are arrows, not characters)
  against-...     those with another copy of the source (--against SRC)
  input           a bare Textual Input (bench/bare_app.py)
  textarea        a bare Textual TextArea of three lines, typing in the middle
  vim             vim -u NONE on three lines, typing in the middle (if vim is installed)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_driver import Pty, bursts, rows_touched

HERE = Path(__file__).resolve().parent
SENTENCE = "and then we looked again at the graphs"
ENV = {"TERM": "xterm-256color", "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8"}
LEFT = "\x1b[D"
UP = "\x1b[A"
Setup = Callable[[Path], Pty]


def _env(tmp: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "VIRTUAL_ENV")}
    home = {"SECONDSTORY_HOME": str(tmp / "home"), "XDG_CACHE_HOME": str(tmp / "cache")}
    return {**keep, **ENV, **home}


AGAINST: list[Path] = []
"""Another src folder (--against), put on PYTHONPATH for the `against-` configurations."""


def _give(lines: int, middle: bool, *, against: bool = False) -> Setup:
    def setup(tmp: Path) -> Pty:
        from secondstory.account.prompts import builtin_prompt_set
        from secondstory.files.demo import make_demo

        prompts = builtin_prompt_set()
        folder = make_demo(tmp / "demo")
        argv = [sys.executable, "-m", "secondstory", "give", str(folder)]
        env = _env(tmp)
        if against:
            env["PYTHONPATH"] = str(AGAINST[0].resolve())
        term = Pty(argv, env).start()
        term.wait_for(prompts.opening.title)
        mark = term.mark()
        term.type("\r")
        term.wait_for(prompts.identity.author.label, since=mark)
        mark = term.mark()
        term.type("Alex\x0e")
        term.wait_for("To think about", since=mark)
        mark = term.mark()
        term.type("\x0e")
        term.wait_for(prompts.closing.surprised.label, since=mark)
        for n in range(lines):
            mark = term.mark()
            term.type(f"{'' if n == 0 else chr(13)}line {n} of what surprised me")
            term.wait_for(f"line {n} of", since=mark)
        if middle:
            term.type(UP * (lines // 2 if lines > 1 else 0) + LEFT * 10)
        term.settle(1.2)  # past the autosave of the setup
        return term

    return setup


def _big_draft(tmp: Path, folder: Path, moments: int) -> None:
    """A draft of `moments` moments for the sample incident, resumed on the closing step."""
    from secondstory.account.drafts import save_draft, start_draft
    from secondstory.files.incidents import load_incident
    from secondstory.files.model import Moment

    os.environ["SECONDSTORY_HOME"] = str(tmp / "home")  # where the app will look for it
    try:
        draft = start_draft(load_incident(folder), folder)
        draft.account.author = "Alex"
        words = "We looked at the replica lag graph and the queue depth, then paged the DBA."
        draft.account.moments = [
            Moment(id=f"m{n}", did=words, observed=words, expected=words, why=words)
            for n in range(1, moments + 1)
        ]
        draft.session.step = "closing"
        save_draft(draft)
        from secondstory.language.rules import load_rules_or_default

        load_rules_or_default()  # compiled once into the cache, as after a first run
    finally:
        del os.environ["SECONDSTORY_HOME"]


def _give_resumed(moments: int, *, against: bool = False) -> Setup:
    def setup(tmp: Path) -> Pty:
        from secondstory.account.prompts import builtin_prompt_set
        from secondstory.files.demo import make_demo

        folder = make_demo(tmp / "demo")
        _big_draft(tmp, folder, moments)
        env = _env(tmp)
        if against:
            env["PYTHONPATH"] = str(AGAINST[0].resolve())
        argv = [sys.executable, "-m", "secondstory", "give", str(folder)]
        term = Pty(argv, env).start()
        term.wait_for(builtin_prompt_set().closing.surprised.label)
        mark = term.mark()
        term.type("first line")
        term.wait_for("first line", since=mark)
        term.settle(1.2)  # past the autosave of the setup
        return term

    return setup


def _facilitate(*, against: bool = False) -> Setup:
    def setup(tmp: Path) -> Pty:
        from secondstory.files.demo import make_demo

        folder = make_demo(tmp / "demo")
        argv = [sys.executable, "-m", "secondstory", "facilitate", str(folder)]
        env = _env(tmp)
        if against:
            env["PYTHONPATH"] = str(AGAINST[0].resolve())
        term = Pty(argv, env).start()
        term.wait_for("Sam Okafor")
        term.settle(1.5)
        return term

    return setup


def _bare(kind: str, lines: int = 3) -> Setup:
    def setup(tmp: Path) -> Pty:
        argv = [sys.executable, str(HERE / "bare_app.py"), kind, str(lines)]
        term = Pty(argv, _env(tmp)).start()
        term.wait_for("READY-MARK")
        term.settle(0.6)
        return term

    return setup


def _vim(tmp: Path) -> Pty:
    path = tmp / "answer.txt"
    path.write_text("".join(f"line {n} of an answer\n" for n in range(3)), "utf-8")
    vim = shutil.which("vim") or "vim"
    term = Pty([vim, "-u", "NONE", "-N", "-i", "NONE", "-n", str(path)], _env(tmp)).start()
    term.wait_for("line 2 of")
    term.type("2G10|i")
    term.settle(0.6)
    return term


CONFIGS: dict[str, Setup] = {
    "give-3-middle": _give(3, middle=True),
    "give-20-end": _give(20, middle=False),
    "against-3-middle": _give(3, middle=True, against=True),
    "against-20-end": _give(20, middle=False, against=True),
    "give-50-save": _give_resumed(50),
    "against-50-save": _give_resumed(50, against=True),
    "facilitate-move": _facilitate(),
    "against-f-move": _facilitate(against=True),
    "input": _bare("input"),
    "textarea": _bare("textarea", 3),
    "vim": _vim,
}


DOWN, UP_KEY = "\x1b[B", "\x1b[A"


def measure(
    setup: Setup, chars: int, interval: float, *, moves: bool = False
) -> dict[str, list[float]]:
    """One run of one configuration: per key, bytes, rows, bursts and latency."""
    with tempfile.TemporaryDirectory(prefix="secondstory-keys-") as tmp:
        term = setup(Path(tmp))
        try:
            rss = term.rss_kib()
            found: dict[str, list[float]] = {"bytes": [], "rows": [], "bursts": [], "rss": [rss]}
            found["latency"], found["done"] = [], []
            keys = [DOWN if n % 6 < 3 else UP_KEY for n in range(chars)] if moves else None
            for char in keys or (SENTENCE * 4)[:chars]:
                mark = term.mark()
                sent = time.perf_counter()
                term.type(char)
                time.sleep(interval)
                found["bytes"].append(len(term.output(mark)))
                found["rows"].append(rows_touched(term.output(mark)))
                found["bursts"].append(bursts(term.chunks[mark:]))
                if len(term.chunks) > mark:  # key to the first and to the last byte drawn
                    found["latency"].append(term.chunks[mark].at - sent)
                    found["done"].append(term.chunks[-1].at - sent)
            return found
        finally:
            term.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("--chars", type=int, default=24, help="characters typed per run (24)")
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between keys")
    parser.add_argument("--only", help="comma-separated configurations to run")
    parser.add_argument("--against", type=Path, help="another src folder to compare with")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(CONFIGS)
    if args.against is None:
        names = [name for name in names if not name.startswith("against-")]
    else:
        AGAINST[:] = [args.against]
    if "vim" in names and shutil.which("vim") is None:
        names.remove("vim")
    results: dict[str, dict[str, list[float]]] = {n: {} for n in names}
    for _ in range(args.rounds):
        for name in names:
            run = measure(CONFIGS[name], args.chars, args.interval, moves=name.endswith("move"))
            for key, values in run.items():
                results[name].setdefault(key, []).extend(values)
    print(
        f"{'configuration':<16}{'B/char med':>11}{'p95':>7}{'rows':>7}{'bursts':>7}"
        f"{'ms med':>7}{'ms p95':>7}{'done med':>9}{'done p95':>9}{'RSS MiB':>8}"
    )
    for name in names:
        r = results[name]
        print(
            f"{name:<16}{statistics.median(r['bytes']):>11.0f}{_p95(r['bytes']):>7.0f}"
            f"{statistics.median(r['rows']):>7.0f}{statistics.median(r['bursts']):>7.0f}"
            f"{_ms(r['latency'], statistics.median):>7.0f}{_ms(r['latency'], _p95):>7.0f}"
            f"{_ms(r['done'], statistics.median):>9.0f}{_ms(r['done'], _p95):>9.0f}"
            f"{statistics.median(r['rss']) / 1024:>8.1f}"
        )
    return 0


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _ms(seconds: list[float], summary: Callable[[list[float]], float]) -> float:
    return summary([t * 1000 for t in seconds] or [0.0])


if __name__ == "__main__":
    raise SystemExit(main())

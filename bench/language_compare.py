"""Two versions of the detector side by side: the same findings, and the CPU time of each.

    python bench/language_compare.py --against /tmp/base/src [--runs 9]

`--against` is another copy of the source (e.g. `git archive COMMIT src prompts | tar -x
-C /tmp/base`, then /tmp/base/src); its own prompts/ beside it are its rules. Each version
runs in a process of its own, on the benchmark's four texts of bench/language_bench.py
and on every sentence of our corpora and the real-text sets. It prints, per text,
whether the two versions find exactly the same (start, end, rule id) list, how many
findings each has, and the median CPU time (time.process_time around `check()`) of
each, the two versions taking turns on every text in every run, so that both meet the
same machine load. Only the bench texts are timed; the sentences are compared.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SETS = {
    "own corpus": ROOT / "tests" / "data" / "language_corpus.tsv",
    "holdout": ROOT / "tests" / "data" / "language_holdout.tsv",
    "real dev": ROOT / "tests" / "data" / "real" / "dev.tsv",
    "real test": ROOT / "tests" / "data" / "real" / "test.tsv",
    "real fresh": ROOT / "tests" / "data" / "real" / "fresh.tsv",
}

WORKER = r"""
import json, sys, time
sys.path.insert(0, {bench!r})
import language_bench
from secondstory.language import check, default_rules

rules = default_rules()
texts = language_bench.kinds(1_000_000)
for text in texts.values():
    check(text[:20_000], rules, markdown=True)  # patterns compiled before timing
for line in sys.stdin:  # one request a line: "time NAME" or "found"
    if line.startswith("time "):
        started = time.process_time()
        check(texts[line[5:].strip()], rules, markdown=True)
        print(json.dumps(time.process_time() - started), flush=True)
        continue
    found = {{}}
    for name, text in texts.items():
        found[name] = [[f.start, f.end, f.rule] for f in check(text, rules, markdown=True)]
    for name, path in {sets!r}.items():
        lines = open(path, encoding="utf-8").read().splitlines()
        sentences = [line.split("\t")[1] for line in lines if line.strip() and line[0] != "#"]
        found[name] = [
            [[f.start, f.end, f.rule] for f in check(s, rules, markdown=True)] for s in sentences
        ]
    print(json.dumps(found), flush=True)
"""


class Worker:
    """One version in a process of its own, answering one request at a time."""

    def __init__(self, src: Path | None) -> None:
        env = dict(os.environ)
        if src is not None:
            env["PYTHONPATH"] = str(src)
        sets = {name: str(path) for name, path in SETS.items() if path.is_file()}
        code = WORKER.format(bench=str(HERE), sets=sets)
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, request: str) -> object:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(request + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="the other src folder")
    parser.add_argument("--runs", type=int, default=9, help="timed runs per text and version")
    args = parser.parse_args(argv)
    workers = {"base": Worker(args.against.resolve()), "this": Worker(None)}
    try:
        found = {version: worker.ask("found") for version, worker in workers.items()}
        base, this = found["base"], found["this"]
        assert isinstance(base, dict) and isinstance(this, dict)
        kinds = [name for name in base if name not in SETS]
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):  # base and this take turns on each text, every run
            for name in kinds:
                for version, worker in workers.items():
                    value = worker.ask(f"time {name}")
                    assert isinstance(value, float)
                    times.setdefault((version, name), []).append(value)
    finally:
        for worker in workers.values():
            worker.close()
    print(f"{'text':<12}{'same':>6}{'findings base':>15}{'findings this':>15}", end="")
    print(f"{'CPU base ms':>13}{'CPU this ms':>13}{'this/base':>11}")
    for name in base:
        old, new = base[name], this[name]
        same = "yes" if old == new else "NO"
        count_old = sum(map(len, old)) if name in SETS else len(old)
        count_new = sum(map(len, new)) if name in SETS else len(new)
        line = f"{name:<12}{same:>6}{count_old:>15,}{count_new:>15,}"
        if name not in SETS:
            medians = [statistics.median(times[(v, name)]) for v in ("base", "this")]
            line += f"{medians[0] * 1e3:>13.0f}{medians[1] * 1e3:>13.0f}"
            line += f"{medians[1] / medians[0]:>10.2f}x"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

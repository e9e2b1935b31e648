"""Two versions of the detector side by side: the same findings, and the CPU time of each.

    python bench/language_compare.py --against /tmp/base/src [--runs 5] [--pairs 3]

`--against` is another copy of the source (e.g. `git archive COMMIT src prompts | tar -x
-C /tmp/base`, then /tmp/base/src); its own prompts/ beside it are its rules. Each version
runs in a fresh process per turn (base, this, base, this, ...), on the benchmark's four
texts of bench/language_bench.py and on every sentence of our corpora and the real-text
sets. It prints, per text, whether the two versions find exactly the same (start, end,
rule id) list, how many findings each has, and the median CPU time (time.process_time
around `check()`) of each. Only the bench texts are timed; the sentences are compared.
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
runs = {runs}
out = {{"times": {{}}, "found": {{}}}}
for name, text in language_bench.kinds(1_000_000).items():
    check(text[:20_000], rules, markdown=True)  # patterns compiled before timing
    times = []
    for _ in range(runs):
        started = time.process_time()
        findings = check(text, rules, markdown=True)
        times.append(time.process_time() - started)
    out["times"][name] = times
    out["found"][name] = [[f.start, f.end, f.rule] for f in findings]
for name, path in {sets!r}.items():
    lines = open(path, encoding="utf-8").read().splitlines()
    sentences = [line.split("\t")[1] for line in lines if line.strip() and line[0] != "#"]
    out["found"][name] = [
        [[f.start, f.end, f.rule] for f in check(s, rules, markdown=True)] for s in sentences
    ]
print(json.dumps(out))
"""


def run(src: Path | None, runs: int) -> dict[str, dict[str, object]]:
    """One turn of one version in a fresh process."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    sets = {name: str(path) for name, path in SETS.items() if path.is_file()}
    code = WORKER.format(bench=str(HERE), runs=runs, sets=sets)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, dict[str, object]] = json.loads(done.stdout.splitlines()[-1])
    return result


def _times(turns: list[dict[str, dict[str, object]]], name: str) -> list[float]:
    found: list[float] = []
    for turn in turns:
        times = turn["times"][name]
        assert isinstance(times, list)
        found.extend(times)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="the other src folder")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per text and turn")
    parser.add_argument("--pairs", type=int, default=3, help="turns of each version")
    args = parser.parse_args(argv)
    turns: dict[str, list[dict[str, dict[str, object]]]] = {"base": [], "this": []}
    for _ in range(args.pairs):
        turns["base"].append(run(args.against.resolve(), args.runs))
        turns["this"].append(run(None, args.runs))
    base, this = turns["base"][0]["found"], turns["this"][0]["found"]
    print(f"{'text':<12}{'same':>6}{'findings base':>15}{'findings this':>15}", end="")
    print(f"{'CPU base ms':>13}{'CPU this ms':>13}{'this/base':>11}")
    for name in base:
        old, new = base[name], this[name]
        assert isinstance(old, list) and isinstance(new, list)
        same = "yes" if old == new else "NO"
        count_old = sum(map(len, old)) if name in SETS else len(old)
        count_new = sum(map(len, new)) if name in SETS else len(new)
        line = f"{name:<12}{same:>6}{count_old:>15,}{count_new:>15,}"
        if name not in SETS:
            medians = [statistics.median(_times(turns[v], name)) for v in ("base", "this")]
            line += f"{medians[0] * 1e3:>13.0f}{medians[1] * 1e3:>13.0f}"
            line += f"{medians[1] / medians[0]:>10.2f}x"
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How long the blame-language check takes on 1 MB of incident-review text, by kind of text.

Every kind is generated, about --size characters of Markdown, and checked with
markdown=True:

- prose: paragraphs of plain incident prose (timelines, metrics, who did what) with one
  sentence in five drawn from the labelled corpus, plus headings, lists and code blocks;
- corpus: paragraphs made only of corpus sentences, half of them blame;
- clean: only the corpus's hard negatives: no blame, but the rules' keywords everywhere;
- blame: only the corpus's blame sentences: a finding every 50 characters or so.

Each measurement is the median of several runs; two baselines measured in the same run on
the prose text put the numbers in proportion to this machine. Exits 1 when any kind is
slower than the target.

    python bench/language_bench.py [--size BYTES] [--runs N] [--kind KIND]...
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from language_corpus import load_corpus

from secondstory.language import check, default_rules

TARGET_MS = 200.0
NAMES = ["Priya", "Sam", "Tomasz", "Aiyana", "Kofi", "Mei", "Jonas", "Fatima", "Diego", "Ingrid"]
SYSTEMS = [
    "checkout-api",
    "the ledger service",
    "the Postgres primary",
    "the Kafka brokers",
    "the CDN",
    "the billing cron",
    "the autoscaler",
    "the search indexer",
    "Redis",
    "the payments queue",
    "the load balancer",
    "the deploy pipeline",
]
METRICS = [
    "p99 latency",
    "error rate",
    "queue depth",
    "replication lag",
    "CPU load",
    "connection count",
    "disk usage",
    "request rate",
]
PLACES = ["eu-west-1", "us-east-2", "the staging cluster", "the bastion host", "rack 14"]
TEMPLATES = [
    "At {time} {system} reported {n} timeouts on {place}.",
    "{name} looked at the dashboard and saw the {metric} rising.",
    "The {metric} on {system} stayed near {n} percent for {m} minutes.",
    "We had {n} pods running in {place} when the first page arrived.",
    "{name} could see the {metric} graph from the incident channel.",
    "The logs from {system} showed {n} retries between {time} and {time2}.",
    "Only {place} was affected; traffic elsewhere looked normal.",
    "{name} posted an update in the incident channel at {time}.",
    "The runbook for {system} describes how to drain a node and restart it.",
    "By {time} the {metric} had returned to its usual level.",
    "{name} and {name2} compared notes on what each of them saw at {time}.",
    "The error budget for {system} was at {n} percent at the start of the week.",
    "A change to {system} went out at {time} as part of the weekly release.",
    "{name} asked whether {system} depended on {system2}, and nobody was sure.",
    "The alert for {metric} went to the secondary rotation at {time}.",
    "We rolled the change back at {time2} and watched the {metric} for {m} minutes.",
]


def sentences_only(texts: list[str], size: int, seed: int = 7) -> str:
    """About `size` characters of paragraphs made of `texts` only, in random order."""
    rng = random.Random(seed)
    chunks: list[str] = []
    total = 0
    while total < size:
        chunks.append(" ".join(rng.choice(texts) for _ in range(rng.randint(3, 7))))
        total += len(chunks[-1]) + 2
    return "\n\n".join(chunks)[:size]


def kinds(size: int) -> dict[str, str]:
    """Each kind of text the benchmark measures, by name."""
    samples = load_corpus()
    return {
        "prose": generate(size),
        "corpus": sentences_only([sample.text for sample in samples], size),
        "clean": sentences_only([s.text for s in samples if not s.labels], size),
        "blame": sentences_only([s.text for s in samples if s.labels], size),
    }


def generate(size: int, seed: int = 7) -> str:
    """About `size` characters of Markdown incident-review text."""
    rng = random.Random(seed)
    corpus = [sample.text for sample in load_corpus()]
    chunks: list[str] = []
    total = 0
    while total < size:
        chunks.append(_paragraph(rng, corpus) if rng.random() < 0.9 else _markdown_bit(rng))
        total += len(chunks[-1]) + 2
    return "\n\n".join(chunks)[:size]


def _paragraph(rng: random.Random, corpus: list[str]) -> str:
    sentences = []
    for _ in range(rng.randint(3, 7)):
        if rng.random() < 0.2:
            sentences.append(rng.choice(corpus))
            continue
        hour, minute = rng.randint(0, 23), rng.randint(0, 59)
        sentences.append(
            rng.choice(TEMPLATES).format(
                time=f"{hour:02}:{minute:02}",
                time2=f"{hour:02}:{(minute + 7) % 60:02}",
                system=rng.choice(SYSTEMS),
                system2=rng.choice(SYSTEMS),
                name=rng.choice(NAMES),
                name2=rng.choice(NAMES),
                metric=rng.choice(METRICS),
                place=rng.choice(PLACES),
                n=rng.randint(2, 90),
                m=rng.randint(2, 40),
            )
        )
    return " ".join(sentences)


def _markdown_bit(rng: random.Random) -> str:
    choice = rng.randrange(3)
    if choice == 0:
        return f"## {rng.choice(['Timeline', 'What we saw', 'Contributing conditions'])}"
    if choice == 1:
        return "\n".join(f"- {rng.choice(SYSTEMS)}: {rng.choice(METRICS)}" for _ in range(4))
    return "```sh\nkubectl rollout undo deploy/checkout-api  # should have been quick\n```"


def median_ms(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `action`, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print; exit 1 when any kind of text is slower than the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text")
    parser.add_argument("--runs", type=int, default=7, help="runs per measurement")
    parser.add_argument(
        "--kind",
        action="append",
        choices=("prose", "corpus", "clean", "blame"),
        help="measure only this kind (may be repeated; default: all)",
    )
    args = parser.parse_args(argv)
    texts = kinds(args.size)
    chosen = args.kind or list(texts)
    rules = default_rules()
    print(f"{len(rules)} rules; check(markdown=True), median of {args.runs} runs")
    print(f"{'text':<8} {'characters':>11} {'findings':>9} {'time':>10}  target {TARGET_MS:.0f} ms")
    slow = False
    for name in chosen:
        text = texts[name]
        findings = check(text, rules, markdown=True)
        took = median_ms(lambda text=text: check(text, rules, markdown=True), args.runs)
        verdict = "meets it" if took < TARGET_MS else "misses it"
        slow = slow or took >= TARGET_MS
        print(f"{name:<8} {len(text):>11,} {len(findings):>9,} {took:>7.1f} ms  {verdict}")
    prose = texts["prose"]
    simple = re.compile(r"\bshould have\b", re.IGNORECASE)
    one_regex = median_ms(lambda: sum(1 for _ in simple.finditer(prose)), args.runs)
    lower = median_ms(prose.lower, args.runs)
    print(f"baseline re.finditer(r'\\bshould have\\b', re.I) on prose: {one_regex:8.1f} ms")
    print(f"baseline str.lower() on prose: {lower:8.1f} ms")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())

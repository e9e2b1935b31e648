"""Precision and recall of the blame-language detector on the labelled corpus.

Run `python bench/language_corpus.py` to print the per-category table used in
docs/language.md, or `--misses` to list every sentence it gets wrong. `--real dev` (or
`--real test`, `--real fresh`, `--real fresh2`) scores the real-text evaluation set in
tests/data/real/ the same way:
sentences written by other people, whose third column is the address they came from.

Scoring. A sentence is labelled with one category, several acceptable ones joined by "|",
"-" (a hard negative) or "expectation" (an expectation about a system: not blame). Its
predicted categories are those of its blame findings (expectation findings aside).
Overall: a true positive is a blame sentence with a finding of an acceptable category; a
false positive is a sentence with a blame finding that is a negative or has only
findings of other categories; a blame sentence without an acceptable finding is a miss.
Per category c: precision is, of the sentences where c was predicted, the share whose labels
include c; recall is, of the sentences whose first label is c, the share detected with an
acceptable category.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from secondstory.language import RuleSet, check, default_rules, is_blame

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
CORPUS = DATA / "language_corpus.tsv"
HOLDOUT = DATA / "language_holdout.tsv"
REAL = {
    "dev": DATA / "real" / "dev.tsv",
    "test": DATA / "real" / "test.tsv",
    "fresh": DATA / "real" / "fresh.tsv",  # the fresh held-out set: score once, never tune
    "fresh2": DATA / "real" / "fresh2.tsv",  # the second fresh set: scored once, never tune
}
NEGATIVE = "-"
EXPECTATION = "expectation"


@dataclass(frozen=True)
class Sample:
    """One labelled sentence."""

    labels: tuple[str, ...]  # empty for a hard negative
    text: str
    line: int
    expectation: bool = False  # an expectation about a system: not blame


@dataclass
class Tally:
    """Counts for one category, or for all of them."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        predicted = self.true_pos + self.false_pos
        return self.true_pos / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_pos + self.false_neg
        return self.true_pos / actual if actual else 1.0


def load_corpus(path: Path = CORPUS) -> list[Sample]:
    """The labelled sentences of a corpus file (LABEL, SENTENCE and an optional SOURCE)."""
    samples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split("\t")[:2]
        labels = () if label in (NEGATIVE, EXPECTATION) else tuple(label.split("|"))
        samples.append(Sample(labels, text, number, label == EXPECTATION))
    return samples


def score(samples: Sequence[Sample], rules: RuleSet | None = None) -> dict[str, Tally]:
    """Tallies per category, plus "all" for the whole corpus."""
    tallies: dict[str, Tally] = {"all": Tally()}
    gentle = tallies[EXPECTATION] = Tally()
    for sample in samples:
        findings = check(sample.text, rules, markdown=True)
        found = {f.category for f in findings if is_blame(f)}
        suggested = any(f.category == EXPECTATION for f in findings)
        gentle.true_pos += suggested and sample.expectation
        gentle.false_pos += suggested and not sample.expectation
        gentle.false_neg += sample.expectation and not suggested
        overall = tallies["all"]
        hit = bool(found & set(sample.labels))
        note = f"{sample.line}: {'|'.join(sample.labels) or '-'} got {sorted(found)}: {sample.text}"
        if hit:
            overall.true_pos += 1
        if sample.labels and not hit:
            overall.false_neg += 1
            overall.misses.append(note)
        if found and not hit:
            overall.false_pos += 1
            if not sample.labels:
                overall.misses.append(note)
        for category in found:
            tally = tallies.setdefault(category, Tally())
            if category in sample.labels:
                tally.true_pos += 1
            else:
                tally.false_pos += 1
        if sample.labels:
            primary = tallies.setdefault(sample.labels[0], Tally())
            if not hit:
                primary.false_neg += 1
            elif sample.labels[0] not in found:
                primary.false_neg += 1  # found, but not as its own category
    return tallies


def table(tallies: dict[str, Tally], samples: Sequence[Sample]) -> str:
    """A Markdown table of precision and recall per category."""
    counts: dict[str, int] = {}
    for sample in samples:
        key = sample.labels[0] if sample.labels else (EXPECTATION if sample.expectation else "")
        counts[key] = counts.get(key, 0) + 1
    rows = ["| category | sentences | precision | recall |", "|---|---:|---:|---:|"]
    for name in sorted(k for k in tallies if k not in ("all", EXPECTATION)):
        tally = tallies[name]
        rows.append(
            f"| {name} | {counts.get(name, 0)} | {tally.precision:.2f} | {tally.recall:.2f} |"
        )
    overall = tallies["all"]
    blame = sum(1 for sample in samples if sample.labels)
    rows.append(f"| **all blame** | {blame} | {overall.precision:.2f} | {overall.recall:.2f} |")
    gentle = tallies[EXPECTATION]
    rows.append(
        f"| expectation (not blame) | {counts.get(EXPECTATION, 0)} | {gentle.precision:.2f} "
        f"| {gentle.recall:.2f} |"
    )
    rows.append(f"| hard negatives | {counts.get('', 0)} | | |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table (and, with --misses, every sentence scored wrong)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list sentences scored wrong")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a labelled .tsv file")
    parser.add_argument("--real", choices=sorted(REAL), help="score a part of the real-text set")
    args = parser.parse_args(argv)
    samples = load_corpus(REAL[args.real] if args.real else args.corpus)
    tallies = score(samples, default_rules())
    print(table(tallies, samples))
    if args.misses:
        print("\n".join(["", *tallies["all"].misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

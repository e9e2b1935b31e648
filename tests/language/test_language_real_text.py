"""Precision and recall of check() on the test half of the real-text evaluation set.

tests/data/real/test.tsv holds sentences written by other people (public postmortems,
incident reviews, outage news, forum threads), scored once, after the rules were final,
with the same scoring as our own corpus (bench/language_corpus.py).

The issue's targets are precision >= 0.92, recall >= 0.85 and recall >= 0.75 for every
category with ten or more sentences. They are NOT met: the rules reach the figures below
on that one scoring, and these floors keep them from getting worse. Raise a floor when a
change improves it; do not tune the rules on this half.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEST_HALF = ROOT / "tests" / "data" / "real" / "test.tsv"

# Reached on the one scoring of the test half (docs/language.md, "On real text").
PRECISION_FLOOR = 0.65  # 62 of 94 sentences with a blame note (0.660)
RECALL_FLOOR = 0.36  # 62 of 172 blame sentences (0.360)
CATEGORY_RECALL_FLOORS = {  # every category with ten or more sentences
    "blame-other": 0.23,  # 0.238
    "counterfactual": 0.47,  # 0.476
    "judgement": 0.34,  # 0.344
    "root-cause": 0.46,  # 0.464
    "self-blame": 0.43,  # 0.435
}
# What the issue asks for (not reached): precision 0.92, recall 0.85, 0.75 per category.


def corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "language_corpus", ROOT / "bench" / "language_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, object], dict[str, int]]:
    assert TEST_HALF.is_file(), (
        f"{TEST_HALF} is missing: the real-text test half is part of the repository "
        "(tests/data/real/), and this test scores check() on it"
    )
    corpus = corpus_module()
    samples = corpus.load_corpus(TEST_HALF)
    counts: dict[str, int] = {}
    for sample in samples:
        if sample.labels:
            counts[sample.labels[0]] = counts.get(sample.labels[0], 0) + 1
    return corpus.score(samples), counts


def test_the_test_half_is_real_text_of_a_useful_size(
    scored: tuple[dict[str, object], dict[str, int]],
) -> None:
    _, counts = scored
    assert sum(counts.values()) >= 150


def test_overall_precision_and_recall_hold_their_floor(
    scored: tuple[dict[str, object], dict[str, int]],
) -> None:
    tallies, _ = scored
    overall = tallies["all"]
    assert overall.precision >= PRECISION_FLOOR, overall.misses  # type: ignore[attr-defined]
    assert overall.recall >= RECALL_FLOOR, overall.misses  # type: ignore[attr-defined]


def test_every_category_with_ten_sentences_holds_its_floor(
    scored: tuple[dict[str, object], dict[str, int]],
) -> None:
    tallies, counts = scored
    large = {category for category, count in counts.items() if count >= 10}
    assert large == set(CATEGORY_RECALL_FLOORS), "a category crossed ten sentences"
    for category, floor in CATEGORY_RECALL_FLOORS.items():
        recall = tallies[category].recall  # type: ignore[attr-defined]
        assert recall >= floor, f"{category}: recall {recall:.3f} < {floor}"

"""Precision and recall of check() on real text: the test half and the fresh set.

tests/data/real/ holds sentences written by other people (public postmortems, incident
reviews, outage news, forum threads), scored with the same scoring as our own corpus
(bench/language_corpus.py). The test half (test.tsv) was scored once after the first
round of rules and rescored after the second, so it is no longer a clean holdout; the
fresh set (fresh.tsv) was collected from other sources before the second round's rule
changes and scored once, after they were final; the second fresh set (fresh2.tsv), from
sources in none of the others, was scored once after the third round's rules were final.

The issue's targets are precision >= 0.92, recall >= 0.85 and recall >= 0.75 for every
category with ten or more sentences. They are NOT met on either set: the rules reach the
figures below, and these floors keep them from getting worse. Raise a floor when a change
improves it; do not tune the rules on either set.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real"


@dataclass(frozen=True)
class Floors:
    """What one set reached (docs/language.md, "On real text"), kept as floors."""

    name: str
    precision: float
    recall: float
    category_recall: dict[str, float]  # every category with ten or more sentences


SETS = [
    Floors(
        "test.tsv",
        precision=0.65,  # 63 of 96 sentences with a blame note (0.656); 0.660 at first
        recall=0.36,  # 63 of 172 blame sentences (0.366); 0.360 at first
        category_recall={
            "blame-other": 0.25,  # 0.254
            "counterfactual": 0.47,  # 0.476
            "judgement": 0.34,  # 0.344
            "root-cause": 0.46,  # 0.464
            "self-blame": 0.43,  # 0.435
        },
    ),
    Floors(
        "fresh.tsv",
        precision=0.74,  # 58 of 78 sentences with a blame note (0.744), scored once
        recall=0.46,  # 58 of 125 blame sentences (0.464)
        category_recall={
            "blame-other": 0.34,  # 0.346
            "counterfactual": 0.50,  # 0.500
            "judgement": 0.35,  # 0.350
            "root-cause": 0.73,  # 0.733
            "self-blame": 0.66,  # 0.667
        },
    ),
    Floors(
        "fresh2.tsv",
        precision=0.65,  # 40 of 61 sentences with a blame note (0.656), scored once
        recall=0.21,  # 40 of 183 blame sentences (0.219)
        category_recall={
            "blame-other": 0.15,  # 0.158
            "counterfactual": 0.20,  # 0.200
            "judgement": 0.24,  # 0.240
            "root-cause": 0.35,  # 0.351
            "self-blame": 0.20,  # 0.200
        },
    ),
]
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


def scored(name: str) -> tuple[dict[str, object], dict[str, int]]:
    path = REAL / name
    assert path.is_file(), (
        f"{path} is missing: the real-text sets are part of the repository "
        "(tests/data/real/), and this test scores check() on them"
    )
    corpus = corpus_module()
    samples = corpus.load_corpus(path)
    counts: dict[str, int] = {}
    for sample in samples:
        if sample.labels:
            counts[sample.labels[0]] = counts.get(sample.labels[0], 0) + 1
    return corpus.score(samples), counts


@pytest.fixture(scope="module", params=SETS, ids=[floors.name for floors in SETS])
def result(request: pytest.FixtureRequest) -> tuple[Floors, dict[str, object], dict[str, int]]:
    floors: Floors = request.param
    tallies, counts = scored(floors.name)
    return floors, tallies, counts


def test_each_set_is_real_text_of_a_useful_size(
    result: tuple[Floors, dict[str, object], dict[str, int]],
) -> None:
    _, _, counts = result
    assert sum(counts.values()) >= 120


def test_overall_precision_and_recall_hold_their_floor(
    result: tuple[Floors, dict[str, object], dict[str, int]],
) -> None:
    floors, tallies, _ = result
    overall = tallies["all"]
    assert overall.precision >= floors.precision, overall.misses  # type: ignore[attr-defined]
    assert overall.recall >= floors.recall, overall.misses  # type: ignore[attr-defined]


def test_every_category_with_ten_sentences_holds_its_floor(
    result: tuple[Floors, dict[str, object], dict[str, int]],
) -> None:
    floors, tallies, counts = result
    large = {category for category, count in counts.items() if count >= 10}
    assert large == set(floors.category_recall), "a category crossed ten sentences"
    for category, floor in floors.category_recall.items():
        recall = tallies[category].recall  # type: ignore[attr-defined]
        assert recall >= floor, f"{category}: recall {recall:.3f} < {floor}"

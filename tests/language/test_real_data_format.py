"""The real-text evaluation set: format, labels, sources and the split by source."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
REAL = DATA / "real"
HALVES = ("dev.tsv", "test.tsv")
FRESH = "fresh.tsv"  # the fresh held-out set, from sources in neither half
FRESH2 = "fresh2.tsv"  # the second fresh held-out set, from sources in none of the above
SETS = (*HALVES, FRESH, FRESH2)
PER_ADDRESS = 7  # at most this many sentences of a fresh set from one address
CATEGORIES = {
    "counterfactual",
    "hindsight",
    "root-cause",
    "blame-other",
    "self-blame",
    "judgement",
    "minimising",
}
ALONE = {"-", "expectation"}  # labels that are never joined with others
ADDRESS = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")


def rows(name: str) -> list[tuple[int, str, str, str]]:
    """(line number, label, sentence, source) of every data line of one half."""
    found = []
    lines = (REAL / name).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        assert len(columns) == 3, f"{name}:{number} has {len(columns)} columns, not 3"
        label, sentence, source = columns
        found.append((number, label, sentence, source))
    return found


def test_the_set_is_large_split_about_evenly_and_from_many_sources() -> None:
    halves = {name: rows(name) for name in HALVES}
    total = sum(len(found) for found in halves.values())
    assert total >= 400
    for found in halves.values():
        assert 0.4 <= len(found) / total <= 0.6
    sources = Counter(row[3] for found in halves.values() for row in found)
    assert len(sources) >= 40
    assert max(sources.values()) <= 0.08 * total


@pytest.mark.parametrize("name", SETS)
def test_every_line_has_a_known_label_a_sentence_and_an_address(name: str) -> None:
    for number, label, sentence, source in rows(name):
        where = f"{name}:{number}"
        if label not in ALONE:
            parts = label.split("|")
            assert parts and all(part in CATEGORIES for part in parts), where
            assert len(parts) == len(set(parts)), where
        assert sentence == sentence.strip() and sentence, where
        assert "  " not in sentence, where
        assert ADDRESS.match(source), f"{where}: {source!r} does not look like an address"


def test_no_source_is_in_both_halves() -> None:
    dev, test = ({row[3] for row in rows(name)} for name in HALVES)
    assert not dev & test


def test_no_sentence_is_there_twice_nor_in_our_own_corpus() -> None:
    sentences = Counter(row[2] for name in SETS for row in rows(name))
    assert [s for s, n in sentences.items() if n > 1] == []
    ours = set()
    for corpus in ("language_corpus.tsv", "language_holdout.tsv"):
        for line in (DATA / corpus).read_text(encoding="utf-8").splitlines():
            if "\t" in line and not line.startswith("#"):
                ours.add(line.split("\t", 1)[1].strip().casefold())
    assert [s for s in sentences if s.casefold() in ours] == []


@pytest.mark.parametrize("name", SETS)
def test_each_set_is_roughly_half_blame(name: str) -> None:
    labels = [row[1] for row in rows(name)]
    blame = sum(label not in ALONE for label in labels)
    assert 0.4 <= blame / len(labels) <= 0.6


def test_the_fresh_set_is_large_and_from_sources_in_neither_half() -> None:
    fresh = rows(FRESH)
    assert len(fresh) >= 200
    sources = Counter(row[3] for row in fresh)
    assert len(sources) >= 40
    assert max(sources.values()) <= 0.08 * len(fresh)
    seen = {row[3] for name in HALVES for row in rows(name)}
    assert [source for source in sources if source in seen] == []


def test_the_second_fresh_set_is_large_and_from_sources_in_no_other_set() -> None:
    fresh2 = rows(FRESH2)
    assert len(fresh2) >= 200
    sources = Counter(row[3] for row in fresh2)
    assert len(sources) >= 70
    assert max(sources.values()) <= PER_ADDRESS
    assert max(sources.values()) <= 0.08 * len(fresh2)
    seen = {row[3] for name in (*HALVES, FRESH) for row in rows(name)}
    assert [source for source in sources if source in seen] == []

"""The timeline's evidence lane: each entry on the row of the first moment at or after it."""

from __future__ import annotations

from pathlib import Path

from secondstory.files.demo import make_demo
from secondstory.narrative.merge import load_sources, merge_sources
from secondstory.tui.widgets.evidence_lane import evidence_by_row


def test_evidence_sits_beside_the_first_moment_at_or_after_it(tmp_path: Path) -> None:
    narrative = merge_sources(load_sources([make_demo(tmp_path)]))
    shown = evidence_by_row(narrative)
    rows = {narrative.timeline[row].at.strftime("%H:%M"): said for row, said in shown.items()}  # type: ignore[union-attr]
    # the 14:01 failover alert is shown beside Sam's ~14:05, the first moment after it
    assert rows["14:05"] == "14:01 db-automation: Failover: orders-db-2 promoted to primary"
    # two messages between 14:14 and 14:30: the first, and how many more
    assert rows["14:30"].startswith("+1 14:22 alex: @priya")
    # after the last moment: on the last timed row
    assert rows["14:55"].startswith("+2 14:41 alex:")
    assert sum(1 + int(s[1]) if s.startswith("+") else 1 for s in shown.values()) == 9


def test_no_evidence_means_no_lane(tmp_path: Path) -> None:
    folder = make_demo(tmp_path)
    for lane in (folder / "evidence").iterdir():
        lane.unlink()
    assert evidence_by_row(merge_sources(load_sources([folder]))) == {}

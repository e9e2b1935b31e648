"""The sample incident: three people in three zones, copied fresh into a folder."""

from __future__ import annotations

from pathlib import Path

from secondstory.files.demo import DEMO_INCIDENT, make_demo
from secondstory.files.incidents import load_incident, load_notes
from secondstory.narrative.merge import load_sources, merge_sources


def test_the_demo_is_an_incident_folder_with_three_shared_accounts(tmp_path: Path) -> None:
    folder = make_demo(tmp_path)
    assert folder == tmp_path / DEMO_INCIDENT
    assert load_incident(folder).id == DEMO_INCIDENT
    sources = load_sources([folder])
    assert (len(sources.accounts), sources.skipped) == (3, [])
    assert {a.timezone for a in sources.accounts} >= {"America/New_York", "Asia/Kolkata"}
    assert load_notes(folder, DEMO_INCIDENT).links


def test_the_demo_shows_every_kind_of_time_and_a_disagreement(tmp_path: Path) -> None:
    narrative = merge_sources(load_sources([make_demo(tmp_path)]))
    precisions = {(e.precision, e.when is None) for e in narrative.timeline}
    assert {("exact", False), ("about", False), ("unsure", False), ("exact", True)} <= precisions
    assert narrative.disagreements() and narrative.concurrent and narrative.surprises
    assert narrative.themes and narrative.questions and narrative.summary
    assert not narrative.dangling


def test_making_the_demo_twice_starts_fresh(tmp_path: Path) -> None:
    folder = make_demo(tmp_path)
    (folder / "narrative.toml").write_text("changed", "utf-8")
    make_demo(tmp_path)
    assert load_notes(folder, DEMO_INCIDENT).summary


def test_the_demo_has_evidence_lanes_beside_its_accounts(tmp_path: Path) -> None:
    narrative = merge_sources(load_sources([make_demo(tmp_path)]))
    assert [(lane.name, lane.source) for lane in narrative.evidence] == [
        ("alerts", "alerts"),
        ("incident-channel", "chat"),
    ]
    assert narrative.incident is not None and narrative.incident.services
    # evidence is never anyone's account
    assert len(narrative.participants) == 3

"""The incident in brief and the evidence lanes, beside who shared."""

from __future__ import annotations

from pathlib import Path

from secondstory.files.demo import make_demo
from secondstory.files.model import Incident
from secondstory.narrative.merge import load_sources, merge, merge_sources
from secondstory.tui.widgets.incident_facts import facts_text


def test_the_facilitator_sees_the_incident_facts_and_each_evidence_lane(tmp_path: Path) -> None:
    text = facts_text(merge_sources(load_sources([make_demo(tmp_path)]))).plain
    assert "Impact: For about forty minutes" in text
    assert "Services: checkout-api, orders database" in text
    assert "• incident-channel (chat log) 6 messages, imported from incident-channel.log" in text
    assert "not anyone's account" in text


def test_facts_from_a_file_are_shown_as_text_and_none_means_nothing_shown() -> None:
    incident = Incident(id="inc", title="T", impact="\x1b[2Jwiped", services=["[b]api[/b]"])
    text = facts_text(merge([], incident=incident)).plain
    assert "\x1b" not in text and "wiped" in text and "[b]api[/b]" in text
    assert facts_text(merge([], incident=Incident(id="inc", title="T"))).plain == ""

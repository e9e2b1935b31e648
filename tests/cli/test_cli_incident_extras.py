"""`incident new` with incident facts, `incident invite` and `incident evidence`."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from secondstory.cli.main import main

DATA = Path(__file__).parents[1] / "data" / "evidence"


def test_incident_new_writes_the_incident_facts_given(tmp_path: Path) -> None:
    facts = ["--impact", "orders delayed", "--detected", "a customer wrote in"]
    facts += ["--duration", "about 2 hours", "--services", "queue, billing ,,"]
    code = main(["incident", "new", "--title", "Queue backlog", "--dir", str(tmp_path), *facts])
    assert code == 0
    data = tomllib.loads((tmp_path / "queue-backlog" / "incident.toml").read_text("utf-8"))
    assert data["impact"] == "orders delayed"
    assert data["detected"] == "a customer wrote in"
    assert data["duration"] == "about 2 hours"
    assert data["services"] == ["queue", "billing"]


def test_incident_new_without_facts_writes_no_fact_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["incident", "new", "--title", "Quiet", "--dir", str(tmp_path)]) == 0
    # without --started, it says how bare times will be read
    assert "No start time was given" in capsys.readouterr().out
    data = tomllib.loads((tmp_path / "quiet" / "incident.toml").read_text("utf-8"))
    assert data.get("services", []) == [] and data.get("impact", "") == ""


def test_the_invitation_names_the_command_and_the_promises(
    incident_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["incident", "invite", str(incident_folder)]) == 0
    out = capsys.readouterr().out
    assert "“Checkout outage”" in out
    assert f"secondstory give {incident_folder.resolve()}" in out
    assert "private" in out and "withdraw" in out and "not a judgement of you" in out
    assert "Robin runs the review" in out
    # kind words only: nothing about blame, fault or mistakes made by the reader
    assert "fault" not in out.lower() and "mistake" not in out.lower()


def test_evidence_is_imported_as_a_lane_file_and_said_in_one_line(
    incident_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["incident", "evidence", str(incident_folder), str(DATA / "alerts.csv")]) == 0
    out = capsys.readouterr().out
    assert "Kept 3 times from alerts.csv as the lane 'alerts'" in out
    data = tomllib.loads((incident_folder / "evidence" / "alerts.toml").read_text("utf-8"))
    assert data["kind"] == "secondstory.evidence" and data["source"] == "alerts"
    assert data["file_format"] == "csv" and len(data["entries"]) == 3


def test_a_plain_log_is_read_on_the_incidents_start_day(
    incident_folder: Path, tmp_path: Path
) -> None:
    log = tmp_path / "ops chat.log"
    log.write_text("23:05 alex: lag is growing\n", "utf-8")
    assert main(["incident", "evidence", str(incident_folder), str(log), "--kind", "chat"]) == 0
    data = tomllib.loads((incident_folder / "evidence" / "ops-chat.toml").read_text("utf-8"))
    # the incident started 2017-01-31 23:00 in Amsterdam: 23:05 there is 22:05 UTC
    assert data["entries"][0]["at"].isoformat() == "2017-01-31T22:05:00+00:00"


def test_a_day_that_is_not_a_day_is_one_line_and_writes_nothing(
    incident_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "chat.log"
    log.write_text("23:05 alex: hello\n", "utf-8")
    code = main(["incident", "evidence", str(incident_folder), str(log), "--day", "31/01/2017"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "secondstory: --day '31/01/2017' is not a day like 2017-01-31\n"
    assert not (incident_folder / "evidence").exists()


def test_a_file_that_is_not_evidence_is_refused_in_one_line_and_nothing_is_written(
    incident_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "export.json"
    bad.write_text('{"events": []}', "utf-8")
    assert main(["incident", "evidence", str(incident_folder), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err == f"secondstory: {bad}: is JSON, but neither a Slack nor a Mattermost export\n"
    assert not (incident_folder / "evidence").exists()

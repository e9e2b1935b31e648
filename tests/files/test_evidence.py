"""Evidence files: chat logs and alert times read into lanes, kept apart from accounts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from secondstory.errors import FileProblem
from secondstory.files.evidence import load_evidence, save_evidence
from secondstory.files.evidence_import import Clocks, read_evidence

DATA = Path(__file__).parents[1] / "data" / "evidence"
AMSTERDAM = Clocks(zone=ZoneInfo("Europe/Amsterdam"), day=date(2017, 1, 31))


def test_a_slack_export_becomes_chat_messages_with_their_senders() -> None:
    found = read_evidence(DATA / "slack-ops.json", AMSTERDAM)
    assert found.file_format == "slack" and found.source == "chat"
    # the join message without words is left out
    assert [(e.at, e.who, e.text) for e in found.entries] == [
        (datetime(2017, 1, 31, 23, 5, tzinfo=UTC), "alex", "replication lag is at 4 GB"),
        (datetime(2017, 1, 31, 23, 7, tzinfo=UTC), "sam", "looking at db2 now"),
    ]


def test_a_mattermost_bulk_export_becomes_chat_messages() -> None:
    found = read_evidence(DATA / "mattermost-bulk.jsonl", AMSTERDAM)
    assert found.file_format == "mattermost"
    assert [(e.who, e.text) for e in found.entries] == [
        ("alex", "pg_basebackup is stuck"),
        ("sam", "stopping it"),
    ]
    assert found.entries[0].at == datetime(2017, 1, 31, 23, 5, tzinfo=UTC)


def test_a_csv_of_alerts_reads_iso_unix_and_clock_times_in_the_incidents_zone() -> None:
    found = read_evidence(DATA / "alerts.csv", AMSTERDAM)
    assert found.source == "alerts"
    assert [(e.at.isoformat(), e.who) for e in found.entries] == [
        ("2017-01-31T22:01:00+00:00", "pagerduty"),
        ("2017-01-31T23:10:00+00:00", "deploys"),
        # 23:30 in Amsterdam is 22:30 UTC
        ("2017-01-31T22:30:00+00:00", "monitoring"),
    ]


def test_a_plain_log_keeps_continuation_lines_and_moves_on_a_day_past_midnight(
    tmp_path: Path,
) -> None:
    log = tmp_path / "chat.log"
    log.write_text("[23:55] alex: lag again\n  and growing\n00:10:30 sam: on it\n", "utf-8")
    found = read_evidence(log, AMSTERDAM)
    assert [(e.at.isoformat(), e.who, e.text) for e in found.entries] == [
        ("2017-01-31T22:55:00+00:00", "alex", "lag again\n  and growing"),
        ("2017-01-31T23:10:30+00:00", "sam", "on it"),
    ]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        # a plain log has clock times only; without a day they mean nothing yet
        ("nodate.log", "23:05 alex: hello\n", "give the day with --day"),
        # words before any message line
        ("notes.log", "what a night\n23:05 alex: hello\n", "line 1 is not like"),
        # JSON of some other tool
        ("other.json", '{"events": []}', "neither a Slack nor a Mattermost export"),
        # a CSV without any column saying when
        ("alerts.csv", "service,summary\npg,lag\n", "has no time column"),
        # a CSV time that is not a time
        ("alerts.csv", "time,summary\nsoon,lag\n", "line 2: 'soon' is not a time"),
        # nothing in it
        ("empty.json", "[]", "holds no messages or times"),
        # not text at all
        ("binary.log", b"\xff\xfe\x00", "is not UTF-8 text"),
    ],
)
def test_a_file_that_does_not_fit_is_one_reason_naming_it(
    tmp_path: Path, name: str, content: str | bytes, reason: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    clocks = Clocks(zone=ZoneInfo("UTC"), day=None if name == "nodate.log" else date(2017, 1, 31))
    with pytest.raises(FileProblem) as problem:
        read_evidence(path, clocks)
    assert problem.value.path == path
    assert reason in problem.value.reason
    assert "\n" not in str(problem.value)


def test_saved_evidence_reads_back_in_time_order_and_another_incidents_is_left_out(
    incident_folder: Path,
) -> None:
    found = read_evidence(DATA / "alerts.csv", AMSTERDAM)
    path = save_evidence(
        incident_folder, "checkout-outage", "Pager Alerts", "alerts", found.entries, file="a.csv"
    )
    assert path == incident_folder / "evidence" / "pager-alerts.toml"
    assert oct(path.stat().st_mode & 0o777) == "0o644"
    save_evidence(incident_folder, "another-one", "other", "chat", found.entries)
    lanes, problems = load_evidence(incident_folder, "checkout-outage")
    assert [lane.name for lane in lanes] == ["pager-alerts"]
    assert [e.at for e in lanes[0].entries] == sorted(e.at for e in found.entries)
    assert len(problems) == 1 and "is evidence for incident 'another-one'" in problems[0].reason
